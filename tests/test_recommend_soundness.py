"""A recommendation's reasoning holds up to an expert reader: a hard constraint is met by the
mode the offering would run in, rule-out reasons apply to what they rule out, a runner-up
meets the must-haves, and what would split a close call says something true. Every case goes
through the public path (parse, then the verdict or the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# No sidecars and an L7 need (JWT): Google's sidecar-free mode on GKE is L4 only, so it is out;
# a vendor's Istio meets the need as ambient mode does (through a waypoint), no better.
NO_SIDECARS_JWT = [
    "GKE standard, ~300 pods. Security's hard rule: no sidecars allowed. We need L7 "
    "authorization policies on JWT claims. Which mesh?",
    "GKE cluster with roughly 40 services. Sidecar proxies are a no-go for us. Must validate "
    "JWTs from our IdP at the mesh and enforce per-path authorization.",
    "security team banned sidecar containers. we need request-level auth (JWT validation) "
    "between services on google kubernetes engine. what should we run?",
    "No sidecars. JWT authn + L7 authz policies. GKE. 300 pods.",
    "we're a GKE shop; our rule is no per-pod proxies, and every service call must carry a JWT "
    "we check at the mesh with path-based authorization rules",
]


@pytest.mark.parametrize("text", NO_SIDECARS_JWT)
def test_no_sidecars_with_jwt_picks_the_mode_that_meets_both(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.of("google-cloud-service-mesh").out
    assert "without sidecars" in found.of("google-cloud-service-mesh").reasons[0].text
    assert found.pick == "istio-ambient"
    gloo = found.of("gloo-mesh")
    assert not gloo.out and any("without sidecars" in c.text for c in gloo.caveats)


def test_a_vendors_istio_keeps_its_own_rows_with_sidecars_allowed(engine: AnswerEngine):
    found = verdict(engine, "GKE, 300 pods, need JWT validation at the mesh, vendor support")
    assert not any("without sidecars" in c.text for c in found.of("gloo-mesh").caveats)
    assert not found.of("google-cloud-service-mesh").out


def test_proxyless_grpc_is_no_sidecar_by_another_way(engine: AnswerEngine):
    found = verdict(
        engine,
        "gRPC services on GKE; we want proxyless gRPC (xDS in the client, no sidecar hop) with "
        "a google-managed control plane",
    )
    assert not found.of("google-cloud-service-mesh").out


def test_the_answer_says_why_the_providers_mesh_is_out(engine: AnswerEngine):
    text = render_terminal(engine.ask(NO_SIDECARS_JWT[3]))
    assert "no JWT validation without sidecars" in text
