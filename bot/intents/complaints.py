"""What a complaint says (rules.yaml `complaint`: "sidecars eat our memory", "upgrades are
painful"), and where its word weighs amounts instead.

A complaint's word right before a `compared_amount` word ("which one eats less memory at 500
pods", "ambient hogs far fewer cores"), or right after one ("kuma vs istio, which one is less of
a headache"), sets two amounts against each other: it asks which is smaller or larger, and
complains of nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from bot.intents.alternation import trie_source, word_pattern
from bot.intents.lazy import LazyPattern, Words
from bot.knowledge.aliases import normalise

_ARTICLES = ("", " a", " an")


def not_beside(
    pattern: LazyPattern | None, beside: Collection[str], phrases: Collection[str]
) -> LazyPattern | None:
    """The pattern of the `phrases` where none of `beside` stands right after or right before
    (compiled once a text holds one of the phrases' words, as theirs is)."""
    if pattern is None or not beside:
        return pattern
    written = trie_source(beside)
    # one fixed-width look-behind a phrase, an article at most between: "less of" right
    # before "a headache", "less of a" before "pain to upgrade"
    said = sorted({f"{w}{a}" for w in beside for a in _ARTICLES})
    behind = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in said)
    return LazyPattern(
        lambda: rf"{behind}(?:{pattern.pattern})(?!\s+{written}\b)", opens=Words.of(phrases)
    )


def complaint_pattern(phrases: Mapping[str, list[str]]) -> LazyPattern | None:
    """The complaints said, none weighing amounts (None for no complaint words)."""
    said = [normalise(p) for p in phrases.get("complaint", [])]
    amounts = {normalise(p) for p in phrases.get("compared_amount", [])} - {""}
    return not_beside(word_pattern(said), amounts, said)
