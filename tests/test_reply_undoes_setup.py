"""A reply's own count undoes what the thread said of a larger estate (blind test s16a P9):
"what if we go down to 1 cluster?" after "4 clusters, need multi-cluster" leaves no
clusters for one mesh to span, so the pick is made again without the multi-cluster need
(rules.yaml `reply_implied`). Counts of two or more, other needs, and a first message
that says one cluster beside a multi-cluster need keep it."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

SETUP = "GKE, 300 services in 4 clusters, need multi-cluster and we want ambient"


@pytest.mark.parametrize(
    "reply",
    [
        "what if we go down to 1 cluster?",
        "what if we consolidate into a single cluster?",
        "say we merge everything into one cluster",
        "and if it was just 1 cluster?",
        "what if we only had one cluster?",
    ],
)
def test_one_cluster_drops_the_multi_cluster_need(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, SETUP, reply)
    intent = conversation.question
    assert intent.kind == IntentKind.recommend
    assert intent.facts["clusters"] == 1 and not intent.facts.get("spans_clusters")
    assert "multi_cluster" not in intent.facts.get("needs", [])
    assert "multi_cluster" not in intent.features


def test_after_a_comparison_one_cluster_drops_it_too(kb: KnowledgeBase) -> None:
    turns = (SETUP, "what about gloo for this?", "what if we go down to 1 cluster?")
    intent = talk(kb, *turns).question
    assert not intent.facts.get("spans_clusters")
    assert "multi_cluster" not in [*intent.facts.get("needs", []), *intent.features]


@pytest.mark.parametrize(
    ("reply", "clusters"),
    [
        ("what if we go to 6 clusters?", 6),
        ("what if we drop to 2 clusters?", 2),
        ("what if we also need jwt?", 4),
    ],
)
def test_several_clusters_keep_the_need(kb: KnowledgeBase, reply: str, clusters: int) -> None:
    intent = talk(kb, SETUP, reply).question
    assert intent.facts["clusters"] == clusters and intent.facts["spans_clusters"] is True
    assert "multi_cluster" in intent.facts["needs"]


def test_said_in_one_message_the_need_stands(kb: KnowledgeBase) -> None:
    intent = talk(kb, "GKE, 1 cluster today, 300 services, need multi-cluster").question
    assert intent.facts["needs"] == ["multi_cluster"]
