"""Signal phrases read with the small words people say inside them.

A signal phrase ("not operating the control plane ourselves") is matched word for word, so
"we are not operating another control plane ourselves" or "not running our own control plane"
missed it. rules.yaml `signal_fillers` names the words that may stand inside a phrase
without changing what it says: a determiner written in a phrase stands for any determiner,
and between the words of a phrase of `min_words` or more up to `most` fillers (the
determiners, `words` such as "own" or "separate", and `phrases: intensifiers`) may stand.
Negations and content words are never fillers, so "not" still negates, and a two-word phrase
stays a set pair ("managed mesh" is not "we managed the mesh").

A pattern with fillers costs some milliseconds to compile (a literal phrase a tenth of one),
and a question tries dozens of phrases whose words it holds, scattered; so each phrase waits
behind a gate that compiles it only for a text that could hold it: the text less its fillers
holds the phrase less its fillers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from bot.knowledge.aliases import normalise
from bot.knowledge.models import RulesFile


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words - {""}, key=len, reverse=True))


class Fillers:
    """How one knowledge base's signal phrases allow fillers: each phrase's pattern source,
    and the words a text must hold for it to match."""

    def __init__(self, rules: RulesFile) -> None:
        said = rules.signal_fillers
        self._determiners = frozenset(normalise(w) for w in said.determiners) - {""}
        others = {normalise(w) for w in [*said.words, *rules.phrases.get("intensifiers", [])]}
        self._most = said.most
        self._min_words = said.min_words
        self._slot = _alternation(set(self._determiners))
        self._every = frozenset({*self._determiners, *others} - {""})
        every = _alternation(set(self._every))
        self.gap = rf"(?:\s+(?:{every})){{0,{self._most}}}" if every and self._most else ""
        # the gates of one question ask about the same few texts
        self._condensed = lru_cache(maxsize=64)(self._without_fillers)

    def _without_fillers(self, text: str) -> str:
        return f" {' '.join(w for w in text.split() if w not in self._every)} "

    def gate(self, phrase: str) -> Callable[[str], bool] | None:
        """Whether a text could hold the phrase with fillers: its words less the fillers
        stand together in the text less its fillers. None where that says nothing (a
        phrase of fillers only)."""
        kept = self._without_fillers(phrase)
        if not kept.strip():
            return None
        return lambda text: kept in self._condensed(text)

    def _slots(self, words: list[str]) -> list[bool]:
        """Which words are determiners standing for any determiner: never all of them."""
        slots = [w in self._determiners for w in words]
        return slots if not all(slots) else [False] * len(words)

    def required(self, phrase: str) -> frozenset[str]:
        """The words a text must hold for the phrase to match in it."""
        words = phrase.split()
        return frozenset(w for w, slot in zip(words, self._slots(words), strict=True) if not slot)

    def pattern(self, phrase: str) -> str:
        """The phrase's regex source: its words in order, each determiner any determiner,
        fillers between words where the phrase is long enough."""
        words = phrase.split()
        if not words:
            return re.escape(phrase)
        parts = [
            f"(?:{self._slot})" if slot else re.escape(word)
            for word, slot in zip(words, self._slots(words), strict=True)
        ]
        between = rf"{self.gap}\s+" if self.gap and len(words) >= self._min_words else " "
        return between.join(parts)
