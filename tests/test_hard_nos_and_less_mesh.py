"""Must-nots listed under a label ("Hard NOs: sidecars, …"), open source said acceptable rather
than required ("fine with open source or a paid vendor"), and upgrade pain where the question is
whether to keep a mesh at all (no mesh has no control plane to upgrade): each read through the
public path, with near misses that must read as before."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.test_recommend_scenarios import picks

CANARY = "revision_upgrades"


def facts(engine: AnswerEngine, text: str) -> dict:
    return engine.parser.parse(text).facts


# A colon after a label naming must-nots: what it lists is refused.
LABELLED_NOS = [
    "AKS, 300 services, mTLS. Hard NOs: sidecars, and swapping our CNI. Which mesh?",
    "EKS with 400 services. Our hard nos: sidecars. what do you recommend?",
    "GKE, 250 services, need mTLS. Dealbreakers: sidecars. Which mesh fits?",
    "on-prem k8s, 500 svcs. Deal breakers: sidecars, per-pod proxies. which mesh",
    "AKS, 200 services. Must-nots: sidecars. Which mesh should we pick?",
    "EKS, 600 services. Red lines: sidecars. recommend a mesh",
]


@pytest.mark.parametrize("text", LABELLED_NOS)
def test_a_labelled_list_of_must_nots_refuses_what_it_lists(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("no_sidecars") is True
    assert not intent.unknown_names


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 300 services. Hard requirements: mTLS and sidecars are fine. Which mesh?",
        "EKS, 200 services. Must-haves: mTLS. which mesh?",
        "GKE, 250 services. Sidecars are fine. Which mesh fits?",
    ],
)
def test_a_label_naming_no_must_not_refuses_nothing(engine: AnswerEngine, text: str):
    assert facts(engine, text).get("no_sidecars") is not True


# Open source said to be acceptable, or one of two acceptable: no licence policy.
OPEN_SOURCE_ACCEPTED = [
    "AKS, 300 services, fine with open source or a paid vendor. Which mesh?",
    "EKS, 200 services; we're happy with open source or paid. which mesh",
    "GKE, 150 services, open source or commercial, either works. recommend one",
    "EKS, 400 services, ok with open source or a commercial product. which mesh?",
    "AKS, 250 services, open to open source or enterprise offerings. which mesh?",
]


@pytest.mark.parametrize("text", OPEN_SOURCE_ACCEPTED)
def test_open_source_said_acceptable_sets_no_licence_policy(engine: AnswerEngine, text: str):
    assert "licence" not in facts(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 300 services, open source only. Which mesh?",
        "EKS, 200 services, must be open source. which mesh",
        "GKE, 150 services, we only run open source or nothing. recommend one",
    ],
)
def test_open_source_required_is_still_a_licence_policy(engine: AnswerEngine, text: str):
    assert facts(engine, text).get("licence") == "open_source"


def test_hard_no_sidecars_with_multi_cluster_keeps_ambient(engine: AnswerEngine):
    """No sidecars said as a hard rule is not given up for the sidecar mesh that meets
    multi-cluster in full: the sidecar-free offerings are the ones weighed."""
    chosen, _ = picks(
        engine,
        "AKS, 6 clusters across 3 regions, ~1,200 services. Requirements: mTLS everywhere, "
        "L7 authz on a few namespaces, cross-cluster failover. Hard NOs: sidecars, and "
        "swapping our CNI. Fine with open source or a paid vendor. Which mesh?",
    )
    assert chosen and set(chosen) <= {"istio-ambient", "gloo-mesh"}


# Upgrades said to hurt where they ask whether to keep a mesh at all: no canary
# control-plane upgrades are needed of the answer, and no mesh is not ruled out for them.
LESS_MESH = [
    "We run Istio on EKS for 6 services, only use mTLS. Upgrades keep breaking stuff and "
    "there are 2 of us. Keep it, switch to something lighter, or just drop the mesh?",
    "linkerd on eks for 5 services, upgrades are painful, team of 2. do we even need a mesh?",
    "8 services on AKS with istio, we only need mTLS, upgrades keep biting us. should we "
    "drop the mesh entirely?",
    "do we even need a mesh? istio upgrades keep breaking prod, it's 7 services on EKS and "
    "all we use is mTLS",
    "kuma on eks for 10 services, upgrades are a pain for our 3 person team. is a mesh "
    "overkill for us?",
]


@pytest.mark.parametrize("text", LESS_MESH)
def test_upgrade_pain_where_the_mesh_is_doubted_needs_no_canary_upgrades(
    engine: AnswerEngine, text: str
):
    said = facts(engine, text)
    assert said.get("mesh_doubted") is True
    assert CANARY not in said.get("needs", [])
    chosen, _ = picks(engine, text)
    assert chosen and set(chosen) <= {"no-mesh", "linkerd"}


@pytest.mark.parametrize(
    "text",
    [
        "team hates CRD sprawl and upgrade pain. 40 svcs on eks, which mesh",
        "upgrades keep breaking stuff and we need canary control-plane upgrades. EKS, 200 "
        "services, which mesh?",
        "we want canary control-plane upgrades. EKS, 200 services, which mesh?",
    ],
)
def test_upgrade_pain_or_canary_asked_without_doubting_a_mesh_stays_a_need(
    engine: AnswerEngine, text: str
):
    assert CANARY in facts(engine, text).get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "We run Istio on EKS for 200 services, only use mTLS. Upgrades keep breaking stuff. "
        "Keep it, switch to something lighter, or just drop the mesh?",
        "We run Istio on EKS for 6 services and need mTLS plus L7 authorization policies. "
        "Upgrades keep breaking stuff. Keep it or drop the mesh?",
    ],
)
def test_a_mesh_run_on_more_services_or_for_more_than_mtls_is_not_dropped(
    engine: AnswerEngine, text: str
):
    chosen, _ = picks(engine, text)
    assert chosen and "no-mesh" not in chosen


# Traffic between their site and a cloud, over the link joining them, is what must be
# encrypted: the link or the few endpoints crossing it are, with no mesh.
BETWEEN_SITES = [
    "on-prem VMware VMs + a small EKS cluster, ~20 services, mostly batch + 2 APIs. Only "
    "requirement: traffic between on-prem and AWS must be encrypted (it goes over Direct "
    "Connect). Someone suggested a hybrid service mesh. overkill?",
    "we have a DC and an EKS cluster, 25 services. compliance says traffic over Direct Connect "
    "has to be encrypted. which mesh?",
    "15 services split between our datacenter and AWS; the only ask is encrypting traffic "
    "between on-prem and AWS. do we need a mesh for that?",
    "AKS plus on-prem VMs, 30 services, everything between on-prem and Azure goes over "
    "ExpressRoute and must be encrypted. recommend something",
    "small EKS cluster and some on-prem VMs, ~18 services. need encryption between our "
    "datacenter and aws, nothing else. what do you suggest?",
]


@pytest.mark.parametrize("text", BETWEEN_SITES)
def test_encryption_between_a_site_and_the_cloud_needs_no_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("between_sites") is True
    assert not intent.unknown_names
    chosen, _ = picks(engine, text)
    assert chosen == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 200 services, we need mTLS between services and L7 authorization. which mesh?",
        "we need one mesh across our on-prem VMs and EKS, 150 services, mTLS everywhere and "
        "traffic shifting. which mesh?",
    ],
)
def test_encryption_inside_the_estate_is_not_between_sites(engine: AnswerEngine, text: str):
    assert "between_sites" not in facts(engine, text)


def test_a_mesh_asked_for_more_than_the_link_is_still_a_mesh(engine: AnswerEngine):
    chosen, _ = picks(
        engine,
        "300 services on EKS and on-prem VMs connected via Direct Connect; we need mTLS between "
        "every service, traffic splitting and L7 authorization. recommend a mesh",
    )
    assert chosen and "no-mesh" not in chosen


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 6 clusters, 1,200 services. mTLS, L7 authz, cross-cluster failover. Hard NOs: "
        "sidecars. Open source only. Which mesh?",
        "EKS, 4 clusters, 800 services, need multi-cluster and mTLS. No sidecars, open source "
        "only. which mesh?",
    ],
)
def test_a_hard_no_is_kept_over_a_must_have_met_only_in_beta(engine: AnswerEngine, text: str):
    """Ambient's multi-cluster is beta (a partial row): the sidecar mesh meeting it in full is
    not picked over a hard no to sidecars; ambient is, with that caveat."""
    chosen, _ = picks(engine, text)
    assert chosen == ["istio-ambient"]
