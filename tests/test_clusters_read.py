"""Clusters are counted as said, never invented: a joined count whose unit is left out ("2 GKE
clusters + 1 on-prem") is more of that unit, Nomad's hosts count no cluster, and clusters said
to run on-prem are Kubernetes, not VMs to bring in. Each goes through the parser."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

ELIDED = [
    ("we have 2 GKE clusters + 1 on-prem, 400 services, need wasm", 3),
    ("2 EKS clusters and 1 on-prem, 100 services", 3),
    ("3 GKE clusters plus 2 bare metal; 300 services", 5),
    ("2 gke clusters + 1 on-prem + 1 edge, 50 services", 4),
    ("2 GKE clusters & 1 on-prem", 3),
]


@pytest.mark.parametrize(("text", "clusters"), ELIDED)
def test_a_joined_count_without_its_unit_counts_more_of_it(
    engine: AnswerEngine, text: str, clusters: int
):
    facts = engine.parser.parse(text).facts
    assert facts.get("clusters") == clusters
    assert "kubernetes" in facts["platform"]  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    ["2 GKE clusters and 3 legacy services, need mTLS", "2 GKE clusters and 1 team, 50 services"],
)
def test_a_count_of_something_else_adds_no_cluster(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("clusters") == 2


@pytest.mark.parametrize(
    "text",
    [
        "we run EKS plus some EC2 VMs and Nomad, need mTLS across all of it, legal says no BUSL",
        "EKS and nomad, 60 services, need mTLS",
        "we're on AKS with a Nomad side for batch jobs, 40 services",
    ],
)
def test_nomad_beside_kubernetes_counts_no_cluster(engine: AnswerEngine, text: str):
    assert "clusters" not in engine.parser.parse(text).facts


def test_two_kubernetes_platforms_are_two_clusters_at_least(engine: AnswerEngine):
    assert engine.parser.parse("we have AKS and GKE, 100 services").facts.get("clusters") == 2


ON_PREM_CLUSTERS = [
    "what if half our clusters were on-prem (GKE Enterprise / bare metal)?",
    "what if some clusters ran on-prem?",
    "and if half the clusters are on prem?",
    "what if half of the clusters ran on bare metal?",
    "what if a few of our clusters were on-prem?",
]


@pytest.mark.parametrize("text", ON_PREM_CLUSTERS)
def test_clusters_on_prem_are_kubernetes_not_vms(kb: KnowledgeBase, text: str):
    setup = "GKE Autopilot, 200 services, 3 clusters, we want a managed control plane. what to use?"
    thread = talk(kb, setup, text).question
    assert thread is not None
    assert "vm_workloads" not in thread.features
    assert thread.facts.get("platform") == ["gke", "kubernetes"]  # the rest stay on GKE
    assert thread.facts.get("clusters") == 3  # the thread's count stands


@pytest.mark.parametrize(
    "text", ["we have GKE and some on-prem VMs", "half our services are on prem VMs"]
)
def test_on_prem_vms_are_still_vms(engine: AnswerEngine, text: str):
    assert "vm_workloads" in engine.parser.parse(text).features
