"""Setups that carry their history and their setting: where a mesh must work (IPv6-only
clusters), a mesh that hurt them before, the mesh they run and its upgrades. Each goes through
the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# Where a mesh must work is no job a mesh does: no mesh "meets" IPv6-only clusters only by
# doing nothing, so a mesh asked for on them is still a mesh.
IPV6_SETUPS = [
    "we're rolling out ipv6-only kubernetes clusters on bare metal next quarter, some stay "
    "dual-stack. which mesh copes with that? ~120 services",
    "network team is moving our on-prem k8s to dual stack and eventually v6 only. 80 "
    "microservices. need a service mesh that handles ipv6 properly",
    "Dual-stack clusters (IPv4+IPv6) in our own DC, around 90 services. What mesh should we "
    "use that actually works with IPv6?",
    "ipv6-only clusters incoming. ~150 svcs on self-managed kubernetes. mesh recommendation "
    "that won't break on ipv6?",
    "about 70 services, kubernetes on our own hardware, and the network folks mandate IPv6 "
    "single stack for new clusters. which service mesh is safe to pick?",
]


@pytest.mark.parametrize("text", IPV6_SETUPS)
def test_a_mesh_asked_for_on_ipv6_clusters_is_a_mesh_that_runs_there(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert found.pick in {"istio", "linkerd", "cilium", "kuma"}, found.pick
    assert engine.kb.meshes[found.pick].features["ipv6_dual_stack"].level.value == "yes"


# A mesh that hurt them once, said as history: what hurt (its upgrades) is a reason against
# it, not a must-have of the next mesh.
HURT_BEFORE_SETUPS = [
    "back in 2022 we had istio and it was a nightmare to upgrade, nobody owned it. security "
    "now needs mutual tls + golden signals on eks (~35 svcs, tiny team). recommendation?",
    "Our previous attempt at a service mesh (Istio 1.10) failed: two broken upgrades and no "
    "owner. Today: EKS, 45 services, 3 platform engineers, mTLS and golden metrics required. "
    "Which mesh?",
    "tried istio in 2021, got burned by upgrades. need mTLS + metrics now, ~40 services on "
    "EKS, team of 3, nothing paid. what should we pick this time?",
    "we ran istio a couple years ago and ripped it out after upgrades kept breaking. now "
    "compliance wants mtls and request metrics. EKS, 50 services, 2 engineers. what now?",
    "security wants mtls and golden metrics. we're on eks with around 40 services and 3 "
    "platform folks. we used istio before and it hurt us (upgrades broke twice). what should "
    "we run?",
]


@pytest.mark.parametrize("text", HURT_BEFORE_SETUPS)
def test_a_mesh_that_hurt_them_before_is_weighed_against_not_asked_for(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts.get("hurt_before") == "istio" and "incumbent" not in facts
    assert "revision_upgrades" not in facts["needs"]
    found = verdict(engine, text)
    assert found.pick in {"linkerd", "istio-ambient", "cilium"}, found.pick


# The mesh whose upgrade took the platform down is the mesh they run: a large estate on it
# keeps mTLS, so an offering without workload mTLS is no landing spot.
OUTAGE_SETUPS = [
    "our istio upgrade last week caused a 30 minute outage across the cluster. ~350 services "
    "on EKS, platform team of 3. move to linkerd, or can we make istio upgrades safe with "
    "revisions?",
    "istio upgrades keep taking prod down. 500 services on eks, small team. do we migrate to "
    "linkerd or do canary upgrades of the control plane?",
    "upgrading istio broke the whole platform for almost an hour. leadership wants answers. "
    "we have 400 services on EKS and 3 platform engineers. linkerd, or a safer istio upgrade "
    "process?",
    "After the last Istio upgrade took everything down for 40 minutes, management is asking "
    "if we should switch meshes. EKS, ~400 services, 3 people. Linkerd? Or revision-based "
    "upgrades?",
    "we run istio on eks (400 svcs) and the last control plane upgrade caused a big outage. 3 "
    "person platform team. should we move to linkerd or is there a safer upgrade path for "
    "istio like canary revisions?",
]


@pytest.mark.parametrize("text", OUTAGE_SETUPS)
def test_the_mesh_whose_upgrade_took_prod_down_is_theirs_and_stays_whole(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts.get("incumbent") == "istio" and facts.get("hurts") is True
    found = verdict(engine, text)
    assert found.pick in {"istio", "istio-ambient", "linkerd", "gloo-mesh"}, found.pick


def test_a_quantity_asked_complains_of_nothing(engine: AnswerEngine):
    text = "3 replicas each across 400 services. how much ram would linkerd proxies eat in total"
    assert "incumbent" not in engine.parser.parse(text).facts


# A mesh wanted for mTLS alone on a handful of pods a site: TLS in the apps does that.
EDGE_SETUPS = [
    "retail edge: ~300 stores, each with a 2-node k3s cluster on raspberry-pi class arm64 "
    "hardware (4GB), ~8 pods per store, unreliable WAN. a colleague wants a service mesh just "
    "for mtls. good idea?",
    "we run k3s at 500 edge sites, 1 to 3 small arm nodes each with 4gb ram, maybe a dozen "
    "pods, connectivity is spotty. is a mesh for mtls overkill here?",
    "Edge fleet: k3s, ~400 locations, each location 1-3 ARM64 nodes with 4 GB RAM, around 10 "
    "pods per site, flaky network links. Someone proposed adding a service mesh to get mTLS. "
    "Sane or not?",
    "should we put a mesh on our store edge clusters? k3s, arm64 boxes with 4GB ram, 1-3 nodes "
    "and ~10 pods per store, 400 stores, links drop often. the ask is mtls",
]


@pytest.mark.parametrize("text", EDGE_SETUPS)
def test_a_mesh_for_mtls_alone_on_a_few_pods_is_no_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("only_mtls") is True
    assert verdict(engine, text).pick in {"no-mesh", "linkerd"}


def test_a_mesh_for_mtls_beside_other_needs_is_more_than_mtls(engine: AnswerEngine):
    text = "eks, 20 pods. we want a mesh for mtls and retries. which one?"
    assert engine.parser.parse(text).facts.get("only_mtls") is not True


@pytest.mark.parametrize(
    "text",
    [
        "eks, 40 services. CTO does NOT want to pay for licences. which mesh?",
        "eks, 40 services. we don't want to pay for licenses. which mesh?",
        "eks 40 svcs, management is not wanting to pay for any licenses. mesh?",
    ],
)
def test_not_wanting_to_pay_for_licences_is_read_like_no_licence_budget(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["licence"] == "open_source"


@pytest.mark.parametrize(
    "text",
    [
        "we run linkerd on eks, 60 services. we tried istio back in 2021 and upgrades broke "
        "twice. need mtls + retries, what should we do?",
        "we've been running linkerd for 2 years on eks, 60 services; back in 2020 we used istio "
        "and it was a nightmare. want mtls and retries. stay or move?",
    ],
)
def test_the_pain_of_a_mesh_they_left_long_ago_is_not_the_mesh_they_run_now(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts["incumbent"] == "linkerd" and facts["hurt_before"] == "istio"
    assert "hurts" not in facts
    assert verdict(engine, text).pick == "linkerd"


def test_a_canary_of_the_control_plane_is_an_upgrade_not_a_traffic_split(engine: AnswerEngine):
    facts = engine.parser.parse("eks, 400 services, we run istio. canary control plane?").facts
    assert "traffic_split" not in facts.get("needs", [])
    assert "traffic_split" in engine.parser.parse("eks, need canary releases. mesh?").facts["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "we run istio sidecars on gke, 300 services. would moving to ambient hurt our latency?",
        "we run istio on eks, 200 services. how do we avoid an outage during upgrades? linkerd "
        "or canary upgrades?",
    ],
)
def test_a_pain_asked_about_is_no_complaint_about_the_mesh_they_run(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts["incumbent"] == "istio" and "hurts" not in facts
