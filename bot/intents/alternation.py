"""Literal phrases as one regular expression, written as a prefix trie.

The parser's vocabularies are long lists of phrases ("already run", "already running", …).
A plain alternation repeats every shared prefix, and Python's `re` tries each alternative in
turn at every position of a text; the trie says each prefix once, so the pattern is shorter
to compile and far quicker to match. Greedy optional tails keep the longest phrase first
at every position, as an alternation sorted longest first does, so the matches are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

from bot.intents.lazy import PATIENCE, LazyPattern, Words


def trie_source(phrases: Iterable[str]) -> str:
    """The pattern source matching any of the phrases, escaped (empty for none)."""
    return _source(sorted({p for p in phrases if p}))


def _source(phrases: list[str]) -> str:
    """`phrases`: sorted and distinct, so an empty one (a phrase ending here) comes first and
    those sharing a first letter stand together; each group's common prefix is said once."""
    ends = bool(phrases) and phrases[0] == ""
    branches = []
    for _, grouped in groupby(phrases[1:] if ends else phrases, key=lambda p: p[0]):
        group = list(grouped)
        prefix = _shared(group[0], group[-1])  # sorted: the ends share what all share
        branches.append(re.escape(prefix) + _source([p[len(prefix) :] for p in group]))
    joined = "|".join(branches)
    if ends and branches:
        return f"(?:{joined})?"
    return joined if len(branches) < 2 else f"(?:{joined})"


def _shared(first: str, last: str) -> str:
    size = 0
    for a, b in zip(first, last, strict=False):
        if a != b:
            break
        size += 1
    return first[:size]


def word_pattern(
    phrases: Iterable[str], between: Iterable[str] = (), patience: int | None = PATIENCE
) -> LazyPattern | None:
    """The phrases as whole words (None for none); one of the `between` words may stand
    between any two of a phrase's words ("what can you actually do" for "what can you do").
    Written and compiled the first time a text holds all the words of one of the phrases
    (or after `patience` texts: None waits for one); till then no text matches, as none
    could. The pattern with the `between` words (several times longer, and slower to
    compile) waits, too, for a text holding one of them: till then the plain phrases match
    as it would."""
    found = [p for p in phrases if p]
    if not found:
        return None
    plain = LazyPattern(
        lambda: rf"\b(?:{trie_source(found)})\b", opens=Words.of(found), patience=patience
    )
    inserted = [b for b in between if b]
    if not inserted:
        return plain

    def source() -> str:
        written = trie_source(found).replace(r"\ ", rf"(?:\ {trie_source(inserted)})?\ ")
        return rf"\b(?:{written})\b"

    return LazyPattern(source, opens=Words.of(inserted), meanwhile=plain, patience=patience)
