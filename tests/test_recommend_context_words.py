"""Context words read right in a setup: developers counted are no platform team, teams counted
are not platform teams, "no BUSL" bans source-available licences only, and a CNI kept with a
sidecar-free mesh wanted asks for a pick, not a list. Every case goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "8 devs, one k8s cluster, 12 services. SOC2 auditors want encryption in transit. which "
        "mesh?",
        "we're a team of 6 developers with 20 services on EKS, need mtls. which mesh?",
        "startup, 12 developers, 25 services on GKE, want mTLS and metrics. which mesh?",
        "small shop: 5 devs and 9 services on AKS. which service mesh, if any?",
        "our 15 software engineers run 30 services on one k8s cluster. recommend a mesh",
    ],
)
def test_developers_counted_are_no_dedicated_platform_team(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("team_size") == "small"
    assert "engineers" not in facts
    assert "dedicated platform team" not in render_terminal(engine.ask(text)).lower()


def test_platform_engineers_counted_still_run_the_platform(engine: AnswerEngine):
    facts = engine.parser.parse("25 devs, 2 platform engineers, 60 services on GKE").facts
    assert facts.get("engineers") == 2 and facts.get("developers") == 25


@pytest.mark.parametrize(
    "text",
    [
        "multi-tenant platform: 40 teams, 5000 pods, k8s + VMs, enterprise support. which mesh?",
        "we host 25 product teams on one eks cluster, 900 pods. which mesh?",
    ],
)
def test_teams_counted_are_not_called_platform_teams(engine: AnswerEngine, text: str):
    assert "platform teams" not in render_terminal(engine.ask(text))


NO_BUSL = [
    "150 VMs plus 2 k8s clusters and some Nomad. need mTLS everywhere. legal says no BUSL licences",
    "k8s and 200 VMs, mTLS everywhere, enterprise support wanted, but no BSL licences allowed",
    "hybrid estate (VMs + kubernetes), legal banned business source licenses. which mesh?",
    "no source-available licences please; 3 k8s clusters and 80 VMs, vendor support needed",
    "VMs and EKS, mTLS, paid support fine, just no BUSL licenses. what should we use?",
]


@pytest.mark.parametrize("text", NO_BUSL)
def test_no_busl_bans_source_available_not_proprietary(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("licence") == "no_source_available"
    found = verdict(engine, text)
    assert found.of("consul").out  # BUSL-1.1
    assert not any("proprietary" in r.text for r in found.of("kong-mesh").reasons)


CNI_KEPT = [
    "we run Calico Enterprise and we are NOT changing our CNI. want a sidecarless mesh. options?",
    "calico stays as our CNI, we want no sidecars. what are our options?",
    "not replacing our CNI (calico). any sidecar-free meshes we could use?",
    "we won't swap out flannel. which sidecarless meshes could work for us?",
    "keeping antrea, no new CNI. looking for a mesh without sidecars, options?",
]


@pytest.mark.parametrize("text", CNI_KEPT)
def test_a_kept_cni_and_no_sidecars_ask_for_a_pick_without_cilium(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind.value == "recommend"
    found = verdict(engine, text)
    assert found.of("cilium").out
    assert found.pick == "istio-ambient"


@pytest.mark.parametrize(
    "text", ["which meshes are sidecarless?", "who besides google supports proxyless grpc"]
)
def test_a_list_without_a_setup_stays_a_list(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind.value == "which_meshes"


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 3 clusters, 400 pods, team of 2, need mTLS and golden metrics, no envoy please",
        "PCI environment on EKS, 60 services, need mTLS between all of them. which mesh?",
        "eks, 120 services, we need mutual tls and retries. what should we run?",
        "AKS, 120 services, no sidecars",
        "HIPAA workloads on EKS, 30 services, 3 engineers, encryption in transit required",
    ],
)
def test_the_pick_leads_and_the_providers_offering_out_follows(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    pick = engine.kb.meshes[verdict(engine, text).pick]
    assert answer.lead.startswith(pick.name)


@pytest.mark.parametrize(
    "text",
    [
        "we run nomad with consul for service discovery, 80 services. which mesh?",
        "we run istio today on 40 services, upgrades are painful. what now?",
        "linkerd on 3 clusters today, 500 pods. should we move?",
    ],
)
def test_no_reason_names_an_offering_it_does_not_weigh(engine: AnswerEngine, text: str):
    for line in render_terminal(engine.ask(text)).splitlines():
        if line.startswith("- Against No mesh") or line.startswith("- For No mesh"):
            assert "VPC Lattice" not in line
