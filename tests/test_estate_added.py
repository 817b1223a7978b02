"""A reply that adds to the estate said before adds to it, not replaces it (usertest s14b #1)."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

GKE = "GKE Standard, 5 clusters across 3 regions, 900 services, Google should run the control plane"
ECS = "We run 30 services on ECS Fargate and want mTLS"


@pytest.mark.parametrize(
    "reply",
    [
        "we also have 2 EKS clusters we want in the same mesh",
        "we have 2 EKS clusters too",
        "there are 2 EKS clusters as well that should join",
        "plus we also run 2 clusters on EKS",
        "oh and we also operate 2 EKS clusters, same mesh please",
    ],
)
def test_a_platform_said_too_joins_the_estate(kb: KnowledgeBase, reply: str) -> None:
    facts = talk(kb, GKE, reply).question.facts
    assert facts["platform"] == ["gke", "eks"]
    assert facts["clusters"] == 7 and facts["services"] == 900
    assert facts.get("managed_control_plane") is True  # the requirement said before stays


@pytest.mark.parametrize(
    ("reply", "platform"),
    [
        ("actually we're on EKS, not GKE", ["eks"]),
        ("sorry, I meant EKS", ["eks"]),
        ("we also need mTLS", ["gke"]),
    ],
)
def test_a_platform_said_instead_replaces_it(
    kb: KnowledgeBase, reply: str, platform: list[str]
) -> None:
    assert talk(kb, GKE, reply).question.facts["platform"] == platform


@pytest.mark.parametrize(
    "reply",
    [
        "why not App Mesh? we already have it on 10 of those services",
        "we already run app mesh on 10 of those services",
        "10 of our services use App Mesh today",
        "App Mesh is on 10 of these services already",
        "what about App Mesh, which 10 of the services run?",
    ],
)
def test_a_part_of_the_services_keeps_their_count(kb: KnowledgeBase, reply: str) -> None:
    assert talk(kb, ECS, reply).question.facts["services"] == 30


@pytest.mark.parametrize(
    ("reply", "services"),
    [("actually it's 10 services", 10), ("all 60 of our services, sorry", 60)],
)
def test_a_new_count_of_the_services_replaces_it(
    kb: KnowledgeBase, reply: str, services: int
) -> None:
    assert talk(kb, ECS, reply).question.facts["services"] == services
