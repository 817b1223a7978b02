"""A policy that forbids a product or its maker rules it out ("company policy forbids hashicorp
products"), and a vendor the company has chosen ("red hat is our strategic vendor") is the
support wanted. Each setup goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

FORBIDDEN = [
    "company policy forbids hashicorp products since the licence change, and we're on nomad. "
    "need mtls. ideas?",
    "policy prohibits hashicorp software now. nomad shop, need mtls between jobs, which mesh",
    "our CISO forbids consul after the licence change. nomad, mtls required, recommendations?",
    "procurement disallows hashicorp. we run nomad and need mtls, what mesh",
    "security prohibits consul. nomad cluster with 30 jobs, mtls needed. pick one",
]


@pytest.mark.parametrize("text", FORBIDDEN)
def test_a_forbidden_product_or_maker_is_never_the_pick(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick not in {"consul", None}


STRATEGIC = [
    (
        "we're a bank, ~600 svcs over 3 regions on openshift + a few hundred RHEL vms running "
        "jboss. red hat is our strategic vendor. what mesh should we standardise on?",
        "openshift-service-mesh",
    ),
    (
        "openshift, 80 services. red hat is our preferred vendor. which mesh",
        "openshift-service-mesh",
    ),
    (
        "we have a strategic partnership with red hat; 4 openshift clusters, 200 services. "
        "what mesh?",
        "openshift-service-mesh",
    ),
    ("AKS, 150 services, microsoft is our strategic vendor. which mesh", "aks-istio-addon"),
    (
        "our preferred vendor is google. gke, 60 services, need mtls. what should we run",
        "google-cloud-service-mesh",
    ),
]


@pytest.mark.parametrize(("text", "pick"), STRATEGIC)
def test_a_strategic_vendor_is_the_support_wanted(engine: AnswerEngine, text: str, pick: str):
    assert verdict(engine, text).pick == pick


UNCHANGED = [
    # a policy about something else forbids no mesh
    ("policy forbids public load balancers. nomad, need mtls. which mesh", "consul"),
    # a vendor named without choosing it sets no support
    ("we moved off red hat last year. eks, 40 services, need mtls. which mesh", None),
]


@pytest.mark.parametrize(("text", "pick"), UNCHANGED)
def test_near_setups_keep_their_reading(engine: AnswerEngine, text: str, pick: str | None):
    intent = engine.parser.parse(text)
    assert "not_from" not in intent.facts and "support" not in intent.facts
    if pick:
        assert verdict(engine, text).pick == pick


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "Moving off AWS App Mesh on ECS Fargate, about 25 services. What should we go to?",
            "amazon-ecs-service-connect",
        ),
        ("getting off aws app mesh, we run ECS, 30 services, what now", None),
        ("we need to leave AWS App Mesh before it shuts down. ECS, 40 services", None),
        ("migrating away from Google Cloud Service Mesh on GKE, 80 services, which mesh", None),
        ("done with amazon vpc lattice, EKS, 50 services, what else is there?", None),
    ],
)
def test_leaving_a_product_named_by_its_maker_refuses_nothing_of_the_maker(
    engine: AnswerEngine, text: str, pick: str | None
):
    assert "not_from" not in engine.parser.parse(text).facts
    if pick:
        assert verdict(engine, text).pick == pick


@pytest.mark.parametrize(
    "text",
    [
        "we want nothing from AWS, moving off App Mesh, ECS, 25 services",
        "no google products please, GKE, 80 services, which mesh",
        "moving off AWS entirely, nothing from amazon, 40 services on k8s",
    ],
)
def test_a_maker_refused_in_its_own_words_is_still_refused(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("not_from")
