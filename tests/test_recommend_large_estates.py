"""Large estates with several hard constraints: the sidecar-free figure of a mesh that offers
both modes where sidecars are refused, a pain said to be the top complaint ranked first, a
trust domain shared across clusters, a cloud's VMs under a self-run cluster, and a must-not
said as a preference given up for a mesh meeting every must-have. Through the public path:
parse, answer, render."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _facts(engine: AnswerEngine, text: str) -> dict:
    return dict(engine.parser.parse(text).facts)


def _pick(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text))).splitlines()[0]


NO_SIDECARS_ISTIO_SUPPORTED = [
    "1,500 services on 20 clusters across EKS and GKE. Must haves: vendor support with an SLA, "
    "no sidecars, keep our CNI, multi-cluster, FIPS builds, and we keep the Istio APIs. Which?",
    "bank, 30 clusters on AKS and EKS, 1,800 services. hard requirements: no sidecar proxies, "
    "fips builds, multi-cluster, a support contract, we know istio's api. what should we run?",
    "We need a supported istio without sidecars across 25 clusters (eks, aks), FIPS validated "
    "crypto, multi-cluster, no CNI swap, about 2,500 services. Recommendation?",
    "Istio shop, 40 clusters on GKE and EKS, ~3,000 services: sidecar-free only, FIPS, "
    "multicluster, 24x7 vendor support. Which mesh fits?",
    "Hard reqs: enterprise support, no sidecars, FIPS 140, multi-cluster over 12 EKS and AKS "
    "clusters, our AuthorizationPolicies must carry over (istio api). 900 services. pick one",
]


@pytest.mark.parametrize("text", NO_SIDECARS_ISTIO_SUPPORTED)
def test_a_supported_istio_without_sidecars_goes_by_its_ambient_footprint(
    engine: AnswerEngine, text: str
):
    assert "Gloo Mesh" in _pick(engine, text)


COMPLAINED_MEMORY = [
    "The sidecar memory bill is the top complaint from finance. 2,000 services on 30 clusters.",
    "memory is the biggest complaint from our finance team; 800 services on EKS",
    "Our #1 gripe is the proxy memory. 1,200 services, GKE.",
    "sidecar memory is the main complaint we get, 500 services on AKS",
    "finance's top complaint is the memory bill. 40 clusters, 2,500 services, self-managed k8s",
]


@pytest.mark.parametrize("text", COMPLAINED_MEMORY)
def test_memory_said_to_be_the_top_complaint_is_a_tight_memory_budget(
    engine: AnswerEngine, text: str
):
    assert _facts(engine, text).get("memory_budget") == "tight"


def test_a_large_open_source_estate_complaining_of_sidecar_memory_goes_sidecar_free(
    engine: AnswerEngine,
):
    text = (
        "~3,000 services, 60 Kubernetes clusters (mostly self-managed, some EKS), five regions. "
        "Open source only. The sidecar memory bill is the top complaint from finance. We need "
        "mTLS everywhere, multi-cluster service discovery, and L7 routing on a few services."
    )
    assert "Istio (sidecar mode)" not in _pick(engine, text)


SHARED_TRUST = [
    "OpenShift, 14 clusters, need multi-cluster mTLS with a shared trust domain and vendor support",
    "we want one trust domain across our 8 EKS clusters with mTLS. which mesh?",
    "multi-cluster mtls with a common root CA across 5 GKE clusters, 600 services",
    "a single trust domain for every cluster (6 AKS clusters), mTLS and metrics",
    "same trust domain in all 10 clusters on openshift; mTLS, Kiali-style topology views",
]


@pytest.mark.parametrize("text", SHARED_TRUST)
def test_a_shared_trust_domain_spans_clusters_and_asks_no_isolated_meshes(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert "multi_mesh" not in intent.features
    assert intent.facts.get("spans_clusters") is True


SEPARATE_TRUST = [
    "each team needs its own isolated mesh with a separate trust domain, one control plane",
    "we need multiple isolated meshes on a single control plane, open source only, EKS",
]


@pytest.mark.parametrize("text", SEPARATE_TRUST)
def test_a_trust_domain_of_each_teams_own_still_asks_isolated_meshes(
    engine: AnswerEngine, text: str
):
    assert "multi_mesh" in engine.parser.parse(text).features


def test_openshift_with_red_hat_and_a_shared_trust_domain_picks_ossm(engine: AnswerEngine):
    text = (
        "OpenShift estate: about 1,200 services on 14 clusters across 3 data centres. We already "
        "have Red Hat subscriptions. Need multi-cluster mTLS with a shared trust domain, "
        "Kiali-style topology views, and vendor support for the mesh. Which one?"
    )
    assert "OpenShift Service Mesh" in _pick(engine, text)


CLUSTER_ON_CLOUD_VMS = [
    "self-managed k8s (GCE VMs, kubeadm), 120 services, need mtls. which mesh?",
    "we run kubernetes (ec2 instances, kubeadm), 80 services, mTLS + retries",
    "k8s (azure vms) we run ourselves, 60 services, want mtls and metrics",
    "kubeadm clusters (GCE instances), 40 services. which mesh for mtls?",
    "self hosted k8s, ec2 vms, 200 services, need mTLS and retries. what mesh?",
]


@pytest.mark.parametrize("text", CLUSTER_ON_CLOUD_VMS)
def test_a_clouds_vms_right_after_a_self_run_cluster_are_its_machines(
    engine: AnswerEngine, text: str
):
    facts = _facts(engine, text)
    assert facts.get("platform") == ["kubernetes"]
    assert facts.get("cloud") in {"google", "aws", "microsoft"}


VMS_BESIDE_CLUSTERS = [
    "eks plus 40 ec2 vms, need mtls across both",
    "kubernetes and some gce vms, 100 services, want mtls",
]


@pytest.mark.parametrize("text", VMS_BESIDE_CLUSTERS)
def test_vms_beside_a_cluster_stay_workloads(engine: AnswerEngine, text: str):
    assert "vm_workloads" in engine.parser.parse(text).features


PREFERRED_NO_ENVOY = [
    "EKS multi-tenant platform: multiple isolated meshes on a single control plane, open source "
    "only. Security would like us to avoid Envoy if at all possible but it's a preference.",
    "we need isolated meshes per tenant on one control plane, apache-2 only; we'd prefer no "
    "envoy. GKE, 50 services",
    "one control plane, several isolated meshes (one per team), OSS only. ideally no envoy. EKS",
    "multi mesh on one control plane is a hard req, open source only; no envoy if at all "
    "possible. 90 services on AKS",
    "mesh per tenant with one control plane, open source, avoid envoy where possible, eks",
]


@pytest.mark.parametrize("text", PREFERRED_NO_ENVOY)
def test_a_preferred_must_not_gives_way_to_a_mesh_meeting_every_must_have(
    engine: AnswerEngine, text: str
):
    assert _pick(engine, text) == "Recommendation: Kuma"


def test_no_envoy_said_outright_still_screens_envoy_out(engine: AnswerEngine):
    text = "EKS, isolated meshes on one control plane, open source only, no envoy. 70 services"
    assert "Kuma" not in _pick(engine, text)
