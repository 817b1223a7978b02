""" "What would change the pick" names only answers that displace the pick or split a tie,
read through the public path (parse, then the engine's answer in the terminal)."""

from __future__ import annotations

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
