"""Pull entities and facts out of free text: meshes, features, numbers and signals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge.aliases import STOPWORDS, AliasIndex, normalise
from bot.knowledge.models import FactType, FactValue, RulesFile

MAX_SPAN = 3


@dataclass
class Mentions:
    meshes: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def find_mentions(tokens: list[str], meshes: AliasIndex, features: AliasIndex) -> Mentions:
    """Longest-first scan of token spans: exact aliases anywhere, typos where eligible."""
    found = Mentions()
    used = [False] * len(tokens)
    hits: list[tuple[int, str, str]] = []
    for size in range(MAX_SPAN, 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            words = tokens[start : start + size]
            phrase = " ".join(words)
            for kind, index in (("mesh", meshes), ("feature", features)):
                hit = index.fuzzy(phrase)
                if hit:
                    hits.append((start, kind, hit.entity))
                    used[start : start + size] = [True] * size
                    break
    for _, kind, entity in sorted(hits):
        _add(found.meshes if kind == "mesh" else found.features, entity)
    found.leftovers = [
        t
        for t, u in zip(tokens, used, strict=True)
        if not u and t not in STOPWORDS and not t.isdigit()
    ]
    return found


class FactExtractor:
    """Numbers with units ("1k pods") and phrases ("only need mTLS") from rules.yaml."""

    def __init__(self, rules: RulesFile) -> None:
        unit_to_fact: dict[str, str] = {}
        for fact in rules.facts:
            for unit in fact.units:
                unit_to_fact[normalise(unit)] = fact.id
        units = sorted(unit_to_fact, key=len, reverse=True)
        self._unit_to_fact = unit_to_fact
        self._numbers = re.compile(
            r"(?<![\w.])(\d{1,9}(?:\.\d+)?)\s*(k|m)?\s*\+?\s*("
            + "|".join(re.escape(u) for u in units)
            + r")\b"
        )
        self._number_facts = {f.id for f in rules.facts if f.type == FactType.number}
        phrases = [(normalise(p), s.set) for s in rules.signals for p in s.phrases]
        phrases.sort(key=lambda item: len(item[0]), reverse=True)
        self._signals = [(re.compile(rf"\b{re.escape(p)}\b"), values) for p, values in phrases]

    def numbers(self, text: str) -> dict[str, FactValue]:
        """Facts from numbers: '40 services', '1k pods', '1,000 pods', '200 rps'."""
        plain = re.sub(r"(?<=\d)[,_](?=\d{3}\b)", "", text.lower())
        plain = re.sub(r"[-/]", " ", plain)
        facts: dict[str, FactValue] = {}
        for number, scale, unit in self._numbers.findall(plain):
            value = float(number) * {"k": 1_000, "m": 1_000_000}.get(scale, 1)
            fact = self._unit_to_fact[normalise(unit)]
            facts.setdefault(fact, min(int(value), 10_000_000))
        return facts

    def signals(self, normalised: str) -> tuple[dict[str, FactValue], str]:
        """Facts from phrases (the longest wins where two overlap), and the text left over.

        The leftover text is what intent cues are read from, so "tight memory budget"
        sets a fact instead of turning the question into a cost question.
        """
        facts: dict[str, FactValue] = {}
        remaining = normalised
        for pattern, values in self._signals:
            if pattern.search(remaining):
                for key, value in values.items():
                    facts.setdefault(key, value)
                remaining = pattern.sub(" ", remaining)
        return facts, remaining
