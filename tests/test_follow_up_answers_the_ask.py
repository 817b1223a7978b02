"""A follow-up that asks something gets that answered in the thread's context, not a feature
or platform check nobody asked, nor the same recommendation again (user test s14, problems 1,
5 and 9). Driven as `meshbot chat` drives a thread; near misses keep their old reading."""

from __future__ import annotations

import pytest

from bot.answers.after_pick import pick_of
from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

FINTECH = (
    "Fintech, 90 people, EKS single cluster, 60 services, 2 platform engineers. Auditors want "
    "mTLS between all services and proof of it. No paid licences."
)
NOMAD = "We run Nomad with some EKS, HashiCorp customer, 40 services, need mTLS"
KONG = "EKS plus 30 VMs, 100 services, we already pay Kong for the gateway, need mTLS"


def _picked(kb: KnowledgeBase, setup: str) -> str:
    """The mesh the thread's first answer picks: what the follow-ups refer back to."""
    pick = pick_of(kb, talk(kb, setup).question) or ""
    assert pick in kb.meshes
    return pick


@pytest.mark.parametrize(
    "reply",
    [
        "what would change your pick?",
        "what could change your recommendation?",
        "what would change the recommendation?",
        "under what conditions would you pick something else?",
        "what would it take to flip the pick?",
    ],
)
def test_what_would_change_the_pick_is_answered_not_repeated(kb, reply):
    answer = talk(kb, FINTECH, reply).answer
    assert answer.intent.aspect == Aspect.changes
    assert answer.title == f"What would change the pick from {kb.meshes[_picked(kb, FINTECH)].name}"
    changes = bool(answer.points) and answer.points[0].heading == "What would change the pick"
    assert changes or "no answer to what I haven't asked yet would change it" in answer.lead


@pytest.mark.parametrize(
    "reply",
    [
        "which would you pick and why, in two sentences?",
        "which would you pick, tl;dr?",
        "what's your pick in one sentence?",
        "which one would you choose, short answer",
        "what do you recommend, in a nutshell?",
    ],
)
def test_the_pick_asked_in_brief_is_the_brief_form(kb, reply):
    answer = talk(kb, FINTECH, reply).answer
    assert answer.intent.brief and answer.kind == IntentKind.recommend
    assert answer.title == f"Recommendation: {kb.meshes[_picked(kb, FINTECH)].name}"


@pytest.mark.parametrize(
    "reply",
    [
        "how do we prove mTLS to auditors with your pick?",
        "can your pick show auditors mTLS is enforced?",
        "does your recommendation give us mtls proof for audits?",
        "with the one you picked, how is mTLS enforced?",
        "does your pick enforce strict mtls?",
    ],
)
def test_proving_mtls_with_the_pick_checks_the_pick(kb, reply):
    question = talk(kb, FINTECH, reply).question
    assert question.kind == IntentKind.feature_check
    assert question.meshes == [_picked(kb, FINTECH)] and "mtls" in question.features


@pytest.mark.parametrize(
    "reply",
    [
        "what happens to consul now that IBM owns HashiCorp?",
        "what's the future of consul under IBM?",
        "will consul survive the IBM takeover?",
        "what will happen to consul after the IBM acquisition?",
        "what happens with consul since the acquisition?",
    ],
)
def test_consul_after_ibm_is_its_status_not_a_platform_check(kb, reply):
    answer = talk(kb, NOMAD, reply).answer
    assert answer.kind == IntentKind.lifecycle and answer.intent.meshes == ["consul"]
    assert not answer.title.startswith("Does")


@pytest.mark.parametrize(
    "reply",
    [
        "what if we dropped the VMs next year?",
        "what if we got rid of the VMs?",
        "say we retire the VMs, then what?",
        "if we decommission the VMs, does the pick change?",
        "what if we ditched the VMs?",
    ],
)
def test_dropping_the_vms_is_a_what_if_without_them(kb, reply):
    question = talk(kb, KONG, reply).question
    assert question.kind == IntentKind.recommend
    assert "vm_workloads" not in question.facts["needs"]
    assert "vm_workloads" in question.facts["not_needed"]


@pytest.mark.parametrize(
    "reply",
    [
        "why not cilium? we might switch CNI anyway",
        "why not cilium, we may switch cni anyway",
        "what about cilium? we're open to replacing the CNI",
        "why not cilium? happy to switch CNI",
        "and cilium? we could switch CNI",
    ],
)
def test_a_cni_on_the_cards_drops_the_cni_replacement_argument(kb, reply):
    conversation = talk(kb, FINTECH, reply)
    assert conversation.question.facts.get("cni_open") is True
    said = " ".join(
        s.text for p in conversation.answer.points for s in getattr(p, "items", [])
    ) + " ".join(getattr(p, "text", "") for p in conversation.answer.points)
    assert "replacing the cluster's CNI" not in said


@pytest.mark.parametrize(
    "question",
    [
        "does istio ambient support multi-cluster",
        "can linkerd do multicluster?",
        "does kuma support cross-cluster failover?",
        "can cilium do multi-cluster?",
        "does consul do multi cluster",
    ],
)
def test_a_one_shot_check_names_no_pick(engine, question):
    answer = engine.ask(question)
    assert answer.kind == IntentKind.feature_check
    assert not any(getattr(p, "heading", "") == "For your setup" for p in answer.points)


def test_a_check_with_a_setup_still_names_the_pick(engine):
    answer = engine.ask("does linkerd support multi-cluster? we're on EKS with 3 clusters")
    assert any(getattr(p, "heading", "") == "For your setup" for p in answer.points)


def _asked(kb, *turns: str) -> list[str]:
    """Every follow-up question asked over a conversation answering each with its first
    choice."""
    conversation = talk(kb, turns[0])
    asked = []
    for _ in range(6):
        if not conversation.answer.follow_up:
            break
        asked.append(conversation.answer.follow_up.question)
        conversation.say("1")
    return asked


@pytest.mark.parametrize(
    ("setup", "never"),
    [
        ("startup, one GKE Autopilot cluster, 25 services, need mTLS", "span several clusters"),
        ("we're on a single GKE cluster, 40 services, mTLS and retries", "span several clusters"),
        ("we run on ECS Fargate, 30 services, need mTLS", "per node"),
        ("EKS on fargate, 20 services, need mtls", "per node"),
        ("GKE Autopilot, 50 services, need mTLS", "per node"),
    ],
)
def test_the_next_question_never_asks_what_was_said(kb, setup, never):
    assert not any(never in q for q in _asked(kb, setup))


@pytest.mark.parametrize(
    ("first", "reply", "kind"),
    [
        (KONG, "what if we had 3 clusters?", IntentKind.recommend),  # a what-if at that size
        (KONG, "does it do jwt validation?", IntentKind.feature_check),  # a real check
        (FINTECH, "why not cilium?", IntentKind.compare),  # set against the pick, as before
        (NOMAD, "is consul still maintained?", IntentKind.lifecycle),
    ],
)
def test_near_misses_keep_their_reading(kb, first, reply, kind):
    question = talk(kb, first, reply).question
    assert question.kind == kind
    if reply.startswith("what if we had 3"):
        assert question.facts["clusters"] == 3


def test_multi_cluster_is_still_asked_of_several_clusters(kb):
    asked = _asked(kb, "EKS, 3 clusters, 80 services, need mTLS and retries")
    assert any("span several clusters" in q for q in asked) or asked == []
