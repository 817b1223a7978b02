"""Shared pieces for handlers: citing sources, naming things, standard buttons."""

from __future__ import annotations

from collections.abc import Iterable

from bot.answers.results import Answer, Choice, Part, SourceRef
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Figure, Level, Mesh, Metric, SourceKind

LEVEL_WORDS = {
    Level.yes: "yes",
    Level.partial: "partial",
    Level.extension: "via extension",
    Level.enterprise: "enterprise only",
    Level.no: "no",
    Level.unknown: "unknown",
}

# Which figure leads when a mesh has several for one metric: primary sources first.
_KIND_RANK = {
    SourceKind.official_docs: 0,
    SourceKind.release_notes: 0,
    SourceKind.repository: 1,
    SourceKind.independent_benchmark: 1,
    SourceKind.vendor_benchmark: 2,
    SourceKind.vendor_marketing: 3,
    SourceKind.blog: 4,
}


class Citations:
    """Collects the sources an answer cites, in order of first use."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._ids: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[str]:
        ids = [i for i in ids if i in self._kb.sources]
        for source_id in ids:
            if source_id not in self._ids:
                self._ids.append(source_id)
        return ids

    def refs(self) -> list[SourceRef]:
        return [source_ref(self._kb, i) for i in self._ids]


_SOURCE_REFS: dict[tuple[str, str], SourceRef] = {}


def source_ref(kb: KnowledgeBase, source_id: str) -> SourceRef:
    """The answer-side view of a source, built once per knowledge version."""
    key = (kb.version, source_id)
    if key not in _SOURCE_REFS:
        _SOURCE_REFS[key] = _build_source_ref(kb, source_id)
    return _SOURCE_REFS[key]


def _build_source_ref(kb: KnowledgeBase, source_id: str) -> SourceRef:
    s = kb.sources[source_id]
    return SourceRef(
        id=s.id,
        title=s.title,
        url=str(s.url) if s.url else None,
        publisher=s.publisher,
        date=s.date,
        kind=s.kind.value,
        vendor_authored=s.vendor_authored,
    )


def answer(
    kb: KnowledgeBase,
    intent: Intent,
    citations: Citations,
    *,
    title: str,
    summary: str,
    parts: list[Part] | None = None,
    next_steps: list[Choice] | None = None,
    follow_up=None,
) -> Answer:
    return Answer(
        intent=intent,
        kind=intent.kind,
        title=title,
        summary=summary,
        parts=parts or [],
        next_steps=next_steps or [],
        follow_up=follow_up,
        sources=citations.refs(),
        as_of=kb.as_of,
        kb_version=kb.version,
    )


def first_sentence(text: str) -> str:
    """Up to the first full stop followed by a space (the whole text if there is none)."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def mesh_names(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    names = [kb.meshes[i].name for i in ids]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def status_line(kb: KnowledgeBase, mesh: Mesh) -> str:
    """'Retired: … Use X or Y instead.' for meshes that are not current; else ''."""
    if mesh.is_current:
        return ""
    line = f"{mesh.status.value.capitalize()}: {mesh.status_note}".rstrip()
    if mesh.replaced_by:
        line += f" Consider {mesh_names(kb, mesh.replaced_by)} instead."
    return line


def lead_figure(kb: KnowledgeBase, mesh: Mesh, metric: Metric) -> Figure | None:
    """The figure to headline: best-ranked source kind, then the newest."""
    figures = [f for f in mesh.overhead if f.metric == metric]
    if not figures:
        return None

    def rank(f: Figure) -> tuple[int, int]:
        return (min(source_rank(kb, s)[0] for s in f.sources), -f.as_of.toordinal())

    return min(figures, key=rank)


def source_rank(kb: KnowledgeBase, source_id: str) -> tuple[int, int]:
    """Sort key for sources: primary before independent before vendor before blog; newest first."""
    source = kb.sources.get(source_id)
    if source is None:
        return (9, 0)
    return (_KIND_RANK[source.kind], -source.date.toordinal())


def figure_text(figure: Figure) -> str:
    value = (
        _num(figure.low)
        if figure.low == figure.high
        else (f"{_num(figure.low)}–{_num(figure.high)}")
    )
    return f"{value} {figure.unit} per {figure.per.value.replace('_', ' ')}"


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:g}"


def fmt_amount(value: float, unit: str) -> str:
    """Scale MB totals to GB (decimal, as the figures are quoted)."""
    if unit == "MB" and value >= 1000:
        return f"{value / 1000:,.1f} GB".replace(".0 GB", " GB")
    return f"{_num(value)} {unit}"


def step(label: str, kind: IntentKind, **fields) -> Choice:
    return Choice(label=label, intent=Intent(kind=kind, **fields))


def standard_steps(kb: KnowledgeBase, exclude: IntentKind) -> list[Choice]:
    steps = [
        step("Recommend for my setup", IntentKind.recommend),
        step("Compare Istio and Linkerd", IntentKind.compare, meshes=["istio", "linkerd"]),
        step("Sidecar cost at 1,000 pods", IntentKind.cost, facts={"pods": 1000}),
        step("All features", IntentKind.features),
        step("Sources", IntentKind.sources),
    ]
    return [s for s in steps if s.intent.kind != exclude and set(s.intent.meshes) <= set(kb.meshes)]
