"""Small estates and "do we even need a mesh", read as an expert reads them: a mesh doubted
where the apps, the edge or a rollout controller meet every need named (canaries, retries),
on a cluster of two or three machines with nothing asked of it, by a team new to Kubernetes,
or where mTLS is done in the apps already, is told no mesh (yet). Needs only a mesh meets,
larger estates and ECS keep their answers. Each goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# A mesh doubted on a small estate whose needs a rollout controller, the clients or
# OpenTelemetry meet.
DOUBTED_APP_LEVEL = [
    "5 devs, 12 services on GKE. honestly we just want canary deploys. do we need a mesh for that?",
    "we have 10 services on AKS and only want canary releases. do we even need a service mesh?",
    "startup, single GKE cluster, 12 grpc services. only real pain is we want retries. "
    "mesh or nah?",
    "8 services on EKS, all we want is retries and timeouts. is a service mesh overkill?",
    "small team, 15 services on gke, we'd like canary deploys and tracing. do we really need "
    "a mesh?",
    "20 microservices on k8s, just need weighted canaries. mesh or no mesh?",
]

# A mesh doubted on a cluster of a couple of machines, nothing asked of it.
DOUBTED_FEW_NODES = [
    "it's just me, k3s on a couple NUCs in the office running internal tools. is istio overkill? "
    "should i run anything?",
    "k3s on two NUCs at home running a few self-hosted apps. do i even need a mesh?",
    "solo dev, 3 node k3s cluster for internal apps. is linkerd overkill? should i run anything?",
    "a couple of nodes running our internal tools on microk8s. should we run a mesh?",
    "2 node cluster in the office, just me. do i need anything like a service mesh?",
]

# A team new to Kubernetes adopting it, asking nothing only a mesh does.
NEW_TO_KUBERNETES = [
    "team has zero kubernetes experience, we're moving to EKS next quarter. should we put a mesh "
    "in from day one?",
    "we're new to kubernetes and moving to GKE soon. should we start with a service mesh?",
    "nobody on the team knows kubernetes yet, we're migrating to AKS this year. do we need a mesh "
    "from day one?",
    "first kubernetes cluster for us (EKS), zero k8s experience. do we need a mesh?",
    "our devs have no kubernetes experience, moving 20 services to EKS. want retries and tracing. "
    "mesh from the start?",
    "we have zero kubernetes experience. should we put a mesh in from day one?",
    "zero k8s experience on the team, 12 services. do we need a mesh?",
]

# mTLS done in the apps already (Spring Boot), a mesh doubted.
MTLS_IN_THE_APPS = [
    "5000-person company but our unit is just 15 Spring Boot services on EC2 behind ALBs, mTLS "
    "already done in Spring with our internal PKI. should we adopt a mesh?",
    "12 spring boot services on EC2, mTLS is already done in spring. do we need a mesh?",
    "we run 20 Spring Boot apps on EKS and mTLS is handled by Spring Boot. is a service mesh "
    "worth it?",
    "10 spring boot services on gke, mtls already handled in spring. should we adopt a mesh?",
    "18 services on EC2, mutual TLS already done in spring boot. do we even need a service mesh?",
]

# Near misses: a need only a mesh meets, a larger estate, ECS, no doubt, experience.
KEPT = [
    "12 services on GKE, we need mTLS between services for an audit and canary deploys. do we "
    "need a mesh?",
    "200 services on GKE, we just want canary deploys. do we need a mesh?",
    "k3s on a couple NUCs, i need mTLS between the apps for a security review. should i run "
    "anything?",
    "we're new to kubernetes, moving to EKS, and compliance requires mTLS between all services. "
    "which mesh?",
    "15 Spring Boot services on EKS, we need mTLS between services. should we adopt a mesh?",
    "3 node cluster, 40 services, is istio overkill?",
]


@pytest.mark.parametrize("text", [*DOUBTED_APP_LEVEL, *DOUBTED_FEW_NODES, *NEW_TO_KUBERNETES])
def test_a_mesh_nothing_needs_is_told_no_mesh_yet(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", MTLS_IN_THE_APPS)
def test_mtls_done_in_the_apps_needs_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["covered"] == ["mtls"]
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", KEPT)
def test_a_need_only_a_mesh_meets_or_a_larger_estate_keeps_a_mesh(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert "no-mesh" not in found.tied
    new = {"doubted-small-estate", "doubted-few-nodes", "new-to-kubernetes"}
    assert not new & {r.id for r in found.fired}


def test_on_ecs_retries_doubted_keep_service_connect(engine: AnswerEngine):
    text = "10 services on ECS, we want retries. do we need a mesh?"
    assert verdict(engine, text).tied == ["amazon-ecs-service-connect"]


@pytest.mark.parametrize(
    "text",
    [
        "the platform team has k8s experience, 300 services on EKS. which mesh?",
        "we run 40 spring boot services on EKS. which mesh?",
    ],
)
def test_experience_or_a_framework_named_is_no_new_fact(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "new_to_kubernetes" not in facts
    assert "covered" not in facts


@pytest.mark.parametrize(
    ("text", "off"),
    [
        ("we have zero kubernetes experience. should we put a mesh in from day one?", False),
        ("zero k8s experience on the team, 12 services. do we need a mesh?", False),
        ("we have zero k8s, just 8 VMs. do we need a mesh?", True),
        ("no kubernetes at all, 10 services on plain vms. which mesh?", True),
    ],
)
def test_a_skill_the_team_lacks_is_no_platform_denied(engine: AnswerEngine, text: str, off: bool):
    assert engine.parser.parse(text).facts.get("off_kubernetes", False) is off
