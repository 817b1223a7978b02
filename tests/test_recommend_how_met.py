"""How a must-have is met decides between offerings that all meet it in some way: FIPS
validated crypto that upstream Istio has only as a setting (no validated builds) is what a
vendor's build sells, so that build is picked, and a question naming Kuma and Istio gets one
of their vendor editions; global rate limits that no mesh sets only at the edge rank below
Istio's between services. Open source only, the closest free mesh is picked and the missing
build said. Each goes through the public path (parser.parse, AnswerEngine.answer,
render_terminal)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

VENDOR_BUILDS = ("Gloo Mesh", "Kong Mesh", "Linkerd", "Consul")

FIPS_BUILD_WANTED = [
    "early stage startup selling to gov, EKS, 5 engineers. we need FIPS validated crypto for "
    "service-to-service mtls. what should we use?",
    "we sell to federal agencies, so mTLS between services has to use FIPS 140 validated "
    "crypto. EKS, 8 engineers. which mesh?",
    "need FIPS validated crypto in the mesh, we run on EKS, team of 6, which mesh should we pick",
    "PCI-scoped EKS cluster, workload certs must come from our corporate CA (Vault PKI) and "
    "crypto must be FIPS validated. kuma or istio for us?",
    "should we go with istio or kuma, crypto has to be FIPS validated, 30 services on EKS",
]

GLOBAL_LIMITS = [
    "need per-client rate limiting that holds across all replicas (global, not per pod), EKS, "
    "small team, open source only. which mesh?",
    "open source only, EKS, small team: we need a rate limit shared by all replicas of a "
    "service, not per pod. which mesh?",
    "need global rate limiting between our services (redis backed, one quota across every "
    "replica), open source only, small team on EKS",
    "which open source mesh can do a central rate limit counted across all pods of a service? "
    "EKS, 3 engineers",
    "small team, EKS, open source only. must have: global rate limits shared across replicas",
]

# Near misses, as picked before: FIPS with open source only (no free build is validated:
# the closest is picked and the gap said), no FIPS asked, limits per pod or at the ingress.
UNCHANGED = [
    (
        "open source only please: fips 140 validated mtls between services on EKS, which mesh",
        "Istio (sidecar mode)",
    ),
    (
        "we're a gov contractor on EKS, open source only, 5 engineers. need FIPS validated crypto "
        "for mtls. which mesh?",
        "Istio (sidecar mode)",
    ),
    ("kuma or istio for us? EKS, workload certs from our Vault PKI", "Istio (sidecar mode)"),
    (
        "small team on EKS, 12 services, need rate limiting per pod, open source only. which mesh?",
        "No mesh",
    ),
    (
        "small team, EKS, 10 services, we need to rate limit requests to our public API at the "
        "ingress. do we need a mesh?",
        "No mesh",
    ),
]


def _answer(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text)))


@pytest.mark.parametrize("text", FIPS_BUILD_WANTED)
def test_fips_met_only_by_a_vendor_build_picks_one(engine: AnswerEngine, text: str):
    answer = _answer(engine, text)
    first = answer.splitlines()[0]
    assert first.startswith("Recommendation: ") and any(m in first for m in VENDOR_BUILDS)
    assert "the licence buys the vendor's own API, builds and support" not in answer
    assert "Here the licence buys what you asked for" in answer


@pytest.mark.parametrize("text", GLOBAL_LIMITS)
def test_global_limits_between_services_beat_the_edge_only(engine: AnswerEngine, text: str):
    assert _answer(engine, text).startswith("Recommendation: Istio (sidecar mode)")


@pytest.mark.parametrize(("text", "pick"), UNCHANGED)
def test_near_misses_keep_their_pick(engine: AnswerEngine, text: str, pick: str):
    answer = _answer(engine, text)
    assert answer.startswith(f"Recommendation: {pick}\n")
    if "fips" in text.lower():  # no free build is validated, and the answer says so
        assert "upstream documents no validated builds" in answer
