"""A question about edge builds in production is not read as refusing them (usertest s14b #2)."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

LINKERD = "We run Linkerd 2.14 stable on GKE, 40 services, do not want to pay Buoyant"


@pytest.mark.parametrize(
    "reply",
    [
        "what about running Linkerd edge releases in production?",
        "how about we run edge builds in prod?",
        "is it ok to run edge releases in production?",
        "could we just use linkerd edge builds in production?",
        "thoughts on edge releases in prod?",
    ],
)
def test_edge_builds_asked_about_are_no_refusal(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, LINKERD, reply)
    assert "stable_releases" not in conversation.question.facts
    assert "Linkerd is ruled out" not in conversation.answer.lead


@pytest.mark.parametrize(
    "reply",
    [
        "we won't run edge builds in production",
        "edge releases in prod are a no-go for us",
        "no edge releases in production, sorry",
        "what about kuma? we never run edge releases in production",
    ],
)
def test_edge_builds_refused_still_want_stable_releases(kb: KnowledgeBase, reply: str) -> None:
    assert talk(kb, LINKERD, reply).question.facts.get("stable_releases") is True
