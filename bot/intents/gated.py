"""Long patterns that wait for a text that could match them.

The parser's indexes hold a few very long alternations (every mesh alias with every vendor
phrase, every tool with every job it does, every way of writing a count). Compiling them
costs a one-shot `meshbot ask` tens of milliseconds, though most questions name none of
their words. A gated pattern knows, for each of its alternatives, words it cannot match
without (each a whole word of the text); it is compiled once a text holds all of one
alternative's words, and before that it matches nothing, as the compiled pattern would. A
pattern for counts written in figures also waits for a digit. Unlike `word_pattern`'s,
these gates never give up waiting: checking a text's words is cheaper than searching it for
a long vocabulary that few texts touch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern, Words

_DIGIT = re.compile(r"\d")


class Gated(LazyPattern):
    """A pattern whose every match holds, as whole words, all of one of `needs`."""

    def __init__(self, source: str | Callable[[], str], needs: Iterable[Iterable[str]]) -> None:
        super().__init__(source, opens=Words(needs))


class Figures(LazyPattern):
    """A pattern whose every match holds a digit (a count written in figures) and, given
    `needs`, all of one of them as whole words."""

    def __init__(self, source: str, needs: Iterable[Iterable[str]] | None = None) -> None:
        words = Words(needs) if needs is not None else None

        def opens(text: str) -> bool:
            return _DIGIT.search(text) is not None and (words is None or words(text))

        super().__init__(source, opens=opens)


def phrases(words: Iterable[str]) -> LazyPattern | None:
    """Literal phrases at word boundaries, the longest first (None for none)."""
    return word_pattern(words, patience=None)
