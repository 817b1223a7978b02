"""GKE Autopilot setups, read through the public path (parse, then the verdict): what cannot
run where Google runs the nodes is ruled out with its cited reason (knowledge/rules.yaml
`autopilot`, each mesh's `fit.gke_autopilot`), and near setups keep their picks."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

AUTOPILOT = [
    "we're on GKE Autopilot, 40 services, need mTLS. which mesh?",
    "gke autopilot clusters, about 25 svcs, want retries and mtls between them",
    "GKE in Autopilot mode, 60 microservices. what service mesh fits?",
    "our platform is GKE autopilot; 15 services, we need traffic splitting for canaries",
    "we run gke with autopilot, ~80 services, zero trust between services is required",
]


@pytest.mark.parametrize("text", AUTOPILOT)
def test_autopilot_rules_out_what_needs_privileged_node_agents(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["gke_autopilot"] is True
    assert facts["platform"] == ["gke"]
    found = verdict(engine, text)
    out = {s.mesh.id for s in found.ruled_out}
    # ambient needs the Istio CNI node agent; Cilium would replace Dataplane V2
    assert {"istio-ambient", "cilium"} <= out
    # sidecar Istio (istio-init with NET_ADMIN allowed), Consul's dataplane and the managed
    # Cloud Service Mesh run there
    assert {"istio", "consul", "google-cloud-service-mesh"} <= set(found.survivors)


@pytest.mark.parametrize(
    ("text", "mesh", "reason"),
    [
        (
            "gke autopilot, 25 svcs, want sidecarless ambient mesh",
            "istio-ambient",
            "not available on GKE Autopilot",
        ),
        (
            "our clusters are GKE Autopilot; we'd like cilium service mesh. 60 services",
            "cilium",
            "GKE Dataplane V2",
        ),
    ],
)
def test_autopilot_says_why_a_named_mesh_is_out(
    engine: AnswerEngine, text: str, mesh: str, reason: str
):
    found = verdict(engine, text)
    reasons = {s.mesh.id: " ".join(f.text for f in s.reasons) for s in found.ruled_out}
    assert mesh in reasons
    assert reason in reasons[mesh]


def test_istio_on_autopilot_carries_the_net_admin_caveat(engine: AnswerEngine):
    found = verdict(engine, "GKE autopilot, 30 services, we want istio with mTLS")
    istio = next(s for s in found.screened if s.mesh.id == "istio")
    assert not istio.out
    assert any("allow-net-admin" in f.text for f in istio.caveats)


@pytest.mark.parametrize(
    "text",
    [
        "GKE standard clusters, 40 services, need mTLS. which mesh?",
        "we're on GKE, 60 microservices. what service mesh fits?",
        "gke, 25 services, want sidecarless ambient mesh",
    ],
)
def test_plain_gke_is_not_autopilot(engine: AnswerEngine, text: str):
    assert "gke_autopilot" not in engine.parser.parse(text).facts
    out = {s.mesh.id for s in verdict(engine, text).ruled_out}
    assert "istio-ambient" not in out


@pytest.mark.parametrize(
    "text",
    [
        "how do I resize the node pool on gke autopilot",
        "how do i bump max pods per node on eks fargate",
        "how do I change the machine type on gke autopilot",
        "how do we set pod resource requests on gke autopilot",
        "how do i add a fargate profile on eks fargate",
    ],
)
def test_a_chore_of_the_platform_is_out_of_scope_whatever_its_mode(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize(
    "text",
    [
        "gke autopilot, 40 services, which mesh",
        "we're on gke autopilot with 3 clusters, need mtls. what should we run?",
        "eks fargate, 20 services, do we need a mesh?",
    ],
)
def test_a_setup_in_that_mode_still_asks_for_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend
