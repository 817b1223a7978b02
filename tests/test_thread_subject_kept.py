"""Replies in a thread stay on the thread's subject (usertest s15 c02, c04, c10, q04): a
distribution asked of by its upstream's name is that distribution, a mesh swapped in for the
pick is set against the pick, a must-have restated keeps the recommendation, and a status
asked of one more mesh is that mesh's alone."""

from __future__ import annotations

import pytest

from bot.answers.after_pick import pick_of
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal
from tests.support.conversation import talk

AKS = "we are a bank on AKS, 120 services, need FIPS, would like Microsoft support. recommend?"
OSSM = "OpenShift 4.16, Red Hat subscription, 80 services, need mTLS and canary. recommend?"
WINDOWS = "AKS with Windows node pools, 50 services, need mTLS. recommend?"


def _pick(kb: KnowledgeBase, setup: str) -> str:
    """The thread's pick, whatever it is, as long as it is a distribution."""
    chosen = pick_of(kb, talk(kb, setup).question)
    assert chosen is not None and kb.meshes[chosen].based_on, "the thread picks a distribution"
    return chosen


@pytest.mark.parametrize(
    "reply",
    [
        "what version of istio does the addon run?",
        "what istio version is the add-on on?",
        "which istio release does the addon ship?",
        "what istio version does it ship?",
    ],
)
def test_upstream_version_asked_of_the_distribution(kb: KnowledgeBase, reply: str) -> None:
    pick = _pick(kb, AKS)
    intent = talk(kb, AKS, reply).question
    assert intent.kind == IntentKind.lifecycle
    assert intent.meshes == [pick]


@pytest.mark.parametrize(
    ("setup", "reply"),
    [
        (AKS, "can we use ambient with the addon?"),
        (AKS, "does it support ambient mode?"),
        (AKS, "is ambient available on the addon?"),
        (OSSM, "can it do ambient?"),
        (OSSM, "does the operator support ambient mode?"),
        (OSSM, "can it run istio ambient?"),
    ],
)
def test_upstream_mode_asked_of_the_distribution(kb: KnowledgeBase, setup: str, reply: str) -> None:
    pick = _pick(kb, setup)
    answer = talk(kb, setup, reply).answer
    assert answer.intent.kind == IntentKind.feature_check
    assert answer.intent.meshes == [pick]
    assert "sidecarless" in answer.intent.features
    lead = render_terminal(answer).split("\n")[2]
    assert kb.meshes[pick].name in lead and "Istio ambient mode runs" not in lead


@pytest.mark.parametrize(
    "reply",
    [
        "what's the latest istio version?",  # no pointer back: upstream
        "is it better than istio?",  # set against upstream
        "why not istio ambient instead of the addon?",
        "does upstream istio support ambient?",
    ],
)
def test_upstream_itself_stays_upstream(kb: KnowledgeBase, reply: str) -> None:
    pick = _pick(kb, AKS)
    intent = talk(kb, AKS, reply).question
    assert intent.meshes != [pick]


@pytest.mark.parametrize(
    "reply",
    [
        "what about linkerd on openshift instead?",
        "and linkerd instead?",
        "could we run linkerd instead?",
        "what if we went with linkerd instead",
    ],
)
def test_mesh_swapped_in_is_set_against_the_pick(kb: KnowledgeBase, reply: str) -> None:
    pick = _pick(kb, OSSM)
    intent = talk(kb, OSSM, "can it do ambient?", reply).question
    assert intent.kind == IntentKind.compare
    assert intent.meshes == [pick, "linkerd"]


def test_mesh_added_without_swap_asks_the_same_feature(kb: KnowledgeBase) -> None:
    intent = talk(kb, OSSM, "can it do ambient?", "what about linkerd?").question
    assert intent.kind == IntentKind.feature_check
    assert "sidecarless" in intent.features


@pytest.mark.parametrize(
    "reply",
    [
        "windows pods are must have",
        "windows support is a hard requirement",
        "windows nodes are essential for us",
        "windows nodes are a must",
    ],
)
def test_must_have_restated_keeps_the_recommendation(kb: KnowledgeBase, reply: str) -> None:
    intent = talk(kb, WINDOWS, reply).question
    assert intent.kind == IntentKind.recommend
    in_full = intent.facts.get("in_full")
    assert isinstance(in_full, list) and "windows_nodes" in in_full


def test_list_asked_stays_a_list(kb: KnowledgeBase) -> None:
    intent = talk(kb, WINDOWS, "which meshes support windows nodes?").question
    assert intent.kind == IntentKind.which_meshes


@pytest.mark.parametrize(
    ("reply", "mesh"),
    [
        ("and traefik mesh?", "traefik-mesh"),
        ("what about nginx service mesh", "nginx-service-mesh"),
        ("how about the aks istio addon?", "aks-istio-addon"),
        ("and linkerd?", "linkerd"),
        ("what about app mesh", "aws-app-mesh"),
    ],
)
def test_status_asked_of_one_more_mesh_is_its_own(kb: KnowledgeBase, reply: str, mesh: str) -> None:
    first = "is open service mesh still maintained?"
    intent = talk(kb, first, "and traefik mesh?", reply).question
    assert intent.kind == IntentKind.lifecycle
    assert intent.meshes == [mesh]


def test_status_set_against_the_thread_keeps_both(kb: KnowledgeBase) -> None:
    intent = talk(kb, "is open service mesh still maintained?", "compare it with linkerd").question
    assert set(intent.meshes) == {"open-service-mesh", "linkerd"}
