"""Regular expressions compiled the first time a text could match them.

The parser's indexes hold a few very long alternations (every mesh alias with every vendor
phrase, every tool with every job it does). Compiling them costs a one-shot `meshbot ask`
tens of milliseconds, though most questions name none of their words. A gated pattern
knows, for each of its alternatives, words it cannot match without (each a whole word of
the text); it is written and compiled once a text holds all of one alternative's words, and
before that it matches nothing, as the compiled pattern would. A pattern for counts written
in figures also waits for a digit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern

_WORDS = re.compile(r"\w+")  # a whole word, as a phrase's word stands between \b boundaries
_DIGIT = re.compile(r"\d")


class Gated:
    """A pattern whose every match holds, as whole words, all of one of `needs`."""

    def __init__(self, source: str | LazyPattern, needs: Iterable[Iterable[str]]) -> None:
        self._lazy = LazyPattern(source) if isinstance(source, str) else source
        self._needs: dict[str, list[frozenset[str]]] = {}  # by one of their words
        for words in map(frozenset, needs):
            self._needs.setdefault(min(words, default=""), []).append(words)
        self._open = False

    def _opens(self, text: str) -> bool:
        """Whether the text could hold a match: it has all of one of the needs."""
        words = {"", *_WORDS.findall(text)}
        return any(need <= words for word in words for need in self._needs.get(word, ()))

    def _pattern(self, text: str) -> LazyPattern | None:
        if not self._open:
            if not self._opens(text):
                return None
            self._open = True
        return self._lazy

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self._pattern(text)
        return pattern.search(text) if pattern else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern = self._pattern(text)
        return pattern.finditer(text) if pattern else iter(())

    def sub(self, replacement: str, text: str) -> str:
        pattern = self._pattern(text)
        return pattern.sub(replacement, text) if pattern else text


def phrases(words: Iterable[str]) -> Gated | None:
    """Literal phrases at word boundaries, the longest first (None for none)."""
    found = {p for p in words if p}
    pattern = word_pattern(found)  # its source is written only when a text opens the gate
    return Gated(pattern, (p.split() for p in found)) if pattern else None


class Figures(Gated):
    """A pattern whose every match holds a digit (a count written in figures) and, given
    `needs`, all of one of them as whole words."""

    def __init__(self, source: str, needs: Iterable[Iterable[str]] | None = None) -> None:
        super().__init__(source, needs or ())
        self._any_words = needs is None

    def _opens(self, text: str) -> bool:
        if _DIGIT.search(text) is None:
            return False
        return self._any_words or super()._opens(text)
