"""What a setup ranks first (rules.yaml `priorities`): "mesh memory cost is the #1 concern",
"our top priority is RAM", "latency is our main worry".

A topic's word in the `window` words before "is" or "are" and a ranked noun ("the #1
concern", "our top priority"), or in the `window` words after "<rank> <noun> is", sets what
that topic sets. Every word is in rules.yaml.
"""

from __future__ import annotations

from bot.intents.alternation import word_pattern
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
            (topic.set, pattern)
            for topic in said.topics.values()
            if (pattern := word_pattern([normalise(w) for w in topic.words]))
        ]
        self._nouns = nouns  # no ranked noun, nothing to read: the one search most texts need
        self._ranked = None
        if ranks and nouns:
            ranked = rf"{_OWNER}(?:{ranks.pattern})\s+(?:{nouns.pattern})"
            words = rf"(?:\w+\s+){{0,{said.window - 1}}}\w+"
            self._ranked = LazyPattern(
                rf"(?P<before>{words})\s+{_VERB}\s+{ranked}\b"
                rf"|\b{ranked}\s+{_VERB}\s+(?P<after>{words})"
            )

    def read(self, normalised: str) -> dict[str, FactValue]:
        """The facts the topics ranked first set."""
        facts: dict[str, FactValue] = {}
        if not (self._ranked and self._nouns and self._nouns.search(normalised)):
            return facts
        for match in self._ranked.finditer(normalised):
            topic = match.group("before") or match.group("after") or ""
            for sets, pattern in self._topics:
                if pattern.search(topic):
                    for fact, value in sets.items():
                        facts.setdefault(fact, value)
        return facts
