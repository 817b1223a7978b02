"""What a move from the mesh a team runs gives up (blind test s16a P4): "what do we lose?"
after "we run Istio sidecars … should we move to ambient?" sets Istio's sidecar mode against
ambient, led by the features the sidecars have in full that ambient lacks or has only
partly, not the recommendation again. With no mesh run said, or a catch asked, the reply
keeps its reading."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

SIDECARS = "we run Istio sidecars on EKS, 400 services, it works fine. Should we move to ambient?"
LINKERD = (
    "we're on Linkerd on EKS, 150 services, thinking of moving to Istio ambient for JWT at the "
    "mesh. worth it?"
)


@pytest.mark.parametrize(
    "reply",
    [
        "what do we lose?",
        "what would we give up?",
        "ok, and what are we giving up?",
        "what features would we lose?",
        "would we lose anything?",
        "what do we miss out on if we move?",
    ],
)
def test_the_move_asked_about_is_weighed_for_what_it_gives_up(
    kb: KnowledgeBase, reply: str
) -> None:
    conversation = talk(kb, SIDECARS, reply)
    intent, answer = conversation.question, conversation.answer
    assert intent.kind == IntentKind.compare and intent.aspect == Aspect.gives_up
    assert intent.meshes == ["istio", "istio-ambient"]
    assert answer.lead.startswith("Moving from Istio (sidecar mode) to Istio ambient mode gives up")
    assert "JWT validation (Istio ambient mode: partial)" in answer.lead


def test_a_mesh_named_is_the_move(kb: KnowledgeBase) -> None:
    intent = talk(kb, SIDECARS, "what would we lose by going to linkerd?").question
    assert intent.meshes == ["istio", "linkerd"] and intent.aspect == Aspect.gives_up


def test_a_move_recommended_is_weighed_from_the_mesh_they_run(kb: KnowledgeBase) -> None:
    conversation = talk(kb, LINKERD, "what do we lose?")
    pick = conversation.question.pick
    assert conversation.question.meshes == ["linkerd", pick] and pick != "linkerd"
    assert conversation.answer.lead.startswith(f"Moving from Linkerd to {kb.meshes[pick].name}")


@pytest.mark.parametrize(
    ("turns", "kind"),
    [
        (("EKS, 40 services, small team", "what do we lose?"), IntentKind.recommend),
        ((SIDECARS, "what's the catch?"), IntentKind.explain),
        ((SIDECARS, "what do we gain?"), None),
    ],
)
def test_near_misses_are_no_loss_asked(
    kb: KnowledgeBase, turns: tuple[str, str], kind: IntentKind | None
) -> None:
    intent = talk(kb, *turns).question
    assert intent.aspect != Aspect.gives_up
    assert kind is None or intent.kind == kind
