"""A status question of one mesh answered as asked: readiness, a release's news, a release
newer than any held, and a name I don't hold asked after an off-topic question."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import IntentKind


@pytest.mark.parametrize(
    "text",
    [
        "is ambient production ready? GA?",
        "is istio ambient GA yet?",
        "ambient mode - production ready?",
        "can we rely on ambient in prod?",
        "is ambient mesh generally available?",
    ],
)
def test_readiness_of_a_mesh_leads_with_its_ga_release(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.lead.startswith("Yes: Istio ambient mode is generally available since 1.24")
    assert "multi-cluster (Beta)" in answer.lead


def test_readiness_without_a_ga_statement_names_what_is_still_beta(engine: AnswerEngine):
    answer = engine.ask("is cilium service mesh production ready?")
    assert "Yes" not in answer.lead and "(Beta)" in answer.lead


@pytest.mark.parametrize(
    ("text", "release"),
    [
        ("whats new in istio 1.32?", "Istio 1.32"),
        ("what changed in istio 1.31?", "Istio 1.31"),
        ("istio 1.32 changelog", "Istio 1.32"),
        ("new features in linkerd 2.18", "Linkerd 2.18"),
        ("kuma release notes?", "the latest Kuma"),
    ],
)
def test_news_of_a_release_gives_what_is_held_and_its_notes(
    engine: AnswerEngine, text: str, release: str
):
    answer = engine.ask(text)
    assert answer.intent.kind == IntentKind.lifecycle
    assert f"I won't list what {release} brings" in answer.lead
    assert any(s.kind == "release_notes" for s in answer.sources)


@pytest.mark.parametrize(
    "text",
    ["is istio 2.0 out?", "what about Istio 2.0, is it out?", "is istio 3.0 a thing?"],
)
def test_a_release_newer_than_any_held_says_the_newest(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert "I have no record of Istio" in answer.lead
    assert "The newest Istio release I hold is 1.32" in answer.lead


@pytest.mark.parametrize(
    "text",
    [
        "explain istio ambient",
        "is istio 1.28 still supported?",
        "how does ambient work in production?",
    ],
)
def test_other_status_and_explain_questions_keep_their_answers(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert "generally available since" not in answer.lead
    assert "I won't list" not in answer.lead


def test_a_name_asked_after_an_off_topic_question_is_unknown_not_off_topic(
    engine: AnswerEngine,
):
    thread = Conversation(engine)
    thread.say("can you write me a python script to parse json?")
    unknown = thread.say("what is Aspen Mesh?")
    assert unknown.intent.kind == IntentKind.not_in_kb
    release = thread.say("what about Istio 2.0, is it out?")
    assert release.intent.kind == IntentKind.lifecycle and release.intent.meshes == ["istio"]


def test_a_feature_of_a_ga_mode_with_no_label_says_the_mode_is_ga(engine: AnswerEngine):
    answer = engine.ask("is ambient mtls GA?")
    assert "Istio ambient mode itself is generally available since 1.24" in answer.lead
