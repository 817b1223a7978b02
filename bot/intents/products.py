"""Counts said apiece of a holder, multiplied: "3 clusters of 40 nodes" is 120 nodes in all.

A holder's count, then one of `count_of` and a count of what it holds ("3 clusters of 40
nodes", "3 clusters, each with 40 nodes"); the two either way round with one of
`count_times` between ("4 clusters × 30 nodes", "30 nodes x 4 clusters"); a count followed
by one of `count_each` with a holder counted before it in the sentence ("3 clusters, 40 nodes
each"), or by one of `count_per` and the holder's name with the holder counted anywhere in
the sentence ("40 nodes per cluster, 3 clusters"): the holder's count times that count, unless
`count_whole` follows a count not joined by `count_times` ("3 clusters of 2000 pods in total").
rules.yaml `per:` names the holders each number fact may be counted apiece of. With none of
those words between or after ("3 clusters, 40 nodes", "40 nodes across 3 clusters") the
count is the total.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.intents.clauses import SENTENCE_END
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

_SYMBOLS = str.maketrans({"×": " x ", "*": " x "})  # "4 clusters × 30 nodes": read as x
_ROUGHLY = frozenset({"about", "around", "roughly", "approx", "maybe", "ish"})


@dataclass(frozen=True)
class Count:
    """One count read in the text: the fact it sets, its value and where it was said."""

    fact: str
    value: int
    start: int
    end: int


@dataclass(frozen=True)
class Product:
    """A total read as a product: `holders` of `holder`, `each` of `counted` apiece."""

    holders: int
    holder: str  # as it reads: "clusters"
    each: int
    counted: str  # as it reads: "nodes", "replicas"
    total_of: str  # what the total counts: "nodes", "pods"

    @property
    def total(self) -> int:
        return self.holders * self.each

    def sentence(self) -> str:
        """'3 clusters × 40 nodes = 120 nodes'."""
        return (
            f"{self.holders:,} {self.holder} × {self.each:,} {self.counted} = "
            f"{self.total:,} {self.total_of}"
        )


def _said(text: str) -> str:
    """Words as compared with the phrase lists: symbols of times read as x, rough words out."""
    return " ".join(w for w in normalise(text.translate(_SYMBOLS)).split() if w not in _ROUGHLY)


class Multiplier:
    """Totals of counts said apiece of a holder (rules.yaml `per:` and the `count_*` phrases)."""

    def __init__(self, rules: RulesFile) -> None:
        self._per = {f.id: list(f.per) for f in rules.facts if f.per}
        self._labels = {f.id: f.label for f in rules.facts}
        holders = {h for hs in self._per.values() for h in hs}
        self._named = {  # a holder's own unit ("cluster", "clusters") -> the holder
            normalise(u): f.id for f in rules.facts if f.id in holders for u in f.units
        }

        def said(group: str) -> frozenset[str]:
            return frozenset(_said(p) for p in rules.phrases.get(group, []))

        self._of, self._times = said("count_of"), said("count_times")
        self._each, self._per_words = said("count_each"), said("count_per")
        self._whole = said("count_whole")

    def multiply(
        self, text: str, counts: list[Count], facts: dict[str, FactValue], limit: int
    ) -> list[Product]:
        """Set each count said apiece of a holder in `facts` to its total (at most `limit`);
        the products, in the order said. `text`: as the counts were found in it."""
        products: list[Product] = []
        for i, count in enumerate(counts):
            if facts.get(count.fact) != count.value or count.fact not in self._per:
                continue
            holder = self._holder(text, counts, i)
            if holder is None or holder.value < 2:
                continue
            total = holder.value * count.value
            if total > limit:
                continue
            facts[count.fact] = total
            label = self._labels[count.fact]
            products.append(
                Product(holder.value, self._labels[holder.fact], count.value, label, label)
            )
        return products

    def _holder(self, text: str, counts: list[Count], i: int) -> Count | None:
        """The holder's count that `counts[i]` is counted apiece of, if any."""
        count = counts[i]
        holders = self._per[count.fact]
        start = max((m.end() for m in SENTENCE_END.finditer(text, 0, count.start)), default=0)
        end = SENTENCE_END.search(text, count.end)
        words = _said(text[count.end : end.start() if end else len(text)]).split()
        before = counts[i - 1] if i and counts[i - 1].fact in holders else None
        after = counts[i + 1] if i + 1 < len(counts) and counts[i + 1].fact in holders else None
        joined = _said(text[before.end : count.start]) if before else None
        if before and joined in self._times:
            return before  # "3 clusters × 40 nodes (total)"
        if after and _said(text[count.end : after.start]) in self._times:
            return after
        if any(" ".join(words[:size]) in self._whole for size in (1, 2, 3)):
            return None  # "3 clusters of 2000 pods in total"
        if before and joined in self._of:
            return before
        sentence = [c for c in counts if start <= c.start and (not end or c.end <= end.start())]
        for size in (2, 1):
            if " ".join(words[:size]) in self._per_words and len(words) > size:
                named = self._named.get(words[size])
                if named in holders:
                    return next((c for c in sentence if c.fact == named), None)
        if any(" ".join(words[:size]) in self._each for size in (1, 2)):
            earlier = [c for c in sentence if c.fact in holders and c.end <= count.start]
            return earlier[-1] if earlier else None
        return None
