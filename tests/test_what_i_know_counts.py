"""A count of one reads in the singular in what the answer says it knows ("1 cluster")."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("question", "said", "never"),
    [
        ("eks, 200 pods, one cluster, need mtls. which mesh?", "1 cluster", "1 clusters"),
        ("solo platform engineer, 1 eng, gke, 30 services. what mesh?", "1 person", "1 people"),
        ("k3s, 3 clusters, 90 pods, need mtls. what should we run?", "3 clusters", "3 cluster;"),
    ],
)
def test_counts_read_in_number(engine: AnswerEngine, question: str, said: str, never: str):
    text = render_terminal(engine.answer(engine.parser.parse(question)))
    assert said in text
    assert never not in text
