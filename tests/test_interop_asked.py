"""Two offerings asked whether they meet in one mesh: how they interoperate, from the entry's
sourced `interop`, not a feature table."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import Aspect, IntentKind


@pytest.mark.parametrize(
    "text",
    [
        "can ambient and sidecar pods talk to each other in the same mesh?",
        "can istio sidecars and ambient workloads interoperate?",
        "can we mix sidecar and ambient namespaces in one istio mesh?",
        "do ambient pods and sidecar pods work together?",
        "can sidecar and ambient coexist in the same cluster?",
    ],
)
def test_interop_is_answered_from_the_sourced_entry(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.intent.aspect == Aspect.interop
    assert answer.lead.startswith("Yes: Istio supports east-west traffic between sidecar pods")
    assert any("add-workloads" in str(s.url) for s in answer.sources)


@pytest.mark.parametrize(
    "text",
    [
        "compare ambient and sidecar",
        "does ambient work with linkerd",
        "we have 200 services on eks, half on istio sidecars and half on ambient; recommend?",
    ],
)
def test_no_interop_asked_or_held_keeps_the_reading(engine: AnswerEngine, text: str):
    assert engine.ask(text).intent.aspect != Aspect.interop


def test_interop_asked_in_a_thread(engine: AnswerEngine):
    thread = Conversation(engine)
    thread.say("explain istio ambient mode")
    thread.say("whats new in istio 1.32?")
    answer = thread.say("can ambient and sidecar pods talk to each other in the same mesh?")
    assert answer.intent.kind == IntentKind.explain and answer.lead.startswith("Yes: Istio")
