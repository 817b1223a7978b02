"""The provider's own offering (issue 21, point 6): picked where provider support or a
managed control plane is asked for, not on the platform alone; on OpenShift the subscription
the platform runs under already covers Red Hat's mesh. Each setup goes through the public
path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "startup, 1 EKS cluster, 12 svcs, 4 engineers total. the CTO wants a service mesh",
        "we're on GKE with 18 services and a 3 person team. our VP wants a service mesh",
        "AKS, 20 microservices, two of us run the platform. thinking about adding a mesh",
        "small EKS setup, 15 services, 5 engineers. should we adopt istio?",
        "10 services on EKS, 2 person team, do we want a mesh",
    ],
)
def test_a_small_estate_naming_no_need_gets_no_provider_offering(engine: AnswerEngine, text: str):
    """Nothing asked of a mesh on a small estate: the platform alone does not make its
    provider's offering the pick (VPC Lattice, with no workload mTLS, least of all)."""
    found = verdict(engine, text)
    assert found.tied == ["no-mesh"]
    assert "provider-native" not in {r.id for r in found.fired}


@pytest.mark.parametrize(
    ("text", "offering"),
    [
        ("we run on AKS, 200 services, want Microsoft support", "aks-istio-addon"),
        ("AKS, 60 services, we need microsoft to support it", "aks-istio-addon"),
        ("GKE, 90 services, google should really support the mesh", "google-cloud-service-mesh"),
        ("EKS, 40 services, aws has to support whatever we run", "amazon-vpc-lattice"),
        ("ECS on Fargate, 25 services", "amazon-ecs-service-connect"),
    ],
)
def test_the_provider_offering_leads_where_its_support_is_asked_for(
    engine: AnswerEngine, text: str, offering: str
):
    assert verdict(engine, text).tied == [offering]


@pytest.mark.parametrize(
    "text",
    [
        "azure shop, but our clusters are ARO (azure red hat openshift) not AKS. ~60 services",
        "we run ARO, 60 services, which mesh?",
        "OpenShift 4.18 on prem, 80 services, mesh recommendation?",
        "ROSA clusters, ~50 svcs, need mTLS and retries",
        "openshift, 120 services, dedicated platform team, need mtls + canaries",
    ],
)
def test_on_openshift_the_subscription_already_covers_red_hats_mesh(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert found.tied == ["openshift-service-mesh"]
    assert "platform-subscription" in {r.id for r in found.fired}


@pytest.mark.parametrize(
    "text",
    [
        "we want something microsoft will actually support, AKS",
        "AKS, microsoft has to really support whatever we pick",
        "GKE, google would fully support it",
        "EKS, aws should officially support the mesh",
        "on openshift, red hat must still support it",
    ],
)
def test_a_word_between_the_modal_and_support_still_asks_for_support(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("support") not in (None, "none", "any")


@pytest.mark.parametrize(
    "text",
    [
        "40 GKE clusters, 2 ppl, need mtls + metrics and upgrades must not be our problem",
        "AKS, 60 services, we want mesh upgrades to be someone else's problem",
        "EKS, need mtls and retries, the control plane shouldn't be our problem",
        "GKE, 80 svcs, mtls + golden metrics, control plane upgrades can't be our problem",
        "openshift, 2 clusters, upgrades aren't our problem, need mtls",
    ],
)
def test_upgrades_said_to_be_someone_elses_problem_ask_for_a_managed_control_plane(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts.get("managed_control_plane") is True
    assert "revision_upgrades" not in facts.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "we are not on kubernetes, 60 services, which mesh?",
        "no k8s, 40 services, need mtls",
        "not on kubernetes at all, ~80 services, want mtls and retries",
        "zero kubernetes here, 50 services, which mesh fits?",
        "we don't run kubernetes, 70 services, need service to service authz",
    ],
)
def test_where_they_run_unsaid_no_cloud_bound_offering_leads(engine: AnswerEngine, text: str):
    """VPC Lattice and Cloud Service Mesh take VMs only in their own cloud: with no platform
    said they are as bound to it as the Kubernetes add-ons."""
    bound = {"amazon-vpc-lattice", "google-cloud-service-mesh", "amazon-ecs-service-connect"}
    assert not set(verdict(engine, text).tied) & bound
