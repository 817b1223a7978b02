"""What a setup says it has, keeps or doesn't do, read as the engineer meant it: a mesh they
must leave under the licence they state asks for its replacement; "keep it or drop it?" asks
for a pick; no calls between services is little east-west traffic; a provider said to run the
CNI or the cluster asks for no managed mesh; someone else's wish for a mesh, beside the team's
doubt, is no requirement, and "roll it out" names no feature; "whats its status" asks a status
without a question mark; "across several clusters" is multi-cluster. Near misses keep their
old reading."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict


def _kind(engine: AnswerEngine, text: str) -> IntentKind:
    return engine.parser.parse(text).kind


@pytest.mark.parametrize(
    "text",
    [
        "legal says no BUSL. we run consul connect on ~40 VMs + 1 k8s cluster (~200 pods). need "
        "one mesh spanning both. what replaces consul?",
        "our legal team banned BUSL software. we run consul on eks, 60 services. what replaces it?",
        "no source-available licences allowed anymore. we're on consul connect across 2 "
        "clusters. what should replace consul?",
        "open source only per legal. running consul service mesh on 30 VMs. what would replace "
        "consul for us?",
        "compliance says no BSL licences. we use consul on nomad + k8s, ~100 services. what "
        "replaces consul here?",
        "legal says no BUSL, we run consul on aks. whats the successor?",
    ],
)
def test_what_replaces_a_mesh_the_licence_rules_out_is_a_pick(engine: AnswerEngine, text: str):
    assert _kind(engine, text) == IntentKind.recommend
    assert "consul" not in verdict(engine, text).tied


@pytest.mark.parametrize(
    "text",
    [
        "what replaces nginx service mesh?",  # retired, none of theirs: its successors
        "what replaces osm",
        "legal says no BUSL. is consul still maintained?",  # a status asked
        "we run consul on eks, 60 services. what replaces it?",  # nothing rules it out
        "we run kuma on eks, legal says no BUSL. what replaces kuma?",  # Apache-2.0
        "legal says no BUSL. what replaces consul?",  # none of theirs
    ],
)
def test_what_replaces_a_retired_or_allowed_mesh_stays_its_status(engine, text):
    assert _kind(engine, text) == IntentKind.lifecycle


@pytest.mark.parametrize(
    "text",
    [
        "had linkerd 2yrs, 12 svcs 1 cluster, honestly only ever used the dashboard. now stable "
        "needs a buoyant licence. keep it or drop it?",
        "we run istio on 8 services and only use kiali. stay or go?",
        "been on kuma for a year, 6 services, mostly for the metrics. keep or ditch?",
        "running linkerd edge on 15 services, nobody looks at the metrics. keep it or get rid of "
        "it?",
        "istio on 20 services, upgrades hurt. keep it or kill it?",
    ],
)
def test_keep_it_or_drop_it_asks_for_a_pick(engine: AnswerEngine, text: str):
    assert _kind(engine, text) == IntentKind.recommend


def test_a_mesh_only_used_for_its_dashboard_on_a_small_estate_is_dropped(engine):
    text = (
        "had linkerd 2yrs, 12 svcs 1 cluster, honestly only ever used the dashboard. now stable "
        "needs a buoyant licence. keep it or drop it?"
    )
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does istio keep the x-request-id header or drop it?", IntentKind.explain),
        ("we run linkerd on 12 services. does it have a dashboard?", IntentKind.feature_check),
        (
            "does linkerd keep the connection open or kill it after a timeout?",
            IntentKind.feature_check,
        ),
    ],
)
def test_keep_or_drop_said_of_something_else_asks_no_pick(engine, text, kind):
    assert _kind(engine, text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "internal batch platform: spark jobs on k8s, basically no svc-to-svc rpc, ~2k pods at "
        "peak. mesh for observability?",
        "spark jobs on k8s, hardly any service to service calls, ~2k pods. mesh for observability?",
        "spark jobs on k8s, no rpc between services, ~2k pods. mesh for observability?",
        "ml training jobs on gke, no rpc between services, ~3k pods. do we want a mesh for "
        "tracing?",
        "batch pipeline on aks, no inter-service calls, 1000 pods. mesh for observability?",
    ],
)
def test_no_calls_between_services_is_told_no_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["sync_calls"] == 0
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "spark on k8s, 2k pods, lots of svc-to-svc rpc between the drivers and our APIs. mesh for "
        "observability?",
        "no svc-to-svc mtls yet, 40 services on eks, which mesh?",
        "we want mtls on svc-to-svc calls, 60 services on eks. which mesh?",
    ],
)
def test_calls_between_services_said_otherwise_are_no_lack_of_them(engine, text):
    assert "sync_calls" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "gke w/ dataplane v2 (cilium under the hood but google manages it). want sidecarless "
        "mtls, can't swap the CNI. ~700 pods. what mesh?",
        "gke with dpv2, google manages the cni for us. need mtls without sidecars, 400 pods. "
        "which mesh?",
        "aks with azure cni powered by cilium (microsoft manages it). want sidecarless mtls, 300 "
        "pods. which mesh?",
        "we're on gke, google-managed kubernetes, 50 services, need mtls. which mesh?",
        "gke autopilot (cilium under the hood, google runs it). we want mtls without sidecars "
        "for 600 pods. what should we use?",
    ],
)
def test_a_provider_running_the_cni_or_cluster_asks_for_no_managed_mesh(engine, text):
    assert "managed_control_plane" not in engine.parser.parse(text).facts


def test_sidecarless_mtls_on_dataplane_v2_is_ambient(engine: AnswerEngine):
    text = (
        "gke w/ dataplane v2 (cilium under the hood but google manages it). want sidecarless "
        "mtls, can't swap the CNI. ~700 pods. what mesh?"
    )
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    "text",
    [
        "gke, 50 services, want google to manage it. which mesh?",
        "gke dataplane v2, and we want google to manage the mesh. 50 services, which mesh?",
        "gke, 50 services, need mtls, google managed control plane please. which mesh?",
        "gke dataplane v2, we want google-managed. which mesh?",
    ],
)
def test_a_managed_mesh_wished_for_stays(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True


@pytest.mark.parametrize(
    "text",
    [
        "4 services in one namespace talking grpc, we just want retries and deadlines. team lead "
        "read a blog post about how linkerd fixes everything and wants to roll it out. do we "
        "actually need a mesh for this?",
        "3 services on k8s talking http, we only need retries. my manager read an article saying "
        "istio is the answer and wants to roll it out. do we actually need a mesh?",
        "5 grpc services, want retries and timeouts. cto wants to roll out linkerd after a "
        "conference talk. do we even need a mesh for this?",
        "6 services, we want retries + timeouts. our architect wants istio rolled out everywhere. "
        "do we really need a mesh?",
        "two services talking grpc, just need deadlines and retries. boss wants kuma. do we "
        "actually need a mesh for that?",
    ],
)
def test_someone_elses_mesh_beside_the_teams_doubt_is_no_pick(engine, text):
    intent = engine.parser.parse(text)
    assert "policy_dry_run" not in intent.features
    assert not {"mesh_asked", "wanted_mesh"} & set(intent.facts)
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("team lead wants istio. we have 80 services on eks. which build?", "wanted_mesh", "istio"),
        ("we want kuma. 40 services on eks, need mtls. ok?", "wanted_mesh", "kuma"),
        (
            "we actually need a mesh for multi-cluster failover, 3 gke clusters. which one?",
            "mesh_asked",
            True,
        ),
    ],
)
def test_a_wish_asked_nothing_of_stands(engine, text, fact, value):
    assert engine.parser.parse(text).facts[fact] == value


@pytest.mark.parametrize(
    "text",
    [
        "how do we roll out an authorization policy in audit mode first with istio?",
        "can we roll out an authz policy in log only mode before enforcing it with linkerd?",
    ],
)
def test_rolling_out_a_policy_safely_is_still_dry_run(engine, text):
    assert "policy_dry_run" in engine.parser.parse(text).features


@pytest.mark.parametrize(
    "text",
    [
        "we still have nginx service mesh in one old cluster, whats its status",
        "we run osm on one aks cluster, what's its status?",
        "still got traefik mesh on 2 clusters. its status these days?",
        "open service mesh is still in our old cluster - what is its current status",
        "we still have kuma in one cluster, whats its status",
        "nginx service mesh is still in 2 of our clusters. what happened to it",
    ],
)
def test_a_status_asked_of_the_mesh_they_run_is_its_status(engine, text):
    assert _kind(engine, text) == IntentKind.lifecycle


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "we still have nginx service mesh in one old cluster, what should replace it?",
            "recommend",
        ),
        ("we run osm on aks, what now", "recommend"),
        ("kubectl rollout status is stuck", "out_of_scope"),
        ("traefik mesh and kuma status?", "compare"),
    ],
)
def test_a_pick_or_another_status_keeps_its_reading(engine, text, kind):
    assert _kind(engine, text).value == kind


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("does cilium mesh work across several clusters", "cilium"),
        ("does linkerd work across clusters", "linkerd"),
        ("can kuma span several clusters?", "kuma"),
        ("does consul connect work across multiple clusters", "consul"),
        ("is istio able to span multiple clusters", "istio"),
    ],
)
def test_working_across_several_clusters_is_multi_cluster(engine, text, mesh):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh] and intent.features == ["multi_cluster"]


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd work across the cluster",
        "we have 5GB total across the cluster, does linkerd fit?",
    ],
)
def test_one_cluster_said_whole_is_no_multi_cluster(engine, text):
    assert "multi_cluster" not in engine.parser.parse(text).features
