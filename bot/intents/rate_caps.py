"""A rate said as a cap asks for rate limiting: "cap each API key at 100 req/s", "hold a
tenant to 200 rps", "a 300 rps budget across replicas" (rules.yaml `rate_caps`).

A rate is a number in one of the rate fact's `units` (rps, qps, req/s …). A `before` word up
to `window` words ahead of it (not one capping a quantity said right before it: "a 256Mi limit
under 3k rps" limits memory), or an `after` word as near behind it, says it is a cap; a
`held` verb does only across a `held_at` word right before the number ("hold a tenant to 200
rps", not "can it hold 200 rps"). A rate said as a size ("~150 rps", "2k rps at peak") asks
for no feature; the number stays the size it is either way.
"""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.models import RateCaps, RulesFile

# Where a clause ends: "we do 2k rps, budget is tight" caps nothing ("1.5k" keeps its point).
_CLAUSE = re.compile(r"[,;:!?()\n]|\.(?!\d)|\s[-–—]+\s|[–—]")


class RateCapReader:
    """Finds rates said as caps in a text (patterns built once, compiled lazily)."""

    def __init__(self, rules: RulesFile) -> None:
        self._caps: RateCaps | None = rules.rate_caps
        self._rate = self._before = self._after = self._held = None
        self._held_at: frozenset[str] = frozenset()
        caps, fact = self._caps, rules.fact(self._caps.fact) if self._caps else None
        if caps is None or fact is None or not fact.units:
            return
        units = sorted({normalise(u) for u in fact.units}, key=len, reverse=True)
        # "100 req s", "200rps", "1 5k qps" (normalised "1.5k"): digits, a k or m, the unit
        alternatives = "|".join(re.escape(u) for u in units)
        self._rate = LazyPattern(rf"\b\d+[km]?\s?(?:{alternatives})\b")
        self._before = word_pattern(_normalised(caps.before))
        self._after = word_pattern(_normalised(caps.after))
        self._held = word_pattern(_normalised(caps.held))
        self._held_at = frozenset(_normalised(caps.held_at))

    def read(self, text: str) -> list[str]:
        """The feature a capped rate asks for, if a clause of the text caps one; else none."""
        if self._caps is None or self._rate is None:
            return []
        window = self._caps.window
        for clause in _CLAUSE.split(text):
            said = normalise(clause)
            for rate in self._rate.finditer(said):
                ahead = " ".join(said[: rate.start()].split()[-window - 1 :])
                behind = " ".join(said[rate.end() :].split()[:window])
                if self._capped_ahead(ahead) or _said(self._after, behind):
                    return [self._caps.feature]
                if self._held_to(ahead):
                    return [self._caps.feature]
        return []

    def _capped_ahead(self, ahead: str) -> bool:
        """A `before` word in the window ahead of the rate, not capping a quantity said right
        before it ("a 256Mi limit under 3k rps" limits memory)."""
        if self._before is None or self._caps is None:
            return False
        for match in self._before.finditer(ahead):
            before = ahead[: match.start()].split()
            if len(before) < 1 and len(ahead.split()) > self._caps.window:
                continue  # the extra word read only to see what stands before a cap word
            if not (before and any(c.isdigit() for c in before[-1])):
                return True
        return False

    def _held_to(self, ahead: str) -> bool:
        """A `held` verb ahead, and a `held_at` word right before the rate."""
        words = ahead.split()
        return bool(words) and words[-1] in self._held_at and _said(self._held, ahead)


def _normalised(phrases: list[str]) -> list[str]:
    return [normalise(p) for p in phrases]


def _said(pattern: LazyPattern | None, words: str) -> bool:
    return bool(pattern and pattern.search(words))
