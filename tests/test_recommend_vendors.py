"""Recommendations around the vendor they have, the one they leave, and who owns upgrades:
upgrades and patches handed to someone else on a platform with no managed build of the mesh
they run (a vendor's long-supported Istio build, keeping their Istio resources); a paid edition
priced out ("solo renewal is too pricey") left for the project under it; a mode named as the
kind wanted ("sidecarless (ambient style)") beside an offering asked about; incidents and a
failure they mean to rehearse as the needs of a pick; a buyer held to one vendor; a refusal to
pay a vendor that its platform's subscription already covers. Each goes through the public path
(parser.parse, AnswerEngine.answer, render_terminal)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

UPGRADES_HANDED_OFF = [
    "self-managed istio on eks, ~150 services, 5 platform engineers. CVE scramble every month, "
    "we want to offload upgrades and patching. keep our AuthorizationPolicies",
    "we're on upstream istio in 3 EKS clusters (~300 svcs). every minor version bump eats our "
    "sprint; would love someone else owning upgrades so we keep our virtualservices",
    "istio on eks, 250 services, platform team of 4, loads of AuthorizationPolicies. we want a "
    "vendor to own istio upgrades and cve patches from now on",
    "EKS x2, around 180 services on istio, tons of VirtualServices. minor upgrades are killing us. "
    "looking to outsource upgrades and patching to someone",
    "we run istio on eks (2 clusters, 220 svcs). we'd like to hand off upgrades to a vendor and "
    "keep our VirtualServices and AuthorizationPolicies as they are",
]


@pytest.mark.parametrize("text", UPGRADES_HANDED_OFF)
def test_upgrades_handed_off_on_eks_go_to_a_vendor_istio_build(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("upgrade_toil") is True
    assert "revision_upgrades" not in facts.get("needs", [])  # a chore handed off, no must-have
    assert verdict(engine, text).pick == "gloo-mesh"


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "aks, we run istio ourselves, 60 services, team of 3. want someone else to own "
            "upgrades and patches",
            "aks-istio-addon",
        ),
        (
            "gke, self-managed istio, 80 services. we want a vendor to own istio upgrades and cve "
            "patches",
            "google-cloud-service-mesh",
        ),
    ],
)
def test_upgrades_handed_off_where_the_provider_runs_istio_go_to_its_managed_one(
    engine: AnswerEngine, text: str, pick: str
):
    assert verdict(engine, text).pick == pick


def test_upgrade_toil_says_nothing_against_a_longer_supported_build(engine: AnswerEngine):
    text = (
        "EKS x2, around 180 services on istio, tons of VirtualServices. minor upgrades are "
        "killing us. looking to outsource upgrades and patching to someone"
    )
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "you haven't asked for" not in answer
    assert "n-4" in answer  # Solo's support window is the reason given


PRICED_OUT = [
    "our gloo mesh licence is too expensive now. 3 GKE clusters, we mostly use it for "
    "cross-cluster failover. planning to go upstream",
    "we can't justify the Solo subscription anymore. gloo mesh on eks (2 clusters), used for "
    "multicluster routing. what do we move to if we self-run?",
    "we run gloo mesh across 2 AKS clusters for failover. can't afford the renewal. going back "
    "to upstream",
    "gloo mesh, 2 eks clusters, failover between them. renewal is out of our budget so we want "
    "to switch to upstream",
    "gloo mesh on two EKS clusters for cross-cluster failover; the renewal is too steep for us "
    "and we'd rather run it ourselves",
]


@pytest.mark.parametrize("text", PRICED_OUT)
def test_a_paid_edition_priced_out_is_left_for_a_self_run_mesh(engine: AnswerEngine, text: str):
    pick = verdict(engine, text).pick
    assert pick in {"istio", "istio-ambient", "linkerd"}


def test_a_paid_edition_priced_out_is_no_licence_of_the_open_source_base(engine: AnswerEngine):
    text = (
        "kong mesh on 2 eks clusters for multi-zone failover, but kong's quote is too steep "
        "for us. alternatives we can run ourselves?"
    )
    assert engine.parser.parse(text).facts.get("licence") == "open_source"
    assert verdict(engine, text).pick == "kuma"


AMBIENT_STYLE = [
    "we're on AKS with about 90 services and 5 platform engineers. we need an ambient-style "
    "data plane because sidecars cost too much memory. is the managed istio add-on a good fit "
    "for that?",
    "AKS, 120 svcs, team of 7. want something like ambient (no per-pod proxies), sidecars are "
    "too heavy for us. should we just turn on the AKS add-on?",
    "~100 services on AKS, platform team of 8, we want ambient-esque sidecarless networking (the "
    "sidecar tax is too high). would the aks istio addon work for us?",
    "AKS, 60 services, 5 platform engineers. want sidecarless similar to ambient, too many pods "
    "for sidecars. could we just use the istio add-on for that?",
    "aks cluster, 80 services, 6 of us on platform. an ambient-like setup is what we're after "
    "since per-pod sidecars cost too much. can we just use the aks istio add-on for this?",
]


@pytest.mark.parametrize("text", AMBIENT_STYLE)
def test_a_mode_named_as_the_kind_wanted_is_its_feature(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "sidecarless" in intent.features
    assert intent.facts.get("incumbent") is None  # the kind wanted, no mesh they run
    answer = render_terminal(engine.answer(intent))
    assert answer.startswith("Recommendation: Istio ambient mode")
    out = next(line for line in answer.splitlines() if "add-on is out" in line)
    assert "AKS Istio-based service mesh add-on is out: no sid" in out.replace("Sid", "sid")


def test_a_mode_set_against_another_mesh_stays_a_mesh(engine: AnswerEngine):
    intent = engine.parser.parse("compare linkerd vs ambient")
    assert intent.kind == IntentKind.compare
    assert "istio-ambient" in intent.meshes


INCIDENTS = [
    "EKS, 45 services. a bad release of the cart service got all the traffic at once and we "
    "couldn't shift traffic back partially. we'd also like to see what happens when payments "
    "returns 503s before peak season. our SREs are envoy people",
    "GKE, ~80 services. a bad checkout deploy hit 100% of users with no partial rollback. before "
    "the holiday peak we want to test what callers do when search returns 503s. we know envoy",
    "we got burned when a new version of orders went to all traffic at once, no gradual shift. "
    "also want to make the shipping service return 503s on purpose to see how callers cope. "
    "eks, 70 svcs, envoy-savvy team",
    "on eks with ~50 services. we need to send 5% of traffic to new versions after a bad rollout "
    "took prod down, and we want to see what happens when a dependency returns errors. team has "
    "envoy experience",
    "eks, 90 services, our team knows envoy. an update to the quote service went 100% and we had "
    "no way to shift traffic back partially. we also want to rehearse a dependency failing "
    "before the sale",
]


@pytest.mark.parametrize("text", INCIDENTS)
def test_needs_told_as_incidents_and_rehearsals_ask_for_a_pick(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert {"traffic_split", "fault_injection"} <= set(intent.facts.get("needs", []))
    assert verdict(engine, text).pick in {
        "istio",
        "istio-ambient",
        "kuma",
        "gloo-mesh",
        "google-cloud-service-mesh",
    }


def test_a_pasted_error_is_still_no_rehearsal(engine: AnswerEngine):
    text = "istio on eks, 40 svcs. upstream connect error or disconnect/reset before headers, 503s"
    intent = engine.parser.parse(text)
    assert "fault_injection" not in intent.features
    assert intent.kind != IntentKind.recommend


ONE_VENDOR = [
    "OpenShift, bank, FIPS required, our procurement only buys from Red Hat",
    "openshift bank. we can only buy from red hat. need fips and mtls, 200 services",
    "OCP 4.16, 150 services. we buy only from Red Hat, need mTLS and FIPS",
    "openshift, regulated, the only approved vendor is red hat. fips needed",
    "on openshift with 90 services; procurement will only purchase from red hat. mtls + fips",
]


@pytest.mark.parametrize("text", ONE_VENDOR)
def test_a_buyer_held_to_one_vendor_gets_its_offering(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("support") == "red-hat"
    assert verdict(engine, text).pick == "openshift-service-mesh"


NOT_PAYING_MORE = [
    "we're on openshift 4.16, 120 services. we won't buy an RH mesh subscription. need mtls "
    "and canary",
    "OpenShift, bank, FIPS required, we won't buy an RH mesh subscription",
    "openshift, 80 services. we are no longer buying from red hat beyond openshift. need mtls",
    "OCP, 60 services, need mtls. we refuse to pay red hat for anything more",
    "openshift 4.18 with 100 services; management won't pay red hat for a mesh. need mtls",
]


@pytest.mark.parametrize("text", NOT_PAYING_MORE)
def test_refusing_to_pay_red_hat_more_keeps_the_mesh_openshift_includes(
    engine: AnswerEngine, text: str
):
    screened = {s.mesh.id: s for s in verdict(engine, text).screened}
    assert not screened["openshift-service-mesh"].out
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "included with your OpenShift subscription" in answer


@pytest.mark.parametrize(
    "text",
    [
        "openshift, 80 services, not paying red hat for anything extra. need mtls",
        "openshift, 80 services, we're not paying red hat for more. need mtls",
        "OCP, 50 services. we will not be paying Red Hat beyond the platform. mtls please",
        "openshift cluster, 70 svcs, we stopped paying red hat for extras. need mtls",
        "openshift, 40 services. we don't pay red hat for support add-ons. need mtls",
    ],
)
def test_a_vendor_not_paid_is_no_vendor_they_buy_from(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("vendor") is None


def test_a_vendor_paid_is_one_they_buy_from(engine: AnswerEngine):
    facts = engine.parser.parse("we pay red hat for openshift. 80 services, need mtls").facts
    assert facts.get("vendor") == "red-hat"
