"""Needs said as wants, not musts: "the platform team wanted Wasm plugins, but that's a want,
not a must", "the team strongly wants sidecarless" beside "VMs that must join with mTLS".

A feature named only in clauses holding a `wanting` word (rules.yaml `phrases`) and no
`requiring` one is a want (rules.yaml fact `needs_wanted`): it screens as any need does while
something meets it beside everything else, and is the first thing given up where nothing does
(bot/answers/scoring.py), before any must-not or must-have. A clause naming no feature ("… but
that's a want, not a must") says how the clause right before it in its sentence is meant, where
that one says neither. A `requiring` word inside a `wanting` phrase ("not a must") is that
want's (bot/intents/cues.py `YIELDS`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.intents.cues import CuePhrases
from bot.intents.extract import find_mentions
from bot.intents.thread_setup import as_list
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

WANTED = "needs_wanted"  # rules.yaml fact: the needs said as wants
WANTING, REQUIRING = "wanting", "requiring"  # rules.yaml phrases
ASKED_FOR = ("needs", "in_full", "by_name")  # rules.yaml features facts a want is in
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")


class WantReader:
    """Which needs a text says only as wants."""

    def __init__(
        self, kb: KnowledgeBase, clauses: Callable[[str], list[str]], cues: CuePhrases
    ) -> None:
        self._kb = kb
        self._clauses = clauses
        self._cues = cues

    def wanted(self, text: str, needs: list[str]) -> list[str]:
        """The needs named only where they are said as wants, in the order of `needs`."""
        said: list[tuple[set[str], bool | None]] = []  # features named, and want/must/neither
        for sentence in _SENTENCES.split(text):
            opened = len(said)
            for clause in self._clauses(sentence):
                words = clause.split()
                mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
                named, stance = set(mentions.features), self._stance(clause)
                # "… but that's a want, not a must": said of the features the clause right
                # before names, in the same sentence, where that clause said neither
                before = said[-1] if len(said) > opened else None
                if not named and before and before[0] and before[1] is None and stance:
                    said[-1] = (before[0], stance)
                else:
                    said.append((named, stance))
        soft = {f for named, stance in said if stance is True for f in named}
        firm = {f for named, stance in said if stance is not True for f in named}
        return [f for f in needs if f in soft and f not in firm]

    def _stance(self, clause: str) -> bool | None:
        """True where the clause says a want ("strongly wants", "would like", "a want, not a
        must"), False where it says a must ("mandatory", "need", "must join"), None where it
        says neither."""
        if self._cues.has(REQUIRING, clause):
            return False
        return True if self._cues.has(WANTING, clause) else None


def wanted_needs(facts: Mapping[str, FactValue]) -> list[str]:
    """The needs said only as wants."""
    return as_list(facts.get(WANTED))


def without_wanted(facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """The facts with the needs said as wants given up: out of every features fact that
    asks for them (`needs`, `in_full`, `by_name`), and no longer marked."""
    wants = set(wanted_needs(facts))
    kept: dict[str, FactValue] = {}
    for key, value in facts.items():
        if key == WANTED:
            continue
        if key in ASKED_FOR and isinstance(value, list):
            value = [f for f in value if f not in wants]
            if not value:
                continue
        kept[key] = value
    return kept
