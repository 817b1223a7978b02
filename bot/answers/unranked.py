"""What a one-benchmark ranking of delays must say beside it: that its figures are worst
cases where they are, and the figures of meshes it leaves out, measured in other benchmarks,
each with its label and setup, so none is dropped unseen."""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.answers.figures import basis_label
from bot.answers.results import Statement
from bot.knowledge.models import Basis, Figure, Mesh, Metric
from bot.knowledge.wording import figure_text


def worst_case_note(figures: list[Figure]) -> str:
    """' Every figure ranked is a worst case …' where all of them are; else ''."""
    if not figures or any(f.basis != Basis.worst_case for f in figures):
        return ""
    setup = figures[0].conditions.split(";", 1)[0].strip()
    return (
        f" Every figure ranked is a worst case ({setup}): each request opens a new connection, "
        "which inflates the tail, so read them as an order, not as the delay your traffic "
        "would see, and benchmark your own traffic."
    )


def measured_elsewhere(meshes: list[Mesh], metric: Metric) -> list[tuple[Mesh, Figure]]:
    """Each mesh's own figures for the metric (none borrowed from another mesh)."""
    return [
        (m, f) for m in meshes for f in m.overhead if f.metric == metric and not f.borrowed_from
    ]


def elsewhere_text(found: list[tuple[Mesh, Figure]]) -> str:
    """'Istio ambient mode: 0.2 ms per request path (Istio 1.22 official benchmark, …); 25 ms
    per request path (worst case: …; LiveWyer's June 2024 follow-up run, …)'."""
    by_mesh: dict[str, list[str]] = {}
    for mesh, figure in found:
        setup = figure.conditions.split(";", 1)[0].strip()
        label = basis_label(figure)
        said = f"{figure_text(figure)} ({f'{label}; ' if label else ''}{setup})"
        by_mesh.setdefault(mesh.name, []).append(said)
    return "; ".join(f"{name}: {', '.join(said)}" for name, said in by_mesh.items())


def elsewhere_items(found: list[tuple[Mesh, Figure]], cite: Citations) -> list[Statement]:
    """The figures behind them, labelled as not ranked."""
    return [
        Statement(
            label=f"{mesh.name} (not ranked: another benchmark)",
            text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of})"
            + (f"; {label}" if (label := basis_label(figure)) else "")
            + (f". {figure.note}" if figure.note else ""),
            sources=cite.cite(figure.sources),
        )
        for mesh, figure in found
    ]
