"""Free text (slash-command or mention) to a typed Intent.

Cost is bounded for any input: text beyond MAX_TEXT is not parsed at all, and
at most MAX_TOKENS words are scanned for names.
"""

from __future__ import annotations

import re

from bot.intents.cues import CuePhrases
from bot.intents.extract import FactExtractor, Mentions, find_mentions
from bot.intents.models import MAX_COMPARE, Intent, IntentKind
from bot.knowledge.aliases import STOPWORDS, normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

MAX_TEXT = 1_000
MAX_TOKENS = 60
ECHO_CHARS = 120

_CUES: dict[IntentKind, tuple[str, ...]] = {
    IntentKind.help: (
        "help",
        "usage",
        "commands",
        "what can you do",
        "how do i use",
        "what is a service mesh",
        "what is a mesh",
        "what s a service mesh",
    ),
    IntentKind.sources: ("sources", "source list", "references", "citations", "where is this from"),
    IntentKind.features: ("all features", "feature list", "list features", "features list"),
    IntentKind.cost: (
        "cost",
        "costs",
        "overhead",
        "memory",
        "ram",
        "how much",
        "latency",
        "footprint",
        "cpu",
        "resources",
        "expensive",
        "price",
    ),
    IntentKind.recommend: (
        "recommend",
        "recommendation",
        "should we",
        "should i",
        "do we need",
        "do i need",
        "do we even need",
        "suggest",
        "advice",
        "advise",
        "which mesh should",
        "what mesh should",
        "pick",
        "choose",
        "worth it",
        "need a mesh",
        "which one should",
    ),
    IntentKind.which_meshes: (
        "which meshes",
        "what meshes",
        "which mesh",
        "who supports",
        "which ones",
        "meshes that",
        "meshes with",
        "any mesh",
        "which do",
        "list meshes",
    ),
    IntentKind.compare: (
        "compare",
        "comparison",
        " vs ",
        "versus",
        "difference between",
        "differences between",
        " or ",
    ),
}


def _has_cue(kind: IntentKind, padded: str) -> bool:
    return any(
        cue in padded if cue.startswith(" ") else re.search(rf"\b{re.escape(cue)}\b", padded)
        for cue in _CUES[kind]
    )


class IntentParser:
    """Understands questions against one knowledge base (indexes built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._facts = FactExtractor(kb.rules)
        self._cues = CuePhrases(kb.rules.phrases)
        # Facts some decision rule tests: knowing one makes a question a recommendation.
        self._deciding = {fact for rule in kb.rules.rules for fact in rule.when}

    def parse(self, text: str) -> Intent:
        text = text.strip()
        echo = text[:ECHO_CHARS]
        if len(text) > MAX_TEXT:
            return Intent(kind=IntentKind.too_long, text=echo)
        normalised = normalise(text)
        tokens = normalised.split()[:MAX_TOKENS]
        if not tokens:
            return Intent(kind=IntentKind.help, text=echo)
        mentions = find_mentions(tokens, self._kb.mesh_index, self._kb.feature_index)
        signalled, remaining = self._facts.signals(" ".join(tokens))
        facts = {**signalled, **self._facts.numbers(text)}
        padded = f" {remaining} "
        kind = self._small_talk(remaining, mentions, facts) or self._classify(
            padded, mentions, facts
        )
        meshes = (
            mentions.meshes[:MAX_COMPARE] if kind == IntentKind.compare else mentions.meshes[:12]
        )
        if kind == IntentKind.recommend and mentions.features:
            facts.setdefault("needs", list(mentions.features[:12]))
        suggestions: list[str] = []
        if kind == IntentKind.unknown:
            suggestions = self._suggest(mentions.leftovers)
        return Intent(
            kind=kind,
            meshes=meshes,
            features=mentions.features[:12],
            facts=facts,
            text=echo,
            suggestions=suggestions,
        )

    def _classify(self, padded: str, found: Mentions, facts: dict[str, FactValue]) -> IntentKind:
        meshes, features = found.meshes, found.features
        recommend = _has_cue(IntentKind.recommend, padded) and len(meshes) < 2
        if not meshes and not features and not recommend and _has_cue(IntentKind.help, padded):
            return IntentKind.help
        if not meshes and not features and _has_cue(IntentKind.sources, padded):
            return IntentKind.sources
        if _has_cue(IntentKind.features, padded):
            return IntentKind.features
        if recommend:
            return IntentKind.recommend
        if _has_cue(IntentKind.cost, padded) or ("pods" in facts and not features):
            return IntentKind.cost
        if features and _has_cue(IntentKind.which_meshes, padded):
            return IntentKind.which_meshes
        if not meshes and self._deciding & set(facts):
            return IntentKind.recommend
        if features and not meshes:
            return IntentKind.which_meshes
        if len(meshes) >= 2 or (_has_cue(IntentKind.compare, padded) and not features):
            return IntentKind.compare
        if meshes and features:
            return IntentKind.feature_check
        if meshes:
            return IntentKind.explain
        if facts:
            return IntentKind.recommend
        return IntentKind.unknown

    def _small_talk(
        self, remaining: str, found: Mentions, facts: dict[str, FactValue]
    ) -> IntentKind | None:
        """Greetings and thanks alone, or a topic this knowledge base does not cover."""
        if found.meshes or found.features:
            return None
        if self._cues.find("out_of_scope", remaining):
            return IntentKind.out_of_scope
        if self._cues.find("greeting", remaining):
            rest = self._cues.strip("greeting", remaining).split()
            if not facts and all(word in STOPWORDS for word in rest):
                return IntentKind.greeting
        return None

    def _suggest(self, leftovers: list[str]) -> list[str]:
        names: list[str] = []
        for word in leftovers[:8]:
            for index, kind in ((self._kb.mesh_index, "mesh"), (self._kb.feature_index, "feature")):
                for entity in index.suggest(word, limit=2):
                    label = f"{kind}:{entity}"
                    if label not in names:
                        names.append(label)
        return names[:4]
