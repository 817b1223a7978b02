"""The reasons a recommendation gives and the trade-off among the offerings left: what decided
the pick is said first and on the right side, a feature an add-on gives is not counted short,
and a paid edition is not picked unasked over its open-source base. Each setup read through the
public path (parse, then the answer or the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer, Paragraph, Statement, StatementList
from tests.support.verdicts import verdict

MATURITY = "Graduated CNCF projects"


def why(answer: Answer) -> list[Statement]:
    found = next((p for p in answer.points if getattr(p, "heading", "") == "Why"), None)
    assert isinstance(found, StatementList)
    return found.items


def must_haves(answer: Answer) -> str:
    found = next((p for p in answer.points if getattr(p, "heading", "") == "Your must-haves"), None)
    assert isinstance(found, Paragraph)
    return found.text


# Telemetry alone with mTLS said to be no need: no mesh, or the mesh whose proxies record
# golden metrics unconfigured; never ambient mode, whose ztunnel records TCP metrics only.
@pytest.mark.parametrize(
    "text",
    [
        "bare metal k8s, 20 nodes, we only want golden metrics (latency/success rate) per "
        "service, no mTLS requirement. mesh or no mesh?",
        "all we want is request rate, error rate and latency per service; mtls isn't needed. "
        "do we need a mesh? self-managed kubernetes, 40 nodes",
        "EKS, 60 services. we just need golden signals and tracing, no mTLS needed. which mesh, "
        "if any?",
        "on-prem rke2 cluster. we only need observability: latency and success rate for every "
        "service. mTLS not required. recommend",
        "kubeadm cluster with 90 services, we want per-service metrics and a traffic dashboard; "
        "mutual TLS is not needed. mesh or not?",
    ],
)
def test_telemetry_alone_without_mtls_is_no_mesh_or_the_lightest(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "mtls" in facts["not_needed"]
    answer = engine.ask(text)
    picked = verdict(engine, text).tied
    assert picked in (["no-mesh"], ["linkerd"])
    assert "istio-ambient" not in picked
    assert any("You want telemetry alone" in r.text for r in why(answer)[:2])


def test_ambient_mode_gives_golden_metrics_only_through_waypoints(engine: AnswerEngine):
    text = "EKS, 300 services, we need golden metrics and mTLS and no sidecars. which mesh?"
    found = verdict(engine, text).of("istio-ambient")
    assert any("Golden metrics partial" in f.text for f in found.caveats)


# A dashboard the project ships as its own add-on (linkerd-viz) is a dashboard; a company
# under Buoyant's head count runs Linkerd's stable builds free.
@pytest.mark.parametrize(
    "text",
    [
        "startup, 15 services on EKS, 20 employees. want mTLS and a dashboard to see traffic. "
        "don't want to pay anything. which mesh?",
        "small company (15 people), k3s cluster, 12 services; we need mutual TLS and a dashboard, "
        "can't pay for anything. which mesh?",
        "25 employees, EKS, 18 services, mTLS plus a dashboard of service traffic, open source "
        "only. recommend one",
        "we're a 30-person company on self-managed kubernetes with 20 services: encryption "
        "between services and a UI for the traffic, free. what mesh?",
        "seed-stage startup of 12 engineers, 10 employees in all, EKS with 14 services. mtls and "
        "a traffic dashboard, zero budget. which mesh?",
    ],
)
def test_a_small_company_wanting_mtls_and_a_dashboard_gets_linkerd(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert verdict(engine, text).tied[0] == "linkerd"
    said = must_haves(answer)
    assert "Linkerd (Dashboard" not in said  # an add-on is no partial support
    reasons = " ".join(r.text for r in why(answer))
    assert "free for a company of your size" in reasons
    assert not why(answer)[0].text.startswith(MATURITY)


# Global rate limiting: upstream Istio's official task, not a paid product nobody asked for.
@pytest.mark.parametrize(
    "text",
    [
        "we need global rate limiting across all replicas of a service (shared counters), k8s "
        "on EKS, 1 cluster. which mesh?",
        "we need one rate limit shared by all pods of the API (redis backed), self-managed "
        "kubernetes, 40 services. which mesh?",
        "rate limiting that counts requests centrally across all pods, k8s on EKS, 2 clusters. "
        "recommend",
        "we need distributed rate limiting across replicas; eks; which mesh?",
        "kubeadm, 120 services, a global quota per API key whichever replica serves the call. "
        "which service mesh?",
    ],
)
def test_global_rate_limits_unasked_for_a_vendor_go_to_the_open_source_base(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert "global_rate_limiting" in facts["needs"]
    assert "support" not in facts
    answer = engine.ask(text)
    assert verdict(engine, text).tied[0] == "istio"
    first = why(answer)[0]
    assert first.label.startswith("Against Gloo Mesh")


# What decided is said first, and a reason is never for one offering while it argues for
# another.
@pytest.mark.parametrize(
    "text",
    [
        "AKS with windows node pools, we need mTLS to the windows pods too. which mesh?",
        "we have windows containers on EKS and need mutual TLS for them. recommend a mesh",
        "mixed linux and windows node pools on self-managed kubernetes, the windows pods need "
        "mtls too. which mesh?",
        "our .NET framework services run in windows pods on AKS; they need mTLS like the rest. "
        "what mesh?",
        "windows pods in our EKS cluster need mTLS too; which mesh?",
    ],
)
def test_the_only_mesh_left_is_said_first(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert verdict(engine, text).tied[0] == "linkerd"
    first = why(answer)[0].text
    # only the vendor's paid edition meshes Windows pods: that decides, and is said
    assert first.startswith("Only Buoyant Enterprise for Linkerd, a paid edition, meets Windows")
    assert "not open-source Linkerd" in first


@pytest.mark.parametrize(
    "text",
    [
        "we need no envoy, mTLS, retries and multi-cluster. which mesh?",
        "no C++ proxies please; mtls and one mesh across 3 clusters. recommend",
        "rust proxy only (no envoy), 4 clusters that must fail over to each other, mtls. which?",
        "envoy is a no-go for us. mTLS, retries, and a mesh spanning two clusters",
        "we want mtls across 2 EKS clusters as one mesh, without envoy. which mesh?",
    ],
)
def test_a_reason_for_an_offering_never_argues_for_another(engine: AnswerEngine, text: str):
    for reason in why(engine.ask(text)):
        if reason.label.startswith("For Linkerd"):
            assert "favour Istio" not in reason.text


@pytest.mark.parametrize(
    "text",
    [
        "GKE, 5 clusters in 3 regions, we want google to run the control plane, need "
        "locality-aware failover. which mesh?",
        "GKE fleet of 4 clusters, google-managed control plane, we need zone-aware failover. "
        "recommend",
        "we're on GKE with 3 regional clusters; google has to run the mesh control plane; "
        "locality failover required",
        "managed by google please: GKE, 6 clusters, cross zone failover. which mesh?",
        "GKE multi-region, want the control plane google-managed and traffic kept in-zone with "
        "failover",
    ],
)
def test_the_one_option_left_is_never_said_to_support_what_it_has_only_partly(
    engine: AnswerEngine, text: str
):
    said = must_haves(engine.ask(text))
    assert not ("supports" in said and "only partly" in said)


# Certificates from a CA the team runs are a need of their own, not CA rotation: Linkerd's
# identity controller signs workload certificates itself with an issuer your CA supplies.
@pytest.mark.parametrize(
    "text",
    [
        "PCI environment, EKS, need mTLS with short-lived certs issued from our own Vault CA. "
        "which mesh?",
        "we want the mesh to use our corporate PKI for workload certs, 50 services on GKE",
        "HashiCorp Vault must sign every service certificate; kubernetes on-prem, 80 services. "
        "which mesh?",
        "our security team insists workload certs come from our own CA, not one the mesh "
        "generates. AKS, 40 services",
        "we need workload identity certs signed by our enterprise PKI (venafi); openshift. "
        "recommend",
    ],
)
def test_certificates_from_your_own_ca_are_their_own_need(engine: AnswerEngine, text: str):
    needs = engine.parser.parse(text).facts["needs"]
    assert "external_ca" in needs and "ca_rotation" not in needs
    result = verdict(engine, text)
    assert result.tied[0] not in ("linkerd", "no-mesh")
    linkerd = result.of("linkerd")
    assert any("from your own CA partial" in f.text for f in linkerd.caveats)


def test_each_tenants_own_ca_is_an_isolated_mesh_not_an_external_ca(engine: AnswerEngine):
    text = "on EKS each product team wants its own isolated mesh with its own CA, which mesh?"
    assert engine.parser.parse(text).facts["needs"] == ["multi_mesh"]


# "Multi-tenant" says who shares the clusters; it asks for no isolated mesh per tenant.
@pytest.mark.parametrize(
    "text",
    [
        "multi-tenant platform: 40 teams, 5000 pods on k8s plus VMs, tenants separated by "
        "namespaces/partitions, we want enterprise support. which mesh?",
        "we run a multi tenant kubernetes platform for 25 teams, 2000 pods; mtls between "
        "everything. which mesh?",
        "shared clusters, multi-tenant, 60 services, need mTLS; which mesh?",
        "our platform is multi-tenant (namespace per team) on GKE with 120 services; need L7 "
        "authorization. recommend",
        "multitenancy on EKS: 30 teams share 3 clusters, they need mtls. which mesh?",
    ],
)
def test_a_multi_tenant_platform_asks_for_no_isolated_meshes(engine: AnswerEngine, text: str):
    needs = engine.parser.parse(text).facts.get("needs", [])
    assert "multi_mesh" not in needs and "multi_cluster" not in needs
    assert "istio" not in {s.mesh.id for s in verdict(engine, text).ruled_out}


# Many small sites, each a cluster of its own: the control plane every site runs is what
# the mesh costs a small node, not the proxies at an assumed thousand pods.
@pytest.mark.parametrize(
    "text",
    [
        "k3s at 200 retail edge sites, nodes have 2GB RAM, few services on each site. which mesh?",
        "mesh for 150 edge locations running k3s on small boxes (4GB), a handful of pods each",
        "500 store sites each with a single-node k3s, 2 GB RAM, 5 services per store; need mtls",
        "we run k3s at 80 edge sites on 2GB nodes and need mTLS at every site. which mesh?",
        "300 retail sites, each a tiny k3s cluster with 1GB of RAM per node; which mesh, if any?",
    ],
)
def test_many_small_sites_weigh_the_control_plane_each_runs(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["clusters"] >= 80
    assert verdict(engine, text).tied[0] == "linkerd"
    first = why(engine.ask(text))[0].text
    assert "every site runs a control plane of its own" in first
    assert "Linkerd about 365 MB" in first
