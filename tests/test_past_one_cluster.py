"""A cost asked past Kubernetes' documented single-cluster limits (5,000 nodes, 150,000
pods) says it is an estate of many clusters and that linear totals are a floor; within
them, or spread over enough clusters, nothing is added."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind

CAVEAT = "is past what one Kubernetes cluster is designed for (5,000 nodes, 150,000 pods)"


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("memory for ambient at half a million pods", 4),
        ("istio sidecar memory for 200k pods", 2),
        ("cost 8000 nodes linkerd", 2),
        ("what would linkerd cost us at 1,000,000 pods", 7),
        ("ram for istio ambient with 20,000 nodes", 4),
        ("proxy cpu for istio at 400k pods", 3),
    ],
)
def test_a_size_past_one_cluster_says_so(engine: AnswerEngine, text: str, clusters: int) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.cost
    assert CAVEAT in answer.lead
    assert f"an estate of at least {clusters:,} clusters" in answer.lead
    assert any(
        s.url.startswith("https://kubernetes.io/docs/setup/best-practices/cluster-large")
        for s in answer.sources
    )


@pytest.mark.parametrize(
    "text",
    [
        "cost of istio at 1000 pods",
        "linkerd memory for 300,000 pods across 3 clusters",
        "ambient memory for 140k pods",
        "what do sidecars cost at 4,000 nodes",
        "how many microseconds does linkerd add per request",
    ],
)
def test_within_the_limits_nothing_is_added(engine: AnswerEngine, text: str) -> None:
    assert CAVEAT not in engine.ask(text).lead
