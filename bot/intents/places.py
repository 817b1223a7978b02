"""Where a count is said to run: "AKS (~120 svcs) … ~100 services on Linux VMs" counts two
parts of the estate, each on its own platform, so the estate is their sum (facts marked
`adds_by_place`); a count said where no platform, or the same one, is named is no other part."""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.scoped import CLAUSE
from bot.knowledge.aliases import normalise
from bot.knowledge.models import RulesFile

_NUMBER = re.compile(r"(?<![a-z\d])\d+")  # a count's figure, not one inside a word ("k8s")
PART_AFTER = 3  # words after a count a partitive phrase may stand in ("… of those")


class CountPlaces:
    """The platform a count's clause names, for the facts whose parts add up by place."""

    def __init__(self, rules: RulesFile) -> None:
        self.facts = frozenset(f.id for f in rules.facts if f.adds_by_place)
        self._platform = {
            normalise(word): platform
            for platform, said in rules.platforms.items()
            for word in [*said.words, *said.alone, *said.where_run, *said.distinct, *said.located]
        }
        self._words = word_pattern(self._platform)
        phrases = rules.phrases
        partitive = [*phrases.get("count_partitive", []), *phrases.get("count_part_after", [])]
        self._part = word_pattern(normalise(p) for p in partitive)
        moved = word_pattern(normalise(p) for p in phrases.get("count_moved_to", []))
        self._moved_to = LazyPattern(rf"(?:{moved.pattern})\s*$") if moved else None

    def part(self, said: str, after: str) -> bool:
        """The count is of a part counted already: a partitive word inside it ("10 of those
        services") or right after it ("20 services of them")."""
        if self._part is None:
            return False
        head = " ".join(normalise(after).split()[:PART_AFTER])
        return bool(self._part.search(normalise(said)) or self._part.match(head))

    def place(self, text: str, start: int, end: int) -> str | None:
        """The platform named nearest the count at text[start:end] in its clause ("80
        services on GKE and 50 on EKS": GKE's, then EKS's), if any; none where two stand as
        near."""
        if self._words is None:
            return None
        # the clause, and no further than the counts either side ("300 services: 120 on AKS"
        # places the 120, not the 300)
        bounds = [*CLAUSE.finditer(text, 0, start), *_NUMBER.finditer(text, 0, start)]
        opened = max((m.end() for m in bounds), default=0)
        ends = [m for m in (CLAUSE.search(text, end), _NUMBER.search(text, end)) if m]
        closed = min((m.start() for m in ends), default=len(text))
        said = text[start:end]
        before = normalise(text[opened:start])
        after = normalise(text[end:closed])
        # a platform said between the number and its unit ("2 EKS clusters") is the nearest
        near = {self._platform[m.group()]: 0 for m in self._words.finditer(normalise(said))}
        for m in self._words.finditer(before):
            if not self._moved(before, m):
                platform = self._platform[m.group()]
                near[platform] = min(len(before) - m.end(), near.get(platform, len(before)))
        for m in self._words.finditer(after):
            if self._moved(after, m):
                continue
            gap = m.start()
            platform = self._platform[m.group()]
            near[platform] = min(gap, near.get(platform, gap))
        if not near:
            return None
        nearest = min(near.values())
        found = [p for p, gap in near.items() if gap == nearest]
        return found[0] if len(found) == 1 else None

    def _moved(self, said: str, named: re.Match[str]) -> bool:
        """The platform is where the count moves to ("moving 50 services to GKE")."""
        return bool(self._moved_to and self._moved_to.search(said[: named.start()]))
