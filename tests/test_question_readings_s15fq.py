"""Questions read as their question asks: a list after a setup, amounts weighed with a
complaint's word, and the platform's own failures (blind set q100-s15fq)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal

LISTS_AFTER_SETUP = [
    "we're on EKS, 300 pods — which meshes can do post quantum key exchange today?",
    "we run GKE with 200 services, which meshes support post-quantum tls?",
    "on aks, ~500 pods. which meshes can do ambient-style sidecarless today?",
    "we're on eks with 40 services — which meshes support wasm plugins?",
    "300 pods on eks. which meshes do post quantum key exchange?",
]
PICKS_AFTER_SETUP = [
    "self managed k8s, 70 svcs. which meshes can do this?",
    "we need something for 200 services on eks, anything that does mtls?",
    "we're on EKS, 300 pods — which mesh should we pick for post quantum key exchange?",
    "we're on EKS, 300 pods, need post quantum key exchange. which mesh?",
]
AMOUNTS_WEIGHED = [
    "istio sidecar vs ambient — and while ur at it which one eats less memory at like 500 pods",
    "istio sidecar vs ambient, which one eats less memory at 500 pods?",
    "which one eats less memory at 500 pods, istio sidecar or ambient?",
    "istio vs linkerd — which one eats less memory at 800 pods?",
    "istio sidecar vs ambient: which hogs less memory at 1000 pods",
]
PLATFORM_FAILURES = [
    "my pod is stuck in CrashLoopBackOff after the node group upgrade, how do i debug it",
    "kubectl drain hangs forever on a node with pdbs, any fix?",
    "kubectl rollout status hangs forever, any workaround?",
    "pvc stuck in pending after the nodegroup upgrade, how do i fix",
    "drain keeps hanging on nodes with pdbs — any fix?",
]
MESH_FAILURES = [
    "istio-proxy CrashLoopBackOff after the node group upgrade, how do i debug it",
    "sidecar stuck after the node group upgrade, how do i debug",
    "kubectl drain hangs forever because the linkerd-proxy won't exit, any fix?",
    "my pod is stuck in CrashLoopBackOff after the istio upgrade, how do i debug it",
    "pods crashloop after injecting the mesh sidecar, how do i debug",
]


@pytest.mark.parametrize("text", LISTS_AFTER_SETUP)
def test_a_list_asked_after_a_setup_lists_the_meshes_with_the_feature(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes
    assert intent.features


def test_the_list_notes_the_platform_said(engine: AnswerEngine):
    text = "we're on EKS, 300 pods — which meshes can do post quantum key exchange today?"
    answer = engine.answer(engine.parser.parse(text))
    assert "on EKS" in render_terminal(answer).splitlines()[0]


@pytest.mark.parametrize("text", PICKS_AFTER_SETUP)
def test_a_setup_pointed_back_at_or_wanting_one_still_asks_a_pick(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize("text", AMOUNTS_WEIGHED)
def test_which_one_eats_less_asks_the_overhead_and_complains_of_nothing(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    assert len(intent.meshes) == 2
    assert not {"memory_budget", "hurts", "incumbent"} & set(intent.facts)


def test_eating_more_than_the_apps_is_still_a_complaint(engine: AnswerEngine):
    text = "our istio sidecars eat more memory than the apps, 400 pods, any lighter option?"
    assert engine.parser.parse(text).facts.get("low_overhead") is True


@pytest.mark.parametrize("text", PLATFORM_FAILURES)
def test_a_failure_of_the_platform_alone_is_outside_what_i_cover(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize("text", MESH_FAILURES)
def test_a_failure_that_says_something_of_a_mesh_stays_mine(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind != IntentKind.out_of_scope
