"""Overhead figures: which one to headline (the best-sourced, then the newest), and
whose measurement a borrowed one is."""

from __future__ import annotations

from bot.answers.citations import Citations, source_rank
from bot.answers.results import Bar
from bot.intents.models import Measure
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Basis, Figure, Mesh, Metric, Scope

# The figures that answer each measure, in the order a headline prefers them.
MEASURE_METRICS = {
    Measure.memory: (Metric.proxy_memory,),
    Measure.cpu: (Metric.proxy_cpu,),
    Measure.latency: (Metric.latency_p90, Metric.latency_p99, Metric.latency_p50),
    Measure.control_plane: (Metric.control_plane_memory, Metric.control_plane_cpu),
}


_BASIS_ORDER = {Basis.measured: 0, Basis.peak: 1, Basis.guidance: 2, Basis.worst_case: 3}
_BASIS_WORDS = {
    Basis.measured: "",
    Basis.peak: "peak under load",
    Basis.guidance: "sizing guidance, not a measurement",
    Basis.worst_case: "worst case: its setup inflates it",
}


def lead_figure(
    kb: KnowledgeBase, mesh: Mesh, metric: Metric, per: Scope | None = None
) -> Figure | None:
    """The figure to headline: best-ranked source kind, then a typical value before a peak
    or a sizing allowance, then the newest; of those counted `per` that, where asked."""
    figures = [f for f in mesh.overhead if f.metric == metric and per in (None, f.per)]
    if not figures:
        return None

    def rank(f: Figure) -> tuple[int, int, int]:
        kind = min(source_rank(kb, s)[0] for s in f.sources)
        return (kind, _BASIS_ORDER[f.basis], -f.as_of.toordinal())

    return min(figures, key=rank)


def basis_label(figure: Figure) -> str:
    """'peak under load' or 'sizing guidance, not a measurement'; '' for a typical value."""
    return _BASIS_WORDS[figure.basis]


def figure_caveats(kb: KnowledgeBase, figure: Figure) -> str:
    """What a reader must know before comparing the figure: whose measurement it is, and
    what kind of number it is ('borrowed: measured for Istio (sidecar mode)', 'peak under
    load'); '' for a typical value measured for its own mesh."""
    return "; ".join(w for w in (borrowed_label(kb, figure), basis_label(figure)) if w)


def borrowed_label(kb: KnowledgeBase, figure: Figure) -> str:
    """'borrowed: measured for Istio (sidecar mode)' where the figure is another mesh's; else ''."""
    if not figure.borrowed_from:
        return ""
    lender = kb.meshes.get(figure.borrowed_from)
    return f"borrowed: measured for {lender.name if lender else figure.borrowed_from}"


def figure_bar(label: str, figure: Figure, scale: float, cite: Citations) -> Bar:
    """A figure as a bar, its range times `scale` (a fleet's pods, a request rate's share)."""
    return Bar(
        label=label,
        low=figure.low * scale,
        high=figure.high * scale,
        unit=figure.unit,
        sources=cite.cite(figure.sources),
    )
