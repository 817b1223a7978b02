"""A mesh's standing in the CNCF, asked of one mesh ("is kuma cncf?"): the lead says its
maturity level (or that it is none, and which CNCF project it distributes), not its licence
terms, and the question is never kept as a CNCF-only policy that screens the next mesh."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import Aspect
from bot.render.plain import render_terminal


def _lead(answer) -> str:
    return render_terminal(answer).split("\n\n")[0]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("is kuma cncf?", "Kuma is a CNCF Sandbox project"),
        ("is kuma a cncf sandbox project?", "Kuma is a CNCF Sandbox project"),
        ("is kuma cncf incubating?", "Kuma is a CNCF Sandbox project"),
        ("is linkerd a cncf project?", "Linkerd is a CNCF graduated project"),
        ("is cilium cncf?", "Cilium Service Mesh is a CNCF graduated project"),
        ("is istio cncf graduated?", "is a CNCF graduated project"),
        ("is consul cncf?", "Consul is not a CNCF project"),
    ],
)
def test_a_cncf_level_asked_of_one_mesh_leads_with_its_standing(engine: AnswerEngine, text, said):
    answer = engine.ask(text)
    assert answer.intent.aspect == Aspect.cncf and not answer.intent.facts.get("licence")
    assert said in _lead(answer)


def test_the_sandbox_standing_cites_the_projects_own_words(engine: AnswerEngine):
    answer = engine.ask("is kuma cncf?")
    assert "kuma-repo" in answer.lead_sources
    assert "neither incubating nor graduated" in _lead(answer)


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("is kong mesh cncf?", "a distribution of Kuma, a CNCF Sandbox project"),
        ("is gcsm a cncf project", "a distribution of Istio (sidecar mode), a CNCF graduated"),
    ],
)
def test_a_distribution_is_no_cncf_project_but_names_the_one_it_distributes(
    engine: AnswerEngine, text, base
):
    lead = _lead(engine.ask(text))
    assert "is not a CNCF project" in lead and base in lead


@pytest.mark.parametrize(
    "text", ["is kuma open source?", "kuma licence?", "what licence is consul under?"]
)
def test_a_licence_asked_keeps_the_licence_lead(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert answer.intent.aspect == Aspect.licence
    assert "CNCF" not in _lead(answer)


@pytest.mark.parametrize(
    "text",
    ["is kuma any good?", "tell me about linkerd", "we want cncf projects only, is kuma ok?"],
)
def test_no_standing_asked_keeps_its_reading(engine: AnswerEngine, text):
    assert engine.ask(text).intent.aspect != Aspect.cncf


def test_the_standing_asked_is_not_kept_as_a_cncf_policy_in_a_thread(engine: AnswerEngine):
    talk = Conversation(engine)
    talk.say("is consul cncf?")
    lead = _lead(talk.say("is kong mesh open source?"))
    assert "Kong Mesh" in lead and "CNCF projects only" not in lead
