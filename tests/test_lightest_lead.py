"""The lightest ranking's lead is its verdict and what qualifies it; who is left out of the
ranking follows the chart. A CPU figure says the rate it was measured at."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal

LEAD_MAX = 600  # about four lines of a Slack message


@pytest.mark.parametrize(
    "text",
    [
        "lightest mesh?",
        "which service mesh has the smallest memory footprint",
        "what's the most lightweight mesh by ram",
        "cheapest mesh in memory",
        "least overhead mesh",
    ],
)
def test_the_lead_is_the_verdict_and_the_rest_follows(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.lightest
    assert len(answer.lead) <= LEAD_MAX, answer.lead
    assert "Not ranked" not in answer.lead
    assert "Running no mesh costs nothing at all." in render_terminal(answer)


@pytest.mark.parametrize(
    "text",
    [
        "lowest cpu overhead",
        "which mesh burns the least cpu",
        "lightest mesh by cpu",
        "smallest cpu footprint of any mesh",
        "least cpu hungry mesh",
    ],
)
def test_a_cpu_ranking_says_the_rate_its_figure_is_per(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.lightest
    assert "vCPU per node per 1,000 rps" in answer.lead, answer.lead
