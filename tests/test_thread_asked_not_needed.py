"""A reply after a pick that asks of a feature or a mesh is a question, not a new need
(bot/answers/asked_not_needed.py): the thread's needs stay as they were, and the pick with
them. Only a reply that states a need ("we need X", "X is a must", "what if we need X")
changes the setup. Through `Conversation` (`meshbot chat`), with near misses that must still
change it.
"""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk

EKS_SIDECARS_FINE = (
    "we have ~50 svcs on EKS, need mTLS + retries/timeouts. sidecars are fine. no vendor $$$."
)
GRPC = (
    "we are on EKS with 5,000 pods, a gRPC trading platform; we need mTLS, gRPC load "
    "balancing, retries, and the lowest added p99 latency possible. pick?"
)
TENANTS = (
    "RKE2, 600 services, 4 tenant teams, we need Vault PKI integration, SPIFFE identities "
    "and a dry-run mode for policies. what mesh?"
)
BANK = (
    "AKS bank: we need FIPS 140 crypto, a vendor to call at 3am, and Windows node pools. "
    "which mesh?"
)


def _needs(conversation) -> list[str]:
    needs = conversation.question.facts.get("needs")
    return list(needs) if isinstance(needs, list) else []


def _first_view(conversation) -> str:
    return render_terminal(conversation.answer, full=False, more="")


@pytest.mark.parametrize(
    "reply",
    [
        "> what about ambient tho",
        "and ambient?",
        "how does istio ambient compare?",
        "what about istio ambient mode",
        "ambient vs that?",
    ],
)
def test_a_mode_asked_about_adds_no_need(kb, reply):
    before = _needs(talk(kb, EKS_SIDECARS_FINE))
    conversation = talk(kb, EKS_SIDECARS_FINE, reply)
    assert "sidecarless" not in _needs(conversation)
    assert set(_needs(conversation)) == set(before)
    assert "no Sidecarless data plane" not in _first_view(conversation)


@pytest.mark.parametrize(
    "reply",
    [
        "and proxyless gRPC?",
        "what about proxyless grpc",
        "also proxyless grpc?",
        "does it do proxyless gRPC?",
        "proxyless gRPC support?",
    ],
)
def test_a_feature_asked_after_the_pick_checks_the_pick(kb, reply):
    pick = talk(kb, GRPC).answer.title
    conversation = talk(kb, GRPC, reply)
    assert conversation.question.kind == IntentKind.feature_check
    assert "proxyless_grpc" not in _needs(conversation)
    mesh = pick.removeprefix("Recommendation: ")
    assert f"{mesh} is out" not in _first_view(conversation)


@pytest.mark.parametrize(
    "reply",
    [
        "what if we also need proxyless grpc?",
        "we need proxyless gRPC too",
        "proxyless gRPC is a must",
        "suppose we have to run proxyless gRPC",
        "proxyless grpc is a hard requirement for us",
    ],
)
def test_a_need_said_after_the_pick_still_changes_the_setup(kb, reply):
    conversation = talk(kb, GRPC, reply)
    assert conversation.question.kind == IntentKind.recommend
    assert "proxyless_grpc" in _needs(conversation)


@pytest.mark.parametrize(
    "reply",
    [
        "can istio do isolated meshes per tenant on one control plane?",
        "does istio support several isolated meshes on one control plane?",
        "is multi-mesh on one control plane possible with istio?",
        "how does linkerd handle isolated meshes per tenant?",
        "can kuma do isolated meshes on one control plane?",
    ],
)
def test_a_feature_asked_of_a_mesh_named_keeps_the_thread_pick(kb, reply):
    pick = talk(kb, TENANTS).answer.title.removeprefix("Recommendation: ")
    conversation = talk(kb, TENANTS, reply)
    assert "multi_mesh" not in _needs(conversation)
    assert f"{pick} is out" not in _first_view(conversation)


def test_a_need_said_after_a_check_makes_the_pick_again(kb):
    conversation = talk(
        kb,
        TENANTS,
        "can istio do isolated meshes per tenant on one control plane?",
        "we need isolated meshes per tenant on one control plane",
    )
    assert conversation.question.kind == IntentKind.recommend
    assert "multi_mesh" in _needs(conversation)


@pytest.mark.parametrize(
    "reply",
    [
        "why not the AKS istio add-on? it is microsoft supported",
        "why not the aks add-on? it's supported by Microsoft",
        "why not the AKS add-on? they're Microsoft supported",
        "how come not the istio add-on? it has Microsoft support",
        "why not the aks istio addon? since it is supported by microsoft",
    ],
)
def test_why_not_a_mesh_with_what_it_offers_adds_no_support_requirement(kb, reply):
    conversation = talk(kb, BANK, reply)
    assert conversation.question.facts.get("support") != "microsoft"
    dropped = talk(kb, BANK, reply, "what if we drop the windows requirement?")
    assert "no support contract from Microsoft" not in _first_view(dropped)


def test_a_support_need_said_after_why_not_still_counts(kb):
    conversation = talk(kb, BANK, "why not the AKS istio add-on? we must have Microsoft support")
    assert conversation.question.facts.get("support") == "microsoft"


OPENSHIFT = (
    "OpenShift 4.16, 120 services, we need Red Hat support, Kiali and multi-cluster. which mesh?"
)


@pytest.mark.parametrize(
    "turns",
    [
        ("can we use ambient mode with it?", "why not Linkerd, it is simpler"),
        ("compare istio ambient and linkerd",),
        ("istio ambient vs linkerd?",),
    ],
)
def test_a_comparison_where_none_meets_a_hard_requirement_never_fits_best(kb, turns):
    conversation = talk(kb, OPENSHIFT, *turns)
    view = _first_view(conversation)
    assert "Linkerd fits best" not in view and "Istio ambient mode fits best" not in view
    if "None of those compared meets every requirement" in view:
        assert "vendor support from Red Hat" in view


CILIUM_BARE_METAL = (
    "Cilium CNI on bare metal, 300 services, we want sidecarless, with L7 authorization. "
    "which mesh?"
)


def test_a_check_after_nothing_fits_never_picks_what_a_must_not_rules_out(kb):
    conversation = talk(
        kb,
        CILIUM_BARE_METAL,
        "we also dont want envoy anywhere. possible?",
        "how mature is cilium mutual auth?",
    )
    view = _first_view(conversation)
    assert "Cilium Service Mesh is what I would pick" not in view
    assert "Nothing meets every requirement you gave" in view


@pytest.mark.parametrize("platform", ["Cilium CNI on bare metal", "on-prem k8s with Cilium CNI"])
def test_cilium_as_the_cni_is_kubernetes_not_a_cloud_service(kb, platform):
    answer = talk(kb, f"{platform}, 300 services, need mTLS. which mesh?").answer
    assert "VPC Lattice" not in answer.title
