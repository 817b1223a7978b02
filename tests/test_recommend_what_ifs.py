""" "What would change the pick" names only answers that displace the pick or split a tie,
read through the public path (parse, then the engine's answer in the terminal)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

SETUP = "GKE, 40 services, 2 person platform team, need mtls and canary"


def _what_ifs(engine: AnswerEngine, text: str) -> list[str]:
    said = render_terminal(engine.answer(engine.parser.parse(text)))
    section = said.split("WHAT WOULD CHANGE THE PICK", 1)[1].split("\n\n", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def test_every_what_if_moves_the_pick_off_what_is_recommended(engine: AnswerEngine):
    intent = engine.parser.parse(SETUP)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    ahead = scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes))
    now = set(ahead.verdict.tied)
    assert ahead.changes()
    for change in ahead.changes():
        assert set(change.new_picks) != now and not now < set(change.new_picks)


def test_an_answer_that_only_brings_another_level_is_no_change(engine: AnswerEngine):
    """Support from any vendor leaves the small-team pick ahead on GKE, though Google's
    managed mesh comes level with it: that answer is not offered as changing the pick."""
    intent = engine.parser.parse(SETUP)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    ahead = scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes))
    level = [o.label for q, o, v in ahead.options if set(ahead.verdict.tied) < set(v.tied)]
    assert level  # some answer only brings another level with the pick
    lines = _what_ifs(engine, SETUP)
    assert lines
    assert not [line for line in lines if any(f"→ {label}:" in line for label in level)]


def test_a_tie_after_an_answer_is_said_as_one(engine: AnswerEngine):
    lines = _what_ifs(engine, SETUP)
    level = [line for line in lines if line.endswith("would be level")]
    assert all(" and " in line.split(": ", 1)[1] for line in level)


GIVEN_UP_FOR_AN_ANSWER = [
    (
        "AKS, 250 services across 4 clusters, we need Microsoft support. which mesh",
        "Must one mesh span several clusters",
    ),
    (
        "we run on AKS, 200 services, want Microsoft support",
        "Do you need any of these enforced at the mesh? → VMs",
    ),
    (
        "AKS with 6 clusters, 300 services, everything must be covered by our microsoft support "
        "contract. what mesh",
        "Must one mesh span several clusters",
    ),
    (
        "two AKS clusters in different regions, 80 services, microsoft must support the mesh",
        "Must one mesh span several clusters",
    ),
    (
        "aks, 40 services, azure support contract has to cover the mesh. recommendation?",
        "Do you need any of these enforced at the mesh? → VMs",
    ),
]


@pytest.mark.parametrize(("text", "ask"), GIVEN_UP_FOR_AN_ANSWER)
def test_an_answer_nothing_meets_with_the_support_asked_says_what_it_gives_up(
    engine: AnswerEngine, text: str, ask: str
):
    answer = engine.answer(engine.parser.parse(text))
    changes = [
        item
        for section in answer.details
        if section.key == "changes"
        for part in section.parts
        for item in part.items
    ]
    costly = [c for c in changes if c.label.startswith(ask)]
    assert costly, [c.label for c in changes]
    assert costly[0].text.startswith("nothing with vendor support from ")
    assert "instead" in costly[0].text


def test_an_answer_that_gives_nothing_up_says_no_such_thing(engine: AnswerEngine):
    answer = engine.answer(
        engine.parser.parse("eks, 80 services, 2 platform engineers. which mesh")
    )
    texts = [
        item.text
        for section in answer.details
        if section.key == "changes"
        for part in section.parts
        for item in part.items
    ]
    assert texts and not any(t.startswith("nothing with") for t in texts)
