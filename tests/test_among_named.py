"""A feature asked among the meshes a thread named is answered among them (blind test s15b
Q8 T3): "which of those three has the best multi-cluster story?" after three meshes
compared checks those three, not every mesh; a list asked in its own words still lists."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

THREE = "compare istio ambient, cilium and linkerd"


@pytest.mark.parametrize(
    "reply",
    [
        "which of those three has the best multi-cluster story?",
        "which of them does multi-cluster best?",
        "of those three, which handles multi-cluster?",
        "which one of these is best at multi-cluster?",
        "between those, who has the best multi-cluster support?",
    ],
)
def test_a_feature_asked_among_them_checks_those_meshes(kb: KnowledgeBase, reply: str) -> None:
    named = talk(kb, THREE).question.meshes
    intent = talk(kb, THREE, reply).question
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == named and intent.features == ["multi_cluster"]


@pytest.mark.parametrize(
    "reply", ["which meshes support multi-cluster?", "which of those three would you pick?"]
)
def test_a_list_or_a_pick_is_not_a_check_among_them(kb: KnowledgeBase, reply: str) -> None:
    assert talk(kb, THREE, reply).question.kind != IntentKind.feature_check


def test_one_mesh_is_no_set_to_choose_among(kb: KnowledgeBase) -> None:
    intent = talk(kb, "what is linkerd?", "which of those has multi-cluster?").question
    assert intent.kind == IntentKind.which_meshes
