"""Offerings level on what is known: the lead either shows what separates them, countable
against the what-ifs, or calls it a tie; never an unexplained "holds up better"."""

from __future__ import annotations

import re

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

TIES = [
    "we keep calico as our CNI, EKS with 500 pods, want mTLS and golden metrics. which mesh?",
    "dual-stack EKS cluster, need mTLS and weighted traffic splitting. recommend a mesh",
    "we need authorization policies with a dry-run / audit mode before enforcing, on EKS. "
    "which mesh?",
    "EKS, ~400 pods, calico network policies stay. we need mutual TLS plus per-service success "
    "rates and latency. what mesh?",
    "Calico stays as CNI, EKS 500 pods, need mTLS + golden metrics",
]
COUNTED = re.compile(
    r"answers my open questions could get would put it ahead \((\d+) of (\d+), against "
    r"(\d+) for [^)]+\)"
)


@pytest.mark.parametrize("text", TIES)
def test_a_tie_says_what_separates_the_pick_or_calls_it_a_tie(engine: AnswerEngine, text: str):
    lead = engine.ask(text).lead
    assert "A close call" in lead and "holds up better" not in lead
    assert "nothing you've said separates them" in lead
    counted = COUNTED.search(lead)
    if counted:
        mine, total, theirs = map(int, counted.groups())
        assert total >= mine > theirs
    else:
        assert "call it a tie" in lead
    assert len(verdict(engine, text).level) >= 2
