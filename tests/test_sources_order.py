"""The sources list leads with primary sources, grouped by kind; those with no public address
never come first."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import StatementList
from bot.intents.models import Intent, IntentKind

PRIMARY = {"Official docs", "Release notes", "Repository", "Independent benchmark"}


@pytest.mark.parametrize(
    "text",
    ["sources", "list your sources", "show me all your sources", "/mesh sources", "sources?"],
)
def test_the_first_page_is_primary_sources_grouped_by_kind(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    lists = [p for p in answer.points if isinstance(p, StatementList)]
    assert lists and all(p.heading in PRIMARY for p in lists)
    assert all("no public address" not in i.text for p in lists for i in p.items)


def test_sources_without_an_address_come_last(engine: AnswerEngine):
    answer = engine.answer(Intent(kind=IntentKind.sources))
    last = answer
    while more := [c for c in last.next_steps if c.label.startswith("More sources")]:
        last = engine.answer(more[0].intent)
    items = [i for p in last.points if isinstance(p, StatementList) for i in p.items]
    assert items[-1].text.endswith(": no public address")
