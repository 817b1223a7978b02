"""Memory said of a node or a pod: "512MB RAM nodes", "20MiB per pod", "sidecars can't take
more than 50Mi"; and the share of memory the mesh takes, "eating 30% of node memory".

A size with a memory unit (rules.yaml `memory.units`, each in MiB) is the fact of the
nearest word that says what it is of (`memory.of`), within `memory.window` words on either
side; a size with no such word sets nothing. What a size implies (a tight budget) is in
`implied:`.
"""

from __future__ import annotations

import re

from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

_NUMBER = r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*"
_NOT_SIZE = re.compile(r"[^a-z0-9.%]+|(?<!\d)\.|\.(?!\d)")  # "0.5GB" keeps its point
_PERCENT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)")


class MemoryReader:
    """Reads node and pod memory sizes, in MiB (patterns built once)."""

    def __init__(self, rules: RulesFile) -> None:
        memory = rules.memory
        self._window = memory.window
        self._mib = {normalise(u): size for u, size in memory.units.items()}
        units = "|".join(re.escape(u) for u in sorted(self._mib, key=len, reverse=True))
        self._sizes = LazyPattern(rf"{_NUMBER}(?P<unit>{units})\b") if units else None
        self._fact_of = {normalise(w): fact for fact, words in memory.of.items() for w in words}
        self._share = memory.share
        self._share_of = {normalise(w) for w in memory.share_of}

    def read(self, text: str) -> dict[str, FactValue]:
        """Each fact's first size said, in whole MiB."""
        facts: dict[str, FactValue] = {}
        lowered = " ".join(_NOT_SIZE.sub(" ", text.lower()).split())
        for match in self._sizes.finditer(lowered) if self._sizes else ():
            fact = self._of(lowered[: match.start()].split(), lowered[match.end() :].split())
            if fact:
                facts.setdefault(fact, round(float(match["num"]) * self._mib[match["unit"]]))
        for match in _PERCENT.finditer(lowered) if self._share else ():
            after = lowered[match.end() :].split()[: self._window]
            if self._share and self._share_of & set(after):
                facts.setdefault(self._share, round(float(match["num"])))
        return facts

    def _of(self, before: list[str], after: list[str]) -> str | None:
        """The fact of the word nearest the size, after it first on a tie."""
        for distance in range(self._window):
            for words, at in ((after, distance), (before, -1 - distance)):
                if -len(words) <= at < len(words) and words[at] in self._fact_of:
                    return self._fact_of[words[at]]
        return None
