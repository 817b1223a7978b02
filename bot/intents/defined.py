"""Concepts a feature's row is about (features.yaml `defines`: SPIFFE, a trust domain,
PERMISSIVE and STRICT mTLS), and whether a question asks what one is.

"what is a trust domain and should two clusters share one?", "PERMISSIVE vs STRICT
peerauthentication - what's the difference and when do we flip it": the concept is what is
asked, defined first, then where the meshes stand on its feature; no pick is asked, whatever
count is said. A list, a pick among meshes or a setup to weigh keeps its own reading.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from bot.intents.alternation import word_pattern
from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

MAX_CONCEPTS = 4
# Cue groups that ask about a concept named beside them: what it is, what it means, how it
# differs, when or whether to use it (rules.yaml `concept_asks`; a bare "or" is no such cue:
# "does consul issue spiffe ids or use spire" asks of Consul).
ASKING = ("what_is", "explain", "meaning", "concept_asks")


class ConceptReader:
    """Finds the concepts a question names, and whether it asks what they are."""

    def __init__(self, kb: KnowledgeBase, cues: CuePhrases) -> None:
        self.ids = {
            normalise(a): d.id
            for f in kb.features.values()
            for d in f.defines
            for a in (d.name, *d.aliases)
        }
        self._features = {d.id: f.id for f in kb.features.values() for d in f.defines}
        self._pattern = word_pattern(self.ids)
        self._cues = cues

    def named(self, normalised: str) -> list[str]:
        """The concepts the text names, by id, in the order said."""
        if self._pattern is None:
            return []
        found = self._pattern.finditer(normalised)
        return list(dict.fromkeys(self.ids[m.group(0)] for m in found))[:MAX_CONCEPTS]

    def asked(
        self, normalised: str, meshes: list[str], facts: Mapping[str, FactValue], setup: Set[str]
    ) -> list[str]:
        """The concepts a question asks about: named beside a cue asking what one is, how it
        differs or when to use it, with no list asked, no pick among meshes and no setup to
        weigh (`setup`: where it runs, licence, must-haves; a count or the API the team
        knows is none)."""
        concepts = self.named(normalised)
        if not concepts or len(meshes) > 1 or self._cues.has("list_meshes", normalised):
            return []
        if setup & set(facts):
            return []
        if not any(self._cues.has(group, normalised) for group in ASKING):
            return []
        return concepts

    def features_of(self, concepts: list[str]) -> list[str]:
        """The feature rows the concepts belong to."""
        return list(dict.fromkeys(self._features[c] for c in concepts))
