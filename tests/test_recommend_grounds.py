"""What a setup says it needs, puts first or complains about decides the pick, read through
the public path (parse, then the engine's answer and verdict). The phrasings are our own."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase


def pick(engine: AnswerEngine, text: str) -> list[str]:
    """The offerings a recommendation picks (several on a tie); none if it is no pick."""
    intent = engine.parser.parse(text)
    if engine.answer(intent).kind != IntentKind.recommend:
        return []
    kb = engine.kb
    return scoring.evaluate(kb, intent.facts, scoring.candidates(kb, intent.meshes)).tied


def test_a_retired_mesh_they_run_leaves_every_current_offering_weighed(kb: KnowledgeBase):
    ids = {m.id for m in scoring.candidates(kb, ["aws-app-mesh"])}
    assert ids == {m.id for m in kb.meshes.values() if m.is_current}


def test_leaving_app_mesh_with_mutual_tls_mandated_ends_on_a_mesh_that_has_it(
    engine: AnswerEngine,
):
    """Service Connect's TLS is not mutual: a mandate for mutual TLS asks for it in full."""
    text = (
        "getting off app mesh, ECS fargate. compliance mandates mutual TLS between our tasks "
        "and we shift traffic by weight between versions. what should we switch to"
    )
    chosen = pick(engine, text)
    assert chosen and set(chosen) <= {"consul", "kong-mesh"}


@pytest.mark.parametrize(
    "text",
    [
        # A complaint beside the mesh they run is a setup asking what to do, not a cost question.
        "we're on istio: its sidecars hog memory across 1500 pods and upgrades keep breaking. "
        "two engineers. we'd like to stay on the istio APIs",
        "we run istio on 900 pods, the envoy sidecars are too heavy for our nodes and we are "
        "sick of upgrades. 4 sres. keep virtualservice and authorizationpolicy if possible",
    ],
)
def test_a_complaint_about_the_mesh_they_run_asks_what_to_move_to(engine: AnswerEngine, text):
    chosen = pick(engine, text)
    assert chosen and set(chosen) <= {"istio-ambient", "linkerd"}


def test_what_hurts_about_the_mesh_they_run_is_no_must_have(engine: AnswerEngine):
    intent = engine.parser.parse("we run linkerd, upgrades are painful, 3 sres, 60 services")
    assert intent.facts["hurts"] is True
    assert "revision_upgrades" not in intent.facts.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "my manager wants to know whether we should add a mesh for tracing. 8 services, eks",
        "eight services on one cluster, a sub ms p99 budget. cto asked if we need a mesh",
    ],
)
def test_an_indirect_decision_over_a_small_estate_is_a_recommendation(engine: AnswerEngine, text):
    assert pick(engine, text) == ["no-mesh"]


def test_the_least_added_latency_outweighs_the_providers_own_offering(engine: AnswerEngine):
    text = "trading platform on GKE, every millisecond counts. we need mTLS. which mesh?"
    chosen = pick(engine, text)
    assert chosen and set(chosen) <= {"linkerd", "istio-ambient"}


@pytest.mark.parametrize(
    "text",
    [
        # NetworkPolicies keep namespaces apart; OpenTelemetry gives the traces.
        "rke2 cluster, 15 services. all security wants is network isolation between teams, "
        "plus we'd like traces. which mesh?",
        # Canaries at the edge only: a Gateway API route splits incoming traffic.
        "3 engineers, one cluster. we just want weighted canaries for the public website, "
        "traffic between our services needs nothing. do we need a mesh for that?",
    ],
)
def test_needs_met_without_a_mesh_are_told_no_mesh(engine: AnswerEngine, text):
    assert pick(engine, text) == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        # Several clouds is the estate, not a refusal of vendors.
        "we run GKE and EKS plus on-prem VMs, one mesh across all of it with failover between "
        "clusters, and we must have a support contract. ~800 services",
        # Istio's APIs with a vendor on the hook: a vendor's build of Istio.
        "moving off nsm on EKS. the team is fluent in virtualservice and authorizationpolicy "
        "and leadership insists on a vendor SLA. 250 services, what do we go with",
    ],
)
def test_a_support_contract_over_a_wide_estate_picks_a_vendors_product(engine: AnswerEngine, text):
    chosen = pick(engine, text)
    assert chosen and set(chosen) <= {"gloo-mesh", "kong-mesh", "consul"}


def test_ecs_with_nothing_to_operate_picks_service_connect(engine: AnswerEngine):
    text = (
        "ECS on EC2, 12 services, need retries and timeouts and cloudwatch metrics. "
        "no mtls needed. zero ops please"
    )
    assert pick(engine, text) == ["amazon-ecs-service-connect"]
