"""What a complaint says (rules.yaml `complaint`: "sidecars eat our memory", "upgrades are
painful"), and where its word weighs amounts instead.

A complaint's word right before a `compared_amount` word ("which one eats less memory at 500
pods", "ambient hogs far fewer cores") sets two amounts against each other: it asks which is
smaller or larger, and complains of nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bot.intents.alternation import trie_source, word_pattern
from bot.intents.lazy import LazyPattern, Words
from bot.knowledge.aliases import normalise


def not_before(
    pattern: LazyPattern | None, after: Collection[str], phrases: Collection[str]
) -> LazyPattern | None:
    """The pattern of the `phrases` where none of `after` follows right after (compiled
    once a text holds one of the phrases' words, as theirs is)."""
    if pattern is None or not after:
        return pattern
    written = trie_source(after)
    return LazyPattern(lambda: rf"(?:{pattern.pattern})(?!\s+{written}\b)", opens=Words.of(phrases))


def complaint_pattern(phrases: Mapping[str, list[str]]) -> LazyPattern | None:
    """The complaints said, none weighing amounts (None for no complaint words)."""
    said = [normalise(p) for p in phrases.get("complaint", [])]
    after = {normalise(p) for p in phrases.get("compared_amount", [])} - {""}
    return not_before(word_pattern(said), after, said)
