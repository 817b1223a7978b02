"""Questions that are no recommendation, read as asked: a tool named is no baseline, a mesh's
part is explained wherever the user saw it, "X: should we care?" asks about X, a what-is
question's description of the mesh sets no need, a memory in use is no budget, a percentile
asked leads, a pasted `wc -l` is said to count its header, and a team leaving a retired mesh
on ECS hears only of that mesh and that platform. Each read through the public path."""

from __future__ import annotations

import re

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    "text",
    [
        "can linkerd's identity issuer come from cert-manager, or just the root?",
        "with istio, does cert-manager sign each workload cert or only the intermediate",
        "is it possible for kuma to hand workload certificate issuing to cert-manager",
        "linkerd + cert-manager: who issues the proxy certs?",
        "does consul connect let cert-manager be the CA for sidecar certs",
    ],
)
def test_cert_manager_named_is_no_second_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "no-mesh" not in intent.meshes
    assert intent.kind != IntentKind.compare


@pytest.mark.parametrize(
    "text",
    ["we'd rather go without a mesh, just cert-manager", "no mesh vs linkerd for 12 services"],
)
def test_the_baseline_said_as_such_is_still_read(engine: AnswerEngine, text: str):
    assert "no-mesh" in engine.parser.parse(text).meshes


@pytest.mark.parametrize(
    "text",
    [
        "what is a waypoint? it came up in the linkerd slack",
        "what's ztunnel? someone mentioned it in our linkerd channel",
        "what is a waypoint proxy? a consul blog post talked about it",
        "whats a ztunnel? saw it in a kuma comparison",
        "what's a waypoint? read about it next to cilium",
    ],
)
def test_a_part_asked_alone_is_explained_wherever_seen(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert intent.meshes == ["istio-ambient"]
    assert intent.parts


@pytest.mark.parametrize(
    "text",
    [
        "gke 1.31, istio 1.23 in prod. native sidecars: should we care?",
        "we run linkerd 2.16 on aks. native sidecars - do we care?",
        "eks 1.29 plus istio. native sidecar support: why should we care?",
        "kuma 2.8 on k8s 1.30. native sidecars: should i even care?",
        "openshift 4.16 with ossm. native sidecars: do we even care?",
    ],
)
def test_should_we_care_after_a_topic_asks_about_it(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind in (IntentKind.explain, IntentKind.feature_check)
    assert "native_sidecars" in intent.features


@pytest.mark.parametrize(
    "text",
    [
        "what is gloo mesh - istio with a support contract, or a fork?",
        "what's kong mesh, kuma with a support contract?",
        "whats openshift service mesh? istio with a red hat support contract, or its own thing?",
        "what is gloo mesh: istio plus vendor support, or a fork?",
        "what's kong mesh - kuma with enterprise support, or a fork?",
    ],
)
def test_a_description_of_the_mesh_asks_what_it_is(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert intent.meshes[0] in ("gloo-mesh", "kong-mesh", "openshift-service-mesh")


@pytest.mark.parametrize(
    "text",
    [
        "what would istio cost us? our pods use about 60Mi each",
        "linkerd memory cost for us - pods are averaging 90Mi",
        "our pods sit at 70Mi per kubectl top. what do linkerd sidecars add?",
        "pods currently use 58Mi, what would istio sidecars add in memory for 200 pods",
        "kuma memory overhead at 300 pods? our containers are using 100Mi now",
    ],
)
def test_memory_in_use_is_no_budget(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "memory_budget" not in facts
    assert facts["memory_in_use"] is True


@pytest.mark.parametrize(
    "text",
    ["sidecars can use at most 50Mi, which mesh", "the mesh may only use 64Mi per pod, which one"],
)
def test_a_limit_on_memory_is_still_a_budget(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["memory_budget"] == "tight"


@pytest.mark.parametrize(
    "text",
    [
        "p99 latency hit: istio vs linkerd?",
        "what does linkerd add at p99 compared with istio",
        "istio or linkerd, tail latency at the 99th percentile?",
        "linkerd vs istio sidecar latency, p99 please",
        "how much p99 latency do linkerd and istio add",
    ],
)
def test_the_percentile_asked_leads(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    out = render_terminal(engine.answer(intent))
    lead = out.split("\n\n")[0]
    # held alike at p99 only as a worst case: the steady-state run at p50 leads, the p99
    # figures follow, called a worst case
    assert re.search(r"per request path at (p\d+)", lead)[1] == "p50"
    assert "per request path at p99" in lead and "worst case" in lead


@pytest.mark.parametrize(
    ("text", "pods"),
    [
        ("```\nkubectl get pods -A | wc -l\n812\n```\nlinkerd memory for all that?", 811),
        ("kubectl get pods --all-namespaces | wc -l gives 401. istio sidecar memory?", 400),
        ("`kubectl get pods -n shop | wc -l` → 91. what would kuma proxies take in memory?", 90),
        ("kubectl get pods -A --no-headers | wc -l says 400. linkerd proxy memory?", 400),
        ("$ kubectl get pods -A | wc -l\n1200\nhow much ram would istio sidecars need", 1199),
        ("kubectl get pods -A -o name | wc -l\n300\nlinkerd proxy memory for those?", 300),
    ],
)
def test_a_pasted_line_count_is_said_as_read(engine: AnswerEngine, text: str, pods: int):
    intent = engine.parser.parse(text)
    assert intent.facts["pods"] == pods
    out = render_terminal(engine.answer(intent))
    assert "wc -l" in out and "upper bound" in out


@pytest.mark.parametrize(
    "text",
    [
        "we're on ECS with app mesh, it's being shut down. what do we move to?",
        "app mesh on ecs fargate is going away, what's the replacement for us?",
        "ecs shop, 40 services on app mesh. aws is killing it, where do we go?",
        "our ECS services still run on AWS App Mesh, now retired. which one should we migrate to?",
        "app mesh retired; we run ecs on ec2. recommend the next step",
    ],
)
def test_leaving_app_mesh_on_ecs_hears_of_ecs_only(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    out = render_terminal(engine.answer(intent))
    why = out.split("WHY", 1)[1].split("RULED OUT", 1)[0]
    assert "AKS" not in why and "OSM" not in why
    assert "VMs outside Kubernetes" not in out
