"""Recommendation reads: a build of a mesh run through a `run_through` word ("istio via the aks
addon") is the one they run; a `split` leaving cue either side of what it leaves ("ripping it
out"); "without any proxy at all" beside a need for proxyless gRPC is met by the offerings that
have it (bot/answers/screening.py `proxy_free`)."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


def _read(engine, text):
    """The intent and the first line of its answer."""
    intent = engine.parser.parse(text)
    return intent, render_terminal(engine.answer(intent)).splitlines()[0]


@pytest.mark.parametrize(
    "text",
    [
        "running istio via the aks addon, 3 teams, ~120 svcs. we're thinking of ripping it out "
        "bc nobody uses features besides mtls. what would u use",
        "we run istio through the aks add-on, ~80 services. honestly we want to rip it out since "
        "we only use mtls. what now",
        "we're on the aks istio add-on with 60 services and are thinking about tearing it out, "
        "all we use is mtls. what should we use instead",
        "running istio using the microsoft addon, 40 services. we'd like to swap it out, mtls is "
        "the only feature we use. which mesh would you pick",
        "istio via the aks managed addon on 2 clusters, 150 svcs. planning to phase istio out, "
        "only mtls matters. recommendations?",
        "we run istio via the aks addon and want to yank it out, just mtls needed. which mesh?",
    ],
)
def test_a_build_ripped_out_is_left(engine, text):
    intent, lead = _read(engine, text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("leaving") in ("aks-istio-addon", "istio")
    assert "incumbent" not in intent.facts
    assert "Istio (sidecar mode)" not in lead
    assert "AKS Istio" not in lead


@pytest.mark.parametrize(
    "text",
    [
        "running istio via the aks addon, 3 teams, ~120 svcs. what would u use",
        "we're happy with istio via the aks addon, ~120 svcs, need canaries now. which mesh",
        "we run istio through the aks add-on on 2 clusters. need mtls. which mesh",
    ],
)
def test_a_build_run_through_is_the_one_they_run(engine, text):
    intent, _ = _read(engine, text)
    assert intent.facts.get("incumbent") == "aks-istio-addon"
    assert "leaving" not in intent.facts


@pytest.mark.parametrize(
    ("text", "incumbent"),
    [
        # a mesh after the word that no build of theirs is: the mesh they named stays theirs
        ("we run istio with linkerd-viz dashboards. 50 svcs on eks. what would u use", "istio"),
        ("we will never rip out istio, 40 svcs on eks. need mtls. which mesh", "istio"),
        ("we run the aks istio addon, 3 teams, ~120 svcs. what would u use", "aks-istio-addon"),
    ],
)
def test_near_texts_keep_their_reading(engine, text, incumbent):
    intent, _ = _read(engine, text)
    assert intent.facts.get("incumbent") == incumbent
    assert "leaving" not in intent.facts


@pytest.mark.parametrize(
    "text",
    [
        "need grpc services to talk without any proxy at all but still get traffic mgmt from a "
        "central control plane. gcp. recs",
        "our grpc services must talk with no proxy at all, yet routing should come from a "
        "central control plane. on gke. which mesh?",
        "we want proxyless grpc, no proxies whatsoever in the path, central traffic management. "
        "gke. what do you suggest",
        "grpc microservices, we can't have any proxy at all in the data path; they should get "
        "xds config straight from the control plane. gcp, which mesh",
        "looking for a mesh where gRPC clients skip the proxy entirely and take routing from a "
        "control plane, no proxies at all. google cloud. recommendation?",
    ],
)
def test_no_proxy_said_of_proxyless_grpc_is_the_need(engine, text):
    """The must-not stays, but proxyless gRPC meets it: the offerings with it are kept."""
    intent, lead = _read(engine, text)
    assert "proxyless_grpc" in intent.facts.get("needs", [])
    assert intent.facts.get("no_proxies") is True
    assert lead == "Recommendation: Google Cloud Service Mesh (managed)"
    found = verdict(engine, text)
    assert not found.of("google-cloud-service-mesh").out
    assert found.of("linkerd").out and found.of("istio-ambient").out


@pytest.mark.parametrize(
    "text",
    [
        "we want no proxies at all. 40 svcs on gke, need mtls. which mesh",
        "no proxy at all please, just mtls and retries for our http services on eks. which mesh",
    ],
)
def test_no_proxy_without_proxyless_grpc_stays_a_must_not(engine, text):
    intent, _ = _read(engine, text)
    assert intent.facts.get("no_proxies") is True


@pytest.mark.parametrize(
    "text",
    [
        "we refuse anything that needs a paid sub to get stable builds. 30 svcs on eks. which mesh",
        "we won't pay for stable releases. 30 svcs on eks, which mesh should we use",
        "we need a mesh where we don't need a subscription to get stable releases. eks, 40 "
        "services",
        "mesh for 30 svcs on eks; can't justify a paid subscription just to get stable builds. "
        "ideas?",
        "no paywalled stable builds please, ~50 services on eks. recommend a mesh",
        "we want free stable releases, 30 svcs on eks. which mesh?",
    ],
)
def test_stable_builds_wanted_free_close_the_paid_edition(engine, text):
    intent, lead = _read(engine, text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("free_stable_releases") is True
    assert "Linkerd" not in lead
    assert "nothing fits" not in lead


@pytest.mark.parametrize(
    "text",
    [
        # stable releases wanted, payment not refused: the vendor's edition stays open
        "we need stable releases, 30 svcs on eks, which mesh",
        "stable releases only in prod. 30 svcs on eks. which mesh",
    ],
)
def test_stable_builds_wanted_alone_keep_the_paid_edition_open(engine, text):
    intent, _ = _read(engine, text)
    assert intent.facts.get("stable_releases") is True
    assert "free_stable_releases" not in intent.facts


@pytest.mark.parametrize(
    "text",
    [
        "cheapest mesh for 200 pods on eks, we don't care about features",
        "which mesh costs the least at 800 pods",
        "least expensive mesh on eks for 300 pods",
        "lowest cost mesh for 100 pods on gke",
        "what's the cheapest service mesh for ~250 pods on aks",
    ],
)
def test_cheapest_weighs_money_beside_memory(engine, text):
    intent, _ = _read(engine, text)
    assert intent.kind == IntentKind.lightest
    assert intent.aspect is not None and intent.aspect.value == "price"
    said = render_terminal(engine.answer(intent))
    assert "On money" in said and "licence fee" in said
    assert "PROXY MEMORY" in said


@pytest.mark.parametrize(
    "text",
    [
        "what's the lightest mesh for 200 pods",
        "which mesh is cheapest in cpu at 800 pods",
        "cheapest mesh in memory for 200 pods",
    ],
)
def test_a_ranking_by_a_resource_stays_by_that_resource(engine, text):
    intent, _ = _read(engine, text)
    assert intent.kind == IntentKind.lightest
    assert intent.aspect is None


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        (
            "company policy forbids hashicorp products since the licence change, and we're on "
            "nomad. need mtls. ideas?",
            "not_from",
            ["hashicorp"],
        ),
        (
            "our security policy prohibits anything from hashicorp. nomad cluster, 30 services, "
            "need mtls. what mesh?",
            "not_from",
            ["hashicorp"],
        ),
        (
            "policy forbids istio after last year's outage. 40 svcs on eks, need mtls. which mesh",
            "refused_mesh",
            "istio",
        ),
        ("we forbid sidecars. 40 svcs on gke, which mesh", "no_sidecars", True),
        (
            "legal forbids busl software. 40 svcs on eks, which mesh",
            "licence",
            "no_source_available",
        ),
    ],
)
def test_forbidding_refuses(engine, text, fact, value):
    intent, lead = _read(engine, text)
    assert intent.facts.get(fact) == value
    assert "Consul" not in lead and "Istio (sidecar" not in lead


def test_a_forbidden_vendor_on_nomad_leaves_kuma(engine):
    _, lead = _read(
        engine,
        "company policy forbids hashicorp products since the licence change, and we're on "
        "nomad. need mtls. ideas?",
    )
    assert lead in ("Recommendation: Kuma", "Recommendation: Kong Mesh")


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        (
            "we're a bank, ~600 svcs over 3 regions on openshift + a few hundred RHEL vms "
            "running jboss. red hat is our strategic vendor. what mesh should we standardise on?",
            "red-hat",
        ),
        ("~600 svcs on openshift. red hat is our vendor. which mesh?", "red-hat"),
        ("microsoft is our preferred vendor; 40 svcs on aks. need mtls. which mesh", "microsoft"),
        ("google is our main vendor. 50 services on gke, mtls. recommend a mesh", "google"),
        ("aws is our strategic partner. 80 services on eks, which mesh?", "aws"),
    ],
)
def test_a_vendor_said_to_be_theirs_is_one_they_buy_from(engine, text, vendor):
    intent, _ = _read(engine, text)
    assert intent.facts.get("vendor") == vendor


def test_a_strategic_red_hat_bank_on_openshift_standardises_on_ossm(engine):
    _, lead = _read(
        engine,
        "we're a bank, ~600 svcs over 3 regions on openshift + a few hundred RHEL vms running "
        "jboss. red hat is our strategic vendor. what mesh should we standardise on?",
    )
    assert lead == "Recommendation: Red Hat OpenShift Service Mesh 3"


@pytest.mark.parametrize(
    "text",
    [
        "istio is our mesh today, 40 svcs on eks. which mesh",
        "we run 40 svcs on eks. which mesh",
    ],
)
def test_no_vendor_said_stays_none(engine, text):
    intent, _ = _read(engine, text)
    assert "vendor" not in intent.facts
