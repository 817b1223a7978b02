"""A setup said around a question that asks something else: the question decides the answer's
kind, the setup stays its context (bot/intents/question_led.py)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind


@pytest.mark.parametrize(
    "text",
    [
        "which meshes work with no sidecar at all? our pods have 128Mi limits and nothing else "
        "fits in them",
        "some of our jobs can't take an extra container. which meshes run without sidecars?",
        "our pods are tiny and already crowded. which meshes can do sidecarless?",
        "legal keeps asking about crypto. which meshes have FIPS validated crypto?",
        "we have a handful of wasm filters already. which meshes can load wasm plugins?",
    ],
)
def test_a_list_asked_beside_a_setup_is_the_list(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes and intent.features


@pytest.mark.parametrize(
    "text",
    [
        "hey meshbot what can you do? first week here and the wiki says to ask you before we "
        "pick anything",
        "what can you help with? we're choosing a mesh next quarter",
        "how do I use you? our team is about to pick a mesh for EKS",
        "what do you do exactly? someone said to ask you before choosing a mesh",
        "what can this bot do? we have 40 services on EKS and a mesh decision coming",
    ],
)
def test_help_asked_beside_plans_to_pick_is_help(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.help


@pytest.mark.parametrize(
    "text",
    [
        "on GKE, latency matters for our grpc calls. can google cloud service mesh do "
        "proxyless grpc?",
        "we're on AKS, 40 services, need canaries. does the aks istio add-on support "
        "traffic splitting?",
        "EKS, 200 services, small team. does linkerd support circuit breaking?",
        "we run openshift 4.18 in a bank. does openshift service mesh do fips?",
        "kong gateway shop, 60 services on EKS. does kong mesh have rate limiting?",
    ],
)
def test_a_feature_asked_of_a_named_mesh_beside_a_setup_is_that_check(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes and intent.features


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 50 services, small team, need mTLS. which mesh should we use?",
        "AKS, 120 services, want Microsoft support. what would you pick?",
        "wait osm is archived?? we're on AKS w/ the OSM addon. what now",
        "has anyone evaluated Meshify? vendor pitched it as zero-config. does it do mTLS?",
        "openshift, 80 services. we need fips crypto and jwt validation. is linkerd an option "
        "for fips?",
        "eks, 90 services. we need mtls and wasm plugins. any option that supports wasm?",
        "gke: managed istio and no sidecars both - possible? if not which way should we go",
        "we're on EKS with 60 services and need retries. does it make sense to add a mesh?",
    ],
)
def test_a_question_asking_for_a_pick_or_of_the_context_keeps_the_whole_reading(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend or intent.unknown_names
