"""What a setup ranks first (rules.yaml `priorities`): "mesh memory cost is the #1 concern",
"our top priority is RAM", "latency is our main worry".

A topic's word in the `window` words before "is" or "are" and a ranked noun ("the #1
concern", "our top priority"), or in the `window` words after "<rank> <noun> is", sets what
that topic sets. So does a topic's word in one clause with a complaint ("istio upgrades keep
breaking prod": the pain said) or with words asking for little of it ("which option won't
add a lot of memory per pod"). Every word is in rules.yaml.
"""

from __future__ import annotations

from bot.intents.alternation import word_pattern
from bot.intents.clauses import CLAUSES
from bot.intents.complaints import complaint_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

_VERB = r"(?:is|are)"
_OWNER = r"(?:(?:the|our|my|a|their)\s+)?"


class PriorityReader:
    """Reads the topics a setup ranks first (patterns built once)."""

    def __init__(self, rules: RulesFile) -> None:
        said = rules.priorities
        ranks = word_pattern([normalise(w) for w in said.ranks])
        nouns = word_pattern([normalise(w) for w in said.nouns])
        self._topics = [
            (topic.set, frozenset(topic.unless), pattern)
            for topic in said.topics.values()
            if (pattern := word_pattern([normalise(w) for w in topic.words]))
        ]
        complaints = complaint_pattern(rules.phrases) if said.in_complaints else None
        kept_small = word_pattern([normalise(w) for w in said.kept_small])
        self._pressing = [p for p in (complaints, kept_small) if p is not None]
        self._nouns = nouns  # no ranked noun, nothing to read: the one search most texts need
        self._ranked = None
        if ranks and nouns:
            ranked = rf"{_OWNER}(?:{ranks.pattern})\s+(?:{nouns.pattern})"
            words = rf"(?:\w+\s+){{0,{said.window - 1}}}\w+"
            self._ranked = LazyPattern(
                rf"(?P<before>{words})\s+{_VERB}\s+{ranked}\b"
                rf"|\b{ranked}\s+{_VERB}\s+(?P<after>{words})"
            )

    def read(
        self, normalised: str, text: str = "", said: frozenset[str] = frozenset()
    ) -> dict[str, FactValue]:
        """The facts the topics ranked first set: in `normalised`, ranked ones; in the clauses
        of `text`, those a complaint or a wish for little of them names; none of a topic a
        fact `said` already names more precisely (its `unless`)."""
        facts: dict[str, FactValue] = {}
        spans = [*self._ranked_topics(normalised), *self._pressing_clauses(text)]
        for span in spans:
            for sets, unless, pattern in self._topics:
                if not unless & said and pattern.search(span):
                    for fact, value in sets.items():
                        facts.setdefault(fact, value)
        return facts

    def _ranked_topics(self, normalised: str) -> list[str]:
        """The words next to "is/are the #1 concern" and the like."""
        if not (self._ranked and self._nouns and self._nouns.search(normalised)):
            return []
        return [
            match.group("before") or match.group("after") or ""
            for match in self._ranked.finditer(normalised)
        ]

    def _pressing_clauses(self, text: str) -> list[str]:
        """The clauses that complain, or ask for little of something."""
        if not (self._pressing and text):
            return []
        clauses = (f" {normalise(c)} " for c in CLAUSES.split(text))
        return [c for c in clauses if any(p.search(c) for p in self._pressing)]
