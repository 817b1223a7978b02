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


def _screened_line(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"- {name}:"))


# Support for a mesh and a managed control plane say what they want of a mesh: running none
# is out as not that, never as an unsupported mesh or one they would run themselves.
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "We run AKS, ~40 services, need mTLS between them, and the mesh must be supported "
            "by Microsoft.",
            "not a mesh Microsoft supports, as you ask",
        ),
        (
            "OpenShift 4.16 with 120 services; whatever we pick has to be covered by our Red Hat "
            "support.",
            "not a mesh Red Hat supports, as you ask",
        ),
        (
            "GKE Autopilot. We don't want to run istiod ourselves: a managed control plane, "
            "mTLS and retries.",
            "not the managed mesh you ask for",
        ),
        (
            "azure aks, 60 svcs, microsoft support contract required for the mesh",
            "not a mesh Microsoft supports, as you ask",
        ),
        (
            "GKE, 80 services, someone else must run the mesh control plane for us",
            "not the managed mesh you ask for",
        ),
    ],
)
def test_no_mesh_is_out_as_not_the_mesh_asked_for(engine: AnswerEngine, text: str, reason: str):
    line = _screened_line(render_terminal(engine.ask(text)), "No mesh")
    assert f"ruled out — {reason}" in line
    assert "no support contract" not in line and "run its control plane" not in line


# A runner-up meets the must-haves as well as the others left; none falls short of what the
# pick meets and is still called close behind.
@pytest.mark.parametrize(
    "text",
    [
        "on-prem kubernetes, platform team of 3, no Envoy anywhere, need mTLS and retries, "
        "60 services",
        "AKS with Windows node pools running .NET services; the Windows containers need mTLS "
        "too. 30 services",
        "we refuse envoy. self-managed k8s, three people run the platform. must have mutual TLS "
        "and automatic retries",
        "windows server containers on AKS must be in the mesh with mtls, ~30 services",
        "bare-metal k8s, 3 engineers, envoy is a no-go, mTLS + retries needed",
    ],
)
def test_the_runner_up_meets_the_must_haves_as_well_as_the_rest(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    runner = found.runner_up
    if runner is not None:
        assert found.of(runner).shortfalls <= found.of(found.pick).shortfalls
        assert found.of(runner).shortfalls == min(
            found.of(m).shortfalls for m in found.survivors[1:]
        )
    assert runner != "no-mesh"


# Linkerd picked: the caveat that matters most for most teams is where stable builds come from.
@pytest.mark.parametrize(
    "text",
    [
        "on-prem kubernetes, platform team of 3, no Envoy anywhere, need mTLS and retries, "
        "60 services",
        "we're moving off NGINX Service Mesh, on-prem k8s, 70 services, need mTLS and retries",
        "bare-metal k8s, 3 engineers, envoy is a no-go, mTLS + retries needed",
        "self-hosted kubernetes, 40 services, small team, we want mTLS and golden metrics with "
        "as little to run as possible and no envoy",
        "k8s in our own DC, no Envoy please, mutual TLS and retries, ops team of two",
    ],
)
def test_a_linkerd_pick_leads_with_where_stable_builds_come_from(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert answer.title == "Recommendation: Linkerd"
    assert "Main caveat: the open-source project ships only edge releases" in answer.lead
    assert "Buoyant Enterprise for Linkerd" in answer.lead and "50 employees" in answer.lead


def test_a_small_company_or_a_buoyant_customer_gets_another_caveat(engine: AnswerEngine):
    for text in (
        "on-prem kubernetes, startup of 20 employees, no Envoy, need mTLS and retries",
        "on-prem kubernetes, no Envoy, mTLS and retries, we want Buoyant support",
    ):
        answer = engine.ask(text)
        assert answer.title == "Recommendation: Linkerd"
        assert "ships only edge releases" not in answer.lead


def test_a_must_have_met_only_in_a_paid_edition_is_the_main_caveat(engine: AnswerEngine):
    answer = engine.ask(
        "AKS with Windows node pools running .NET services; the Windows containers need mTLS "
        "too. 30 services"
    )
    assert (
        "Main caveat: Windows nodes (beta) only in Buoyant Enterprise for Linkerd, a paid edition"
        in answer.lead
    )


@pytest.mark.parametrize(
    "text",
    [
        "We need Apache-2.0 licensed software only, no vendor involvement, and stable releases "
        "we can get for free. EKS, 500 pods.",
        "apache 2.0 only, no vendor, must have free stable builds, EKS ~500 pods",
        "EKS 500 pods. licence: Apache-2.0 only. releases: stable builds for free",
        "we can't pay anyone and need stable releases at no cost, apache 2 license only, 500 "
        "pods on EKS",
        "open source only; stable (not edge) releases without paying; EKS, 500 pods",
    ],
)
def test_free_stable_releases_are_stable_releases_wanted(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("stable_releases") is True
    assert verdict(engine, text).of("linkerd").out


# The successor reason is true only of what the retired mesh's makers or provider name.
def test_only_named_successors_get_the_successor_reason(engine: AnswerEngine):
    for text in (
        "we run Traefik Mesh on k3s at the edge, 10 services; it's unmaintained, what now?",
        "EKS, 200 services, we have to leave AWS App Mesh, what should we move to?",
        "leaving app mesh on eks next quarter, ~200 svcs, what do we switch to",
        "traefik mesh is dead, we're on k3s with 10 services, where do we go",
        "our nginx service mesh is end of life; 70 services on-prem k8s; replacement?",
    ):
        text = render_terminal(engine.ask(text))
        for line in text.splitlines():
            if "one of the successors its makers" in line:
                assert "Lattice" in line or "ECS Service Connect" in line, line


def test_a_close_call_is_split_by_one_question_s_answers(engine: AnswerEngine):
    answer = engine.ask(
        "Startup, 2 SREs, 20 services on DigitalOcean Kubernetes. What's the easiest mesh?"
    )
    if "A close call" in answer.lead:
        assert "What would split them: your answer to “" in answer.lead
        assert "vendor's support contract" not in answer.lead


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("No sidecars. JWT authn + L7 authz policies. GKE. 300 pods.", "waypoint"),
        (
            "security team banned sidecar containers. we need request-level auth (JWT "
            "validation) between services on google kubernetes engine",
            "waypoint",
        ),
        (
            "AKS with Windows node pools running .NET services; the Windows containers need "
            "mTLS too. 30 services",
            "Buoyant Enterprise for Linkerd",
        ),
    ],
)
def test_the_picks_caveats_say_why_a_row_is_partial(engine: AnswerEngine, text: str, why: str):
    caveats = next(p for p in engine.ask(text).points if getattr(p, "heading", "") == "Caveats")
    assert why in caveats.text
