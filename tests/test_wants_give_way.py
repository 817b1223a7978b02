"""A need said as a want, not a must ("Wasm plugins … but that's a want, not a must", "the team
strongly wants sidecarless", "we'd like X if possible") screens as any need while something
meets it beside everything else; where nothing does, it is the first thing given up, before a
must-not or a must-have (bot/intents/wanted.py, bot/answers/scoring.py), and the answer says
which want gave way and what has it. Said as a must ("we need", "mandatory"), it stays a
must-have, and a must-not gives way as before."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import facts_and_pick, verdict

NO_ENVOY_WASM_WANTED = [
    "EKS, 250 services. Security team has a hard *no Envoy* rule (CVE fatigue). Platform team "
    "also wanted Wasm plugins for custom auth headers but that's a want, not a must. mTLS is "
    "mandatory. Which mesh?",
    "EKS, 250 services. No Envoy, period. We'd like Wasm plugins if possible. mTLS is "
    "mandatory. Which mesh?",
    "GKE, 200 services, mTLS required, Envoy is banned by security. The app team really wants "
    "Wasm extensions for header rewriting. Which mesh?",
    "EKS with 180 services. must have mTLS. we can't run Envoy anywhere in the data path. the "
    "devs wish we had Wasm filters. recommendation?",
    "AKS, 220 services. Envoy is off the table. Wasm plugins: ideally yes. mTLS: must. Which "
    "mesh should we use?",
]


@pytest.mark.parametrize("text", NO_ENVOY_WASM_WANTED)
def test_a_wanted_feature_gives_way_to_a_must_not(engine: AnswerEngine, text: str):
    facts, tied = facts_and_pick(engine, text)
    assert "wasm_extensions" in facts.get("needs_wanted", [])
    assert facts.get("no_envoy") is True
    found = verdict(engine, text)
    assert "needs_wanted" in found.relaxed
    assert "no-envoy" not in found.relaxed
    assert tied and set(tied) <= {"linkerd", "istio-ambient"}
    said = render_terminal(engine.ask(text))
    assert "which you want but not as a must: I gave the want up" in said
    assert "WebAssembly extensions" in said


def test_a_strong_want_gives_way_to_must_haves_and_a_licence_policy(engine: AnswerEngine):
    text = (
        "RKE2 on-prem, ~250 services in k8s plus 80 VM workloads that must join with mTLS. "
        "Team strongly wants sidecarless, and policy is open-source only. Something has to give "
        "I guess — what do you recommend?"
    )
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("needs_wanted") == ["sidecarless"]
    assert tied and set(tied) <= {"istio", "istio-ambient", "kuma"}
    said = render_terminal(engine.ask(text))
    said = " ".join(said.split())
    assert "Sidecarless data plane, which you want but not as a must" in said
    # the nearest misses, out for the same reason, named together with it
    assert "Istio ambient mode have it, but are out: no VMs and non-Kubernetes workloads" in said


NEEDED_NOT_WANTED = [
    # said as a must: the must-not gives way, as before
    "EKS, 250 services. No Envoy, period. We need Wasm plugins. mTLS is mandatory. Which mesh?",
    "EKS, 250 services. no envoy please. wasm plugins are a hard requirement, mtls too.",
]


@pytest.mark.parametrize("text", NEEDED_NOT_WANTED)
def test_a_must_have_still_outranks_a_must_not(engine: AnswerEngine, text: str):
    facts, _ = facts_and_pick(engine, text)
    assert "wasm_extensions" not in facts.get("needs_wanted", [])
    assert "needs_wanted" not in verdict(engine, text).relaxed


def test_a_want_nothing_clashes_with_is_kept(engine: AnswerEngine):
    text = "EKS, 250 services. mTLS is mandatory, and we'd like Wasm plugins if possible."
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("needs_wanted") == ["wasm_extensions"]
    found = verdict(engine, text)
    assert "needs_wanted" not in found.relaxed
    assert all(
        (row := engine.kb.meshes[m].features.get("wasm_extensions")) and row.level.value != "no"
        for m in tied
    )


def test_a_request_said_after_the_needs_makes_none_of_them_a_want(engine: AnswerEngine):
    """A request ("I'd like a recommendation") names no feature and opens a sentence of its
    own: the needs said before it stay musts."""
    text = "EKS, 250 services, mTLS and Wasm plugins. No Envoy. I'd like a recommendation."
    facts, _ = facts_and_pick(engine, text)
    assert "needs_wanted" not in facts


STRONG_WANTS_OF_A_MUST_NOT = [
    "RKE2 on-prem, 250 services plus 80 VMs that must join with mTLS. The team strongly wants "
    "no sidecars; open source only. What do you recommend?",
    "On-prem Kubernetes, 200 services and 50 VMs in the mesh with mTLS. We really want to "
    "avoid sidecars. Open source only. Which mesh?",
    "EKS, 100 services, mTLS required. Ideally we avoid sidecars. Which mesh?",
    "GKE, 150 services, mTLS and L7 authz needed; the platform team really wants no sidecars.",
    "AKS, 90 services, need mTLS. We'd prefer to skip sidecars. Which mesh?",
]


@pytest.mark.parametrize("text", STRONG_WANTS_OF_A_MUST_NOT)
def test_a_strong_want_of_a_must_not_is_a_preference(engine: AnswerEngine, text: str):
    facts, tied = facts_and_pick(engine, text)
    assert "no_sidecars" not in facts or "no_sidecars" in facts.get("preferred", [])
    assert tied and "no-mesh" not in tied


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 100 services, mTLS required. No sidecars. Which mesh?",
        "EKS, 100 services, mTLS required. Sidecars are a no-go. Which mesh?",
    ],
)
def test_a_must_not_said_outright_stays_one(engine: AnswerEngine, text: str):
    facts, _ = facts_and_pick(engine, text)
    assert facts.get("no_sidecars") is True
    assert "no_sidecars" not in facts.get("preferred", [])


def test_a_want_not_a_need_gives_way_too(engine: AnswerEngine):
    text = (
        "EKS, 200 services, mTLS is mandatory and Envoy is banned. Wasm filters for the "
        "platform team: that's a want, not a need. Which mesh?"
    )
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("needs_wanted") == ["wasm_extensions"]
    assert tied and set(tied) <= {"linkerd", "istio-ambient"}
