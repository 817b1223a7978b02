"""Regular expressions compiled the first time a text could match them.

The parser's indexes hold a few very long alternations (every mesh alias with every vendor
phrase, every tool with every job it does). Compiling them costs a one-shot `meshbot ask`
tens of milliseconds, though most questions name none of their words. A gated pattern
knows, for each of its alternatives, words it cannot match without (each a whole word of
the text); it is written and compiled once a text holds all of one alternative's words, and
before that it matches nothing, as the compiled pattern would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern

_WORDS = re.compile(r"\w+")  # a whole word, as a phrase's word stands between \b boundaries


class Gated:
    """A pattern whose every match holds, as whole words, all of one of `needs`."""

    def __init__(self, source: str | LazyPattern, needs: Iterable[Iterable[str]]) -> None:
        self._lazy = LazyPattern(source) if isinstance(source, str) else source
        self._needs: dict[str, list[frozenset[str]]] = {}  # by one of their words
        for words in map(frozenset, needs):
            self._needs.setdefault(min(words, default=""), []).append(words)
        self._open = False

    def _pattern(self, text: str) -> LazyPattern | None:
        if not self._open:
            words = {"", *_WORDS.findall(text)}
            if not any(need <= words for word in words for need in self._needs.get(word, ())):
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
