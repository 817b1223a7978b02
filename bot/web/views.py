"""What each page shows, built from the knowledge base: plain data for the templates."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from bot.answers.figures import basis_label, borrowed_label
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Figure, Level, Mesh, Metric, Source, SourceKind
from bot.knowledge.wording import level_words
from bot.web.svg import RangeBar, RangeChart, layout

LEVEL_LABELS = {
    Level.yes: ("✔", "yes"),
    Level.partial: ("◐", "partial"),
    Level.extension: ("+", "via extension"),
    Level.enterprise: ("$", "enterprise only"),
    Level.no: ("✘", "no"),
    Level.unknown: ("?", "unknown"),
}

METRIC_TITLES = {
    Metric.proxy_memory: "Proxy memory",
    Metric.proxy_cpu: "Proxy CPU",
    Metric.latency_p50: "Added latency, p50",
    Metric.latency_p90: "Added latency, p90",
    Metric.latency_p99: "Added latency, p99",
    Metric.latency_max: "Added latency, max",
    Metric.control_plane_memory: "Control-plane memory",
    Metric.control_plane_cpu: "Control-plane CPU",
    Metric.throughput_change: "Throughput change",
}


class PageSources:
    """Numbers the sources a page cites, in order of first use."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._numbers: dict[str, int] = {}

    def cite(self, ids: list[str]) -> list[int]:
        numbers = []
        for source_id in ids:
            if source_id not in self._kb.sources:
                continue
            self._numbers.setdefault(source_id, len(self._numbers) + 1)
            numbers.append(self._numbers[source_id])
        return numbers

    def listed(self) -> list[tuple[int, Source]]:
        return [(n, self._kb.sources[i]) for i, n in self._numbers.items()]


@dataclass(frozen=True)
class Cell:
    symbol: str
    word: str
    level: str
    since: str | None
    note: str
    sources: list[int]


@dataclass(frozen=True)
class Row:
    feature: str
    explanation: str
    cells: list[Cell]


@dataclass(frozen=True)
class Group:
    category: str
    rows: list[Row]


@dataclass(frozen=True)
class Claim:
    mesh: str
    claim: str
    current: str
    sources: list[int]


@dataclass
class MeshSummary:
    id: str
    name: str
    status: str
    current: bool
    status_note: str
    successors: list[tuple[str, str]]
    version: str
    version_as_of: dt.date
    version_sources: list[int]
    data_plane: str
    license: str
    based_on: str | None = None
    summary: str = ""
    strengths: list[str] = field(default_factory=list)
    weaknesses: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ComparisonPage:
    meshes: list[MeshSummary]
    groups: list[Group]
    charts: list[RangeChart]
    claims: list[Claim]
    sources: list[tuple[int, Source]]


@dataclass(frozen=True)
class MeshPage:
    mesh: MeshSummary
    groups: list[Group]
    charts: list[RangeChart]
    claims: list[Claim]
    sources: list[tuple[int, Source]]


def summarise(kb: KnowledgeBase, mesh: Mesh, cite: PageSources) -> MeshSummary:
    return MeshSummary(
        id=mesh.id,
        name=mesh.name,
        status=mesh.status.value,
        current=mesh.is_current,
        status_note=mesh.status_note,
        successors=[(i, kb.meshes[i].name) for i in mesh.replaced_by if i in kb.meshes],
        version=mesh.version.current,
        version_as_of=mesh.version.as_of,
        version_sources=cite.cite(mesh.version.sources),
        data_plane=f"{mesh.data_plane.proxy} ({mesh.data_plane.model.value}, "
        f"{mesh.data_plane.language})",
        license=mesh.license,
        based_on=mesh.based_on,
        summary=mesh.summary,
        strengths=list(mesh.strengths),
        weaknesses=list(mesh.weaknesses),
    )


def feature_groups(kb: KnowledgeBase, meshes: list[Mesh], cite: PageSources) -> list[Group]:
    """Every feature, grouped by category in the knowledge base's order."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    for feature in kb.features.values():
        cells = []
        for mesh in meshes:
            support = mesh.features[feature.id]
            symbol, word = LEVEL_LABELS[support.level]
            level = support.level.value
            if support.not_applicable:
                symbol, word, level = "–", level_words(support.level, support.not_applicable), "na"
            cells.append(
                Cell(
                    symbol,
                    word,
                    level,
                    support.since,
                    support.note,
                    cite.cite(support.sources),
                )
            )
        grouped[feature.category.value].append(Row(feature.name, feature.explanation, cells))
    return [Group(category, rows) for category, rows in grouped.items()]


def overhead_charts(kb: KnowledgeBase, meshes: list[Mesh], cite: PageSources) -> list[RangeChart]:
    """One chart per metric, unit and scope: figures are never put on one axis across units."""
    figures: dict[tuple[Metric, str, str], list[tuple[Mesh, Figure]]] = defaultdict(list)
    for mesh in meshes:
        for figure in mesh.overhead:
            figures[(figure.metric, figure.unit, figure.per.value)].append((mesh, figure))
    charts = []
    for n, ((metric, unit, per), found) in enumerate(figures.items(), 1):
        bars = [_bar(kb, mesh, figure, cite) for mesh, figure in found]
        title = f"{METRIC_TITLES[metric]} ({unit} per {per.replace('_', ' ')})"
        charts.append(layout(f"chart-{n}", title, unit, bars))
    return charts


def _bar(kb: KnowledgeBase, mesh: Mesh, figure: Figure, cite: PageSources) -> RangeBar:
    source = kb.sources[figure.sources[0]]
    cited = [kb.sources[s] for s in figure.sources if s in kb.sources]
    flag = ""
    if any(s.vendor_authored for s in cited):
        flag = "vendor figure"
    elif all(s.kind == SourceKind.blog for s in cited):
        flag = "blog claim"
    for said in (borrowed_label(kb, figure), basis_label(figure)):
        if said:  # another mesh's measurement, a peak, a sizing allowance: said in text
            flag = f"{flag}; {said}" if flag else said
    return RangeBar(
        label=f"{mesh.name} ({figure.mode}) — {source.publisher}, {figure.as_of.year}",
        low=figure.low,
        high=figure.high,
        unit=figure.unit,
        caption=f"{figure.conditions}. {source.publisher}, as of {figure.as_of}",
        flag=flag,
        source_numbers=tuple(cite.cite(figure.sources)),
    )


def outdated_claims(meshes: list[Mesh], cite: PageSources) -> list[Claim]:
    return [
        Claim(mesh.name, c.claim, c.current, cite.cite(c.sources))
        for mesh in meshes
        for c in mesh.outdated_claims
    ]


def comparison_page(kb: KnowledgeBase, ids: list[str]) -> ComparisonPage:
    cite = PageSources(kb)
    meshes = [kb.meshes[i] for i in ids]
    summaries = [summarise(kb, m, cite) for m in meshes]
    groups = feature_groups(kb, meshes, cite)
    charts = overhead_charts(kb, meshes, cite)
    claims = outdated_claims(meshes, cite)
    return ComparisonPage(summaries, groups, charts, claims, cite.listed())


def mesh_page(kb: KnowledgeBase, mesh_id: str) -> MeshPage:
    cite = PageSources(kb)
    mesh = kb.meshes[mesh_id]
    summary = summarise(kb, mesh, cite)
    groups = feature_groups(kb, [mesh], cite)
    charts = overhead_charts(kb, [mesh], cite)
    claims = outdated_claims([mesh], cite)
    return MeshPage(summary, groups, charts, claims, cite.listed())


def index_rows(kb: KnowledgeBase) -> list[MeshSummary]:
    cite = PageSources(kb)
    rows = [summarise(kb, m, cite) for m in kb.meshes.values()]
    return sorted(rows, key=lambda r: (not r.current, r.name.lower()))
