"""Two hard wishes in conflict: the offering they want falls short of another need. The answer
says so first, with what it lacks and a source, then gives the pick among the rest. Through
the public path (the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

CSM = "Google Cloud Service Mesh (managed), which you want,"

MANAGED_AND_SIDECARLESS = [
    "We're on GKE and we want a Google-managed mesh, but our CISO won't allow sidecars. Is "
    "there a managed sidecarless option?",
    "GKE shop. We want Google Cloud Service Mesh, and security says no sidecars anywhere. "
    "What do we do?",
    "we want to use cloud service mesh on our GKE clusters but sidecars are banned by our "
    "security team. which mesh?",
    "GKE, 80 services. Must be Google's managed mesh; no sidecar proxies allowed. recommend",
    "on GKE we want Cloud Service Mesh specifically, but without sidecars. options?",
]


def _lead(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.ask(text)).split("\n\n")[0]


@pytest.mark.parametrize("text", MANAGED_AND_SIDECARLESS)
def test_the_conflict_is_said_first(engine: AnswerEngine, text: str):
    lead = _lead(engine, text)
    assert lead.split("\n")[2].startswith(f"No offering gives you both in full: {CSM}"), lead
    assert "Sidecarless data plane partial (Managed Cloud Service Mesh itself is sidecar-based" in (
        lead
    )
    assert "or the pick below without it" in lead
    assert lead.rstrip().endswith("]")  # the row it reads is cited


@pytest.mark.parametrize(
    ("text", "lacks"),
    [
        (
            "We're on GKE, we want to use Google Cloud Service Mesh, and we need wasm plugins. "
            "What should we use?",
            "is out: no WebAssembly extensions. The pick below is the best of the rest.",
        ),
        (
            "We're on AKS and we want the AKS Istio add-on, but we need multi-cluster failover "
            "across 3 clusters. Which mesh?",
            "is out: no Multi-cluster",
        ),
    ],
)
def test_a_wanted_offering_ruled_out_is_said_first(engine: AnswerEngine, text: str, lacks: str):
    lead = _lead(engine, text)
    assert "which you want, " + lacks in lead
    assert lead.count("is out:") == 1  # not said again as the provider's own offering


# Must not change: the wanted offering picked, or a mode of the project they want picked.
@pytest.mark.parametrize(
    "text",
    [
        "We're on GKE and must use Google Cloud Service Mesh; 40 services, need mTLS. Which mesh?",
        "we want istio but no sidecars, EKS, 50 services, which mesh?",
        "We're on GKE and want Google-managed Istio. 60 services. Which mesh?",
    ],
)
def test_no_conflict_no_sentence(engine: AnswerEngine, text: str):
    lead = _lead(engine, text)
    assert "which you want, meets" not in lead and "which you want, is out" not in lead
