"""The kind of answer a question asks for, where its words could pass for another kind.

Each family goes through the public parser, and where the answer's content matters, through
the engine and the terminal renderer.
"""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write


def _read(engine, text):
    return engine.parser.parse(text)


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("linkerd v. cilium on eks, which one do we pick", ["linkerd", "cilium"]),
        ("istio sidecar v. ambient on aks — which one?", ["istio", "istio-ambient"]),
        (
            "app mesh v. service connect on ecs, which one",
            ["aws-app-mesh", "amazon-ecs-service-connect"],
        ),
        ("Kuma v. Consul on GKE. Which one?", ["kuma", "consul"]),
        (
            "gke managed mesh v. plain istio on gke, which one",
            ["google-cloud-service-mesh", "istio"],
        ),
    ],
)
def test_an_abbreviated_versus_sets_the_two_against_each_other(engine, text, meshes):
    """ "v." is "versus": two named on the platform alone are compared, not picked among."""
    intent = _read(engine, text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)


def test_a_release_after_v_is_no_comparison(engine):
    assert _read(engine, "we run istio v. 1.22 on gke").kind != IntentKind.compare


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("ok so kuma vs kong mesh, what am i paying kong for exactly", ["kuma", "kong-mesh"]),
        (
            "so between gloo mesh and plain istio, what does paying solo buy us beyond support?",
            ["gloo-mesh", "istio"],
        ),
        ("hmm, between consul and kuma — which one handles vms better?", ["consul", "kuma"]),
        (
            "right so kong mesh or kuma: is the enterprise stuff worth paying for?",
            ["kong-mesh", "kuma"],
        ),
        (
            "okay, between `linkerd` and `istio` — what do we give up going linkerd",
            ["linkerd", "istio"],
        ),
    ],
)
def test_a_reply_opening_on_the_meshes_it_sets_against_each_other_compares(engine, text, meshes):
    """A reply's opening word ("ok so", "hmm") comes before the meshes the message opens on."""
    intent = _read(engine, text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("can istio use our own vault pki as the intermediate CA for workload certs", "istio"),
        ("does kuma let us plug in an external CA from vault or just its builtin one", "kuma"),
        (
            "does linkerd sign workload certs with an issuer from our own pki "
            "or only the trust anchor",
            "linkerd",
        ),
        (
            "can consul use vault as the CA for service mesh certs and not just for secrets",
            "consul",
        ),
        (
            "is istio able to take an intermediate from our corporate PKI for workload certs",
            "istio",
        ),
    ],
)
def test_a_question_with_no_mark_states_no_need(engine, text, mesh):
    """A sentence opening on "does", "can", "is" asks, mark or not: a check, no setup's pick."""
    intent = _read(engine, text)
    assert (intent.kind, intent.meshes) == (IntentKind.feature_check, [mesh])
    assert "external_ca" in intent.features


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("did app mesh get discontinued? what's the successor for ecs", "aws-app-mesh"),
        ("is osm really archived? what replaces it on aks", "open-service-mesh"),
        ("app mesh end of support date? and what do we move to on eks", "aws-app-mesh"),
        ("is traefik mesh dead? what should k8s folks use instead", "traefik-mesh"),
        (
            "is nginx service mesh still maintained? whats the replacement on kubernetes",
            "nginx-service-mesh",
        ),
    ],
)
def test_a_status_asked_on_its_own_with_only_the_platform_said_is_the_status(engine, text, mesh):
    """Where the successor should run places the successors; it is no setup to pick for."""
    intent = _read(engine, text)
    assert (intent.kind, intent.meshes) == (IntentKind.lifecycle, [mesh])


def test_a_status_stated_in_the_question_asking_a_pick_stays_a_pick(engine):
    text = "on ecs, what do we move to now that app mesh is being retired?"
    assert _read(engine, text).kind == IntentKind.recommend


def test_the_ecs_status_names_its_successor(engine):
    intent = _read(engine, "is app mesh actually being shut down? what replaces it on ecs")
    text = render_terminal(engine.answer(intent))
    assert "Amazon ECS Service Connect" in text


@pytest.mark.parametrize(
    "text",
    [
        "linkerd vs istio ambient — we're getting rid of sidecars so which fits",
        "how do linkerd and cilium compare if getting rid of per-pod proxies is the goal",
        "istio ambient vs cilium; the goal is getting rid of sidecar proxies",
        "kuma vs istio ambient, getting rid of sidecars is the main driver",
        "compare cilium and linkerd for us, we're getting rid of the sidecars",
    ],
)
def test_getting_rid_of_sidecars_asks_for_the_sidecarless_data_plane(engine, text):
    intent = _read(engine, text)
    assert intent.kind == IntentKind.compare
    assert "sidecarless" in intent.features


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("ztunnel?? what is that", "ztunnel"),
        ("what the heck is a ztunnel", "ztunnel"),
        ("explain ztunnels to me", "ztunnel"),
        ("what's a waypoint proxy for", "waypoint"),
        ("hbone — what is it", "hbone"),
    ],
)
def test_a_part_names_the_offering_it_belongs_to(engine, kb, text, part):
    intent = _read(engine, text)
    mesh, _ = kb.part(part)
    assert (intent.kind, intent.meshes, intent.parts) == (IntentKind.explain, [mesh.id], [part])
    assert mesh.name in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("istio shop, 300 pods on gke - why should we care about native sidecars?", "istio"),
        ("we're on linkerd in aks; should i even care about native sidecar support?", "linkerd"),
        ("we run kuma on eks, should we care about native sidecars?", "kuma"),
        ("consul on openshift here, why should i care about native sidecars?", "consul"),
        ("our istio runs on k8s 1.29, should we care about k8s native sidecars?", "istio"),
    ],
)
def test_why_care_about_a_feature_beside_the_setup_explains_it(engine, text, mesh):
    """What a relevance cue asks about follows it; the setup before it is who asks."""
    intent = _read(engine, text)
    assert intent.kind == IntentKind.explain
    assert mesh in intent.meshes and "native_sidecars" in intent.features


@pytest.mark.parametrize(
    "text",
    [
        "latency at the 95th percentile for ambient vs sidecars",
        "istio vs linkerd: 99.9th percentile latency at 2k rps",
        "how much does the 99th percentile latency go up with kuma sidecars",
        "what does linkerd add at the 99th percentile?",
        "cilium vs linkerd, latency at the 99 percentile",
    ],
)
def test_a_percentile_written_out_is_a_latency_figure(engine, text):
    intent = _read(engine, text)
    assert intent.kind == IntentKind.cost
    assert intent.measure is not None and intent.measure.value == "latency"
    assert "golden_metrics" not in intent.features


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("can we get jwt validation with kuma, without paying for kong mesh?", "jwt_validation"),
        ("is there opa support in kuma without buying kong mesh", "external_authz"),
        ("mtls with kuma without the kong mesh licence?", "mtls"),
        ("does kuma support fips without kong mesh", "fips_tls"),
        ("can I get rbac in kuma without paying kong for kong mesh", None),
    ],
)
def test_a_feature_asked_of_a_base_without_its_paid_distribution_checks_both(engine, text, feature):
    intent = _read(engine, text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == ["kuma", "kong-mesh"]
    if feature:
        assert feature in intent.features
    assert "Kong Mesh" in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("cilium already runs as our cni — can it encrypt pod to pod traffic?", "mtls"),
        (
            "we run cilium as our cni. does it support l7 authorization policies?",
            "l7_authorization",
        ),
        ("cilium serves as the cni on eks. can it do traffic splitting?", "traffic_split"),
        ("cilium is our cni. is it able to do mutual tls between pods?", "mtls"),
        ("cilium is running as our cni; does it do retries?", "retries"),
    ],
)
def test_it_after_the_cni_they_run_is_that_mesh(engine, text, feature):
    intent = _read(engine, text)
    assert (intent.kind, intent.meshes) == (IntentKind.feature_check, ["cilium"])
    assert feature in intent.features
    assert not intent.unresolved


def test_it_beside_a_pick_stays_a_pick(engine):
    intent = _read(engine, "cilium is our CNI, stay with it or add istio?")
    assert intent.kind == IntentKind.recommend


def test_a_fact_naming_an_unknown_mesh_is_a_problem(kb_dir):
    path = kb_dir / "rules.yaml"
    data = read(path)
    fact = next(f for f in data["facts"] if f["id"] == "cilium_cni")
    fact["mesh"] = "ciliumm"
    write(path, data)
    assert any("unknown mesh 'ciliumm'" in p for p in problems_of(kb_dir))


def test_a_check_of_two_meshes_asks_in_the_plural(engine):
    intent = _read(engine, "does kuma support fips without kong mesh")
    assert engine.answer(intent).title == "Do Kuma and Kong Mesh support FIPS 140 validated crypto?"
