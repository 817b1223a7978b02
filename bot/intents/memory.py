"""Memory said of a node or a pod: "512MB RAM nodes", "20MiB per pod", "sidecars can't take
more than 50Mi"; and the share of memory the mesh takes, "eating 30% of node memory".

A size with a memory unit (rules.yaml `memory.units`, each in MiB) is the fact of the
nearest word that says what it is of (`memory.of`), within `memory.window` words on either
side and in its own sentence, a word in its own clause first: in "k3s on pis, 4-6 pods each,
2gb ram" the pods are counted, not sized. A size said as memory (`share_of`: "2gb ram") in a
clause that names nothing it is of is the hardware's (`memory.alone`); any other size with
no such word sets nothing, and one said as what is used now (`measured`: "our pods use
about 58Mi") sets `measured_fact` too: a measurement is no budget. What a size implies (a
tight budget) is in `implied:`. A pasted line naming a proxy container (`proxy_rows`:
"istio-proxy 8m 184Mi") is what a proxy uses now, over the app containers' sizes beside it.
A size said per node as a cap on the mesh's proxies ("at most 300 MB per node on mesh
proxies") is their budget on each node (`per_node`), not what a node has.
"""

from __future__ import annotations

import re

from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

_NUMBER = r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*"
_NOT_SIZE = re.compile(r"[^a-z0-9.%]+|(?<!\d)\.|\.(?!\d)")  # "0.5GB" keeps its point
_SENTENCE = re.compile(r"[.;!?\n]+(?:\s|$)")  # "2gb ram. do we need a mesh": not the mesh's
_CLAUSE = re.compile(r"[,:()]|\s[-–—]\s")
_PERCENT = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)")


def _counted(before: list[str]) -> bool:
    """The word before a noun is a number: the noun is counted ("3000 pods"), not sized."""
    return bool(before) and before[0].replace(".", "", 1).isdigit()


def _phrases(words: list[str]) -> str:
    said = sorted({normalise(w) for w in words} - {""}, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(w) for w in said) + r")\b"


class MemoryReader:
    """Reads node and pod memory sizes, in MiB (patterns built once)."""

    def __init__(self, rules: RulesFile) -> None:
        memory = rules.memory
        self._window = memory.window
        self._mib = {normalise(u): size for u, size in memory.units.items()}
        units = "|".join(re.escape(u) for u in sorted(self._mib, key=len, reverse=True))
        self._sizes = LazyPattern(rf"{_NUMBER}(?P<unit>{units})\b") if units else None
        self._fact_of = {normalise(w): fact for fact, words in memory.of.items() for w in words}
        self._share = memory.share
        self._share_of = {normalise(w) for w in memory.share_of}
        self._alone = memory.alone
        self._measured_fact = memory.measured_fact
        self._measured = LazyPattern(_phrases(memory.measured)) if memory.measured else None
        limits = memory.measured_unless
        self._limited = LazyPattern(_phrases(limits)) if limits else None
        rows = memory.proxy_rows
        self._proxy_rows = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, rows)) + r")(?![\w-])")
            if rows
            else None
        )
        self._proxy_fact = memory.proxy_fact
        self._budget = memory.budget
        self._budget_unless = (
            LazyPattern(_phrases(memory.budget.unless))
            if memory.budget and memory.budget.unless
            else None
        )
        budget = memory.per_node
        self._node_budget = budget.fact if budget else None
        self._per_node = [tuple(normalise(w).split()) for w in budget.per] if budget else []
        self._budget_of = LazyPattern(_phrases(budget.of)) if budget else None
        self._budget_limit = LazyPattern(_phrases(budget.limit)) if budget else None

    def read(self, text: str) -> dict[str, FactValue]:
        """Each fact's first size said, in whole MiB."""
        facts: dict[str, FactValue] = {}
        if seen := self._proxy_row(text):  # "orders-5f4d8  istio-proxy  8m  184Mi"
            facts[self._proxy_fact or ""] = seen
            if self._measured_fact:
                facts[self._measured_fact] = True
        for sentence in _SENTENCE.split(text.lower()):
            for fact, size in self._sized(sentence):
                facts.setdefault(fact, True if fact == self._measured_fact else size)
        lowered = " ".join(_NOT_SIZE.sub(" ", text.lower()).split())
        for match in _PERCENT.finditer(lowered) if self._share else ():
            after = lowered[match.end() :].split()[: self._window]
            if self._share and self._share_of & set(after):
                facts.setdefault(self._share, round(float(match["num"])))
        return facts

    def _sized(self, sentence: str) -> list[tuple[str, int]]:
        """Each size in one sentence, in MiB, with the fact it sets."""
        found: list[tuple[str, int]] = []
        clauses = _CLAUSE.split(sentence)
        for n, clause in enumerate(clauses):
            own = " ".join(_NOT_SIZE.sub(" ", clause).split())
            earlier = " ".join(_NOT_SIZE.sub(" ", " ".join(clauses[:n])).split()).split()
            later = " ".join(_NOT_SIZE.sub(" ", " ".join(clauses[n + 1 :])).split()).split()
            for match in self._sizes.finditer(own) if self._sizes else ():
                before, after = own[: match.start()].split(), own[match.end() :].split()
                fact = self._whole_budget(own) or self._of(before, after)
                if fact is None and self._alone and after[:1] and after[0] in self._share_of:
                    fact = self._alone  # "2gb ram": the machine's, nothing else named
                if fact is None:
                    fact = self._of([*earlier, *before], [*after, *later])
                if self._budget_per_node(own, before, after):
                    fact = self._node_budget  # "at most 300 MB per node on mesh proxies"
                if fact:
                    found.append((fact, round(float(match["num"]) * self._mib[match["unit"]])))
                if fact and self._measured_fact and self._measured_now(" ".join(before)):
                    found.append((self._measured_fact, 1))  # "our pods use about 58Mi": no budget
        return found

    def _proxy_row(self, text: str) -> int | None:
        """The largest size on a pasted line naming a proxy container, in MiB (a proxy's
        use as measured; the app containers beside it are no proxy's)."""
        if not (self._proxy_rows and self._proxy_fact and self._sizes):
            return None
        sizes = [
            round(float(m["num"]) * self._mib[m["unit"]])
            for line in text.lower().splitlines()
            if self._proxy_rows.search(line)
            for m in self._sizes.finditer(" ".join(_NOT_SIZE.sub(" ", line).split()))
        ]
        return max(sizes, default=None)

    def _budget_per_node(self, clause: str, before: list[str], after: list[str]) -> bool:
        """The size is said per node (`per_node.per` right after it), of the mesh's proxies
        (an `of` word within the window) and as a cap (a `limit` word in its clause)."""
        if not (self._node_budget and self._budget_limit and self._budget_of):
            return False
        if not any(tuple(after[: len(per)]) == per for per in self._per_node):
            return False
        near = [*before[-self._window :], *after[: self._window]]
        of = self._budget_of.search(" ".join(near))
        return bool(of) and bool(self._budget_limit.search(clause))

    def _measured_now(self, before: str) -> bool:
        """The words before a size say it is used now, and no limit is said with them."""
        if not (self._measured and self._measured.search(before)):
            return False
        return not (self._limited and self._limited.search(before))

    def _whole_budget(self, clause: str) -> str | None:
        """The budget fact, where the clause says a budget and sizes no one thing: every word
        of `of` in it is counted (a number right before it: "3000 pods") or one of the
        budget's `whole` words, and none of its `unless` words says apiece."""
        budget = self._budget
        words = clause.split()
        if budget is None or not set(budget.words) & set(words):
            return None
        if self._budget_unless and self._budget_unless.search(clause):
            return None
        sized = [
            w
            for n, w in enumerate(words)
            if w in self._fact_of and w not in budget.whole and not _counted(words[n - 1 : n])
        ]
        return None if sized else budget.fact

    def _of(self, before: list[str], after: list[str]) -> str | None:
        """The fact of the word nearest the size, after it first on a tie."""
        for distance in range(self._window):
            for words, at in ((after, distance), (before, -1 - distance)):
                if -len(words) <= at < len(words) and words[at] in self._fact_of:
                    return self._fact_of[words[at]]
        return None
