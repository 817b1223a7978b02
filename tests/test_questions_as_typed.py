"""Questions as engineers type them: sizes said as products ("3 clusters of 40 nodes"), a
status asked in everyday words, shorthand ("w/o"), a capitalised name before "Service Mesh",
and "X vs Y for us?" with a setup that carries needs."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "fact", "total", "said"),
    [
        ("istio sidecar memory overhead for 3 clusters of 40 nodes?", "nodes", 120, "3 clusters"),
        (
            "istio memory overhead for three clusters × forty nodes each?",
            "nodes",
            120,
            "3 clusters",
        ),
        ("kuma dataplane memory at 2 clusters of 25 nodes", "nodes", 50, "2 clusters × 25 nodes"),
        ("cost of linkerd on 4 clusters × 30 nodes", "nodes", 120, "4 clusters × 30 nodes"),
        ("cost 4 clusters x 30 nodes", "nodes", 120, "4 clusters × 30 nodes"),
        ("cost 3 clusters, each with 40 nodes", "nodes", 120, "3 clusters × 40 nodes"),
        ("cost 40 nodes per cluster, 3 clusters", "nodes", 120, "3 clusters × 40 nodes"),
        ("cost 3 clusters of 200 pods", "pods", 600, "3 clusters × 200 pods = 600 pods"),
        ("cost 200 pods per cluster, 3 clusters", "pods", 600, "3 clusters × 200 pods = 600 pods"),
        ("cost 50 services, 3 replicas each", "pods", 150, "50 services × 3 replicas = 150 pods"),
    ],
)
def test_a_count_apiece_is_multiplied_and_said(
    engine: AnswerEngine, text: str, fact: str, total: int, said: str
):
    intent = engine.parser.parse(text)
    assert intent.facts[fact] == total
    assert said in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    ("text", "fact", "total"),
    [
        ("cost 3 clusters, 40 nodes", "nodes", 40),
        ("cost 40 nodes across 3 clusters", "nodes", 40),
        ("cost 3 clusters, 40 nodes total", "nodes", 40),
        ("cost 3 clusters with 40 nodes in total", "nodes", 40),
        ("one of our 3 clusters has 40 nodes, istio memory?", "nodes", 40),
        ("cost 3 clusters of 2000 pods in total", "pods", 2000),
        ("k3s at 40 sites, 6 services each. we need mtls. mesh?", "services", 6),
    ],
)
def test_a_count_said_in_all_stays_the_total(
    engine: AnswerEngine, text: str, fact: str, total: int
):
    intent = engine.parser.parse(text)
    assert intent.facts[fact] == total
    assert "×" not in render_terminal(engine.answer(intent)).split("\n\n")[0]


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("nginx service mesh — what happened to it, what do ppl move to", "nginx-service-mesh"),
        ("heard nginx service mesh got retired, true? whats the replacement", "nginx-service-mesh"),
        ("traefik mesh status?? repo looks super quiet", "traefik-mesh"),
        ("what happened to open service mesh? what do people use instead", "open-service-mesh"),
        ("osm got archived, right? what do we move to", "open-service-mesh"),
        ("traefik mesh repo has gone quiet, is it still a thing", "traefik-mesh"),
    ],
)
def test_a_status_asked_in_everyday_words_is_answered_with_successors(
    engine: AnswerEngine, text: str, mesh: str
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (IntentKind.lifecycle, [mesh])
    assert "instead" in render_terminal(engine.answer(intent)).split("\n\n")[0]


@pytest.mark.parametrize(
    "text",
    [
        "we run osm on aks, 200 pods. heard it got archived, true? whats the replacement",
        "osm is archived. which mesh should we move to?",
        "nginx service mesh got retired, we run it on 3 aks clusters with 400 pods, whats the "
        "replacement?",
    ],
)
def test_a_status_stated_beside_their_setup_still_asks_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize(
    ("text", "kind", "features"),
    [
        ("which ones run w/o sidecars", IntentKind.which_meshes, ["sidecarless"]),
        ("which meshes run w/o sidecars?", IntentKind.which_meshes, ["sidecarless"]),
        ("any mesh that works w/o sidecars", IntentKind.which_meshes, ["sidecarless"]),
        ("which meshes do mtls w/ no sidecars", IntentKind.which_meshes, ["mtls", "sidecarless"]),
        ("which meshes work W/O sidecars", IntentKind.which_meshes, ["sidecarless"]),
        ("we picked linkerd b/c it's simple, does it do retries", IntentKind.feature_check, None),
    ],
)
def test_shorthand_reads_as_the_words_meant(
    engine: AnswerEngine, text: str, kind: IntentKind, features: list[str] | None
):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert set(features or ["retries"]) <= set(intent.features)


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("how does cilium do service mesh w/o sidecars? ebpf magic?", "cilium"),
        ("how does cilium do service mesh without sidecars?", "cilium"),
        ("how does istio ambient work without sidecars", "istio-ambient"),
        ("how does linkerd work under the hood, the rust micro-proxy thing", "linkerd"),
        ("how does istio ambient do service mesh w/o sidecars", "istio-ambient"),
    ],
)
def test_how_a_mesh_works_is_explained(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.features) == (IntentKind.explain, [mesh], [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("how does linkerd do retries?", IntentKind.feature_check),
        ("does cilium do service mesh without sidecars?", IntentKind.feature_check),
        ("how does istio ambient do mtls without sidecars", IntentKind.feature_check),
    ],
)
def test_a_feature_asked_of_a_mesh_stays_a_check(engine: AnswerEngine, text: str, kind):
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("does Fabrik Service Mesh do rate limiting", "Fabrik Service Mesh"),
        ("does Fabrik Service Mesh support mtls?", "Fabrik Service Mesh"),
        ("is Fabrik Service Mesh any good", "Fabrik Service Mesh"),
        ("how much memory does Fabrik Mesh use", "Fabrik Mesh"),
        ("does Fabrik mesh do rate limiting", "Fabrik"),
        ("does Zorblax Service Mesh do retries", "Zorblax Service Mesh"),
    ],
)
def test_a_capitalised_name_before_service_mesh_is_a_mesh_name(
    engine: AnswerEngine, text: str, name: str
):
    intent = engine.parser.parse(text)
    assert intent.unknown_names == [name]
    assert f"“{name}”" in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("does our service mesh do rate limiting", []),
        ("does the Istio service mesh do rate limiting", ["istio"]),
        ("does the Linkerd mesh do retries", ["linkerd"]),
        ("does Our Service Mesh do rate limiting", []),
        ("does fabrik service mesh do rate limiting", []),
    ],
)
def test_words_before_service_mesh_that_name_nothing_new_stay_so(
    engine: AnswerEngine, text: str, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert (intent.unknown_names, intent.meshes) == ([], meshes)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        (
            "istio sidecar vs ambient for us? ~3000 pods on AKS running self-managed istio "
            "today, we need a few legacy VMs in the mesh and multi-cluster across 3 clusters",
            ["istio", "istio-ambient"],
        ),
        (
            "linkerd vs istio for us? eks, 400 pods, we need mtls and multi-cluster, platform "
            "team of 2",
            ["linkerd", "istio"],
        ),
        (
            "kuma vs consul for us? we have 200 VMs and EKS, we need vm workloads and "
            "multi-cluster across 2 clusters",
            ["kuma", "consul"],
        ),
        (
            "cilium vs istio ambient, which is better? 500 pods on EKS, need l7 authz and mtls, "
            "2 clusters",
            ["cilium", "istio-ambient"],
        ),
        (
            "istio or linkerd for our setup? GKE with 2 clusters, 800 pods, we need canary "
            "releases and rate limiting",
            ["istio", "linkerd"],
        ),
    ],
)
def test_a_pick_between_named_meshes_for_a_setup_with_needs_is_a_recommendation(
    engine: AnswerEngine, text: str, options: list[str]
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.options) == (IntentKind.recommend, options)


@pytest.mark.parametrize(
    "text",
    [
        "istio sidecar vs ambient, what's the difference?",
        "linkerd vs istio for us?",
        "istio vs linkerd for 40 services",
        "compare istio and linkerd for 3000 pods on AKS",
        "istio sidecar vs ambient: differences for 3000 pods on AKS with multi-cluster?",
    ],
)
def test_a_comparison_without_a_pick_over_needs_stays_one(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.compare
