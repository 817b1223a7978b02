"""Setups read the way engineers write them: a release channel is a build, not the network's
edge; a mesh described ("open source stable linkerd") sets no policy; the estate's protocol
asks for no proxyless gRPC; a workload they have no more is no must-have; the size told with
a mesh, a release channel they ride and a pain complained of name the mesh they run. Near
misses keep their old reading."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine


def _facts(engine: AnswerEngine, text: str) -> dict:
    return dict(engine.parser.parse(text).facts)


def _needs(engine: AnswerEngine, text: str) -> list[str]:
    return list(engine.parser.parse(text).facts.get("needs", []))


@pytest.mark.parametrize(
    "text",
    [
        "we've been riding edge releases of linkerd. 200 services on GKE. what now?",
        "20 person startup, GKE, ~60 pods on linkerd edge releases. is that ok or should we switch",
        "on linkerd's edge releases since 2.15, EKS, 80 services. which mesh should we run?",
        "we track the edge channel of linkerd in prod, 40 svcs on AKS. what should we use?",
        "running linkerd edge builds on eks with 120 pods. keep it or move?",
        "our whole fleet is on linkerd stable from buoyant, 100 svcs on EKS. should we switch?",
        "since buoyant stopped shipping stable linkerd we've been riding edge releases. "
        "gke, 100 svcs. recs?",
    ],
)
def test_a_release_channel_ridden_is_no_edge_ingress_and_names_the_mesh_run(engine, text):
    facts = _facts(engine, text)
    assert "ingress_gateway" not in facts.get("needs", [])
    assert facts.get("incumbent") == "linkerd"


@pytest.mark.parametrize(
    "text",
    [
        "we need an edge proxy in front of 200 services on GKE. which mesh?",
        "ingress at the edge plus mtls between services, EKS, 80 svcs. which mesh?",
        "we need the mesh to expose services to the internet via an ingress gateway. gke. pick?",
    ],
)
def test_the_network_edge_still_asks_for_an_ingress(engine, text):
    assert "ingress_gateway" in _needs(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "since buoyant stopped shipping open source stable linkerd we moved on. gke, 200 svcs. "
        "what would you switch to?",
        "open source stable linkerd is gone, EKS 50 services. which mesh now?",
        "we liked open source edge linkerd but it churns. AKS, 100 pods. which mesh?",
        "the open source stable istio builds are fine for us. EKS, 300 pods. which mesh?",
        "open source kuma has worked ok. EKS 40 services. what should we use?",
    ],
)
def test_a_mesh_described_as_open_source_sets_no_licence_policy(engine, text):
    assert "licence" not in _facts(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "open source only, EKS, 40 services. which mesh?",
        "must be open source, stable releases only. EKS 40 services. which mesh?",
        "we need something open source. GKE, 60 pods. which mesh?",
    ],
)
def test_an_open_source_policy_is_still_one(engine, text):
    assert _facts(engine, text)["licence"] == "open_source"


@pytest.mark.parametrize(
    "text",
    [
        "mgmt won't pay for enterprise. 200 services on GKE. which mesh?",
        "leadership wont pay for enterprise, EKS 60 svcs. what should we use?",
        "we're not paying for a subscription. AKS 100 pods, which mesh?",
        "finance will not pay for a licence, 40 services on EKS. pick one",
        "we won't buy enterprise anything. gke, 30 services. which mesh?",
    ],
)
def test_a_paid_edition_refused_wants_no_vendor(engine, text):
    assert _facts(engine, text)["support"] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "startup, single GKE cluster, 12 services all talking grpc. only pain is retries. mesh?",
        "EKS, 40 services that talk grpc to each other. we want mtls. which mesh?",
        "30 microservices speaking grpc on AKS, need retries and timeouts. which mesh?",
        "everything communicates over grpc, 50 svcs on GKE. which mesh would you pick?",
        "our services are all chatting grpc, 20 of them on EKS. recommend a mesh",
    ],
)
def test_the_protocol_spoken_asks_for_no_proxyless_grpc(engine, text):
    assert "proxyless_grpc" not in _needs(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "gke, ~30 grpc services, we'd like proxyless grpc and a managed control plane. which?",
        "we need proxyless grpc for a few latency-critical services on GKE. which mesh?",
        "grpc without a sidecar, xds in the client. gke, 20 services. pick a mesh",
    ],
)
def test_proxyless_grpc_asked_for_is_still_a_need(engine, text):
    assert "proxyless_grpc" in _needs(engine, text)


@pytest.mark.parametrize(
    ("text", "workload"),
    [
        (
            "3 EKS clusters, ~900 pods, we don't have VMs anymore. what do you suggest?",
            "vm_workloads",
        ),
        ("EKS 900 pods, no VMs any more. which mesh?", "vm_workloads"),
        ("EKS 900 pods, we got rid of our VMs last year. which mesh?", "vm_workloads"),
        (
            "we migrated off our VMs, everything is on GKE now, 70 services. which mesh?",
            "vm_workloads",
        ),
        ("our windows nodes were decommissioned. AKS, 60 services. which mesh?", "windows_nodes"),
        ("EKS 300 pods, VMs are a thing of the past for us. which mesh?", "vm_workloads"),
        ("EKS 300 pods, we dropped our VMs last quarter. which mesh?", "vm_workloads"),
        (
            "EKS, a windows node group for .net. the windows stuff does NOT need to be in the "
            "mesh, it just calls in. 150 svcs on linux. which mesh?",
            "windows_nodes",
        ),
        (
            "AKS, the windows pods do not need to be in the mesh. 80 services. which mesh?",
            "windows_nodes",
        ),
    ],
)
def test_a_workload_they_have_no_more_is_no_must_have(engine, text, workload):
    facts = _facts(engine, text)
    assert workload not in facts.get("needs", [])
    assert workload in facts["not_needed"]
    assert not facts.get("mesh_doubted")


@pytest.mark.parametrize(
    ("text", "workload"),
    [
        ("we need VMs in the mesh, EKS plus 40 VMs. which mesh?", "vm_workloads"),
        ("we need our VMs in the mesh, EKS. which mesh?", "vm_workloads"),
        ("we don't have our VMs in the mesh yet, EKS. which mesh?", "vm_workloads"),
        ("AKS with windows node pools that have to be in the mesh. which mesh?", "windows_nodes"),
    ],
)
def test_workloads_wanted_in_the_mesh_stay_must_haves(engine, text, workload):
    assert workload in _needs(engine, text)


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("20 person startup, GKE, ~60 pods on linkerd. should we switch", "linkerd"),
        ("~2000 pods on EKS running istio sidecars. should we switch to something?", "istio"),
        ("~500 pods on AKS using the istio add-on. what should we do?", "aks-istio-addon"),
        ("80 services on consul across two datacenters. what should we move to?", "consul"),
        ("300 java services all on kuma, EKS. keep it or move?", "kuma"),
    ],
)
def test_the_mesh_a_size_is_told_with_is_the_one_they_run(engine, text, mesh):
    assert _facts(engine, text)["incumbent"] == mesh


@pytest.mark.parametrize(
    "text",
    [
        "what would 500 pods on istio cost?",
        "should we put 60 pods on linkerd? gke",
        "we need to run stable releases of linkerd. EKS, 50 services. which mesh?",
        "we want to run linkerd stable, EKS. which mesh?",
    ],
)
def test_a_size_or_channel_asked_about_runs_nothing(engine, text):
    assert "incumbent" not in _facts(engine, text)


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("consul-k8s has been a real pain for us. 3 EKS clusters. what do you suggest?", "consul"),
        ("istio has been a huge headache. EKS, 400 pods. what should we move to?", "istio"),
        ("kuma is a constant pain to upgrade. 60 services on AKS. alternatives?", "kuma"),
        ("linkerd has been a time sink lately. GKE 100 pods. what would you pick?", "linkerd"),
        ("kuma's been a massive headache for us on EKS. what should we use?", "kuma"),
        (
            "~2000 pods on EKS running istio sidecars and the sidecar memory is a big chunk of "
            "our bill. should we switch?",
            "istio",
        ),
    ],
)
def test_a_pain_complained_of_is_of_the_mesh_they_run(engine, text, mesh):
    facts = _facts(engine, text)
    assert facts["incumbent"] == mesh
    assert facts["hurts"] is True


def test_a_pain_with_no_mesh_named_complains_of_nothing(engine):
    facts = _facts(engine, "12 services on GKE. only real pain is we want retries. mesh or nah?")
    assert "incumbent" not in facts and "hurts" not in facts
    assert "retries" in facts["needs"]


@pytest.mark.parametrize(
    "text",
    [
        "15 Spring Boot services on EC2, mTLS already done in Spring with our internal PKI. "
        "should we adopt a mesh?",
        "15 services on EKS, mtls is already handled by our app code. do we need a mesh?",
        "we already do mtls ourselves, 20 services on GKE. which mesh?",
        "mTLS is already in place via our own PKI. AKS, 30 services. is a mesh worth it?",
        "EKS 40 svcs, mtls already taken care of in the apps. which mesh if any?",
    ],
)
def test_a_need_done_already_is_met_not_asked(engine, text):
    facts = _facts(engine, text)
    assert "mtls" in facts["covered"]
    assert "mtls" not in facts.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "we need mtls, EKS 15 services. which mesh?",
        "mtls isn't done yet and security wants it. GKE, 20 services. which mesh?",
        "we already run EKS with 40 services and need mtls. which mesh?",
    ],
)
def test_a_need_not_said_done_stays_a_need(engine, text):
    facts = _facts(engine, text)
    assert "mtls" in facts["needs"]
    assert "mtls" not in facts.get("covered", [])
