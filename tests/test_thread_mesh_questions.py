"""Mesh questions in a thread are answered as such, not as out of scope (usertest s14b #4)."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

AMBIENT = "EKS, 3 clusters, 400 services, we want Istio ambient mode"
COST = "what would istio cost us at 2000 pods on EKS?"
PROD_DR = "EKS, prod and DR clusters, 60 services, we need mTLS"


@pytest.mark.parametrize(
    ("setup", "reply"),
    [
        (AMBIENT, "and who could support this commercially?"),
        (AMBIENT, "who would support it if it breaks?"),
        (AMBIENT, "which vendors sell support?"),
        (AMBIENT, "we may want enterprise support later, who would that be?"),
        (COST, "we later might want enterprise support, who would that be?"),
        (COST, "who sells support?"),
    ],
)
def test_who_sells_support_is_asked_of_the_thread(
    kb: KnowledgeBase, setup: str, reply: str
) -> None:
    question = talk(kb, setup, reply).question
    assert question.kind in (IntentKind.recommend, IntentKind.explain)
    assert talk(kb, setup, reply).answer.intent.aspect == Aspect.support


@pytest.mark.parametrize("reply", ["we need enterprise support", "we want a support contract"])
def test_support_wanted_is_no_question_of_sellers(kb: KnowledgeBase, reply: str) -> None:
    answer = talk(kb, AMBIENT, reply).answer
    assert answer.intent.aspect != Aspect.support
    assert answer.intent.facts.get("support") == "any"


@pytest.mark.parametrize(
    "reply",
    [
        "the DR cluster must take over if prod fails",
        "the DR cluster should take over when production goes down",
        "we need failover to the DR cluster",
        "the standby cluster must take over if prod fails",
        "traffic has to fail over to our DR cluster",
    ],
)
def test_a_dr_cluster_taking_over_spans_clusters(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, PROD_DR, reply)
    assert conversation.question.kind == IntentKind.recommend
    assert conversation.question.facts.get("spans_clusters") is True


@pytest.mark.parametrize(
    "reply", ["we have a DR cluster", "prod fails a lot, what then?", "who takes over on-call?"]
)
def test_dr_words_alone_span_nothing(kb: KnowledgeBase, reply: str) -> None:
    assert talk(kb, PROD_DR, reply).question.facts.get("spans_clusters") is not True
