"""Real-world phrasings (tests/data/phrasings.txt): how each is read, and what its answer says.

Each line gives the expected intent kind, meshes, features, facts and flags; every
answer is rendered for Slack and must fit Block Kit's limits with a text fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.notices import said_platforms
from bot.answers.platform_fit import running_on
from bot.answers.results import Answer, Paragraph, StatementList
from bot.intents.models import IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType
from bot.render import limits
from bot.render.blocks import build_message
from bot.render.button_values import decode, encode
from bot.render.plain import render_terminal

TABLE = Path(__file__).parent / "data" / "phrasings.txt"


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    kind: IntentKind
    meshes: list[str]
    features: list[str]
    facts: dict[str, object]
    flags: dict[str, str]


def _value(kb: KnowledgeBase, key: str, raw: str) -> object:
    kind = next((f.type for f in kb.rules.facts if f.id == key), None)
    if kind in (FactType.features, FactType.choices):
        return raw.split("+")
    if raw in ("true", "false"):
        return raw == "true"
    return int(raw) if raw.isdigit() else raw


def _pairs(column: str) -> dict[str, str]:
    if column in ("", "-"):
        return {}
    return dict((*item.strip().split("=", 1), "")[:2] for item in column.split(","))


def load_cases() -> list[Case]:
    cases = []
    for number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [c.strip() for c in line.split("|")]
        columns += [""] * (6 - len(columns))
        text, kind, meshes, features, facts, flags = columns[:6]
        cases.append(
            Case(
                line=number,
                text=text,
                kind=IntentKind(kind),
                meshes=[] if meshes == "-" else meshes.split(","),
                features=[] if features == "-" else features.split(","),
                facts={k: v for k, v in _pairs(facts).items()},
                flags=_pairs(flags),
            )
        )
    return cases


CASES = load_cases()


def _first_lines(answer: Answer) -> str:
    """The title, the lead and the first three points: where notices must appear."""
    texts = [answer.title, answer.lead]
    for part in answer.points[:3]:
        if isinstance(part, Paragraph):
            texts.append(part.text)
        elif isinstance(part, StatementList):
            texts += [f"{f.label}: {f.text}" for f in part.items]
    return "\n".join(texts)


def test_the_table_is_big_and_covers_every_kind():
    assert len(CASES) >= 150
    asked = {c.kind for c in CASES}
    assert set(IntentKind) - asked == {IntentKind.too_long}


@pytest.fixture(scope="module")
def parser(kb: KnowledgeBase) -> IntentParser:
    return IntentParser(kb)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.text[:50]}" for c in CASES])
def test_phrasing_is_read_as_expected(kb: KnowledgeBase, parser, case: Case):
    intent = parser.parse(case.text)
    assert intent.kind == case.kind
    assert intent.meshes == case.meshes
    for feature in case.features:
        if feature.startswith("!"):
            assert feature[1:] not in intent.features
        else:
            assert feature in intent.features
    for key, raw in case.facts.items():
        if raw == "!":
            assert key not in intent.facts
        else:
            expected = _value(kb, key, raw)
            got = intent.facts.get(key)
            if isinstance(expected, list):
                assert set(expected) <= set(got or []), key
            else:
                assert got == expected, key
    if "unsure" in case.flags:
        assert intent.unsure
    if "sure" in case.flags:
        assert not intent.unsure
    if "unknown" in case.flags:
        assert intent.unknown_names == case.flags["unknown"].split(";")
    else:
        assert intent.unknown_names == []
    if "unread" in case.flags:
        assert intent.unread
    if "measure" in case.flags:
        assert intent.measure is not None and intent.measure.value == case.flags["measure"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.line}:{c.text[:50]}" for c in CASES])
def test_answer_is_honest_and_fits_slack(engine: AnswerEngine, kb: KnowledgeBase, case: Case):
    intent = engine.parser.parse(case.text)
    answer = engine.answer(intent)
    first = _first_lines(answer)
    if intent.unknown_names:  # the lead, what every renderer shows first, says so
        assert "I don't have “" in answer.lead or "not an offering I cover" in answer.lead
    for name in intent.unknown_names:
        assert f"“{name}”" in answer.lead
    for mesh_id in intent.meshes:
        mesh = kb.meshes[mesh_id]
        if not mesh.is_current:
            assert mesh.status.value in answer.lead.lower(), mesh.id
            assert mesh.status_note.split(";")[0].strip()[:30] in first
            # A recommendation's pick is where to go: a list ahead of it could name others.
            # Asked on a platform, the successors named are those that run there.
            named = [kb.meshes[m] for m in mesh.replaced_by]
            there = running_on(named, said_platforms(intent)) or named
            for successor in there if intent.kind != IntentKind.recommend else []:
                assert successor.name in first
    for note in intent.unread:
        assert note in first
    for typed in intent.read_as:
        assert f"I read “{typed}” as" in answer.lead or f", “{typed}” as" in answer.lead
    if intent.unsure:
        assert "I read this as" in [getattr(p, "heading", "") for p in answer.points[:3]]
    message = build_message(answer)
    assert limits.problems(message) == []
    assert render_terminal(answer).startswith(answer.title)


@pytest.mark.parametrize("case", CASES[::9], ids=[f"{c.line}" for c in CASES[::9]])
def test_a_button_value_brings_back_the_same_answer(engine: AnswerEngine, case: Case):
    intent = engine.parser.parse(case.text)
    if intent.quotes_user:
        return
    again = engine.answer(decode(encode(intent))[0])
    assert again.title == engine.answer(intent).title
