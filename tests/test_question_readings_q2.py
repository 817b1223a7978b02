"""Questions read as asked through the public path (parser → engine → answer), round 2:
features said in plain words (several clouds, a scheduler's hosts beside Kubernetes, seeing
which service is slow), vendors set against each other standing for their own offerings,
unknown names read whole, two meshes set against each other on a policy's callers, and
messages of another topic told apart by the field's own words."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal

K = IntentKind


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("we're multi cloud-ish, gke + eks", "multi_cluster"),
        ("linkerd or istio? we're going multi-cloud next year", "multi_cluster"),
        ("our clusters are across clouds, aws and gcp", "multi_cluster"),
        ("kuma or consul for a mixed nomad/k8s shop? side by side pls", "vm_workloads"),
        ("we run nomad and eks, which mesh", "vm_workloads"),
        ("half on nomad half on k8s, what do you suggest", "vm_workloads"),
        ("we're a hybrid nomad + kubernetes shop", "vm_workloads"),
        ("some services on nomad, others on gke; istio or consul?", "vm_workloads"),
        (
            "ecs fargate shop, 25 services, want retries + see which service is slow",
            "golden_metrics",
        ),
        ("which mesh lets us see which service is slow", "golden_metrics"),
        ("need to spot the slow service quickly", "golden_metrics"),
        ("need to spot which service is erroring", "golden_metrics"),
        ("linkerd or istio, we want to see which services are failing", "golden_metrics"),
    ],
)
def test_a_feature_said_in_plain_words_is_read(engine: AnswerEngine, text: str, feature: str):
    assert feature in engine.parser.parse(text).features


@pytest.mark.parametrize(
    ("text", "features"),
    [
        ("consul on nomad", []),  # one platform: where it runs, no workloads brought in
        ("kuma or consul for nomad", []),
        ("trace a request to find which service is slow", ["distributed_tracing"]),
    ],
)
def test_near_texts_keep_their_features(engine: AnswerEngine, text: str, features: list[str]):
    assert engine.parser.parse(text).features == features


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("buoyant vs solo, who do we buy mesh support from", ["linkerd", "gloo-mesh"]),
        (
            "buoyant vs solo for enterprise support on the mesh, who's better",
            ["linkerd", "gloo-mesh"],
        ),
        ("kong vs solo for a supported mesh", ["kong-mesh", "gloo-mesh"]),
        ("Buoyant versus Solo.io — which vendor should we sign with", ["linkerd", "gloo-mesh"]),
        ("isovalent or buoyant, who's cheaper for support?", ["cilium", "linkerd"]),
        ("solo against kong: who'd back our mesh better", ["gloo-mesh", "kong-mesh"]),
    ],
)
def test_rival_vendors_stand_for_their_own_offerings(
    engine: AnswerEngine, text: str, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert intent.kind == K.compare
    assert intent.meshes == meshes
    assert render_terminal(engine.answer(intent))


def test_a_vendor_named_as_the_support_wanted_keeps_its_reading(engine: AnswerEngine):
    intent = engine.parser.parse("we want support from buoyant, 40 services")
    assert intent.kind == K.recommend
    assert intent.meshes == []
    assert intent.facts["support"] == "buoyant"


@pytest.mark.parametrize(
    "text",
    [
        "azure or gcp for a mesh?",  # clouds weighed: their providers stand for no one mesh
        "solo or tetrate for istio support",  # Tetrate sells no one offering of its own
    ],
)
def test_vendors_with_no_one_offering_stand_for_none(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "gloo-mesh" not in intent.meshes
    assert "aks-istio-addon" not in intent.meshes


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("istio vs Tetragate Flux Mesh which is better", "Tetragate Flux Mesh"),
        ("compare Tetragate Flux Mesh and linkerd", "Tetragate Flux Mesh"),
        ("linkerd or Acme Flux Mesh?", "Acme Flux Mesh"),
        ("is Nimbus Cloud Mesh any good", "Nimbus Cloud Mesh"),
        ("is Conduit-X still maintained or should we move", "Conduit-X"),
        ("is Linkerd-X still maintained", "Linkerd-X"),
        ("is Kuma-Q production ready?", "Kuma-Q"),
    ],
)
def test_an_unknown_name_is_read_whole(engine: AnswerEngine, text: str, unknown: str):
    intent = engine.parser.parse(text)
    assert intent.unknown_names == [unknown]
    assert unknown.lower() in render_terminal(engine.answer(intent)).lower()


@pytest.mark.parametrize(
    ("text", "kind", "meshes"),
    [
        ("is conduit still maintained", K.lifecycle, ["linkerd"]),
        ("Istio-CNI or linkerd-cni?", K.compare, ["istio", "linkerd"]),
        ("Istio Service Mesh vs Linkerd", K.compare, ["istio", "linkerd"]),
        ("istio 1.x support", K.lifecycle, ["istio"]),
    ],
)
def test_known_names_stay_known(engine: AnswerEngine, text: str, kind: IntentKind, meshes):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.unknown_names) == (kind, meshes, [])


@pytest.mark.parametrize(
    "text",
    [
        "cilium mesh or linkerd — lock down who can call payments, L7 policy",
        "cilium mesh or linkerd for locking down who can call payments",
        "istio or linkerd: restrict who can talk to the billing service",
        "kuma or consul — need to control who can reach the ledger api, L7 rules",
        "linkerd vs cilium on who can call what at L7",
    ],
)
def test_two_meshes_set_against_each_other_on_callers_compare(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == K.compare
    assert len(intent.meshes) == 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("who can mirror traffic", K.which_meshes),  # which meshes can, still
        ("who can do L7 policy, cilium or linkerd?", K.feature_check),
        ("which mesh can restrict who can call payments", K.which_meshes),
    ],
)
def test_which_meshes_asked_keeps_its_reading(engine: AnswerEngine, text: str, kind: IntentKind):
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "who approved the last prod deploy",
        "is the staging cluster down right now?",
        "who signed off on the release yesterday",
        "did the nightly build pass",
        "who's on call for payments tonight",
    ],
)
def test_another_topic_is_out_of_scope(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == K.out_of_scope


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("which one is cheaper to run?", K.recommend),
        ("what would you pick for us?", K.recommend),
        ("should we bother?", K.recommend),
        ("how much does it cost?", K.cost),
        ("lightest weight option overall? we just need the basics", K.lightest),
        ("what do you think?", K.unknown),
        ("any thoughts?", K.unknown),
    ],
)
def test_short_questions_of_mine_keep_their_reading(
    engine: AnswerEngine, text: str, kind: IntentKind
):
    assert engine.parser.parse(text).kind == kind
