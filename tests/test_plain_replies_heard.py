"""Plain-language replies in a thread change the facts they state (usertest s14b #3)."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue
from tests.support.conversation import talk

AUTOPILOT = "Small team, 8 services on GKE Autopilot. We want mTLS and canary releases."
AKS = "AKS, 5 services, we want mTLS"


@pytest.mark.parametrize(
    ("setup", "reply", "said"),
    [
        (AUTOPILOT, "we can run it ourselves, no budget for vendor", {"support": "none"}),
        (AUTOPILOT, "we can run it ourselves", {"managed_control_plane": False}),
        (AUTOPILOT, "happy to run it ourselves", {"managed_control_plane": False}),
        (AUTOPILOT, "there's no budget for vendor support", {"support": "none"}),
        (AKS, "someone else should run it", {"managed_control_plane": True}),
        (AKS, "we'd like someone else to run it", {"managed_control_plane": True}),
        (AKS, "let someone else run it please", {"managed_control_plane": True}),
    ],
)
def test_a_plain_reply_is_recorded(
    kb: KnowledgeBase, setup: str, reply: str, said: dict[str, FactValue]
) -> None:
    conversation = talk(kb, setup, reply)
    facts = conversation.question.facts
    assert {k: facts.get(k) for k in said} == said
    # what it answered is not asked again (where the pick stays, its lead may stay too)
    follow_up = conversation.answer.follow_up
    assert follow_up is None or "control plane" not in follow_up.question


def test_someone_else_running_it_on_aks_is_the_add_on(kb: KnowledgeBase) -> None:
    answer = talk(kb, AKS, "someone else should run it").answer
    assert answer.title == "Recommendation: AKS Istio-based service mesh add-on"


@pytest.mark.parametrize(
    "reply", ["who would run it?", "does someone run it for us?", "can it run on AKS?"]
)
def test_a_question_of_who_runs_it_sets_nothing(kb: KnowledgeBase, reply: str) -> None:
    facts = talk(kb, AKS, reply).question.facts
    assert "managed_control_plane" not in facts and "support" not in facts
