"""The loaded knowledge base and the indexes precomputed for answering."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.knowledge.aliases import AliasIndex, clipped
from bot.knowledge.memo import kept
from bot.knowledge.models import Concept, Feature, Figure, Mesh, Part, RulesFile, Source

T = TypeVar("T")


@dataclass(frozen=True)
class KnowledgeBase:
    """Validated knowledge: meshes, features, sources and decision rules."""

    as_of: dt.date
    meshes: dict[str, Mesh]
    features: dict[str, Feature]
    service_mesh: Concept  # what a mesh is, for "what's a service mesh?"
    sources: dict[str, Source]
    rules: RulesFile
    version: str
    mesh_index: AliasIndex = field(init=False, repr=False)
    feature_index: AliasIndex = field(init=False, repr=False)
    _derived: dict[str, Any] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        mesh_aliases = [
            (m.id, a) for m in self.meshes.values() for a in [m.id, m.name, *m.known_as]
        ]
        feature_aliases = [
            (f.id, a) for f in self.features.values() for a in [f.id, f.name, *f.aliases]
        ]
        # "service-to-service auth" names Service-to-service authorization: a name or alias
        # with a word clipped as rules.yaml `short_forms` clips it names its feature too
        # (after every alias as written, which wins where two would say the same).
        feature_aliases += [
            (entity, short)
            for entity, alias in feature_aliases
            for short in clipped(alias, self.rules.short_forms)
        ]
        clips = list(self.rules.short_forms)  # "authn" is itself, never a slip of "authz"
        object.__setattr__(self, "mesh_index", AliasIndex(mesh_aliases, clips))
        object.__setattr__(self, "feature_index", AliasIndex(feature_aliases, clips))

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (the snapshot) without what was derived from it: derived again on use."""
        return {**self.__dict__, "_derived": {}}

    def owns(self, mesh: Mesh) -> bool:
        """The mesh is this knowledge base's own (not a changed copy): what was derived
        from the knowledge base holds for it."""
        return self.meshes.get(mesh.id) is mesh

    def derived(self, name: str, build: Callable[[KnowledgeBase], T]) -> T:
        """What `build` makes of this knowledge base (a table every answer reads), made the
        first time it is asked for and kept as long as the knowledge base."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return self._derived[name]

    def kept(self, name: str, key: Hashable, make: Callable[[], T], limit: int | None = None) -> T:
        """What `make` gives for `key`, made the first time it is asked for and kept in this
        knowledge base's memo `name` (at most `limit` keys, the oldest dropped first)."""
        memo: dict[Hashable, T] = self._derived.setdefault(name, {})
        return kept(memo, key, make, limit)

    @property
    def figures(self) -> list[tuple[Mesh, Figure]]:
        return [(m, f) for m in self.meshes.values() for f in m.overhead]

    @property
    def oldest_as_of(self) -> dt.date:
        dates = [f.as_of for _, f in self.figures] + [m.version.as_of for m in self.meshes.values()]
        return min(dates, default=self.as_of)

    def term(self, term_id: str) -> Part | None:
        """A word of the field no one offering owns, by its id ("ebpf")."""
        return next((t for t in self.service_mesh.terms if t.id == term_id), None)

    def concept(self, concept_id: str) -> tuple[Feature, Part] | None:
        """A concept a feature's row is about (features.yaml `defines`: "spiffe"), by its id,
        with that feature."""
        for feature in self.features.values():
            for concept in feature.defines:
                if concept.id == concept_id:
                    return feature, concept
        return None

    def part(self, part_id: str) -> tuple[Mesh, Part] | None:
        """A mesh's part by its id ("waypoint"), with the mesh it belongs to."""
        for mesh in self.meshes.values():
            for part in mesh.parts:
                if part.id == part_id:
                    return mesh, part
        return None

    def current_meshes(self) -> list[Mesh]:
        return [m for m in self.meshes.values() if m.is_current]

    def summary(self) -> str:
        return (
            f"{len(self.meshes)} meshes, {len(self.features)} features, "
            f"{len(self.figures)} overhead figures, {len(self.sources)} sources, "
            f"{len(self.rules.rules)} rules; reviewed {self.as_of}, "
            f"oldest as-of date {self.oldest_as_of}"
        )
