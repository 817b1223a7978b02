"""A reply that turns the thread ("that will be expensive, what is the open-source option?")
keeps the thread's setup and changes only what it turns: the price said to be too much leaves
the vendor's support contract with the paid edition, so what no vendor supports comes back in.
Each conversation driven turn by turn, as `meshbot chat` drives it."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal
from tests.support.conversation import talk

MULTI_CLOUD = (
    "We run EKS and GKE, about 1000 services, 3 platform teams. One mesh across both clouds, "
    "and we want vendor support. recommend?"
)


@pytest.mark.parametrize(
    "reply",
    [
        "that will be expensive, what is the open-source option?",
        "too pricey, is there an open source option?",
        "that's going to get pricey, what about open source?",
        "that will be too expensive. whats the cheaper open source route?",
        "we can't afford that, open source only then",
    ],
)
def test_a_price_said_too_much_for_open_source_leaves_the_support_contract(
    kb: KnowledgeBase, reply: str
):
    thread = talk(kb, MULTI_CLOUD, reply)
    assert thread.question is not None
    facts = thread.question.facts
    assert facts.get("licence") == "open_source"
    assert facts.get("support") in (None, "none")
    assert facts.get("platform") == ["eks", "gke"]
    said = render_terminal(thread.answer)
    assert "Kuma: ruled out" not in said


# Near misses: open source asked with no price said, or support asked for still, keeps it.
@pytest.mark.parametrize(
    "reply",
    [
        "what is the open-source option?",
        "too expensive, open source please, but we still want a support contract",
        "sidecars will be too expensive in memory, open source only",
    ],
)
def test_open_source_asked_without_a_price_keeps_the_support_contract(
    kb: KnowledgeBase, reply: str
):
    thread = talk(kb, MULTI_CLOUD, reply)
    assert thread.question is not None
    assert thread.question.facts.get("support") == "any"
