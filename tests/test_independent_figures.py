"""Whether a mesh's overhead figures are independent, asked of it: per measure, the independent
figures held or who measured the ones held."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import Aspect, IntentKind


@pytest.mark.parametrize(
    "text",
    [
        "but that linkerd number is from buoyant themselves, anything independent?",
        "any independent benchmark for linkerd memory?",
        "linkerd memory: anything independent or just buoyant's own numbers?",
        "is there an independent figure for linkerd's proxy memory?",
        "linkerd memory numbers - independently measured anywhere?",
    ],
)
def test_no_independent_memory_figure_says_whose_it_is(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.intent.aspect == Aspect.independence
    assert "No independent Linkerd figure for memory (only Linkerd project" in answer.lead


def test_independent_latency_figures_are_named(engine: AnswerEngine):
    answer = engine.ask("are there independent numbers for cilium and istio latency?")
    assert "Cilium Service Mesh: independent figures for latency (LiveWyer 2024" in answer.lead
    assert "Istio (sidecar mode): independent figures for latency" in answer.lead


@pytest.mark.parametrize(
    "text", ["any independent benchmarks or is it all vendor marketing?", "sources"]
)
def test_asked_of_no_mesh_keeps_the_overall_answer(engine: AnswerEngine, text: str):
    assert "independent figures for" not in engine.ask(text).lead


def test_a_cost_question_stays_a_cost(engine: AnswerEngine):
    assert engine.ask("how much memory does linkerd use at 500 pods?").kind == IntentKind.cost


def test_asked_in_a_thread(engine: AnswerEngine):
    thread = Conversation(engine)
    thread.say("compare istio, linkerd and cilium")
    answer = thread.say("but that linkerd number is from buoyant themselves, anything independent?")
    assert answer.lead.startswith("Linkerd: independent figures for latency")
