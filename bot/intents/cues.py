"""Cue phrases from rules.yaml `phrases:`: the words that decide what kind of question it is.

Each group is a list of phrases matched on normalised text at word boundaries.
"""

from __future__ import annotations

import re

from bot.knowledge.aliases import normalise

GROUPS = frozenset({"greeting", "out_of_scope"})


class CuePhrases:
    """One compiled matcher per phrase group; a group missing from the file never matches."""

    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self._patterns: dict[str, re.Pattern[str] | None] = {}
        for group in GROUPS:
            words = sorted({normalise(p) for p in phrases.get(group, [])} - {""}, key=len)
            alternation = "|".join(re.escape(w) for w in reversed(words))
            self._patterns[group] = re.compile(rf"\b(?:{alternation})\b") if words else None

    def find(self, group: str, normalised: str) -> list[str]:
        pattern = self._patterns[group]
        return pattern.findall(normalised) if pattern else []

    def strip(self, group: str, normalised: str) -> str:
        """The text with every phrase of the group taken out."""
        pattern = self._patterns[group]
        return " ".join(pattern.sub(" ", normalised).split()) if pattern else normalised
