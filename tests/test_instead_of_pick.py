"""What would come instead of the pick (blind test s16a P4): "what would you do instead
then?" after "isn't linkerd edge risky in prod?" (a question asked of the pick by name,
which keeps the thread's pick) makes the pick again with the pick set aside, as "linkerd is
out, what else?" does; not Linkerd's release notes. A mesh named ("what about kuma
instead?") is set against the pick instead; a reply asking nothing instead changes
nothing."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

SMALL = "GKE, 20 services, tiny team, just want golden metrics and mTLS, free"
DOUBT = "isn't linkerd edge risky in prod?"


def test_a_question_of_the_pick_by_name_keeps_the_pick(kb: KnowledgeBase) -> None:
    intent = talk(kb, SMALL, DOUBT).question
    assert intent.meshes == ["linkerd"] and intent.pick == "linkerd"


@pytest.mark.parametrize(
    "reply",
    [
        "what would you do instead then?",
        "what would you pick instead?",
        "what's the alternative?",
        "plan b?",
        "ok so what should we use instead?",
        "what would you recommend instead?",
    ],
)
def test_instead_makes_the_pick_again_without_it(kb: KnowledgeBase, reply: str) -> None:
    for turns in ((SMALL, DOUBT, reply), (SMALL, reply)):
        conversation = talk(kb, *turns)
        intent = conversation.question
        assert intent.kind == IntentKind.recommend
        assert intent.facts["set_aside_mesh"] == "linkerd" and intent.pick == "linkerd"
        assert conversation.answer.lead.startswith("Linkerd, the pick before, is out now")


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("what about kuma instead?", IntentKind.compare),
        ("what's new in it?", None),
        ("if we end up needing traffic mirroring, what then?", IntentKind.recommend),
    ],
)
def test_near_misses_set_nothing_aside(
    kb: KnowledgeBase, reply: str, kind: IntentKind | None
) -> None:
    intent = talk(kb, SMALL, DOUBT, reply).question
    assert "set_aside_mesh" not in intent.facts
    assert kind is None or intent.kind == kind
