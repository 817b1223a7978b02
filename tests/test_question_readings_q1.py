"""Questions read as asked through the public path (parser → engine → answer): what comes
after a mesh asked with no setup of theirs is its lifecycle (its successors are a fact of its
history), while the same words beside a setup they run still ask for a pick; and a message
about who carries the pager is another team's topic, out of scope."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("what replaces nginx service mesh", "nginx-service-mesh"),
        ("what replaces aws app mesh", "aws-app-mesh"),
        ("so what replaces open service mesh these days", "open-service-mesh"),
        ("what's replacing app mesh", "aws-app-mesh"),
        ("nginx service mesh successor?", "nginx-service-mesh"),
        ("who is the successor to osm", "open-service-mesh"),
        ("what is the successor of aws app mesh", "aws-app-mesh"),
    ],
)
def test_what_replaces_a_mesh_asks_its_lifecycle(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle
    assert intent.meshes == [mesh]
    answer = render_terminal(engine.answer(intent))
    assert "retired" in answer.lower()
    assert "instead" in answer  # the successors it names


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # beside a setup they run, what replaces it is a pick for that setup
        ("we run app mesh on ECS with 40 services, what replaces it?", IntentKind.recommend),
        ("we're on osm, 30 services on aks. what replaces it?", IntentKind.recommend),
        ("app mesh successor for 60 services on eks, what do you recommend", IntentKind.recommend),
        (
            "osm is archived, we have 30 services on aks; what's the best successor?",
            IntentKind.recommend,
        ),
        ("kuma or linkerd as the successor to osm for 50 services?", IntentKind.compare),
        ("what replaced conduit", IntentKind.lifecycle),
        ("is open service mesh deprecated", IntentKind.lifecycle),
    ],
)
def test_replacement_beside_a_setup_keeps_its_reading(
    engine: AnswerEngine, text: str, kind: IntentKind
):
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "who's on call this weekend, can someone swap with me",
        "who is on call tonight?",
        "can someone cover my on-call shift friday",
        "who's on call for the platform team next week?",
        "oncall swap request: anyone free saturday",
    ],
)
def test_the_on_call_rota_is_out_of_scope(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.out_of_scope
    assert not intent.meshes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("is istio on the call path for every request?", IntentKind.feature_check),
        ("does linkerd retry failed calls", IntentKind.feature_check),
        ("what does a sidecar add on each call", IntentKind.explain),
    ],
)
def test_calls_between_services_stay_ours(engine: AnswerEngine, text: str, kind: IntentKind):
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "are those overhead numbers sourced? links pls",
        "are the latency numbers sourced?",
        "is that latency figure cited anywhere?",
        "are the memory numbers backed up by a benchmark?",
        "are those numbers sourced or just estimates",
    ],
)
def test_whether_the_figures_are_sourced_asks_for_sources(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.sources


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what does istio cost in memory at 500 pods", IntentKind.cost),
        ("are the numbers higher for istio than linkerd", IntentKind.compare),
    ],
)
def test_figures_asked_of_a_mesh_stay_a_figure_question(
    engine: AnswerEngine, text: str, kind: IntentKind
):
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        (
            "istio authz policy dry-run mode — does that exist? want to audit before enforcing",
            "istio",
        ),
        ("does istio authz policy support dry-run?", "istio"),
        ("can istio authorization policies run in dry-run mode?", "istio"),
        ("istio authorization policy dry run — is that a thing?", "istio"),
        ("kuma policies: is there a dry-run mode?", "kuma"),
        ("linkerd policy resources audit mode, does that exist?", "linkerd"),
    ],
)
def test_a_mesh_s_configuration_asked_of_is_a_feature_check_of_it(
    engine: AnswerEngine, text: str, mesh: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert "policy_dry_run" in intent.features
    assert "knows_api" not in intent.facts
    answer = render_terminal(engine.answer(intent))
    assert "Policy dry-run / audit mode: yes" in answer


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the API phrase describes their setup where a pick or the meshes at large are asked
        (
            "we use istio authz policies heavily, 40 services, which mesh should we move to?",
            IntentKind.recommend,
        ),
        (
            "we know istio authz policies well, what should we pick for 40 services?",
            IntentKind.recommend,
        ),
        (
            "team knows VirtualService and AuthorizationPolicy; need dry-run. which mesh?",
            IntentKind.recommend,
        ),
        ("we write istio authz policies today and need a dry-run mode", IntentKind.recommend),
        (
            "we know istio authz policies, which meshes have a dry-run mode?",
            IntentKind.which_meshes,
        ),
        (
            "our team knows istio authorization policies; recommend a mesh for 30 services",
            IntentKind.recommend,
        ),
    ],
)
def test_a_mesh_s_configuration_they_know_stays_their_setup(
    engine: AnswerEngine, text: str, kind: IntentKind
):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert intent.facts.get("knows_api") == "istio"
