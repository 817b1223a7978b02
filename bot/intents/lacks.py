"""A lack told is a need, not a refusal.

"every caller retried 5x with no timeouts", "we have no mTLS today", "there were no retries
budgets": the feature after "no" is one their estate is missing, often the cause of what went
wrong, not one they say they don't need ("no timeouts needed", "we don't need timeouts").
Words in rules.yaml `phrases`:

- `lack_before`: a `lack_cues` word ("no", "without", "zero") right after one of these tells
  what they have ("we have no", "there were no", "still no", "currently without").
- `lack_told`: words that make a clause tell what happened ("because", "last week", "outage",
  "took out"): there "with no" and "without" tell a lack as well.
- `lack_unless_after`: a word after the feature that makes it a want refused after all ("we
  have no mTLS requirement", "there's no timeouts need").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise

_FEATURE_WORDS = 4  # how far after the cue a wanting word still belongs to the feature


class LackReader:
    """Tells a feature their estate lacks from one they refuse."""

    def __init__(self, phrases: Mapping[str, Sequence[str]]) -> None:
        def pattern(key: str) -> LazyPattern | None:
            return word_pattern([normalise(w) for w in phrases.get(key, [])])

        self._cues = {normalise(w) for w in phrases.get("lack_cues", [])}
        before = pattern("lack_before")
        self._before = LazyPattern(rf"(?:{before.pattern})\s+$") if before else None
        self._told = pattern("lack_told")
        self._with = {normalise(w) for w in phrases.get("lack_with", [])}
        self._unless = pattern("lack_unless_after")

    def lacks(self, clause: str, cue: re.Match[str], sentence: str) -> bool:
        """The negation `cue` in the normalised `clause` tells a lack, not a refusal; the
        `sentence` holding the clause says whether it tells what happened."""
        if cue.group(0) not in self._cues:
            return False
        after = " ".join(clause[cue.end() :].split()[:_FEATURE_WORDS])
        if self._unless and self._unless.search(after):
            return False
        before = clause[: cue.start()]
        if self._before and self._before.search(before):
            return True
        said = before.split()
        told = bool(self._told and self._told.search(sentence))
        return told and (cue.group(0) in self._with or bool(said and said[-1] in self._with))
