"""Stated requirements are never dropped silently: a release-stage qualifier on a must-have
("mTLS GA, not beta") rules out a row in beta; a ranking asked in a thread ("which of those is
lightest?") keeps the thread's must-haves and must-nots; "we need sidecars" demands them."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer, Chart
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import DataPlaneModel, Level
from bot.render.plain import render_terminal


def _charted(kb: KnowledgeBase, answer: Answer) -> set[str]:
    """The meshes the ranking's chart draws a bar for."""
    parts = [*answer.points, *(p for s in answer.details for p in s.parts)]
    labels = [b.label for p in parts if isinstance(p, Chart) for b in p.bars]
    return {m.id for m in kb.meshes.values() for label in labels if label.startswith(m.name)}


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 100 services, need mTLS GA not beta",
        "EKS, 100 services, mTLS must be generally available, not beta",
        "EKS, 100 services, we need production ready mTLS",
        "EKS, 100 services, we need mTLS, no preview features",
        "EKS, 100 services, need GA mTLS between services",
        "EKS, 100 services, need mTLS that is production ready, nothing in beta",
    ],
)
def test_a_stage_qualifier_rules_out_a_row_in_beta(
    engine: AnswerEngine, kb: KnowledgeBase, text: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.facts.get("released") == ["mtls"]
    answer = engine.answer(intent)
    staged = [m for m in kb.current_meshes() if (row := m.features.get("mtls")) and row.stage]
    assert staged  # the knowledge holds a must-have met only in beta
    assert all(answer.title != f"Recommendation: {m.name}" for m in staged)
    assert "no generally available Mutual TLS (mTLS) (only beta)" in render_terminal(answer)


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 100 services, need mTLS",
        "EKS, 100 services, real mTLS required",
        "does cilium do mtls?",
        "we run linkerd stable on EKS, 100 services, need mTLS",
        "EKS, 100 services, need mTLS, beta features are fine",
    ],
)
def test_without_a_stage_qualifier_no_stage_is_asked(engine: AnswerEngine, text: str) -> None:
    assert "released" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "EKS, we want Cilium as CNI anyway, need mTLS",
        "EKS, we want cilium as our cni, 80 services",
        "GKE, we want Cilium for the CNI, 50 services",
        "AKS, 60 services, we really want cilium as the network plugin",
        "EKS, 100 services, want Cilium as the CNI plugin",
    ],
)
def test_the_cni_wanted_is_no_mesh_wanted(engine: AnswerEngine, text: str) -> None:
    assert "wanted_mesh" not in engine.parser.parse(text).facts


def test_the_mesh_wanted_is_still_wanted(engine: AnswerEngine) -> None:
    for text in ("EKS, 80 services, we want cilium", "EKS, we want cilium as our mesh"):
        assert engine.parser.parse(text).facts.get("wanted_mesh") == "cilium", text


MIRRORING = "EKS, 60 services, we need traffic mirroring for shadow testing and fault injection"


@pytest.mark.parametrize(
    "reply",
    [
        "ok what is lightest of the ones that can?",
        "which of those is the lightest?",
        "what's the lightest that does that?",
        "which one has the smallest memory footprint?",
        "ok which is cheapest in memory then?",
    ],
)
def test_a_ranking_in_a_thread_keeps_its_must_haves(
    engine: AnswerEngine, kb: KnowledgeBase, reply: str
) -> None:
    context = engine.parser.parse(MIRRORING)
    intent = engine.parser.parse_follow_up(reply, context)
    answer = engine.answer(intent)
    assert answer.kind == IntentKind.lightest
    charted = _charted(kb, answer)
    assert charted
    needs = ("traffic_mirroring", "fault_injection")
    for mesh_id in charted:
        rows = [kb.meshes[mesh_id].features.get(f) for f in needs]
        assert all(r and r.level not in (Level.no, Level.unknown) for r in rows), mesh_id
    assert "with traffic mirroring and fault injection" in answer.lead
    partial = [
        m for m in charted if any(kb.meshes[m].features[f].level != Level.yes for f in needs)
    ]
    assert all(f"{kb.meshes[m].name} meets only partly" in answer.lead for m in partial)


def test_a_ranking_asked_alone_ranks_every_mesh(engine: AnswerEngine, kb: KnowledgeBase) -> None:
    """Near miss: with no must-have said, a mesh lacking mirroring is ranked as before."""
    answer = engine.ask("lightest mesh on EKS for 60 pods?")
    lacking = {
        m.id
        for m in kb.current_meshes()
        if (row := m.features.get("traffic_mirroring")) and row.level == Level.no
    }
    assert _charted(kb, answer) & lacking


CHEAPEST = "what's the cheapest mesh for 2000 pods on 100 nodes that still does L7 authz?"


@pytest.mark.parametrize(
    "reply",
    [
        "and if we need sidecars for compliance reasons?",
        "what if sidecars are required by compliance?",
        "and if we must have sidecars?",
        "what if we need a proxy in every pod?",
        "and if we still need sidecars?",
    ],
)
def test_sidecars_demanded_in_a_thread_rerank_with_sidecars_only(
    engine: AnswerEngine, kb: KnowledgeBase, reply: str
) -> None:
    context = engine.parser.parse(CHEAPEST)
    before = _charted(kb, engine.answer(context))
    intent = engine.parser.parse_follow_up(reply, context)
    answer = engine.answer(intent)
    assert answer.kind == IntentKind.lightest
    after = _charted(kb, answer)
    assert after and after < before
    assert all(kb.meshes[m].data_plane.model == DataPlaneModel.sidecar for m in after)
    per_pod = kb.rules.fact("per_pod_proxy")
    assert per_pod and f"that meet what you said ({per_pod.label})" in answer.lead


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 100 services, do we need sidecars?",
        "EKS, 100 services, we don't need sidecars",
        "EKS, 100 services, we need a sidecar free mesh",
        "EKS, 100 services, we need sidecar injection to be automatic",
        "why would we need sidecars at all? EKS 40 services",
    ],
)
def test_sidecars_not_demanded(engine: AnswerEngine, text: str) -> None:
    assert "per_pod_proxy" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "GKE, 100 services, want sidecarless and managed",
        "GKE, 60 services, we'd like ambient-style sidecarless and fully managed",
        "GKE 100 svc, need no sidecars and managed",
        "on GKE with 100 services, looking for sidecarless and something managed",
        "GKE, 80 services: sidecar-free data plane and provider managed",
        "GKE 40 services want a managed mesh, no sidecars",
    ],
)
def test_two_rules_that_do_not_go_together_say_what_the_other_would_pick(
    engine: AnswerEngine, kb: KnowledgeBase, text: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.facts.get("managed_control_plane") is True
    answer = engine.answer(intent)
    pick = next(m for m in kb.meshes.values() if answer.title == f"Recommendation: {m.name}")
    assert pick.features["sidecarless"].level != Level.yes  # managed kept, sidecarless gave
    said = answer.lead.split("Nothing here avoids that caveat and keeps your other requirements")
    assert len(said) == 2, answer.lead
    other = next(m for m in kb.meshes.values() if f"{m.name} would be the pick" in said[1])
    assert other.features["sidecarless"].level == Level.yes


@pytest.mark.parametrize(
    "text",
    [
        "GKE and managed prometheus, 40 services, need mtls",
        "compare self hosted and managed options on gke",
        "GKE, 100 services, want sidecarless",
        "EKS, 100 services, need mtls and retries",
        "GKE, 100 services, want managed",
    ],
)
def test_no_trade_is_said_where_none_was_made(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert "Nothing here avoids that caveat" not in answer.lead


def test_managed_after_something_else_is_not_the_mesh_managed(engine: AnswerEngine) -> None:
    for text in (
        "GKE and managed prometheus, 40 services, need mtls",
        "compare self hosted and managed options on gke",
        "ambient and managed istio on GKE, which?",
    ):
        assert "managed_control_plane" not in engine.parser.parse(text).facts, text
