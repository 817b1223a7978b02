"""Another mesh asked whether it could do what the thread needs (blind test s16a P4):
"could linkerd do that?" after a recommendation for mirroring and fault injection checks
Linkerd for those needs, never "Does Linkerd run on EKS?"; after a check of the pick,
"that" is the feature that check asked about. Replies that name a feature, no mesh, or ask
"why not X?" keep their own readings."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

SETUP = (
    "EKS, 60 services, we need traffic mirroring for shadow testing and fault injection "
    "for chaos tests"
)
NEEDS = ["traffic_mirroring", "fault_injection"]


@pytest.mark.parametrize(
    ("reply", "mesh"),
    [
        ("could linkerd do that?", "linkerd"),
        ("would kuma handle that?", "kuma"),
        ("can cilium cover that?", "cilium"),
        ("does consul support that?", "consul"),
        ("is istio ambient able to do that too?", "istio-ambient"),
        ("could linkerd do that natively?", "linkerd"),
    ],
)
def test_another_mesh_is_checked_for_the_thread_needs(
    kb: KnowledgeBase, reply: str, mesh: str
) -> None:
    conversation = talk(kb, SETUP, reply)
    intent, answer = conversation.question, conversation.answer
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh] and intent.features == NEEDS
    assert intent.pick is not None  # the thread's pick is kept for the replies after it
    assert " run on " not in answer.title


def test_after_a_check_of_the_pick_that_is_the_feature_checked(kb: KnowledgeBase) -> None:
    intent = talk(kb, "EKS, 60 services, need mTLS", "does it do jwt?", "could kuma do that?")
    assert intent.question.kind == IntentKind.feature_check
    assert intent.question.meshes == ["kuma"]
    assert intent.question.features == ["jwt_validation"]


@pytest.mark.parametrize(
    ("reply", "kind", "features"),
    [
        ("why not linkerd?", IntentKind.compare, NEEDS),  # set against the pick
        ("what about linkerd?", IntentKind.compare, NEEDS),
        ("does linkerd do jwt?", IntentKind.feature_check, ["jwt_validation"]),  # its own
        ("how does it stack up against linkerd?", IntentKind.compare, NEEDS),
    ],
)
def test_near_misses_keep_their_reading(
    kb: KnowledgeBase, reply: str, kind: IntentKind, features: list[str]
) -> None:
    intent = talk(kb, SETUP, reply).question
    assert intent.kind == kind and intent.features == features


def test_with_no_needs_said_there_is_nothing_to_check(kb: KnowledgeBase) -> None:
    intent = talk(kb, "EKS, 40 services, small team", "could linkerd do that?").question
    assert intent.kind != IntentKind.feature_check


def test_no_mesh_named_is_not_another_mesh_checked(kb: KnowledgeBase) -> None:
    intent = talk(kb, SETUP, "could it do that natively?").question
    assert intent.meshes in ([], [intent.pick])
