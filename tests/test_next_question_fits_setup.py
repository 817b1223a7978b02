"""The next question is one the setup leaves open: a cluster named in the singular ("our k3s
cluster") is one cluster, so whether one mesh spans several is not asked; and at 1,000 pods or
more "under 30 services" is no answer offered. Each goes through parse -> answer -> text."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

SPANS_ASKED = "Must one mesh span several clusters"

ONE_CLUSTER = [
    "we run 8 services on our k3s cluster, 2 part-time devs. a service mesh for mTLS, worth it?",
    "8 services on our only cluster (k3s), 2 devs, thinking about mTLS. mesh or not?",
    "our k3s box runs 8 services on a single k3s node; want mTLS, is a mesh worth it?",
    "8 services on our small cluster, 2 part-time devs, just mTLS. worth a mesh?",
    "10 services in our production cluster on k3s, two devs, need mTLS. mesh?",
]


@pytest.mark.parametrize("text", ONE_CLUSTER)
def test_a_cluster_named_in_the_singular_is_not_asked_about_spanning(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("clusters") == 1
    assert SPANS_ASKED not in render_terminal(engine.answer(engine.parser.parse(text)))


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("our cluster admins are swamped, 3 EKS clusters", 3),
        ("we have 3 EKS clusters; our prod cluster has 40 services", 3),
        ("our eks cluster and our gke cluster, 50 services", 2),
        ("we want to connect our cluster to our DR cluster in another region", None),
    ],
)
def test_a_count_or_a_second_cluster_said_wins(
    engine: AnswerEngine, text: str, clusters: int | None
):
    assert engine.parser.parse(text).facts.get("clusters") == clusters


MANY_PODS = [
    "we run 3,000 pods on AKS, need mtls and retries, small team, open source only, sidecars "
    "fine, one cluster",
    "1,200 pods on GKE, mTLS and retries, one cluster, sidecars fine, small team, open source only",
]


@pytest.mark.parametrize("text", MANY_PODS)
def test_many_pods_offer_no_handful_of_services(engine: AnswerEngine, text: str):
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Under 30" not in shown


def test_few_pods_still_offer_a_handful_of_services(engine: AnswerEngine):
    text = "120 pods on GKE, mTLS and retries, one cluster, sidecars fine, small team, OSS only"
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Roughly how many services" not in shown or "Under 30" in shown
