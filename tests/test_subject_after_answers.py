"""After an explanation, a feature check or a version answer about one mesh, a reply that
names no mesh asks more of that mesh (blind test s15b Q3 T4-T6, Q5 T4, R4 T3/T5): "can I
use EnvoyFilter with it?", "is there an egress gateway?", "can it run on EKS?" check it, and
never make a recommendation; a reply asking a list, a recommendation or saying a setup still
does."""

from __future__ import annotations

import pytest

from bot.answers.after_pick import pick_of
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

ADDON = "what is the AKS istio add-on?"
KUMA = "what is kuma?"


@pytest.mark.parametrize(
    ("reply", "feature"),
    [
        ("can I tune its proxy config with it?", "custom_proxy_config"),
        ("is there an egress gateway?", "egress_control"),
        ("does it support egress gateways?", "egress_control"),
        ("is there a dashboard?", "dashboard"),
        ("can I use it with Windows nodes?", "windows_nodes"),
    ],
)
def test_a_feature_asked_after_one_mesh_checks_it(
    kb: KnowledgeBase, reply: str, feature: str
) -> None:
    for opening in (ADDON, KUMA):
        intent = talk(kb, opening, reply).question
        subject = talk(kb, opening).question.meshes
        assert intent.kind == IntentKind.feature_check, (opening, reply)
        assert intent.meshes == subject and feature in intent.features


def test_a_feature_asked_after_a_feature_check_checks_the_same_mesh(kb: KnowledgeBase) -> None:
    upgrades = "which istio revisions does it support right now and how do upgrades work?"
    conversation = talk(kb, ADDON, upgrades, "can I use EnvoyFilter with it?")
    assert conversation.question.meshes == ["aks-istio-addon"]
    assert conversation.answer.kind == IntentKind.feature_check


@pytest.mark.parametrize(
    "reply", ["can it run on EKS?", "does it run on EKS?", "will it work on EKS?"]
)
def test_a_platform_asked_of_it_is_that_mesh_on_that_platform(
    kb: KnowledgeBase, reply: str
) -> None:
    conversation = talk(kb, "what is google cloud service mesh?", reply)
    assert conversation.question.meshes == ["google-cloud-service-mesh"]
    assert conversation.answer.kind != IntentKind.recommend
    assert "EKS" in conversation.answer.title


def test_its_price_is_the_distribution_s_not_proxy_memory(kb: KnowledgeBase) -> None:
    conversation = talk(kb, ADDON, "how much does it cost?")
    assert conversation.question.meshes == ["aks-istio-addon"]
    assert conversation.answer.kind == IntentKind.explain


@pytest.mark.parametrize(
    "reply",
    [
        "which meshes have an egress gateway?",
        "is there anything with an egress gateway?",
        "we need an egress gateway, what should we use?",
        "we run EKS with 40 services and need mtls. which mesh?",
        "what about istio?",
    ],
)
def test_a_list_a_recommendation_or_another_mesh_is_not_a_check_of_it(
    kb: KnowledgeBase, reply: str
) -> None:
    intent = talk(kb, KUMA, reply).question
    assert not (intent.kind == IntentKind.feature_check and intent.meshes == ["kuma"])


OSSM_SETUP = "we run openshift 4.16 and need red hat support, kiali and multi-cluster. which mesh?"


def test_ambient_and_version_asked_of_the_distribution_after_its_price(kb: KnowledgeBase) -> None:
    pick = pick_of(kb, talk(kb, OSSM_SETUP).question)
    assert pick is not None and kb.meshes[pick].based_on, "the thread picks a distribution"
    ambient = talk(kb, OSSM_SETUP, "do we have to pay extra for it?", "can we use ambient with it?")
    assert ambient.question.kind == IntentKind.feature_check
    assert ambient.question.meshes == [pick]
    version = talk(
        kb, OSSM_SETUP, "do we have to pay extra for it?", "what version of istio is it on?"
    )
    assert version.question.kind == IntentKind.lifecycle
    assert version.question.meshes == [pick]
