"""An overhead answer keeps the user's units and nouns: microseconds asked are said in µs;
a control plane sized by services is said against their services, not pods."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure


@pytest.mark.parametrize(
    "text",
    [
        "how many microseconds does linkerd add per request",
        "how many microseconds of latency does istio ambient add",
        "linkerd latency in microseconds",
        "microseconds added by a cilium hop?",
        "what does the istio sidecar add in usec at p99",
    ],
)
def test_microseconds_asked_are_said_first(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.cost
    assert answer.intent.measure == Measure.latency
    assert answer.intent.unit == "µs"
    assert answer.lead.startswith("In µs: ")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("how much memory does istiod need for ~500 services", "your 500 services"),
        ("istiod ram at 800 services", "your 800 services"),
        ("control plane memory for 300 microservices, linkerd", "your 300 services"),
        ("istiod memory with 2,000 svcs", "your 2,000 services"),
        ("how much ram does the istio control plane take for 150 apps", "your 150 services"),
        ("how big does istiod get with 1200 pods", "your 1,200 pods"),
    ],
)
def test_the_control_plane_is_said_against_the_users_noun(
    engine: AnswerEngine, text: str, said: str
) -> None:
    answer = engine.ask(text)
    assert answer.intent.measure == Measure.control_plane
    assert f"not scaled to {said}" in answer.lead
