"""Hard constraints said with small words inside the phrases that set them (rules.yaml
`signal_fillers`): "not operating another control plane ourselves" is the phrase "not
operating the control plane ourselves", "a single vendor we can call" is "a vendor we can
call". Negations still negate, a two-word phrase stays a set pair, and what follows a phrase
past a filler still makes it something else ("fully managed, whole kubernetes"). Beside
them, the constraints said around those phrases: managed refused as what can't be had,
upstream named as what they run, longer-lived builds, and what hurt with a refused proxy.
Each goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

MANAGED = "managed_control_plane"

# A determiner swapped, an adjective or an intensifier said inside the phrase.
NOT_RUNNING_IT_OURSELVES = [
    ("AKS, 40 services, need mTLS; we're not operating our own control plane ourselves", "aks"),
    ("GKE, 30 services, mtls. leadership says we are not running another istiod ourselves", "gke"),
    ("AKS, 25 services, need mtls. we're not hosting a separate control plane ourselves", "aks"),
    ("GKE, 60 services, need mtls; someone else should really run the control plane", "gke"),
    ("on AKS, 50 services, mTLS required. we don't want to run any extra control plane", "aks"),
    (
        "AKS, 3 clusters, mtls for the audit, and we are not running a whole extra control plane "
        "ourselves",
        "aks",
    ),
]
PICKS = {"aks": "aks-istio-addon", "gke": "google-cloud-service-mesh"}


@pytest.mark.parametrize(("text", "platform"), NOT_RUNNING_IT_OURSELVES)
def test_a_control_plane_refused_with_words_inside_the_phrase_wants_a_managed_one(
    engine: AnswerEngine, text: str, platform: str
):
    assert engine.parser.parse(text).facts.get(MANAGED) is True
    assert verdict(engine, text).pick == PICKS[platform]


ONE_VENDOR = [
    "GKE, AKS and EKS, 300 services; leadership wants the single vendor we can call when "
    "things break",
    "EKS 40 services mtls; we need a dedicated vendor to page at 3am",
    "EKS, 2 clusters: we want a single vendor to support the whole thing",
    "AKS and on-prem k8s, one mesh, and a separate vendor we can call for it",
    "EKS 60 services mtls, we need an extra vendor to support istio",
]


@pytest.mark.parametrize("text", ONE_VENDOR)
def test_a_vendor_said_with_words_inside_the_phrase_is_support_wanted(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("support") == "any"


def test_one_vendor_across_clouds_is_a_commercial_multi_platform_mesh(engine: AnswerEngine):
    text = (
        "We merged with another company: clusters on GKE, EKS and on-prem OpenShift now. The "
        "board wants a single mesh across all three and a single vendor we can call. Money "
        "is there."
    )
    assert verdict(engine, text).pick in {"gloo-mesh", "kong-mesh", "consul"}


NOT_A_MANAGED_MESH = [
    # a two-word phrase stays a pair: "managed" as a verb before a filler
    "we managed the mesh ourselves for two years; GKE, 40 services, need mtls",
    "we managed our own istio for years on EKS, 40 services, need mtls",
    # the cluster is managed, past a filler too
    "GKE with fully managed kubernetes, we run our own istio, 40 services",
    "EKS, fully managed nodes, 40 services, need mtls",
    "EKS, fully managed our whole kubernetes fleet, 40 services, need mtls",
    # content words are no fillers: the Kubernetes control plane is EKS's
    "EKS means we're not operating the kubernetes control plane ourselves; we run istio, 40 "
    "services, need mtls",
    # accepted, not refused
    "EKS, 40 services, mtls; we don't mind operating our own control plane",
    "GKE, 40 services, mtls; we're happy running our own control plane ourselves",
]


@pytest.mark.parametrize("text", NOT_A_MANAGED_MESH)
def test_no_managed_mesh_is_read_where_none_is_asked(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get(MANAGED) is not True


MANAGED_OUT_OF_REACH = [
    "EKS, 40 services, mtls. we cannot go fully managed on EKS anyway",
    "AKS, 40 services: fully managed isn't possible for us, we need revision upgrades",
    "EKS: a managed control plane is not available here, 40 services need mtls",
    "GKE, we don't want a managed mesh, 40 services, need mtls",
    "we can't go fully managed since our clusters are on EKS; 70 services, canary upgrades of "
    "the control plane please",
]


@pytest.mark.parametrize("text", MANAGED_OUT_OF_REACH)
def test_managed_said_out_of_reach_still_negates(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get(MANAGED) is not True
    assert facts.get("own_control_plane") is True


def test_revision_upgrades_without_a_managed_mesh_on_eks_stay_with_istio(engine: AnswerEngine):
    text = (
        "in-place istio upgrades keep breaking our services. we'd like to stand up the new "
        "control plane beside the old one and move namespaces across. someone else testing "
        "upgrades would be ideal, but fully managed isn't possible for us on EKS."
    )
    assert verdict(engine, text).pick in {"istio", "gloo-mesh"}


def test_only_mtls_is_not_read_through_an_intensifier(engine: AnswerEngine):
    # "just mtls" is a set pair: "really need mtls and retries" asks for both
    facts = engine.parser.parse("we really need mtls and retries on EKS").facts
    assert not facts.get("only_mtls")


RUN_UPSTREAM_MESH = [
    "we run upstream linkerd on AKS, 40 services",
    "we run upstream istio today on GKE, 80 services, need mtls",
    "we run upstream istio on EKS and want enterprise support",
    "teams run upstream kuma on two EKS clusters, 60 services",
    "we run upstream cilium on bare metal, 100 services",
]


@pytest.mark.parametrize("text", RUN_UPSTREAM_MESH)
def test_upstream_named_beside_a_mesh_is_what_they_run_not_a_licence_rule(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("licence") != "open_source"


def test_run_upstream_said_alone_is_still_a_licence_rule(engine: AnswerEngine):
    facts = engine.parser.parse("we'd rather run upstream than a vendor build, EKS").facts
    assert facts.get("licence") == "open_source"


LONGER_LIVED = [
    "istio on EKS; we want longer-lived builds and a vendor to support them",
    "we need long-lived releases of istio, 2 clusters on EKS",
    "linkerd shop on EKS, want longer lived versions with backports",
    "AKS, 50 services: long lived builds matter more to us than new features",
    "we'd pay for longer-lived releases of our mesh, GKE, 3 clusters",
]


@pytest.mark.parametrize("text", LONGER_LIVED)
def test_longer_lived_builds_are_stable_releases(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("stable_releases") is True


def test_enterprise_support_and_longer_lived_builds_for_upstream_istio_is_gloo(
    engine: AnswerEngine,
):
    text = (
        "two-person platform team running upstream istio on EKS; patching CVEs and upgrading "
        "every few months wears us down. we'd like to stay on the istio APIs and pay for "
        "enterprise support with longer-lived builds"
    )
    assert verdict(engine, text).pick == "gloo-mesh"


ENVOY_TROUBLE_THEN_BANNED = [
    "after a string of CVEs in our Envoy-based ingress, security banned Envoy from the mesh "
    "data path; GKE, 40 services, need mtls and retries",
    "our Envoy edge proxy had a spate of CVEs last year so Envoy is banned inside the "
    "cluster. EKS, 50 services, want mtls and metrics",
    "we went through a rough patch with envoy config at the edge: no envoy in the mesh "
    "please. GKE 60 services mtls retries",
    "Envoy at our gateway was exploited last spring; the rule now is no Envoy in the data "
    "path. GKE, 30 services, mTLS and per-route metrics",
    "too many CVEs in the Envoy behind our API gateway, so no Envoy anywhere inside. GKE, "
    "small team, 45 services, mtls and retries",
]


@pytest.mark.parametrize("text", ENVOY_TROUBLE_THEN_BANNED)
def test_what_hurt_with_a_banned_proxy_asks_for_none_of_its_features(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.facts.get("no_envoy") is True
    assert "custom_proxy_config" not in intent.features
    assert verdict(engine, text).pick == "linkerd"


def test_patching_envoy_config_asked_for_is_still_that_feature(engine: AnswerEngine):
    intent = engine.parser.parse("we need to patch envoy config directly, GKE, 40 services")
    assert "custom_proxy_config" in intent.features


@pytest.mark.parametrize(
    "text",
    [
        "self-managed istio on EKS, 200 services; next time we want a vendor on call who "
        "knows istio inside out",
        "EKS, 80 services, we need a vendor we can phone when the mesh breaks",
        "GKE standard, 120 services: whatever we pick needs a vendor who knows it on call",
        "on-prem k8s, 60 services, we want someone on call from a vendor for the mesh",
        "EKS, 150 services, we'd like vendor experts behind whatever mesh we run",
    ],
)
def test_a_vendor_said_by_being_there_when_it_breaks_is_support_wanted(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("support") == "any"
