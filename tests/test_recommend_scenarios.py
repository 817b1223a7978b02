"""Setups written blind (tests/data/recommend_scenarios.yaml), each run through the public
path: the question is parsed, answered, and the pick (or every member of an honest tie)
must be acceptable and none of it ruled out by the writer.

The set was written by someone who had read only the product description and the list of
offerings, never the recommender. The score is printed; the test fails below THRESHOLD.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.answers import choosing, scoring
from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind

SCENARIOS = yaml.safe_load(
    (Path(__file__).parent / "data" / "recommend_scenarios.yaml").read_text(encoding="utf-8")
)
THRESHOLD = 59


def picks(engine: AnswerEngine, text: str) -> tuple[list[str], str]:
    """The offerings the answer recommends (several when it is a tie), chosen among what the
    answer chooses among (the offerings named to choose between, where one is left), and its
    title."""
    intent = engine.parser.parse(text)
    answer = engine.answer(intent)
    if answer.kind != IntentKind.recommend:
        return [], answer.title
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    among = choosing.candidates(kb, intent.options, facts)  # as the answer chooses
    verdict = scoring.outlook(kb, facts, among).verdict
    assert all(kb.meshes[m].name in answer.title for m in verdict.tied), answer.title
    return verdict.tied, answer.title


def passes(scenario: dict, chosen: list[str]) -> bool:
    acceptable, banned = set(scenario["acceptable"]), set(scenario.get("must_not") or [])
    return bool(chosen) and set(chosen) <= acceptable and not set(chosen) & banned


def test_the_set_is_the_blind_sixty():
    assert len(SCENARIOS) == 60
    assert len({s["id"] for s in SCENARIOS}) == 60


def test_scenario_score(engine: AnswerEngine, capsys: pytest.CaptureFixture[str]):
    failed = []
    for scenario in SCENARIOS:
        chosen, title = picks(engine, scenario["setup"])
        if not passes(scenario, chosen):
            failed.append(f"{scenario['id']}: {title} (acceptable: {scenario['acceptable']})")
    score = len(SCENARIOS) - len(failed)
    with capsys.disabled():
        print(f"\nrecommendation scenarios: {score}/{len(SCENARIOS)}")
        for line in failed:
            print("  missed", line)
    assert score >= THRESHOLD
