"""Preferences and answered questions: a managed control plane wished for lifts the managed
offering where the knowledge base holds what it needs, a wish to run the control plane
oneself is no wish for a managed one, a platform's own part counted vaguely is no nag, and a
must-have a licensed edition meets in full where its open-source base cannot outweighs the
licence. Each setup read through the public path (parse, then the answer or the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.screening import managed
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# GKE, multi-cluster and locality failover, a managed control plane preferred: Google runs
# it and the knowledge base holds its multi-primary clusters and its failover policy.
MANAGED_ON_GKE = [
    "GKE shop, ~200 services across 3 clusters in two regions. Need multi-cluster and "
    "locality failover. We prefer a managed control plane. Recommend?",
    "GKE, 150 services in 2 clusters, multi-cluster needed, managed control plane preferred",
    "GKE shop, 200 services, multi cluster. ideally someone else operates the control plane",
    "GKE, 3 clusters, 200 services, we need zone failover across clusters; managed if possible",
    "we'd rather have it managed: GKE, 3 clusters, multi-cluster with locality failover",
]


@pytest.mark.parametrize("text", MANAGED_ON_GKE)
def test_a_managed_control_plane_wished_for_lifts_the_managed_offering(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert found.tied and "istio" not in found.tied
    assert managed(engine.kb.meshes[found.tied[0]])
    assert "nothing you've said separates them" not in engine.ask(text).lead


# Running it themselves wished for: a control plane of their own; denied, a managed one.
@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("GKE, 200 services, multi-cluster, we want to run the control plane ourselves", True),
        ("GKE, 200 services, we'd rather run it ourselves", True),
        ("GKE, 200 services, we would prefer to run our own control plane", True),
        ("GKE, 200 services, we plan to run istiod ourselves", True),
        ("GKE, 200 services, we don't want to run the control plane ourselves", False),
        ("GKE, 200 services, we'd rather not run it ourselves", False),
        ("GKE, 200 services, we want someone else to run the control plane", False),
    ],
)
def test_running_the_control_plane_oneself_wished_for_is_no_managed_one(
    engine: AnswerEngine, text: str, own: bool
):
    facts = engine.parser.parse(text).facts
    assert facts.get("own_control_plane", False) is own
    assert facts.get("managed_control_plane", False) is not own
    if own:
        assert not managed(engine.kb.meshes[verdict(engine, text).tied[0]])


# The layer between services wished managed, in other words than "control plane".
@pytest.mark.parametrize(
    "text",
    [
        "We run EKS plus a few lambda functions. We don't need mTLS, we want IAM auth between "
        "services, and we want a managed service-to-service networking layer. recommend?",
        "EKS + lambda, need a managed application networking layer with IAM auth",
        "EKS and lambdas; we'd like a managed service networking layer",
        "EKS, 50 services, we'd like a SaaS control plane",
        "EKS, 50 services. we are not running it ourselves, recommend",
    ],
)
def test_a_managed_layer_between_services_is_a_managed_control_plane(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("managed_control_plane") is True
    assert "Should someone else run the mesh's control plane?" not in render_terminal(
        engine.ask(text)
    )


def test_a_managed_layer_refused_is_no_refusal_of_calls_between_services(engine: AnswerEngine):
    facts = engine.parser.parse(
        "EKS with 30 services, we don't want a managed service-to-service layer"
    ).facts
    assert facts.get("own_control_plane") is True
    assert "sync_calls" not in facts
    # near miss: the calls themselves said to be none
    calls = engine.parser.parse("EKS, 30 services, no service to service traffic").facts
    assert calls.get("sync_calls") == 0


# A platform's own unit counted vaguely ("a few lambda functions") names a part of the estate
# the platform brings in: no nag for a number; the services themselves still get one.
@pytest.mark.parametrize(
    "text",
    [
        "We run EKS plus a few lambda functions, recommend?",
        "EKS and some lambdas, recommend?",
        "EKS and lambda functions, recommend",
        "we run EKS and some lambda functions. what mesh?",
        "EKS plus lambda functions, IAM auth between services. recommend?",
    ],
)
def test_a_platforms_own_part_counted_vaguely_is_a_recommendation_without_a_nag(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).kind == IntentKind.recommend
    assert "couldn't read a number" not in render_terminal(engine.ask(text))


def test_vague_services_and_lambda_tuning_keep_their_answers(engine: AnswerEngine):
    assert "couldn't read a number" in render_terminal(
        engine.ask("we have a few services on GKE, recommend?")
    )
    for text in ("what lambda memory size should I pick?", "how do I tune lambda cold starts?"):
        assert engine.parser.parse(text).kind == IntentKind.out_of_scope


# Request-level authorization a must-have, source-available licences refused: only Kong
# Mesh's MeshOPA meets it in full (open-source Kuma allows callers per service), and the
# reason says what the licence buys for that need, not for FIPS.
L7_AUTHZ_NO_BUSL = [
    "300 services across VMs, self-managed kubernetes and nomad. Need mTLS and L7 "
    "authorization (path/method). No BUSL licences. recommend?",
    "VMs plus kubeadm clusters, 200 services, mtls and path-based authz policies required, "
    "legal bans BUSL. which mesh?",
    "nomad and self-managed k8s, need request-level authorization and mTLS, no source-available "
    "licences, recommend",
]


@pytest.mark.parametrize("text", L7_AUTHZ_NO_BUSL)
def test_a_must_have_only_the_licensed_edition_meets_in_full_outweighs_the_licence(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert "l7_authorization" in facts["needs"]
    found = verdict(engine, text)
    assert found.tied and found.tied[0] != "kuma"
    said = render_terminal(engine.ask(text))
    assert "FIPS" not in said.split("WHY")[1].split("RULED OUT")[0]
