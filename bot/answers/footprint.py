"""The data plane's memory at a setup's size, from the overhead figures; pure functions."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.answers.citations import source_rank
from bot.answers.requirements import Requirements
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import DataPlaneModel, Figure, Mesh, Metric, Scope

DEFAULT_PODS = 1000  # the size a recommendation weighs when none was given
PODS_PER_NODE = 30


@dataclass(frozen=True)
class Footprint:
    """Proxy memory for the whole estate, in the figure's unit, with its sources."""

    total: float
    unit: str
    sources: list[str]
    borrowed_from: str | None = None  # the mesh the figure was measured for, if another's


def _figures(kb: KnowledgeBase) -> dict[str, Figure | None]:
    """Each mesh's proxy-memory figure to go by, chosen once per knowledge base."""
    return {mesh.id: _figure(kb, mesh) for mesh in kb.meshes.values()}


def _figure(kb: KnowledgeBase, mesh: Mesh) -> Figure | None:
    """The proxy-memory figure to go by: per pod or per node, best-ranked source first."""
    figures = [
        f
        for f in mesh.overhead
        if f.metric == Metric.proxy_memory and f.per in (Scope.pod, Scope.node)
    ]
    return min(
        figures,
        key=lambda f: (min(source_rank(kb, s) for s in f.sources), -f.as_of.toordinal()),
        default=None,
    )


def _sidecar_free(mesh: Mesh) -> Figure | None:
    """Its per-node proxy-memory figure, the one its sidecar-free mode goes by (Gloo Mesh's
    ambient ztunnel beside its sidecar figure), for a setup that refuses sidecars."""
    return next(
        (f for f in mesh.overhead if f.metric == Metric.proxy_memory and f.per == Scope.node),
        None,
    )


def control_plane(mesh: Mesh) -> Footprint | None:
    """Its control plane's memory at its lightest in the overhead figures (a small test app),
    the one a site with a few pods runs; None without a figure."""
    figures = [f for f in mesh.overhead if f.metric == Metric.control_plane_memory]
    figure = min(figures, key=lambda f: (f.low + f.high) / 2, default=None)
    if figure is None:
        return None
    total = (figure.low + figure.high) / 2
    return Footprint(total, figure.unit, list(figure.sources), figure.borrowed_from)


def per_pod(kb: KnowledgeBase, mesh: Mesh) -> list[Figure]:
    """Its proxy-memory figures counted per pod (a sidecar's), best-ranked source first."""
    figures = [f for f in mesh.overhead if f.metric == Metric.proxy_memory and f.per == Scope.pod]
    return sorted(
        figures,
        key=lambda f: (min(source_rank(kb, s) for s in f.sources), -f.as_of.toordinal()),
    )


def nodes_of(req: Requirements) -> int:
    """The nodes a per-node proxy runs on: those counted, else the pods at 30 a node."""
    if req.nodes:
        return req.nodes
    return max(1, math.ceil((req.size or DEFAULT_PODS) / PODS_PER_NODE))


def footprint(kb: KnowledgeBase, mesh: Mesh, req: Requirements) -> Footprint | None:
    """What the data plane would hold in memory at this size; None without a figure or
    without a data plane (no mesh is not weighed against proxies)."""
    if mesh.data_plane.model == DataPlaneModel.none:
        return None
    figure = _sidecar_free(mesh) if req.no_sidecars else None
    if figure is None:
        figures = kb.derived("proxy_memory_figures", _figures)
        figure = figures[mesh.id] if kb.owns(mesh) else _figure(kb, mesh)  # a changed copy
    if figure is None:
        return None
    count = req.size or DEFAULT_PODS if figure.per == Scope.pod else nodes_of(req)
    return Footprint((figure.low + figure.high) / 2 * count, figure.unit, list(figure.sources))
