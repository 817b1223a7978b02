"""Licence and price questions about one offering get its licence and pricing as held, never
a recommendation or a resource figure. Every case goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import Aspect, IntentKind
from bot.render.plain import render_terminal


def _lead(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.ask(text)).split("\n\n")[0]


@pytest.mark.parametrize(
    "text",
    [
        "is linkerd still open source? what do we pay for stable releases at 300 employees?",
        "we're 300 people. is linkerd still open source, and what do we pay for stable builds?",
        "is linkerd open source anymore? we have 300 employees",
        "300 employees here - do we have to pay for linkerd stable releases?",
        "what would we pay for linkerd stable builds at 300 employees?",
    ],
)
def test_linkerd_licence_and_stable_release_terms(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind.value == "explain" and "licence" not in intent.facts
    lead = _lead(engine, text)
    assert "Recommendation" not in lead
    assert "Apache-2.0" in lead and "Buoyant Enterprise for Linkerd" in lead
    assert "At 300 employees you are over the free tier" in lead and "I hold no price" in lead


def test_a_small_company_is_told_the_free_tier_covers_it(engine: AnswerEngine):
    lead = _lead(engine, "is linkerd still open source? we're a 20 person company")
    assert "At 20 employees you are inside the free tier" in lead


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("what does Google Cloud Service Mesh cost for 200 vCPUs on GKE?", "GKE Enterprise"),
        ("what do we pay for GCSM on 3 clusters?", "GKE Enterprise"),
        ("gloo mesh pricing?", "prices are not published"),
        ("how much does kong mesh cost per year, roughly? we have 64 cores", "Kong"),
        ("what's the price of the aks istio add-on?", "Not stated"),
    ],
)
def test_a_price_asked_is_answered_as_money(engine: AnswerEngine, text: str, said: str):
    intent = engine.parser.parse(text)
    assert intent.kind.value == "explain" and intent.aspect.value == "price"
    lead = _lead(engine, text)
    assert said in lead and "vCPU per pod" not in lead


@pytest.mark.parametrize(
    "text",
    ["how much cpu does istio use at 1000 rps?", "what does istio cost at 500 pods?"],
)
def test_an_overhead_asked_stays_a_cost_question(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind.value == "cost"


@pytest.mark.parametrize(
    "text",
    [
        "should we pay for support for linkerd?",
        "is it worth paying for support for istio?",
        "do we need to pay for support for cilium?",
        "paying for support for consul, worth it?",
        "should we be paying for support for kuma",
    ],
)
def test_paying_for_support_asked_of_a_mesh_is_who_sells_it(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain and intent.aspect == Aspect.support


@pytest.mark.parametrize(
    "text",
    [
        "how much does linkerd support cost?",
        "what's the support cost for kong mesh?",
        "istio support pricing?",
        "cost of support for cilium?",
        "gloo mesh support costs per year?",
    ],
)
def test_what_support_costs_is_money_not_memory(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain and intent.aspect == Aspect.price


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 80 services. we need to pay for support, which mesh?",
        "we need a vendor support contract for istio on eks, 200 services, which vendor?",
    ],
)
def test_support_paid_for_in_a_setup_stays_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("is the AKS add-on free?", "Not stated"),
        ("is the aks istio add-on free of charge?", "Not stated"),
        ("is Google Cloud Service Mesh free on GKE?", "GKE Enterprise"),
        ("does GCSM cost extra on GKE?", "GKE Enterprise"),
        ("does linkerd cost money?", "Buoyant Enterprise for Linkerd"),
        ("is linkerd still free?", "no licence fee"),
        ("is kuma completely free?", "no licence fee"),
        ("how much is kong mesh?", "Prices are not published"),
        ("is the AKS istio add-on free to use?", "Not stated"),
        ("do we pay for cloud service mesh on gke?", "GKE Enterprise"),
        ("is gcsm free?", "GKE Enterprise"),
    ],
)
def test_free_or_money_asked_of_an_offering_is_its_pricing(
    engine: AnswerEngine, text: str, said: str
):
    intent = engine.parser.parse(text)
    assert intent.aspect == Aspect.price
    lead = _lead(engine, text)
    assert said in lead and "run on" not in lead.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "kind", "aspect"),
    [
        ("does the AKS add-on run on AKS?", IntentKind.explain, None),
        ("is istio free of sidecars in ambient mode?", IntentKind.explain, None),
        ("is linkerd sidecar free?", IntentKind.feature_check, None),
        ("does istio ambient cost much memory?", IntentKind.cost, None),
        ("can we run istio for free?", IntentKind.explain, Aspect.licence),
        ("we want a mesh free of vendor lock-in", IntentKind.recommend, None),
    ],
)
def test_free_or_cost_said_otherwise_asks_no_price(
    engine: AnswerEngine, text: str, kind: IntentKind, aspect: Aspect | None
):
    intent = engine.parser.parse(text)
    assert intent.kind == kind and intent.aspect == aspect
