"""Services counted part by part, each part on a platform of its own ("AKS (~120 svcs) … ~100
services on Linux VMs"), add up to the estate (rules.yaml fact `adds_by_place`,
bot/intents/places.py). A whole said first, a part of a count already said, the same platform
again, or a platform the services move to, adds nothing."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick


@pytest.mark.parametrize(
    ("text", "services"),
    [
        (
            "Hybrid mess: AKS in Azure (~120 svcs), an EKS cluster (~60), and ~100 .NET Core "
            "services on Linux VMs in our VMware DC. Want ONE mesh over all of it. Which mesh?",
            220,
        ),
        ("80 services on GKE and 50 services on EKS, one mesh for both. which mesh?", 130),
        ("120 services on AKS and 100 services on linux VMs. recommend a mesh", 220),
        ("80 services on GKE, 50 services on EKS and 30 services on AKS. which mesh?", 160),
        ("EKS runs 90 services; on AKS we have another 40 services. what mesh?", 130),
        ("our OpenShift clusters host 70 services, and 30 services run on EKS. advice?", 100),
    ],
)
def test_parts_on_their_own_platforms_add_up(engine, text, services):
    facts, _ = facts_and_pick(engine, text)
    assert facts["services"] == services


@pytest.mark.parametrize(
    ("text", "services"),
    [
        # the whole said first, its parts after
        ("we have 300 services; 120 on AKS and 180 on EKS. which mesh?", 300),
        ("we have 300 services: 120 services on AKS and 180 services on EKS", 300),
        # a part of a count said already
        ("40 services on EKS, 10 of those services on Fargate. which mesh?", 40),
        ("60 services on EKS, and 20 services of them run on fargate. which mesh?", 60),
        # where they move, not where they run
        ("we run 200 services on EKS and are moving 50 services to GKE. which mesh?", 200),
        # the same platform twice
        ("90 services on EKS in prod and 90 services on EKS in staging. which mesh?", 90),
    ],
)
def test_near_misses_add_nothing(engine, text, services):
    facts, _ = facts_and_pick(engine, text)
    assert facts["services"] == services


def test_a_hybrid_estate_summed_is_no_mid_sized_one(engine):
    """The hybrid estate read whole (220 services) is past the mid-sized range where
    Linkerd's simplicity is weighed; a vendor's Istio that spans clusters and takes VMs,
    with support, leads."""
    facts, tied = facts_and_pick(
        engine,
        "Hybrid mess: AKS in Azure (~120 svcs), an EKS cluster (~60), and ~100 .NET Core "
        "services on Linux VMs in our VMware DC. Want ONE mesh over all of it — multi-cluster "
        "+ VM workloads — with an enterprise support contract. Legal says no BUSL. Which mesh?",
    )
    assert facts["services"] == 220
    assert tied and set(tied) <= {"gloo-mesh", "kong-mesh"}


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("2 EKS clusters with 80 services and 1 GKE cluster with 40 services. which mesh?", 3),
        ("3 AKS clusters and 2 EKS clusters, one mesh across them. which mesh?", 5),
        ("120 EKS services in 2 clusters. which mesh?", 2),
        # the whole said first
        ("we run 4 clusters: 2 on EKS and 2 on GKE. which mesh?", 4),
        ("3 EKS clusters, 2 of those clusters in eu. which mesh?", 3),
    ],
)
def test_clusters_on_their_own_platforms_add_up(engine, text, clusters):
    facts, _ = facts_and_pick(engine, text)
    assert facts["clusters"] == clusters
