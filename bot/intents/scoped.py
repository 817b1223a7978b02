"""Counts of a part of the estate: "we need Windows nodes too for 20 .NET Framework apps" on
a 900-pod estate counts the apps that need Windows, not the estate's services
(rules.yaml `phrases: count_scoped`, facts marked `scoped_by_need`)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.intents.alternation import word_pattern
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

CLAUSE = re.compile(r"[,;!?\n]|\.(?![a-z])")  # ".NET" ends no clause
WHOLE_BEFORE = 3  # words before the number a `count_whole_before` word may end on ("all of our")
SIZES = ("services", "pods", "nodes")  # what sizes an estate


class ScopedCounts:
    """Tells a count of a part that needs something from a count of the whole estate."""

    def __init__(self, rules: RulesFile) -> None:
        phrases = rules.phrases
        self.facts = frozenset(f.id for f in rules.facts if f.scoped_by_need)
        self._need = word_pattern([normalise(p) for p in phrases.get("count_scoped", [])])
        self._unless = word_pattern([normalise(p) for p in phrases.get("count_scoped_unless", [])])
        self._whole = {tuple(normalise(p).split()) for p in phrases.get("count_whole_before", [])}

    def part(
        self,
        text: str,
        start: int,
        end: int,
        facts: Mapping[str, FactValue],
        before: Mapping[str, FactValue] | None,
    ) -> bool:
        """Whether the count at text[start:end] (number to unit) counts a part that needs
        something, the estate being sized another way in `facts` or in the thread's `before`."""
        sized = any(f in facts for f in SIZES if f not in self.facts) or any(
            f in (before or {}) for f in SIZES
        )
        if not sized or self._need is None:
            return False
        opened = max((m.end() for m in CLAUSE.finditer(text, 0, start)), default=0)
        closed = CLAUSE.search(text, end)
        lead = normalise(text[opened:start]).split()
        rest = normalise(text[end : closed.start() if closed else None]).split()
        clause = " ".join([*lead, *rest])
        if any(tuple(lead[len(lead) - n :]) in self._whole for n in range(1, WHOLE_BEFORE + 1)):
            return False
        if self._unless and self._unless.search(clause):
            return False
        return bool(self._need.search(clause))
