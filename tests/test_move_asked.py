"""How a move from the mesh a team runs goes (blind test s16a P4): "how hard is the
migration?", "can we run both during migration?" after a move weighed answer from what I
hold of the pair: the `interop` entry where one pairs them (Istio's sidecar and ambient
modes), else plainly that I hold no migration guide for it, with what the move gives up.
Not the recommendation again; with no mesh run said, no move is asked of."""

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
MOVES = [
    "how hard is the migration?",
    "can we run both during migration?",
    "can we run them side by side for a while?",
    "what's the migration path?",
    "how would we migrate?",
    "could both coexist during the cutover?",
]


@pytest.mark.parametrize("reply", MOVES)
def test_a_move_with_an_interop_entry_says_how_they_meet(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, SIDECARS, reply)
    intent = conversation.question
    assert intent.kind == IntentKind.compare and intent.aspect == Aspect.migration
    assert intent.meshes == ["istio", "istio-ambient"]
    assert conversation.answer.lead.startswith(
        "Running Istio (sidecar mode) and Istio ambient mode side by side during the move: Yes"
    )


@pytest.mark.parametrize("reply", MOVES)
def test_a_move_with_none_says_so_and_the_nearest_facts(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, LINKERD, reply)
    intent = conversation.question
    assert intent.aspect == Aspect.migration and intent.meshes[0] == "linkerd"
    lead = conversation.answer.lead
    assert lead.startswith("I don't hold a migration guide for Linkerd to ")
    assert "gives up" in lead


@pytest.mark.parametrize(
    "turns",
    [
        ("EKS, 40 services, small team", "how hard is the migration?"),
        (SIDECARS, "what if we migrate to kuma instead?"),
        (SIDECARS, "what's the catch?"),
        (SIDECARS, "compare them side by side"),
        (SIDECARS, "we run 3 clusters in parallel, does that change it?"),
    ],
)
def test_near_misses_ask_no_move(kb: KnowledgeBase, turns: tuple[str, str]) -> None:
    assert talk(kb, *turns).question.aspect != Aspect.migration
