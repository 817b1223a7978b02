"""Needs named beyond mTLS (retries, timeouts, golden metrics …) answer "is mutual TLS the only
reason you want a mesh?" already: "only mTLS" is no open answer, so it is neither asked nor
counted when the pick leans one way. Through the public path (parse, answer, rendered)."""

from __future__ import annotations

import pytest

from bot.answers import choosing, scoring
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

DRIVERS = "Is mutual TLS the only reason you want a mesh?"

MORE_THAN_MTLS = [
    "EKS, 20 services, 2 platform people. want retries, timeouts and golden metrics. we got "
    "burned debugging envoy configs at the last place, so no envoy anywhere please.",
    "GKE, 25 services, need mTLS plus retries. team of 3. which mesh?",
    "AKS, 40 services, we need mtls and per-route golden metrics. recommendation?",
    "on-prem k8s, 30 services, 2 engineers: mtls, timeouts and circuit breaking. what mesh?",
    "EKS with 35 services, want mTLS and canary traffic splits. small team. which one?",
]


@pytest.mark.parametrize("text", MORE_THAN_MTLS)
def test_only_mtls_is_no_open_answer_once_more_is_needed(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    labels = [c.label for c in answer.follow_up.choices] if answer.follow_up else []
    assert "Only mTLS" not in labels
    assert f"NEXT QUESTION: {DRIVERS}" not in render_terminal(answer)


def test_linkerd_leads_where_no_mesh_meets_the_needs_only_in_part(engine: AnswerEngine):
    answer = engine.ask(MORE_THAN_MTLS[0])
    assert answer.title == "Recommendation: Linkerd"


# Must not change: with mTLS alone named, whether it is the only driver is still open.
@pytest.mark.parametrize(
    "text",
    [
        "We're on GKE with 60 services and need mTLS. Which mesh?",
        "EKS, 45 services, mtls required by security. what should we use?",
    ],
)
def test_with_mtls_alone_the_question_stays_open(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    among = choosing.candidates(engine.kb, [], facts)
    outlook = scoring.outlook(engine.kb, facts, among)
    assert any(o.label == "Only mTLS" for _, o, _ in outlook.options)
