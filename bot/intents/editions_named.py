"""A vendor's paid edition named by its own name ("Buoyant Enterprise", "BEL"; the offering's
`stable_builds.known_as`): what it costs is asked of the edition, a price, never the
proxies' memory ("how much does Buoyant Enterprise cost for 200 nodes?")."""

from __future__ import annotations

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase


class EditionNames:
    """Finds a paid edition's own name in normalised text (pattern built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        names = [
            normalise(name)
            for mesh in kb.meshes.values()
            if mesh.fit and mesh.fit.stable_builds
            for name in mesh.fit.stable_builds.known_as
        ]
        self._names: LazyPattern | None = word_pattern(names) if names else None

    def named(self, normalised: str) -> bool:
        """Whether the text names a paid edition by its own name."""
        return bool(self._names and self._names.search(normalised))
