"""A question about the bot's own figures is answered with the sources behind those figures."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import StatementList
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Metric


def test_the_sources_of_the_figures_asked_about_come_first(engine: AnswerEngine, kb):
    intent = engine.parser.parse("where do your linkerd memory numbers come from?")
    answer = engine.answer(intent)
    assert intent.kind == IntentKind.sources
    first = answer.points[0]
    assert isinstance(first, StatementList) and "Linkerd" in first.heading
    behind = _sources_of(kb, "linkerd", Metric.proxy_memory)
    titles = {kb.sources[s].title for s in behind}
    assert {item.label.split(" — ")[0] for item in first.items} == titles
    assert all("Linkerd proxy memory" in item.text for item in first.items)
    assert first.heading in answer.lead


@pytest.mark.parametrize(
    "text",
    [
        "got a citation for that linkerd memory figure?",
        "where's the linkerd proxy memory number from",
        "link for the linkerd memory stat pls, it's going in the ADR",
        "the linkerd memory figures: a benchmark you ran, or the vendor's?",
    ],
)
def test_a_source_asked_for_a_figure_lists_the_sources_behind_it(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert answer.kind == IntentKind.sources
    assert "Linkerd" in answer.points[0].heading


@pytest.mark.parametrize(
    "text",
    ["latency numbers from linkerd at 1k pods?", "where do i find the linkerd install docs"],
)
def test_figures_or_places_asked_for_are_no_sources_question(engine: AnswerEngine, text):
    assert engine.ask(text).kind != IntentKind.sources


def test_a_plain_sources_question_lists_every_source(engine: AnswerEngine):
    answer = engine.ask("sources")
    assert not any("Behind" in getattr(p, "heading", "") for p in answer.points)


def _sources_of(kb: KnowledgeBase, mesh: str, metric: Metric) -> set[str]:
    return {
        source
        for figure in kb.meshes[mesh].overhead
        if figure.metric == metric and not figure.borrowed_from
        for source in figure.sources
    }


def test_figures_the_knowledge_lacks_are_said_to_be_missing(engine: AnswerEngine, kb):
    assert not any(f.metric == Metric.proxy_cpu for f in kb.meshes["cilium"].overhead)
    answer = engine.ask("where are you getting the cilium cpu numbers from?")
    assert answer.lead.startswith("I hold no CPU figures for Cilium")
