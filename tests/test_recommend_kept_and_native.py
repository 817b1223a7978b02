"""Setups that keep part of what they run and leave the rest: a project's APIs kept while its
per-pod proxy is refused ("stop paying for a proxy per pod"), an ingress they keep in front of
the mesh ("nginx ingress stays"), and a retired provider mesh on Fargate left for the
provider's own offering. Each goes through the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# Keeping a project's APIs is met by any build or mode of it that offers them; the pain (a
# proxy in every pod) rules sidecar mode out, so its sidecar-free mode is left.
KEEP_API_LOSE_SIDECARS = [
    "AKS, 900 pods with istio sidecars. we'd like to keep our istio AuthorizationPolicies but "
    "stop running a proxy per pod",
    "GKE, 1500 pods, istio sidecar mesh. keep the VirtualServices we wrote, just stop paying "
    "for an envoy per pod",
    "self-managed k8s, 600 pods on istio sidecars. want to keep istio APIs; quit paying for a "
    "proxy in every pod",
    "EKS, 3000 pods on istio. the sidecar overhead is insane. keep our istio authz policies, "
    "stop running sidecars",
    "we're on istio sidecars on EKS with 1200 pods. done paying for a proxy per pod, but we "
    "need to keep our istio policies",
]


@pytest.mark.parametrize("text", KEEP_API_LOSE_SIDECARS)
def test_kept_apis_with_the_per_pod_proxy_refused_leave_the_sidecar_free_mode(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.facts.get("no_sidecars") is True
    assert intent.facts.get("knows_api") == "istio" or intent.facts.get("incumbent") == "istio"
    found = verdict(engine, text)
    assert "istio" not in found.survivors
    assert found.pick == "istio-ambient", found.scores


# An ingress controller said to stay is one they keep in front of the mesh: the mesh's own
# gateway is no need, so the meshes that ship none stay in.
INGRESS_KEPT = [
    "still on traefik mesh on-prem, 50 services, tiny team; traefik ingress stays. want mtls, "
    "retries, metrics",
    "on-prem kubernetes, 45 services, our haproxy ingress stays put. need mtls and golden "
    "metrics, small team",
    "nginx service mesh has to go. bare metal k8s, 70 services, 2 people, the ingress "
    "controller stays. need mtls, retries",
    "open service mesh on our rke2 cluster, 40 services. nginx ingress stays. need mtls and "
    "metrics, simple please",
    "NGINX Service Mesh in our on-prem k8s, 3 people, contour remains our ingress. mtls + retries",
]


@pytest.mark.parametrize("text", INGRESS_KEPT)
def test_an_ingress_said_to_stay_is_no_need_of_the_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "ingress_gateway" not in intent.facts.get("needs", [])
    assert "ingress_gateway" in intent.facts.get("covered", [])
    assert "linkerd" in verdict(engine, text).survivors


# Fargate named alone runs ECS tasks (beside EKS it runs pods): App Mesh left there goes to
# the provider's own offering, and "AWS native" asks for nothing of the proxy's config.
FARGATE_LEAVING_APP_MESH = [
    "app mesh on fargate, ~25 services. it's being retired. what's the AWS native option, we "
    "mostly use retries",
    "30 ECS fargate tasks on app mesh; need the aws-native successor, timeouts and retries only",
    "we run App Mesh with 50 services on AWS Fargate. want to stay aws-native, least rework",
    "fargate + app mesh, 15 services, what replaces app mesh natively on aws?",
]


@pytest.mark.parametrize("text", FARGATE_LEAVING_APP_MESH)
def test_app_mesh_on_fargate_goes_to_the_providers_own_offering(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("platform") == ["ecs"]
    assert "custom_proxy_config" not in intent.facts.get("needs", [])
    assert verdict(engine, text).pick == "amazon-ecs-service-connect"


def test_fargate_beside_eks_runs_pods_not_ecs_tasks(engine: AnswerEngine):
    intent = engine.parser.parse("EKS with fargate pods on app mesh, 20 services, what next?")
    assert intent.facts.get("platform") == ["eks"]
    assert intent.facts.get("fargate_pods") is True


# Cilium already the CNI, and one more component refused: its mesh adds least to run.
CILIUM_CNI_NOTHING_NEW = [
    "cilium is already our CNI on AKS, 40 services. need encryption and L7 metrics, don't want "
    "one more component",
    "self-managed k8s, cilium as CNI. 80 services. we want mtls and golden metrics with as few "
    "new components as possible",
    "EKS, we replaced the vpc cni with cilium last year. 50 services, need encryption in transit "
    "and request metrics; don't want one more component to run",
    "cilium cni already on our bare metal clusters, ~100 svcs, want traffic encryption + http "
    "visibility, yet another moving part is the last thing we need",
    "we run cilium as our CNI on GKE standard, 30 services, want mTLS and L7 visibility but not "
    "yet another big component",
]


@pytest.mark.parametrize("text", CILIUM_CNI_NOTHING_NEW)
def test_cilium_as_the_cni_with_nothing_new_wanted_leans_to_cilium(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("few_new_parts") is True
    facts = {k: v for k, v in intent.facts.items() if engine.kb.rules.fact(k)}
    among = scoring.candidates(engine.kb, intent.meshes)
    assert scoring.outlook(engine.kb, facts, among).verdict.tied == ["cilium"]


def _tied(engine: AnswerEngine, text: str) -> list[str]:
    intent = engine.parser.parse(text)
    facts = {k: v for k, v in intent.facts.items() if engine.kb.rules.fact(k)}
    among = scoring.candidates(engine.kb, intent.meshes)
    return scoring.outlook(engine.kb, facts, among).verdict.tied


# A control plane they cannot babysit is one the provider runs: on GKE (and AKS) its own.
NO_CONTROL_PLANE_TO_BABYSIT = [
    (
        "GKE, 2 clusters, 50 services. it's just two of us, we need mTLS and retries but can't "
        "babysit a control plane",
        "google-cloud-service-mesh",
    ),
    (
        "we're on GKE autopilot, ~40 grpc services, small team, mtls please, nobody here will "
        "babysit control planes",
        "google-cloud-service-mesh",
    ),
    (
        "AKS, 60 services, need mtls, tiny team, we cannot babysit a control plane",
        "aks-istio-addon",
    ),
]


@pytest.mark.parametrize(("text", "pick"), NO_CONTROL_PLANE_TO_BABYSIT)
def test_a_control_plane_they_cannot_babysit_is_a_managed_one(
    engine: AnswerEngine, text: str, pick: str
):
    assert engine.parser.parse(text).facts.get("managed_control_plane") is True
    assert _tied(engine, text) == [pick]


# xDS wanted with no proxy in the path: proxyless gRPC, which Istio and Google's mesh offer.
PROXYLESS = [
    (
        "low-latency trading api on GKE, all grpc in go, want xDS directly in the clients, no "
        "sidecar hop",
        {"google-cloud-service-mesh"},
    ),
    (
        "ad bidding on GKE, gRPC java services, p99 is everything, we want xds without a proxy",
        {"google-cloud-service-mesh"},
    ),
    (
        "self-managed k8s, gRPC services in go, latency critical, want the xDS features without a "
        "proxy in the path",
        {"istio"},
    ),
]


@pytest.mark.parametrize(("text", "fits"), PROXYLESS)
def test_xds_without_a_proxy_is_proxyless_grpc(engine: AnswerEngine, text: str, fits: set):
    assert "proxyless_grpc" in engine.parser.parse(text).facts.get("needs", [])
    assert set(_tied(engine, text)) <= fits


# One person's wish for a mesh ("someone wants istio because of a talk") is no requirement:
# a few HTTP services beside UDP traffic need none.
SOMEONE_WANTS = [
    "8 services on EKS, no compliance needs, a dev wants istio because it's on his CV",
    "IoT ingest over UDP plus 4 http apis on AKS, somebody wants cilium mesh, do we need it",
    "3 http services on GKE plus UDP game servers, one engineer wants consul because of a blog "
    "post",
]


@pytest.mark.parametrize("text", SOMEONE_WANTS)
def test_one_persons_wish_for_a_mesh_is_no_requirement(engine: AnswerEngine, text: str):
    assert "wanted_mesh" not in engine.parser.parse(text).facts
    assert _tied(engine, text) == ["no-mesh"]


def test_a_mesh_the_team_wants_stays_wanted(engine: AnswerEngine):
    intent = engine.parser.parse("8 services on EKS, we want istio, what should we run")
    assert intent.facts.get("wanted_mesh") == "istio"
