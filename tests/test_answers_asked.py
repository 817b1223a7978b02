"""Answers answer the question asked: control plane counted in, meshes with every feature."""

from __future__ import annotations

from bot.answers.engine import AnswerEngine
from bot.answers.figures import lead_figure
from bot.intents.models import IntentKind, Measure
from bot.knowledge.models import Metric
from bot.knowledge.wording import amount


def test_memory_including_the_control_plane_adds_one_a_cluster(engine: AnswerEngine, kb):
    intent = engine.parser.parse(
        "2 clusters, 300 pods in all: what's the memory bill for linkerd incl the control plane?"
    )
    assert intent.kind == IntentKind.cost and intent.measure == Measure.memory
    assert intent.control_plane_too
    proxy = lead_figure(kb, kb.meshes["linkerd"], Metric.proxy_memory)
    plane = lead_figure(kb, kb.meshes["linkerd"], Metric.control_plane_memory)
    assert proxy and plane and proxy.low == proxy.high and plane.low == plane.high
    total = amount(proxy.high * 300 + plane.high * 2, "MB")
    assert f"Linkerd about {total} in all" in engine.answer(intent).lead


def test_the_control_plane_alone_is_its_own_question(engine: AnswerEngine):
    intent = engine.parser.parse("how much memory does istiod need")
    assert intent.measure == Measure.control_plane and not intent.control_plane_too
    assert "in all" not in engine.answer(intent).lead


def test_which_meshes_with_two_features_names_those_with_both(engine: AnswerEngine, kb):
    answer = engine.ask("which meshes do cross-region failover")
    both = [
        m.name
        for m in kb.current_meshes()
        if all(m.features[f].level == "yes" for f in ("locality_failover", "multi_cluster"))
    ]
    assert both and answer.lead.startswith("Full support for all of them:")
    assert all(name in answer.lead for name in both)
