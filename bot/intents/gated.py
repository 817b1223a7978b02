"""Regular expressions compiled the first time a text could match them.

The parser's indexes hold a few very long alternations (every mesh alias with every vendor
phrase, every tool with every job it does). Compiling them costs a one-shot `meshbot ask`
tens of milliseconds, though most questions name none of their words. A gated pattern
knows, for each of its alternatives, words it cannot match without (each a whole word of
the text); it is compiled once a text holds all of one alternative's words, and before
that it matches nothing, as the compiled pattern would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.intents.alternation import trie_source

_WORDS = re.compile(r"\w+")  # a whole word, as a phrase's word stands between \b boundaries


class Gated:
    """A pattern whose every match holds, as whole words, all of one of `needs`."""

    def __init__(self, source: str, needs: Iterable[Iterable[str]]) -> None:
        self._source = source
        self._needs: dict[str, list[frozenset[str]]] = {}  # by one of their words
        for words in map(frozenset, needs):
            self._needs.setdefault(min(words, default=""), []).append(words)
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self, text: str) -> re.Pattern[str] | None:
        if self._compiled is None:
            words = {"", *_WORDS.findall(text)}
            if not any(need <= words for word in words for need in self._needs.get(word, ())):
                return None
            self._compiled = re.compile(self._source)
        return self._compiled

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
    if not found:
        return None
    return Gated(rf"\b(?:{trie_source(found)})\b", (p.split() for p in found))
