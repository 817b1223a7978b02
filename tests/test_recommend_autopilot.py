"""GKE Autopilot setups, read through the public path (parse, then the verdict): what cannot
run where Google runs the nodes is ruled out with its cited reason (knowledge/rules.yaml
`autopilot`, each mesh's `fit.gke_autopilot`), and near setups keep their picks."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
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
