"""The kind of answer comes from the question actually asked, whatever context is around it:
a status asked of offerings, a what-is, a cost with its aside, a list referring back, names
said as already known, an afterthought after the main ask."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure
from bot.render.plain import render_terminal


def _kind(engine: AnswerEngine, text: str) -> IntentKind:
    return engine.parser.parse(text).kind


@pytest.mark.parametrize(
    "text",
    [
        "which mesh is easiest on cpu? we're cpu bound not memory bound",
        "whats the mesh thats easiest on cpu",
        "cpu is our bottleneck. which service mesh is gentlest on cpu?",
        "which mesh is least demanding on cpu",
        "easiest on cpu: which mesh?",
    ],
)
def test_easiest_on_an_overhead_ranks_by_it(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lightest and intent.measure == Measure.cpu


@pytest.mark.parametrize(
    "text",
    [
        "can someone explain native sidecars in k8s and why mesh ppl care about them",
        "can someone explain native sidecars in k8s",
        "pls explain k8s native sidecars, why do meshes care",
        "explain native sidecars on eks to me like im 5",
        "someone explain mtls in kubernetes terms",
    ],
)
def test_an_explanation_asked_without_a_mark_is_explained(engine: AnswerEngine, text: str):
    assert _kind(engine, text) == IntentKind.explain


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        (
            "auditing our legacy stuff: whats the status of nginx service mesh and open "
            "service mesh? retired? archived? any security fixes still coming?",
            {"nginx-service-mesh", "open-service-mesh"},
        ),
        (
            "whats the status of nginx service mesh and open service mesh?",
            {"nginx-service-mesh", "open-service-mesh"},
        ),
        ("whats the status of traefik mesh and kuma?", {"traefik-mesh", "kuma"}),
        ("status of osm and linkerd pls", {"open-service-mesh", "linkerd"}),
        (
            "what is the current status of consul and kuma, still maintained?",
            {"consul", "kuma"},
        ),
        ("project status of traefik mesh?", {"traefik-mesh"}),
    ],
)
def test_a_status_asked_of_offerings_is_their_lifecycle(
    engine: AnswerEngine, text: str, meshes: set[str]
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle and set(intent.meshes) == meshes


@pytest.mark.parametrize(
    "text",
    [
        "linkerd stable releases — does upstream still ship them or do we need buoyant now?",
        "linkerd release status q: are there still open source stable releases or is it edge "
        "only now? we need something supported for prod, how does that work with buoyant",
        "is linkerd edge only now?",
        "does the linkerd project still publish stable releases, or only buoyant?",
        "linkerd: stable builds still from upstream??",
        "is the linkerd stable channel gone",
    ],
)
def test_a_release_model_asked_is_the_lifecycle(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle and intent.meshes == ["linkerd"]


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        (
            "what even is amazon vpc lattice — is it a service mesh? no sidecars, no proxies "
            "in the task, but it does auth and routing?",
            "amazon-vpc-lattice",
        ),
        ("whats vpc lattice, is it a mesh?", "amazon-vpc-lattice"),
        (
            "what is vpc lattice — is it even a service mesh? it does auth and routing apparently",
            "amazon-vpc-lattice",
        ),
        ("what is vpc lattice? i heard it does mtls without sidecars", "amazon-vpc-lattice"),
        ("whats kuma exactly? no sidecars needed, it does retries?", "kuma"),
        ("what exactly is gloo mesh, is it just istio?", "gloo-mesh"),
    ],
)
def test_what_an_offering_is_asked_is_explained(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain and intent.meshes == [mesh]


@pytest.mark.parametrize(
    "text",
    [
        "whats the added p99 latency with istio ambient (ztunnel only, no waypoint)? checkout "
        "SLO is 250ms p99 and we have a 6-hop call chain so every ms matters",
        "how much latency does linkerd add (per hop, p99)? we have 5 hops and a tight SLO",
        "istio ambient p99 overhead (l4 only, no waypoints)? our SLO is 200ms",
        "added latency with cilium (envoy per node, not sidecar)? 8 hop call chain, every ms "
        "counts",
        "what does ambient add to p99 (ztunnel only; no waypoint)? checkout slo 250ms",
    ],
)
def test_a_latency_asked_with_an_aside_is_its_cost(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost and intent.measure == Measure.latency


@pytest.mark.parametrize(
    "text",
    [
        "we're 90% grpc, ~200 services, java + go. saw that some meshes can do \"proxyless "
        'grpc" via xds in the client lib. which ones support that?',
        "mostly grpc here, 150 svcs. heard some meshes do proxyless grpc. which ones do that?",
        "java+go grpc shop. some meshes apparently do proxyless grpc, which ones?",
        "grpc everywhere, 80 services. read that a few meshes do proxyless grpc. which ones "
        "support it?",
        "lots of grpc, ~300 svcs. some meshes do proxyless grpc apparently. which meshes can do "
        "that?",
    ],
)
def test_a_list_referring_back_to_the_sentence_before_is_the_list(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes and "proxyless_grpc" in intent.features


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        (
            "list of meshes with a sidecarless data plane pls. i know ambient and cilium, "
            "anything else? (node proxies, ebpf, managed dataplane, whatever counts)",
            "sidecarless",
        ),
        ("sidecarless meshes? i know of istio ambient, what else is there", "sidecarless"),
        ("we know cilium and ambient do sidecarless. any others?", "sidecarless"),
        (
            "which meshes do multi-cluster? i know istio and linkerd, anything else?",
            "multi_cluster",
        ),
        ("meshes without sidecars: we know ambient + cilium, any others?", "sidecarless"),
        ("any mesh with fips besides istio? anything else?", "fips_tls"),
    ],
)
def test_meshes_said_as_known_are_left_out_of_the_list(
    engine: AnswerEngine, text: str, feature: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes and not intent.meshes
    assert feature in intent.features


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        (
            "3 openshift clusters on vsphere, want istio-style mesh spanning them (multi-primary "
            "probably). must be supported by red hat, we already pay for OCP. also curious "
            "whether ambient is an option there",
            "ambient",
        ),
        (
            "openshift, 2 clusters, red hat support required, need multi-cluster. btw does "
            "ambient work on openshift?",
            "ambient",
        ),
        (
            "openshift 4.16, 3 clusters, must have red hat support and mtls. side question: can "
            "linkerd run there?",
            "linkerd",
        ),
        (
            "EKS, 200 services, 3 person team, need mTLS and retries, open source only. also "
            "wondering whether cilium does l7 policy",
            "cilium",
        ),
        (
            "GKE, 150 services, we want a managed mesh with google support. by the way, does "
            "istio ambient do multi-cluster?",
            "ambient",
        ),
    ],
)
def test_an_afterthought_leaves_the_pick_and_is_said_back(
    engine: AnswerEngine, text: str, aside: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    # said back in a note, or where it checks a named mesh's feature, answered in short
    checked = " ".join(intent.also.meshes) if intent.also else ""
    assert aside in " ".join(intent.unread).lower() or aside in checked
    assert "you also asked" in render_terminal(engine.answer(intent)).lower()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # must not change: the reading each had before
        ("osm is archived, what about kuma?", IntentKind.explain),
        ("traefik mesh and kuma status?", IntentKind.compare),
        ("is istio ambient stable?", IntentKind.explain),
        (
            "we run linkerd stable 2.14 on eks, 200 pods. should we move to istio?",
            IntentKind.recommend,
        ),
        ("what is vpc lattice? does it do mtls?", IntentKind.feature_check),
        ("what is ambient mode? and can it do jwt validation", IntentKind.feature_check),
        ("what is kuma - is it a mesh? does it do mtls?", IntentKind.feature_check),
        ("what is ambient mode? we need L7 policy", IntentKind.explain),
        ("does linkerd do retries (and timeouts)? every ms matters", IntentKind.feature_check),
        (
            "we run 300 grpc services on gke. i read that xds in the client works in some meshes. "
            "which meshes support it?",
            IntentKind.recommend,
        ),
        ("our 40 services are on eks. which ones support that?", IntentKind.recommend),
        ("i know istio and linkerd. which is lighter?", IntentKind.compare),
        ("we run istio on eks, 200 pods. anything else we should look at?", IntentKind.recommend),
        ("i know linkerd does mtls. does kuma?", IntentKind.feature_check),
        ("whats the easiest mesh to run?", IntentKind.recommend),
        ("kuma easiest on cpu?", IntentKind.cost),
        ("we run eks with 300 pods, explain which mesh fits", IntentKind.recommend),
        ("we run linkerd on eks. explain how its mtls works", IntentKind.explain),
        ("status of mtls in ambient?", IntentKind.feature_check),
    ],
)
def test_near_readings_stay(engine: AnswerEngine, text: str, kind: IntentKind):
    assert _kind(engine, text) == kind


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        (
            "AKS, 150 services, need mtls. one more thing that matters: whatever we pick has to "
            "be covered by our microsoft support contract",
            "support",
            "microsoft",
        ),
        (
            "EKS, 80 services, need retries and mtls. ps: legal says open source only",
            "licence",
            "open_source",
        ),
        (
            "GKE, 60 services, canary releases needed. btw we have 3 clusters",
            "clusters",
            3,
        ),
    ],
)
def test_a_requirement_said_after_an_afterthought_phrase_is_part_of_the_setup(
    engine: AnswerEngine, text: str, fact: str, value: object
):
    """An `afterthought` opener before a statement of the setup, not a question: it is read."""
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend and intent.facts.get(fact) == value
