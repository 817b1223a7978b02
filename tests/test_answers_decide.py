"""Answers that use what the question says decides: a failure after sidecar injection is no
fault-injection check; a comparison at a stated size or start weighs it in the verdict; cost
questions give fleet totals and the licence and price facts held."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import Aspect, IntentKind
from bot.render.plain import render_terminal

OUTSIDE = "Diagnosing a failure is outside what I cover"


def _shown(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text)))


AFTER_INJECTION = [
    "we're getting 503 UC errors right after enabling istio sidecar injection, any idea?",
    "503 errors after enabling sidecar injection in istio, why?",
    "pods stuck in CrashLoopBackOff once we added the istio-injection label, whats wrong",
    "503 UC everywhere after we turned on automatic sidecar injection in istio. what's causing it?",
    "linkerd: turned on proxy injection and now the app is failing its readiness probes, "
    "how do we fix it",
    "got 5xx after enabling istio sidecar injektion - what should we check?",
]


@pytest.mark.parametrize("text", AFTER_INJECTION)
def test_a_failure_after_sidecar_injection_is_declined_with_what_i_can_do(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect == Aspect.troubleshooting
    assert "fault_injection" not in intent.features
    assert intent.kind == IntentKind.explain
    shown = _shown(engine, text)
    assert shown.split("\n")[2].startswith(OUTSIDE)
    assert "What I can do for" in shown
    assert "fault injection" not in shown.lower()
    assert "OUTDATED CLAIMS" not in shown  # the notice and what I can do, no mesh write-up


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does istio support fault injection?", IntentKind.feature_check),
        ("can linkerd inject errors into a share of requests", IntentKind.feature_check),
        ("which meshes support fault injection", IntentKind.which_meshes),
        (
            "want to inject delays to see what happens when payments is slow, istio or linkerd?",
            IntentKind.compare,
        ),
        ("istio fault injection not working, any idea?", IntentKind.feature_check),
    ],
)
def test_fault_injection_asked_stays_fault_injection(engine, text, kind):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert intent.features == ["fault_injection"]


FOR_CLUSTERS = [
    "gloo mesh vs plain istio ambient for 5 clusters",
    "gloo vs istio ambient across 4 clusters?",
    "istio ambient or gloo mesh for our 6 k8s clusters",
    "compare gloo mesh and istio ambient, we run 3 clusters",
    "Gloo Mesh vs upstream Istio ambient for 5 clusters?",
]


@pytest.mark.parametrize("text", FOR_CLUSTERS)
def test_clusters_counted_in_a_comparison_make_multi_cluster_decide(engine, text):
    shown = _shown(engine, text)
    lead = shown.split("\n")[2]
    assert "Multi-cluster decides" in lead
    assert "Istio ambient mode: partial" in lead
    verdict = shown.split("FOR YOUR SETUP\n", 1)[1].split("\n")[0]
    assert verdict.startswith("Gloo Mesh (Solo Enterprise for Istio) fits best")


@pytest.mark.parametrize(
    "text",
    [
        "gloo mesh vs istio ambient",
        "linkerd vs istio for 1 cluster",
        "istio vs linkerd for 3 clusters, each its own mesh",
        "kuma vs istio, 4 clusters with a mesh per cluster",
    ],
)
def test_no_clusters_or_a_mesh_per_cluster_leaves_multi_cluster_undecided(engine, text):
    assert "Multi-cluster decides" not in _shown(engine, text)


STARTING_FRESH = [
    "istio sidecar vs ambient - which should a new cluster use?",
    "sidecar or ambient for a greenfield cluster?",
    "istio ambient vs sidecar mode, we're starting fresh",
    "ISTIO sidecar vs ambient for a brand new cluster",
    "compare istio sidecar and ambient, setting up a fresh cluster",
]


@pytest.mark.parametrize("text", STARTING_FRESH)
def test_sidecar_or_ambient_for_a_new_cluster_gets_a_verdict(engine, text):
    shown = _shown(engine, text)
    verdict = shown.split("FOR YOUR SETUP\n", 1)[1].split("\n")[0]
    assert verdict.startswith("Istio ambient mode fits best")
    assert "new users start with ambient mode" in verdict


def test_sidecar_or_ambient_with_nothing_said_stays_unweighed(engine):
    assert "FOR YOUR SETUP" not in _shown(engine, "istio sidecar vs ambient")


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("cpu overhead of istio sidecar at 5000 rps per pod, 200 pods", "200 vCPU across your 200"),
        ("istio sidecar cpu for 1000 pods doing 800 rps per pod?", "160 vCPU across your 1,000"),
        ("proxy cpu for istio at 5k rps/pod with 200 pods", "200 vCPU across your 200"),
        ("200 pods, 5000 rps each: how much cpu do istio sidecars burn", "200 vCPU across"),
        ("Istio sidecar CPU overhead @ 2000 rps per pod x 50 pods?", "20 vCPU across your 50"),
    ],
)
def test_cpu_at_a_rate_over_counted_pods_gives_the_fleet_total(engine, text, total):
    assert total in _shown(engine, text).split("\n")[2]


def test_cpu_at_a_rate_with_no_pods_counted_gives_no_fleet_total(engine):
    assert "across your" not in _shown(engine, "cpu cost of istio at 5k rps").split("\n")[2]


MONEY = [
    "what would linkerd vs istio cost us in dollars on EKS at 1000 pods?",
    "how much money would istio or linkerd cost at 500 pods",
    "linkerd vs istio, cost in USD at 1000 pods on eks",
    "what's the licence cost of linkerd vs istio for 800 pods",
    "cheapest mesh on EKS including licence costs for 300 pods?",
    "cheapest mesh including license fees, 400 pods on gke",
]


@pytest.mark.parametrize("text", MONEY)
def test_money_asked_states_the_licence_facts_held(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect == Aspect.price
    assert intent.kind in (IntentKind.cost, IntentKind.lightest)
    shown = _shown(engine, text)
    assert "not in my knowledge base" not in shown
    assert "I hold no dollar total" in shown
    if "linkerd" in text.lower() or intent.kind == IntentKind.lightest:
        assert "Buoyant Enterprise for Linkerd, free in production under 50 employees" in shown


def test_the_cheapest_on_eks_includes_lattice_billing(engine):
    shown = _shown(engine, "cheapest mesh on EKS including licence costs for 300 pods?")
    assert "On money, Istio ambient mode: open source" in shown.split("\n")[2]
    assert shown.count("$0.025 an hour") == 1


@pytest.mark.parametrize(
    "text",
    ["lightest mesh by memory", "sidecar memory cost at 1000 pods", "linkerd vs istio memory"],
)
def test_no_money_asked_no_money_said(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect is None
    assert "In money:" not in _shown(engine, text)


@pytest.mark.parametrize(
    "text",
    ["vpc lattice pricing?", "how much does vpc lattice cost in dollars?", "VPC Lattice price"],
)
def test_lattice_pricing_is_its_billing_as_held(engine, text):
    lead = _shown(engine, text).split("\n")[2]
    assert "billed by use" in lead and "$0.025 an hour" in lead


def test_a_new_cluster_beside_a_mesh_they_run_is_no_fresh_start(engine):
    text = "we run istio sidecars today and are adding a new cluster, sidecar or ambient there?"
    assert "new users start with ambient mode" not in _shown(engine, text)
