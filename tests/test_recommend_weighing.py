"""How the trade-offs weigh a setup an expert reads plainly: a team of one against a large
estate, a size rule against a must-have the lighter mesh lacks, and the workloads named in a
setup that asks only for its services to call each other. Each goes through the public path
(parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

ONE_PERSON = [
    "i'm the only platform engineer. 300 services over 3 clusters on EKS, need mtls and retries.",
    "one engineer (me) runs 3 EKS clusters with about 300 services. need mTLS everywhere. "
    "recommend a mesh",
    "300 services, 3 clusters, self-managed k8s, and I'm the whole platform team. mtls and "
    "canaries needed. what should I pick?",
    "by myself I run ~350 svcs on 3 k8s clusters on-prem. which mesh won't eat my life? need "
    "mtls, retries, multi-cluster",
]


@pytest.mark.parametrize("text", ONE_PERSON)
def test_a_team_of_one_outweighs_a_large_estate(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("engineers") == 1
    assert verdict(engine, text).pick not in {"istio", "istio-ambient", "gloo-mesh"}


def test_a_team_of_one_on_a_large_estate_with_a_dedicated_team_is_not_one(
    engine: AnswerEngine,
):
    text = "platform team of 8, 300 services over 3 EKS clusters, need mtls and retries"
    assert engine.parser.parse(text).facts.get("engineers") == 8
    assert verdict(engine, text).pick in {"istio", "istio-ambient"}


SPIFFE_EVERYWHERE = [
    "need spiffe ids on every workload, pods and ec2 vms alike, plus root CA rotation with zero "
    "downtime. EKS, 90 services",
    "we're standardising on SPIFFE for workload identity (k8s and VMs). must rotate the root cert "
    "without downtime. 120 svcs on eks",
    "workload identity must be SPIFFE across our eks pods and ec2 vms; trust anchor rotation must "
    "be hitless. around 100 services",
]


@pytest.mark.parametrize("text", SPIFFE_EVERYWHERE)
def test_simplicity_does_not_outweigh_a_must_have_the_lighter_mesh_lacks(
    engine: AnswerEngine, text: str
):
    """Linkerd gives pods no SPIFFE IDs (only mesh-expansion workloads get them): the mid-size
    rule that its simplicity outweighs its feature gap does not hold for this setup."""
    assert verdict(engine, text).pick != "linkerd"


def test_the_mid_size_rule_still_weighs_a_setup_whose_needs_linkerd_meets(
    engine: AnswerEngine,
):
    found = verdict(engine, "EKS, 60 services, need mtls and retries")
    assert found.pick == "linkerd" and "mid-estate" in {r.id for r in found.fired}


CALL_EACH_OTHER = [
    "hey, 5 services on ECS and a lambda. they need to talk to each other reliably",
    "small setup: ECS fargate, 7 services, some lambda functions behind them. two-person team. "
    "want dependable service-to-service calls",
    "hi! ECS + fargate, 5 svcs and a lambda or so, just need them to talk to each other reliably",
]


@pytest.mark.parametrize("text", CALL_EACH_OTHER)
def test_a_lambda_in_the_estate_is_a_workload_not_another_topic(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend
    assert verdict(engine, text).pick in {"no-mesh", "amazon-ecs-service-connect"}


def test_a_windows_free_estate_needs_no_windows_support(engine: AnswerEngine):
    text = (
        "2 k8s clusters + 300 VMs on-prem (windows-free, all linux). need mtls and routing "
        "across the VMs and pods in one mesh. support contract approved"
    )
    assert "windows_nodes" not in engine.parser.parse(text).features
    assert verdict(engine, text).pick in {"consul", "kong-mesh", "gloo-mesh", "istio", "kuma"}


def test_a_retired_mesh_said_gone_then_a_pick_asked_is_a_recommendation(engine: AnswerEngine):
    text = "OSM got archived; which mesh does Microsoft support now?"
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert verdict(engine, text).pick == "aks-istio-addon"


GLOBAL_RATE_LIMITS = [
    "need global rate limiting in the mesh for ~60 services on kubeadm. apache 2 licence, no "
    "commercial vendor",
    "which mesh can do global rate limiting backed by redis? self-hosted k8s, apache-licensed only",
    "we need a shared rate limit, redis-backed, enforced in the mesh. self-managed kubernetes, "
    "apache 2.0 only, no vendors",
]


@pytest.mark.parametrize("text", GLOBAL_RATE_LIMITS)
def test_a_must_have_met_only_by_an_alpha_api_costs_more(engine: AnswerEngine, text: str):
    """Both Istio modes reach global rate limits only through EnvoyFilter, which ambient
    applies at waypoints only as Alpha: the caveat says so and weighs against it."""
    found = verdict(engine, text)
    assert found.pick == "istio"
    ambient = [c for c in found.of("istio-ambient").caveats if c.early]
    assert ambient and all(c.early == "alpha" and c.text.endswith("(alpha)") for c in ambient)
