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


# A mesh set aside as too much for them, after a recommendation: the pick made again on the
# thread's setup without that entry (its project's other modes and vendor builds stay in).
BARE_METAL = (
    "bare metal kubernetes, 80 services, we need Wasm plugins, global rate limiting and "
    "header-based routing. recommend?"
)


@pytest.mark.parametrize(
    "reply",
    [
        "istio feels too complex for our team of 4, what else?",
        "istio is too complex for us, what else?",
        "honestly istio is overkill for us. other options?",
        "istio is out, what else?",
        "istio feels too complicated, alternatives?",
    ],
)
def test_a_mesh_set_aside_makes_the_pick_again_within_the_threads_setup(
    kb: KnowledgeBase, reply: str
):
    thread = talk(kb, BARE_METAL, reply)
    assert thread.answer is not None and thread.question is not None
    assert thread.answer.title.startswith("Recommendation")
    facts = thread.question.facts
    assert facts.get("platform") == ["kubernetes"]
    assert "wasm" in str(facts.get("needs"))
    assert "Recommendation: Istio (sidecar mode)" not in render_terminal(thread.answer)


# Near misses: asked, not said, or asked why not: no mesh set aside.
@pytest.mark.parametrize(
    "reply",
    ["is istio too complex for a team of 4?", "would istio be overkill for us?", "why not istio?"],
)
def test_a_mesh_asked_about_is_not_set_aside(kb: KnowledgeBase, reply: str):
    thread = talk(kb, BARE_METAL, reply)
    assert thread.question is not None
    assert "set_aside_mesh" not in thread.question.facts
