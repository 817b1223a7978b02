"""A reply that says a need is not one ("we never asked for canary upgrades") takes it off what
the thread needs (bot/intents/thread_setup.py `merged`), in `meshbot chat` as in any thread;
a need said again later comes back."""

from __future__ import annotations

import pytest

from bot.render.plain import render_terminal
from tests.support.conversation import talk

SETUP = "team hates CRD sprawl and upgrade pain. 40 svcs on eks, which mesh"
CANARY = "revision_upgrades"


def test_upgrade_pain_weighs_canary_control_plane_upgrades(kb):
    assert CANARY in talk(kb, SETUP).question.facts["needs"]


@pytest.mark.parametrize(
    "reply",
    [
        "we never asked for canary upgrades",
        "we don't need canary control plane upgrades",
        "canary upgrades aren't needed",
        "no need for canary control-plane upgrades",
        "canary control plane upgrades are not required",
    ],
)
def test_a_need_taken_back_leaves_the_thread(kb, reply):
    conversation = talk(kb, SETUP, reply)
    facts = conversation.question.facts
    assert CANARY not in facts.get("needs", [])
    assert CANARY in facts["not_needed"]
    assert facts["platform"] == ["eks"] and facts["services"] == 40
    assert "no Canary control-plane upgrades" not in render_terminal(conversation.answer)


def test_a_need_said_again_comes_back(kb):
    facts = talk(
        kb, SETUP, "we never asked for canary upgrades", "actually we do need canary upgrades"
    ).question.facts
    assert CANARY in facts["needs"]
    assert CANARY not in facts.get("not_needed", [])


@pytest.mark.parametrize(
    "reply", ["we also need mtls", "and mirroring too", "we also need jwt auth"]
)
def test_a_need_added_keeps_the_ones_before(kb, reply):
    facts = talk(kb, SETUP, reply).question.facts
    assert CANARY in facts["needs"] and len(facts["needs"]) > 1
