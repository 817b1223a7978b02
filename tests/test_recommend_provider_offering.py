"""The provider's own offering (issue 21, point 6): picked where provider support or a
managed control plane is asked for, not on the platform alone; on OpenShift the subscription
the platform runs under already covers Red Hat's mesh. Each setup goes through the public
path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
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


@pytest.mark.parametrize(
    "text",
    [
        "we need a vendor that supports it, EKS, 90 svcs",
        "EKS, 60 svcs, mtls, we want a vendor who backs the mesh",
        "GKE 100 services, need a vendor that will support whatever we pick, mtls + retries",
        "on-prem k8s, 200 svcs, FIPS required, vendor that ships and supports fips builds",
        "EKS in govcloud, ~90 svcs, FIPS 140 crypto and a vendor that actually ships + supports it",
    ],
)
def test_a_vendor_described_by_its_support_asks_for_any_vendors_support(
    engine: AnswerEngine, text: str
):
    """Any vendor's support asked for: the provider's own mesh is weighed as the one whose
    support they may pay for already, but VPC Lattice (no workload mTLS) is no such mesh."""
    assert engine.parser.parse(text).facts.get("support") == "any"
    found = verdict(engine, text)
    assert found.of("no-mesh").out
    assert found.pick != "amazon-vpc-lattice"
    rule = next(r for r in engine.kb.rules.rules if r.id == "provider-native")
    assert not any(
        scoring.weight(rule, found.of(m), found.field) for m in found.survivors if "lattice" in m
    )


@pytest.mark.parametrize(
    "text",
    [
        "GKE, ~300 grpc services, want xDS-driven LB/routing with no proxy at all in the data path",
        "all our services are gRPC; we want no proxies at all in the request path, GKE, 120 svcs",
        "GKE, ~100 grpc services, we can't have any proxies in the data path",
        "grpc services on GKE, 80 of them, no proxy whatsoever, routing from the control plane",
        "GKE with 150 gRPC services, no proxy of any kind in the request path please",
    ],
)
def test_grpc_services_with_no_proxy_at_all_go_proxyless(engine: AnswerEngine, text: str):
    """Proxyless gRPC keeps every proxy out of the data path for gRPC services: Cloud Service
    Mesh stays in, with that caveat, where every offering that runs a proxy is out."""
    found = verdict(engine, text)
    assert not found.of("google-cloud-service-mesh").out
    assert found.of("istio-ambient").out and found.of("linkerd").out
    assert found.pick == "google-cloud-service-mesh"


def test_no_proxy_at_all_for_some_services_refuses_no_proxy(engine: AnswerEngine):
    text = (
        "GKE, 4 clusters, most traffic is gRPC and a few latency critical services want "
        "proxyless gRPC (no proxy at all for those)"
    )
    assert "no_proxies" not in engine.parser.parse(text).facts
