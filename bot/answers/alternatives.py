"""The closest alternatives to the meshes compared or explained, from the knowledge base alone.

Three kinds, in this order, each at most once:

- the sibling: the same project in its other data-plane model (Istio's sidecar and ambient
  modes release from one repository);
- the nearest: the current mesh whose feature matrix differs least from one of the
  compared meshes (distributions are left to the next rule: they differ least by nature,
  and the no-mesh baseline is not a mesh to switch to);
- for the user's platform, when it is known: a compared mesh's distribution that names the
  platform, else the platform provider's own offering.
"""

from __future__ import annotations

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Level, Mesh, Status

NEAREST_KEPT = 256  # sets of meshes whose nearest alternative is remembered


def siblings(kb: KnowledgeBase, mesh: Mesh) -> list[Mesh]:
    """Current meshes of the same project (release repository) with another data plane."""
    if mesh.releases is None:
        return []
    return [
        m
        for m in kb.current_meshes()
        if m.releases is not None
        and m.releases.repo == mesh.releases.repo
        and m.data_plane.model != mesh.data_plane.model
    ]


def _row(kb: KnowledgeBase, mesh: Mesh) -> tuple[Level, ...]:
    """A mesh's levels across the feature matrix, in the knowledge base's feature order."""
    return tuple(
        support.level if (support := mesh.features.get(f)) else Level.unknown for f in kb.features
    )


def _rows(kb: KnowledgeBase) -> dict[str, tuple[Level, ...]]:
    return {mesh.id: _row(kb, mesh) for mesh in kb.meshes.values()}


def differences(kb: KnowledgeBase, a: Mesh, b: Mesh) -> int:
    """Rows of the feature matrix where the two meshes' levels differ (each mesh's row is
    read once per knowledge base)."""
    rows = kb.derived("feature_rows", _rows)
    row_a, row_b = ((rows[m.id] if kb.owns(m) else _row(kb, m)) for m in (a, b))
    return sum(1 for x, y in zip(row_a, row_b, strict=True) if x != y)


def nearest(kb: KnowledgeBase, meshes: list[Mesh], exclude: set[str]) -> Mesh | None:
    """The current mesh (not a distribution, not the baseline) that differs least from one
    of `meshes`; ties go to the one closest to all of them, then to the first in the
    knowledge base. Found once per knowledge base, meshes and exclusions (for its own
    meshes: a changed copy is weighed anew)."""
    if not all(kb.owns(m) for m in meshes):
        return _nearest(kb, meshes, exclude)
    key = (tuple(m.id for m in meshes), frozenset(exclude))
    return kb.kept("nearest_meshes", key, lambda: _nearest(kb, meshes, exclude), NEAREST_KEPT)


def _nearest(kb: KnowledgeBase, meshes: list[Mesh], exclude: set[str]) -> Mesh | None:
    candidates = [
        m
        for m in kb.current_meshes()
        if m.id not in exclude and m.based_on is None and m.status != Status.baseline
    ]
    if not meshes or not candidates:
        return None

    def distance(candidate: Mesh) -> tuple[int, int]:
        gaps = [differences(kb, candidate, m) for m in meshes]
        return min(gaps), sum(gaps)

    return min(candidates, key=distance)


def platforms_of(facts: dict[str, FactValue]) -> set[str]:
    """The platform(s) the user said they run on, if any."""
    value = facts.get("platform")
    if isinstance(value, str):
        return {value}
    return set(value) if isinstance(value, list) else set()


def for_platform(kb: KnowledgeBase, meshes: list[Mesh], platforms: set[str]) -> Mesh | None:
    """A compared mesh's distribution that names the platform; else the offering of the
    platform's own provider (rules.yaml `platforms`). A mesh that runs on any Kubernetes
    does not count, nor one tied to another provider than the platform's."""
    owners = {d.provider for p, d in kb.rules.platforms.items() if p in platforms and d.provider}

    def fits(mesh: Mesh) -> bool:
        fit = mesh.fit
        if fit is None or not platforms & {p.value for p in fit.platforms}:
            return False
        return fit.provider is None or fit.provider in owners

    ids = {m.id for m in meshes}
    lineage = ids | {m.based_on for m in meshes if m.based_on}
    offered = [m for m in kb.current_meshes() if m.id not in ids and fits(m)]
    distributions = [m for m in offered if m.based_on in lineage]
    own = [m for m in offered if m.fit is not None and m.fit.provider]
    return next(iter(distributions + own), None)


def closest_alternatives(
    kb: KnowledgeBase, meshes: list[Mesh], facts: dict[str, FactValue]
) -> list[Mesh]:
    """The sibling, the nearest and the platform's offering, without repeats."""
    chosen: list[Mesh] = []
    taken = {m.id for m in meshes}

    def take(mesh: Mesh | None) -> None:
        if mesh is not None and mesh.id not in taken:
            chosen.append(mesh)
            taken.add(mesh.id)

    take(next((s for m in meshes for s in siblings(kb, m) if s.id not in taken), None))
    take(nearest(kb, meshes, taken))
    if platforms := platforms_of(facts):
        take(for_platform(kb, meshes, platforms))
    return chosen
