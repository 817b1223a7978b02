"""Alias normalisation and fuzzy matching shared by the validator and the parser.

One threshold serves both: two entities' aliases may not be as similar as the
matcher's cutoff, so a typo can never be pulled toward the wrong entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

FUZZY_CUTOFF = 80.0
MIN_FUZZY_LENGTH = 5

_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise(text: str) -> str:
    """Lower-case, collapse punctuation and spaces: 'Circuit-Breaker' -> 'circuit breaker'."""
    return _NON_WORD.sub(" ", text.lower()).strip()


@dataclass(frozen=True)
class AliasHit:
    entity: str
    alias: str
    score: float


class AliasIndex:
    """Exact and fuzzy lookup of entity ids by alias."""

    def __init__(self, aliases: Iterable[tuple[str, str]]) -> None:
        self._by_alias: dict[str, str] = {}
        for entity, alias in aliases:
            self._by_alias.setdefault(normalise(alias), entity)
        self._choices = list(self._by_alias)

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._by_alias

    def exact(self, phrase: str) -> AliasHit | None:
        entity = self._by_alias.get(phrase)
        return AliasHit(entity, phrase, 100.0) if entity else None

    def fuzzy(self, phrase: str) -> AliasHit | None:
        """Best alias within the cutoff; short phrases must match exactly."""
        hit = self.exact(phrase)
        if hit or len(phrase) < MIN_FUZZY_LENGTH:
            return hit
        found = process.extractOne(
            phrase, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if found is None:
            return None
        alias, score, _ = found
        return AliasHit(self._by_alias[alias], alias, score)

    def suggest(self, phrase: str, limit: int = 3) -> list[str]:
        """Entity ids loosely resembling `phrase`, for a did-you-mean."""
        found = process.extract(
            phrase, self._choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60
        )
        seen: list[str] = []
        for alias, _, _ in found:
            entity = self._by_alias[alias]
            if entity not in seen:
                seen.append(entity)
        return seen[:limit]


def confusable_pairs(
    aliases: list[tuple[str, str]],
) -> list[tuple[tuple[str, str], tuple[str, str], float]]:
    """Pairs of aliases of different entities at least as similar as the matcher's cutoff."""
    normal = [(entity, normalise(alias)) for entity, alias in aliases]
    pairs = []
    for i, (entity_a, alias_a) in enumerate(normal):
        for entity_b, alias_b in normal[i + 1 :]:
            if entity_a == entity_b:
                continue
            if alias_a == alias_b:
                pairs.append(((entity_a, alias_a), (entity_b, alias_b), 100.0))
                continue
            if min(len(alias_a), len(alias_b)) < MIN_FUZZY_LENGTH:
                continue
            score = fuzz.ratio(alias_a, alias_b)
            if score >= FUZZY_CUTOFF:
                pairs.append(((entity_a, alias_a), (entity_b, alias_b), score))
    return pairs
