"""Overhead at a given size: one headline figure per mesh, every figure on demand."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations, source_rank
from bot.answers.figures import (
    MEASURE_METRICS,
    basis_label,
    borrowed_label,
    figure_bar,
    figure_caveats,
    lead_figure,
)
from bot.answers.money import money_said
from bot.answers.phrasing import mesh_names
from bot.answers.results import (
    Answer,
    Bar,
    Chart,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
)
from bot.answers.scale import past_one_cluster
from bot.answers.steps import default_pair, standard_steps, step
from bot.intents.models import Aspect, Intent, IntentKind, Measure
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Basis, DataPlaneModel, Figure, Mesh, Metric, Scope
from bot.knowledge.wording import amount, figure_text, number

DEFAULT_PODS = 1000
PODS_PER_NODE = 30
MB_PER_MIB = 1.048576
ABOVE = 1.5  # a proxy seen using up to this many times a measured figure is "a little above"
_LATENCY = (Metric.latency_p50, Metric.latency_p90, Metric.latency_p99)
_MEMORY_SCOPES = (Scope.pod, Scope.node)
# rules.yaml facts naming the mesh a setup moves off, and its refusal of sidecars
LEFT_BEHIND = ("leaving", "retired_mesh")
NO_SIDECARS = "no_sidecars"
_PROXY_SCOPES = (Scope.pod, Scope.node, Scope.waypoint)


@dataclass(frozen=True)
class Size:
    """The setup the totals are for, and what of it was assumed rather than told."""

    pods: int
    nodes: int
    hops: int
    rps: int | None
    assumed: tuple[str, ...]
    told: bool
    clusters: int = 1
    nodes_only: bool = False  # nodes said, no pods or services: per-pod figures assume pods
    percentile: Metric | None = None  # the latency percentile asked ("p99"), if one was
    services: int | None = None  # services counted where no pods were: one pod a service
    waypoints: int | None = None  # ambient's L7 waypoints counted ("with 10 waypoints")
    needs: tuple[str, ...] = ()  # the features the setup needs at the mesh

    @property
    def said(self) -> str:
        """The estate in the user's own noun: '500 services' where they counted services."""
        if self.services:
            return f"{self.services:,} services"
        return f"{self.nodes:,} nodes" if self.nodes_only else f"{self.pods:,} pods"

    @property
    def headline(self) -> str:
        if self.nodes_only:
            return (
                f"{self.nodes:,} nodes (assumed for per-pod figures: {PODS_PER_NODE} pods a node)"
            )
        said = f"{self.pods:,} pods on {self.nodes:,} nodes"
        return f"{said} (assumed: {', '.join(self.assumed)})" if self.assumed else said

    @property
    def title(self) -> str:
        return f"{self.nodes:,} nodes" if self.nodes_only else f"{self.pods:,} pods"

    def count(self, figure: Figure) -> int:
        return self.pods if figure.per == Scope.pod else self.nodes


def _count(intent: Intent, fact: str) -> int | None:
    value = intent.facts.get(fact)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _services_under_nodes(services: int | None, nodes: int | None) -> int | None:
    """The services, unless they are fewer than the nodes said: then one pod a service would
    leave nodes empty ("at 40 pods on 50 nodes"), so the services count no pods and the nodes
    size the estate at an assumed density, as nodes said alone do."""
    return None if services and nodes and services < nodes else services


def _size(intent: Intent) -> Size:
    said_nodes = _count(intent, "nodes")
    services = _services_under_nodes(_count(intent, "services"), said_nodes)
    nodes_only = bool(said_nodes) and not (_count(intent, "pods") or services)
    by_nodes = said_nodes * PODS_PER_NODE if nodes_only and said_nodes else None
    pods = _count(intent, "pods") or services or by_nodes or DEFAULT_PODS
    nodes = said_nodes or max(1, math.ceil(pods / PODS_PER_NODE))
    assumed = []
    if not _count(intent, "pods"):
        assumed.append("one pod a service" if services else f"{pods:,} pods")
    if not said_nodes:
        assumed.append(f"{PODS_PER_NODE} pods a node")
    told = any(_count(intent, fact) for fact in ("pods", "services", "nodes"))
    hops = _count(intent, "hops") or 1
    clusters = _count(intent, "clusters") or 1
    rps = _count(intent, "rps")
    asked = re.search(r"\bp(50|90|99)\b|\b(?:50|90|99)(?=th\s+percentile\b)", intent.text.lower())
    percentile = Metric(f"latency_p{asked.group(1) or asked.group(0)}") if asked else None
    counted = services if services and not _count(intent, "pods") else None
    return Size(
        pods,
        nodes,
        hops,
        rps,
        tuple(assumed),
        told,
        clusters,
        nodes_only,
        percentile,
        counted,
        _count(intent, "waypoints"),
        tuple(needs) if isinstance(needs := intent.facts.get("needs"), list) else (),
    )


def _meshes(kb: KnowledgeBase, intent: Intent) -> list[Mesh]:
    """The meshes asked about, less the one the setup moves off where others are asked too
    (a retired mesh they leave is no option to cost); by default the featured meshes that
    have figures."""
    left = {intent.facts.get(fact) for fact in LEFT_BEHIND}
    asked = [m for m in intent.meshes if m in kb.meshes]
    ids = (
        [m for m in asked if m not in left]
        or asked
        or [m for m in kb.rules.featured if m in kb.meshes and kb.meshes[m].overhead]
    )
    return [kb.meshes[i] for i in ids]


def _source_tag(kb: KnowledgeBase, figure: Figure) -> str:
    """'Publisher, 2025-11' with 'vendor' or 'blog claim' where that is what it is."""
    source = kb.sources.get(figure.sources[0])
    if source is None:
        return figure.sources[0]
    vendor = ", vendor" if source.vendor_authored else ""
    tag = ", blog claim" if source.kind == "blog" else vendor
    return f"{source.publisher}, {figure.as_of:%Y-%m}{tag}"


def _who(kb: KnowledgeBase, figure: Figure) -> str:
    """'Publisher, 2025' with 'vendor' or 'blog claim' where that is what it is, then what
    the figure is where a reader must know it before comparing: 'borrowed: measured for X',
    'peak under load', 'sizing guidance, not a measurement'."""
    who = _source_tag(kb, figure)
    caveats = figure_caveats(kb, figure)
    return f"{who}; {caveats}" if caveats else who


def _blog(kb: KnowledgeBase, figure: Figure) -> bool:
    """Every source of the figure is a blog's claim, not a measurement."""
    kinds = [kb.sources[s].kind for s in figure.sources if s in kb.sources]
    return bool(kinds) and all(k == "blog" for k in kinds)


def _named(mesh: Mesh, figure: Figure) -> str:
    """'Istio ambient mode (ztunnel)'; the mode only where the name does not say it."""
    return mesh.name if figure.mode.lower() in mesh.name.lower() else f"{mesh.name} ({figure.mode})"


def _what_was_measured(figure: Figure) -> str:
    """The first clause of a figure's conditions: what tells it from the mesh's others."""
    clause = re.split(r"[,;(]", figure.conditions, maxsplit=1)[0].strip()
    return clause if len(clause) <= 60 else f"{clause[:59].rstrip()}…"


def _label(kb: KnowledgeBase, mesh: Mesh, figure: Figure) -> str:
    return f"{_named(mesh, figure)}: {_what_was_measured(figure)} — {_who(kb, figure)}"


def _total(figure: Figure, size: Size) -> str:
    low, high = (amount(v * size.count(figure), figure.unit) for v in (figure.low, figure.high))
    return low if low == high else f"{low}–{high}"


def _bar(kb: KnowledgeBase, mesh: Mesh, figure: Figure, size: Size, cite: Citations) -> Bar:
    """One figure as a bar: a fleet total for memory at a told size, CPU at the user's rate,
    otherwise the figure as measured."""
    scale = 1.0
    if figure.metric == Metric.proxy_memory and size.told:
        scale = size.count(figure)
    elif figure.metric == Metric.proxy_cpu and size.rps and figure.per_rps:
        scale = size.rps / figure.per_rps
    return figure_bar(_label(kb, mesh, figure), figure, scale, cite)


def _headlines(
    kb: KnowledgeBase,
    meshes: list[Mesh],
    measure: Measure = Measure.memory,
    percentiles: tuple[Metric, ...] = MEASURE_METRICS[Measure.latency],
    asked: Metric | None = None,
    sidecarless: bool = False,
) -> list[tuple[Mesh, Figure]]:
    """One figure per mesh for the measure asked: memory that scales with size by default;
    where sidecars are refused (`sidecarless`), a mesh's sidecarless mode's.

    Latency figures side by side are like for like: one percentile, from one source or
    one publisher's runs where the knowledge base has them (see `_like_for_like`).
    """
    if measure == Measure.latency:
        steady = _like_for_like(kb, [_steady(mesh) for mesh in meshes], percentiles)
        return _at_asked(kb, meshes, steady, asked) or steady
    if measure == Measure.control_plane:
        return [
            (mesh, figure)
            for mesh in meshes
            if (figure := _first_figure(kb, mesh, MEASURE_METRICS[measure])) is not None
        ]
    scopes = _MEMORY_SCOPES if measure == Measure.memory else _PROXY_SCOPES
    chosen = []
    for mesh in meshes:
        metric = MEASURE_METRICS[measure][0]
        # sidecars refused: the sidecarless mode's per-node figure (Gloo Mesh's ztunnel)
        # where the offering runs one, not its sidecars'
        figure = (sidecarless and lead_figure(kb, mesh, metric, Scope.node)) or lead_figure(
            kb, mesh, metric
        )
        if figure is not None and figure.per in scopes:
            chosen.append((mesh, figure))
    return chosen


# What requests are set beside: what a proxy or a control plane holds, not a delay.
_RESERVED_FOR = (
    Metric.proxy_memory,
    Metric.proxy_cpu,
    Metric.control_plane_memory,
    Metric.control_plane_cpu,
)


def _also(intent: Intent, measure: Measure) -> list[Measure]:
    """The other measures the question asked beside the first ("cpu + mem")."""
    said = intent.facts.get("also_measures")
    values = {m.value for m in Measure}
    listed = said if isinstance(said, list) else []
    return [Measure(m) for m in listed if m in values and m != measure.value]


def _reserved(headlines: list[tuple[Mesh, Figure]], size: Size) -> str:
    """What the default resource requests set aside at the size asked, beside what the
    figures say is used: the scheduler reserves requests, whatever the proxies use."""
    said = []
    headlines = [(m, f) for m, f in headlines if f.metric in _RESERVED_FOR]
    for mesh, figure in headlines:
        found = [r for r in mesh.default_requests if r.mode == figure.mode]
        if not found or _named(mesh, figure) in " ".join(said):
            continue
        req = found[0]
        each = f"{number(req.memory)} MiB and {number(req.cpu)} vCPU"
        if figure.per in (Scope.pod, Scope.node) and size.told:
            count = size.count(figure)
            total = f"{number(req.memory * count / 1024)} GiB and {number(req.cpu * count)} vCPU"
            said.append(
                f"{_named(mesh, figure)} requests {each} a {figure.per.value} by default, "
                f"so {count:,} {figure.per.value}s reserve {total} ({req.setting})"
            )
        else:
            where = "a replica" if figure.per == Scope.mesh else f"a {figure.per.value}"
            said.append(
                f"{_named(mesh, figure)} requests {each} {where} by default ({req.setting})"
            )
    if not said:
        return ""
    held = {m.id for m, f in headlines if any(r.mode == f.mode for r in m.default_requests)}
    others = list(dict.fromkeys(m.name for m, _ in headlines if m.id not in held))
    none = f"; I hold no default requests for {', '.join(others)}" if others else ""
    return (
        "The scheduler sets aside requests, not use, so capacity planning pays for them: "
        + "; ".join(said)
        + none
    )


def _at_asked(
    kb: KnowledgeBase,
    meshes: list[Mesh],
    steady: list[tuple[Mesh, Figure]],
    asked: Metric | None,
) -> list[tuple[Mesh, Figure]]:
    """Where a percentile is asked ("p99?") and no steady-state figures side by side are at
    it, one source's figures at that percentile for every mesh, worst case or not: the
    percentile asked leads, and the lead says how it was measured (`_worst_cases`). One mesh
    asked alone leads with its own figure at that percentile, whoever measured it."""
    if asked is None or all(f.metric == asked for _, f in steady):
        return []
    if len(meshes) == 1:
        own = _first_figure(kb, meshes[0], (asked,))
        return [(meshes[0], own)] if own is not None else []
    blocks = [b for b in _blocks(kb, meshes, (asked,)) if len(b) == len(meshes)]
    return [blocks[0][m.id] for m in meshes] if blocks else []


def _steady_alike(
    kb: KnowledgeBase, meshes: list[Mesh], headlines: list[tuple[Mesh, Figure]], size: Size
) -> str:
    """Beside worst cases at the percentile asked, the steady-state figures that stand side
    by side at another percentile, with their source."""
    if not any(f.basis == Basis.worst_case for _, f in headlines):
        return ""
    steady = _like_for_like(kb, [_steady(m) for m in meshes], MEASURE_METRICS[Measure.latency])
    steady = [(m, f) for m, f in steady if f.basis != Basis.worst_case]
    if len(steady) < 2 or not _comparable(steady) or steady[0][1].metric == headlines[0][1].metric:
        return ""
    percentile = steady[0][1].metric.value.removeprefix("latency_")
    values = "; ".join(f"{_named(m, f)}: {_value_at(f, size, Measure.latency)}" for m, f in steady)
    return (
        f"In steady state the one benchmark measuring them alike is at {percentile}, not the "
        f"percentile asked ({_source_tag(kb, steady[0][1])}): {values}"
    )


def _is_latency(figure: Figure) -> bool:
    return figure.metric in (*_LATENCY, Metric.latency_max)


def _steady(mesh: Mesh) -> Mesh:
    """The mesh with its worst-case delays set aside where any other delay is held, so a
    headline never quotes a setup that inflates it (no keep-alive) over a steady-state one."""
    delays = [f for f in mesh.overhead if _is_latency(f)]
    if all(f.basis == Basis.worst_case for f in delays):
        return mesh
    kept = [f for f in mesh.overhead if not (_is_latency(f) and f.basis == Basis.worst_case)]
    return mesh.model_copy(update={"overhead": kept})


def _steady_elsewhere(kb: KnowledgeBase, mesh: Mesh, size: Size) -> str:
    """One mesh's steady-state delay at another percentile than the worst case asked, with
    its source: "… at another percentile (Linkerd project (Buoyant), …): 6 ms … at p50"."""
    steady = _first_figure(kb, _steady(mesh), MEASURE_METRICS[Measure.latency])
    if steady is None:
        return f"I hold no steady-state delay for {mesh.name} at this percentile"
    value = _value_at(steady, size, Measure.latency)
    tag = _source_tag(kb, steady)
    return f"the steady-state delay I hold is at another percentile ({tag}): {value}"


def _worst_cases(
    kb: KnowledgeBase, meshes: list[Mesh], headlines: list[tuple[Mesh, Figure]], size: Size
) -> str:
    """The delays set aside as worst cases, said apart with their setup; and, where a
    headline is itself one (no other figure held), that it is."""
    shown = {id(f) for _, f in headlines}
    lead = [(m, f) for m, f in headlines if f.basis == Basis.worst_case]
    apart = [
        (m, f)
        for m in meshes
        for f in m.overhead
        if _is_latency(f) and f.basis == Basis.worst_case and id(f) not in shown
    ]
    said = []
    if lead:
        # at the percentile asked, a steady-state delay may be held at another one
        unsteady = [m.id for m, _ in lead if _steady(m).overhead == m.overhead]
        names = mesh_names(kb, unsteady)
        held = (
            f"I hold no steady-state delay for {names}"
            if unsteady
            else _steady_elsewhere(kb, lead[0][0], size)
            if len(meshes) == 1
            else "no run in my knowledge base measured them alike at this percentile in "
            "steady state"
        )
        said.append(
            f"That is a worst case, not steady state: every request opened a new connection, "
            f"which inflates the tail; {held}"
        )
    if apart:
        said.append(_apart(apart, size))
    return _sentences(*said)


def _runs(figures: list[tuple[Mesh, Figure]]) -> list[list[tuple[Mesh, Figure]]]:
    """The figures by run (first source and percentile), the run measuring most meshes first."""
    runs: dict[tuple[str, Metric], list[tuple[Mesh, Figure]]] = {}
    for mesh, figure in figures:
        runs.setdefault((figure.sources[0], figure.metric), []).append((mesh, figure))
    return sorted(runs.values(), key=lambda run: len({m.id for m, _ in run}), reverse=True)


def _apart(apart: list[tuple[Mesh, Figure]], size: Size) -> str:
    """The worst cases set aside, run by run under each run's own setup: the run that measured
    the most meshes first ("measured alike"), so figures of separate runs never read as one."""
    said = []
    for i, run in enumerate(_runs(apart)):
        clause = run[0][1].conditions.split(";", 1)[0].strip()
        values = "; ".join(f"{_named(m, f)}: {_value_at(f, size, Measure.latency)}" for m, f in run)
        alike = len({m.id for m, _ in run}) > 1
        if i == 0:
            head = "Worst case, apart (every request on a new connection, which inflates the tail)"
            said.append(
                f"{head}, measured alike in one run ({clause}): {values}"
                if alike
                else f"{head}: {values}, measured under {clause}"
            )
        else:
            said.append(f"A separate run ({clause}): {values}")
    return _sentences(*said)


def _separate_runs(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]]) -> str:
    """Where the delays side by side come from separate releases or benchmarks, each one's
    setup and date, so the gap between them is not read as the difference between the meshes
    (one publisher's runs of one setup say so in their setup instead)."""
    if len(headlines) < 2 or _comparable(headlines):
        return ""
    official = all(_official(kb, f) for _, f in headlines)
    if _one_publisher(kb, headlines) and not official:
        return ""
    runs = "; ".join(
        f"{_named(m, f)}: {f.conditions.split(';', 1)[0].strip()}, {f.as_of:%Y-%m}"
        for m, f in headlines
    )
    return (
        f"Not like for like, these are separate runs ({runs}). No one run in my knowledge "
        "base measured them alike at this percentile in steady state, so part of the gap is "
        "the years and setups between them"
    )


def _first_figure(kb: KnowledgeBase, mesh: Mesh, metrics: tuple[Metric, ...]) -> Figure | None:
    return next((f for m in metrics if (f := lead_figure(kb, mesh, m)) is not None), None)


def _asked_percentiles(size: Size) -> tuple[Metric, ...]:
    """The latency percentiles in the order a headline prefers them: the one asked first."""
    default = MEASURE_METRICS[Measure.latency]
    first = size.percentile
    return (first, *(m for m in default if m != first)) if first else default


def _publisher(kb: KnowledgeBase, source: str) -> str:
    found = kb.sources.get(source)
    return found.publisher if found else source


def _like_for_like(
    kb: KnowledgeBase, meshes: list[Mesh], percentiles: tuple[Metric, ...]
) -> list[tuple[Mesh, Figure]]:
    """Latency figures that can stand side by side, the percentile asked first.

    Prefers one source that measured every mesh at a percentile, then one publisher's runs
    (a follow-up run of the same setup), then each mesh's best figure at one shared
    percentile. Where none covers every mesh, the largest such block keeps its figures and
    the other meshes their own best ones; the lead says which are not comparable.
    """
    if len(meshes) < 2:
        return [(m, f) for m in meshes if (f := _first_figure(kb, m, percentiles)) is not None]
    blocks = _blocks(kb, meshes, percentiles)
    if blocks and len(blocks[0]) == len(meshes):
        return [blocks[0][m.id] for m in meshes]
    for metric in percentiles:
        same = [(m, f) for m in meshes if (f := lead_figure(kb, m, metric)) is not None]
        if len(same) == len(meshes):
            return same
    block = blocks[0] if blocks and len(blocks[0]) > 1 else {}
    return [
        block.get(m.id) or (m, f)
        for m in meshes
        if m.id in block or (f := _first_figure(kb, m, percentiles)) is not None
    ]


def _blocks(
    kb: KnowledgeBase, meshes: list[Mesh], percentiles: tuple[Metric, ...]
) -> list[dict[str, tuple[Mesh, Figure]]]:
    """Figures measured alike, by one source then by one publisher, a percentile at a time
    in the order preferred; the block covering the most meshes first."""
    keys: tuple[Callable[[str], str], ...] = (lambda s: s, lambda s: _publisher(kb, s))
    found: list[dict[str, tuple[Mesh, Figure]]] = []
    for key in keys:
        for metric in percentiles:
            by_key: dict[str, dict[str, tuple[Mesh, Figure]]] = {}
            for mesh in meshes:
                for figure in mesh.overhead:
                    if figure.metric == metric and not figure.borrowed_from:
                        for source in figure.sources:
                            by_key.setdefault(key(source), {}).setdefault(mesh.id, (mesh, figure))
            found.extend(by_key.values())
    return sorted(found, key=len, reverse=True)


def _comparable(headlines: list[tuple[Mesh, Figure]]) -> bool:
    """Figures are comparable only when one source measured them all, for one metric
    (a borrowed figure was not measured for its mesh at all)."""
    if any(f.borrowed_from for _, f in headlines) or len({f.metric for _, f in headlines}) > 1:
        return False
    shared = set.intersection(*(set(f.sources) for _, f in headlines)) if headlines else set()
    return bool(shared)


def _one_publisher(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]]) -> str:
    """The publisher every figure comes from (separate runs of one setup), else ''."""
    publishers = {_publisher(kb, f.sources[0]) for _, f in headlines}
    one_metric = len({f.metric for _, f in headlines}) == 1
    return publishers.pop() if len(publishers) == 1 and one_metric and headlines else ""


def _comparability(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]]) -> str:
    """How far the figures side by side can be compared, for the list's heading."""
    if _comparable(headlines):
        return "one benchmark"
    if any(f.borrowed_from for _, f in headlines):
        return "some borrowed from another offering with the same proxy: not directly comparable"
    if len({f.metric for _, f in headlines}) > 1:
        return "different percentiles and benchmarks: not comparable"
    if (publisher := _one_publisher(kb, headlines)) and all(_official(kb, f) for _, f in headlines):
        return f"the project's own benchmarks ({publisher}): separate releases and runs"
    if publisher:
        return f"one publisher's runs ({publisher}): same setup, separate runs"
    return "different benchmarks, years or conditions: not directly comparable"


_MISSING = {
    Measure.memory: "proxy-memory",
    Measure.cpu: "CPU",
    Measure.latency: "latency",
    Measure.control_plane: "control-plane",
}

_HEADINGS = {
    Measure.memory: "Proxy memory, one figure per mesh",
    Measure.cpu: "Proxy CPU, one figure per mesh",
    Measure.latency: "Added latency, one figure per mesh",
    Measure.control_plane: "Control plane, one figure per mesh",
}


def _before(kb: KnowledgeBase, baseline: list[Mesh], measure: Measure) -> str:
    """The no-mesh baseline asked beside a mesh, said as the before of a before/after."""
    if not baseline:
        return ""
    what = "latency" if measure == Measure.latency else f"{_MISSING[measure]} overhead"
    return (
        f"{mesh_names(kb, [m.id for m in baseline])} is the before: it adds no {what} of its"
        " own, so each figure here is what the mesh adds over running none"
    )


def _unfigured(meshes: list[Mesh], headlines: list[tuple[Mesh, Figure]]) -> list[Mesh]:
    """The meshes asked about that have no figure for the measure."""
    figured = {mesh.id for mesh, _ in headlines}
    return [mesh for mesh in meshes if mesh.id not in figured]


def _headline_part(
    kb: KnowledgeBase,
    meshes: list[Mesh],
    headlines: list[tuple[Mesh, Figure]],
    size: Size,
    cite: Citations,
    measure: Measure = Measure.memory,
) -> StatementList:
    """One statement a mesh asked about: its figure, or that there is no sourced one."""
    note = _comparability(kb, headlines)
    return StatementList(
        heading=f"{_HEADINGS[measure]} ({note})",
        items=[
            Statement(
                label=_named(mesh, figure),
                text=f"{_listed_value(figure, size, measure)} ({_who(kb, figure)})"
                + _nothing_in_cluster(figure)
                + _conditions(figure, measure),
                sources=cite.cite(figure.sources),
            )
            for mesh, figure in headlines
        ]
        + [
            Statement(
                label=mesh.name, text=f"no sourced {_MISSING[measure]} figure for {mesh.name}"
            )
            for mesh in _unfigured(meshes, headlines)
        ],
    )


def _control_planes(
    kb: KnowledgeBase, meshes: list[Mesh], clusters: int, cite: Citations
) -> StatementList:
    """The control plane's memory on top of the proxies': one control plane a cluster."""
    items = []
    for mesh in meshes:
        figure = lead_figure(kb, mesh, Metric.control_plane_memory)
        if figure is None:
            items.append(
                Statement(label=mesh.name, text=f"no sourced control-plane figure for {mesh.name}")
            )
            continue
        low, high = (amount(v * clusters, figure.unit) for v in (figure.low, figure.high))
        total = low if low == high else f"{low}–{high}"
        per = f"{figure_text(figure)} × {clusters:,} cluster{'s' if clusters > 1 else ''}"
        items.append(
            Statement(
                label=_named(mesh, figure),
                text=f"{total}: {per} ({_who(kb, figure)}); measured under: {figure.conditions}",
                sources=cite.cite(figure.sources),
            )
        )
    return StatementList(heading="Control plane on top (assumed: one a cluster)", items=items)


def _in_all(
    kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]], size: Size, clusters: int
) -> str:
    """'With one control plane a cluster (3 × 365 MB), about 12.9 GB in all', mesh by mesh."""
    said = []
    for mesh, proxy in headlines:
        plane = lead_figure(kb, mesh, Metric.control_plane_memory)
        if plane is None or proxy.unit != plane.unit:
            continue
        count = size.count(proxy) if size.told else 1
        low, high = (
            amount(p * count + c * clusters, proxy.unit)
            for p, c in ((proxy.low, plane.low), (proxy.high, plane.high))
        )
        total = low if low == high else f"{low}–{high}"
        plane_each = amount(plane.high, plane.unit)
        said.append(f"{mesh.name} about {total} in all ({clusters:,} × {plane_each} of it)")
    return f"Adding one control plane a cluster: {'; '.join(said)}" if said else ""


def _value_at(figure: Figure, size: Size, measure: Measure) -> str:
    """The figure at the user's size: a total, a rate-scaled value, or latency over hops."""
    if measure == Measure.memory and not size.told:
        return f"{figure_text(figure)}: {figure.conditions}"
    if measure == Measure.memory:
        count = f"{size.count(figure):,} {figure.per.value}s"
        return f"{_total(figure, size)}: {figure_text(figure)} × {count}"
    if measure == Measure.cpu:
        per = f"{figure_text(figure)} per {figure.per_rps:,} rps" if figure.per_rps else ""
        if through := _node_rate(figure, size):
            return _node_cpu(figure, size, through, per)
        if scaled := _scaled(figure, size.rps):
            said = f"about {scaled} a proxy at {size.rps:,} rps (scaled linearly from {per})"
            return said + _fleet_cpu(figure, size)
        return per or figure_text(figure)
    if measure == Measure.control_plane:
        return _per_cluster(figure, size.clusters) + _beyond(figure, size)
    percentile = figure.metric.value.removeprefix("latency_")
    added = f"{figure_text(figure)} at {percentile}"
    over = _over_hops(figure, size.hops)
    return f"{added}; {over[0].lower()}{over[1:]}" if over else added


def _node_rate(figure: Figure, size: Size) -> int:
    """The rate through one node's proxy when each pod takes the user's rate: a node proxy
    (ztunnel) carries every pod on its node, so its rate is theirs added up (0 where the
    figure is per pod or the pods or rate are not told)."""
    if figure.per != Scope.node or not figure.per_rps or not size.told or not size.rps:
        return 0
    return max(1, round(size.rps * size.pods / size.nodes))


def _node_cpu(figure: Figure, size: Size, through: int, per: str) -> str:
    """'about 0.36 vCPU a node at the 6,000 rps its pods put through it …, so about 6 vCPU
    across your 17 nodes': a per-node CPU figure at the rate its node's pods add up to."""
    fleet = [v * size.rps * size.pods / figure.per_rps for v in (figure.low, figure.high)]
    total = f"{fleet[0]:,.3g}" if fleet[0] == fleet[1] else f"{fleet[0]:,.3g}–{fleet[1]:,.3g}"
    return (
        f"about {_scaled(figure, through)} a node at the {through:,} rps its pods put through "
        f"it ({size.pods:,} pods at {size.rps:,} rps each over {size.nodes:,} nodes; scaled "
        f"linearly from {per}), so about {total} {figure.unit} across your {size.nodes:,} nodes"
    )


def _fleet_cpu(figure: Figure, size: Size) -> str:
    """', so about 200 vCPU across your 200 pods': a per-pod CPU figure at the user's rate,
    over the pods they counted ('' for a per-node figure or pods not told)."""
    if figure.per != Scope.pod or not size.told or size.nodes_only or not size.rps:
        return ""
    low, high = (v * size.rps / figure.per_rps * size.pods for v in (figure.low, figure.high))
    value = f"{low:,.3g}" if low == high else f"{low:,.3g}–{high:,.3g}"
    return f", so about {value} {figure.unit} across your {size.said} at that rate each"


def _listed_value(figure: Figure, size: Size, measure: Measure) -> str:
    """The figure as the list under the lead shows it: a control plane's without what its
    sources say decides it past the scale measured, which the lead says once."""
    if measure == Measure.control_plane:
        return _per_cluster(figure, size.clusters)
    return _value_at(figure, size, measure)


def _beyond(figure: Figure, size: Size) -> str:
    """Asked at more pods than a control-plane figure was measured serving: that it is not
    scaled to them, and what its sources say decides the figure there."""
    measured = figure.measured_proxies
    if not (size.told and measured and size.pods > measured and figure.beyond):
        return ""
    return (
        f". That is measured at {measured:,} proxies, not your {size.pods:,} pods, and I don't "
        f"scale it linearly: {figure.beyond}"
    ).rstrip(".")


def _per_cluster(figure: Figure, clusters: int) -> str:
    """A control plane's figure, and over the user's clusters where they gave several."""
    said = f"{figure_text(figure)}: {figure.conditions}"
    if clusters == 1 or figure.per != Scope.mesh:
        return said
    low, high = (amount(v * clusters, figure.unit) for v in (figure.low, figure.high))
    total = low if low == high else f"{low}–{high}"
    return (
        f"about {total} for {clusters:,} clusters with a control plane in each (multi-primary:"
        f" {figure_text(figure)} × {clusters:,}); a primary-remote setup runs one, though it"
        f" then serves every cluster's proxies. Measured under: {figure.conditions}"
    )


def _conditions(figure: Figure, measure: Measure) -> str:
    """For CPU and latency: what the figure was measured under (a memory total says it apart)."""
    return (
        f"; measured under: {figure.conditions}"
        if measure in (Measure.cpu, Measure.latency)
        else ""
    )


def _nothing_in_cluster(figure: Figure) -> str:
    """For a zero figure (a managed data plane outside the cluster): what is paid instead."""
    return f". {figure.conditions}" if figure.high == 0 else ""


def _lead(
    kb: KnowledgeBase,
    meshes: list[Mesh],
    headlines: list[tuple[Mesh, Figure]],
    size: Size,
    measure: Measure = Measure.memory,
) -> str:
    said = _figured_lead(kb, headlines, size, measure) if headlines else ""
    if missing := _unfigured(meshes, headlines):
        names = mesh_names(kb, [m.id for m in missing])
        why = [_outside_the_cluster(mesh) for mesh in missing]
        return _sentences(said, f"No sourced {_MISSING[measure]} figure for {names}", *why)
    return said


def _seen(
    kb: KnowledgeBase, intent: Intent, headlines: list[tuple[Mesh, Figure]], size: Size
) -> str:
    """The memory they see a proxy use ("~150Mi each, is that normal?", a pasted `kubectl top`
    row) against each mesh's figure for one proxy: whether it is in the measured range, what
    that was measured under where the lead does not say, the fleet at their size, and what
    the other meshes asked of (ambient's per-node proxy) would take instead."""
    seen = _count(intent, "pod_memory")
    per_pod = [(m, f) for m, f in headlines if f.per == Scope.pod and f.unit == "MB" and f.high]
    if not seen or not per_pod:
        return ""
    said = []
    for mesh, figure in per_pod:
        times = seen * MB_PER_MIB / figure.high
        near = (
            "at or below"
            if times <= 1
            else "a little above"
            if times <= ABOVE
            else f"well above the usual, about {times:.1f}× the top of"
        )
        under = f" ({_who(kb, figure)}), under: {figure.conditions}" if size.told else ""
        said.append(f"{near} the {figure_text(figure)} measured for {_named(mesh, figure)}{under}")
    # what grows a proxy past its figure, where the figure's source says ("memory grows with
    # the mesh configuration a sidecar holds"), and the fleet at the size they see
    grows = list(dict.fromkeys(f.note for _, f in per_pod if f.note and seen * MB_PER_MIB > f.high))
    fleet, instead = "", ""
    if size.told and size.pods:
        at = seen * size.pods / 1024
        fleet = f"At what you see, {size.pods:,} pods take about {at:,.0f} GiB"
        shared = [(m, f) for m, f in headlines if f.per == Scope.node and f.unit == "MB"]
        instead = "; ".join(
            f"In its place, {_named(mesh, figure)} would take about {_total(figure, size)} "
            f"({figure_text(figure)} × {size.count(figure):,} {figure.per}s){_waypoints(mesh)}: "
            f"about {at - figure.high * size.count(figure) / MB_PER_MIB / 1024:,.0f} GiB less "
            "than you see"
            for mesh, figure in shared
        )
    return _sentences(f"You see {seen} MiB a proxy: {'; '.join(said)}", *grows, fleet, instead)


def _waypoints(mesh: Mesh) -> str:
    """', plus 60 MB per waypoint where you deploy one' ('' for a mesh with no waypoints)."""
    extra = [
        f for f in mesh.overhead if f.metric == Metric.proxy_memory and f.per == Scope.waypoint
    ]
    return f", plus {figure_text(extra[0])} where you deploy one" if extra else ""


def _in_unit(
    kb: KnowledgeBase,
    intent: Intent,
    headlines: list[tuple[Mesh, Figure]],
    size: Size,
    measure: Measure,
) -> str:
    """The headline figures in the unit the question asks ("in MiB per pod", "in GiB", "how
    many millicores"), said first: 60 MB is about 57.2 MiB."""
    said = []
    if intent.unit in ("MiB", "GiB") and measure == Measure.memory:
        for mesh, figure in headlines:
            to_mb = {"MB": 1.0, "GB": 1000.0}.get(figure.unit)
            if to_mb is None or not figure.high:
                continue
            each = figure.high * to_mb / MB_PER_MIB
            lent = f" ({borrowed_label(kb, figure)})" if figure.borrowed_from else ""
            text = f"{_named(mesh, figure)}: {figure_text(figure)}{lent} ≈ {each:,.1f} MiB"
            text += f" a {figure.per}"
            if size.told and figure.per in (Scope.pod, Scope.node):
                count = size.count(figure)
                total = figure.high * to_mb * count / MB_PER_MIB
                text += f", ≈ {total / 1024:,.1f} GiB for {count:,} {figure.per}s"
            said.append(text)
    if intent.unit == "millicores" and measure == Measure.cpu:
        rps = _count(intent, "rps")
        for mesh, figure in headlines:
            if figure.unit != "vCPU" or not figure.high:
                continue
            value = figure.high * rps / figure.per_rps if rps and figure.per_rps else figure.high
            where = f" at {rps:,} rps" if rps and figure.per_rps else ""
            said.append(f"{_named(mesh, figure)}: about {value * 1000:,.0f}m a proxy{where}")
    if intent.unit == "µs" and measure == Measure.latency:
        for mesh, figure in headlines:
            if figure.unit == "ms" and figure.high:
                at = figure.metric.value.removeprefix("latency_")
                said.append(f"{_named(mesh, figure)}: {figure.high * 1000:,.0f} µs at {at}")
    return f"In {intent.unit}: {'; '.join(said)}" if said else ""


def _held_instead(
    kb: KnowledgeBase, missing: list[Mesh], measure: Measure, cite: Citations
) -> Part | None:
    """What is held on a mesh the question's overhead has no figure for ("how much cpu does
    linkerd add"): its figures for the other overheads, each with its source, so the answer
    is no dead end."""
    items = []
    for mesh in missing:
        for other, metrics in MEASURE_METRICS.items():
            if other == measure or (figure := _first_figure(kb, mesh, metrics)) is None:
                continue
            if not figure.high:
                continue
            items.append(
                Statement(
                    label=f"{mesh.name}, {_MISSING[other]}",
                    text=f"{figure_text(figure)}; {figure.conditions} ({_who(kb, figure)})",
                    sources=cite.cite(figure.sources),
                )
            )
    if not items:
        return None
    return StatementList(heading=f"No {_MISSING[measure]} figure: what I hold instead", items=items)


def _outside_the_cluster(mesh: Mesh) -> str:
    """Why an offering whose data plane is outside the cluster has no figure (its zero note)."""
    return next((f.note for f in mesh.overhead if f.high == 0 and f.note), "")


def _figured_lead(
    kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]], size: Size, measure: Measure
) -> str:
    if measure != Measure.memory:
        return _rate_lead(kb, headlines, size, measure)
    if not size.told:
        return _sentences(_per_proxy_lead(kb, headlines), _verdict_at(headlines, size))
    ranked = sorted(headlines, key=lambda mf: mf[1].low * size.count(mf[1]))
    (low_mesh, low), high = ranked[0], ranked[-1][1]
    if len(ranked) == 1 and low.high == 0:
        return f"At {size.headline}, {low_mesh.name} runs no proxy in your cluster: 0 MB of memory."
    if len(ranked) == 1:
        borrowed = f" ({borrowed_label(kb, low)})" if low.borrowed_from else ""
        waypoints = _waypoints_at(kb, low_mesh, low, size)
        return (
            f"At {size.headline}, {low_mesh.name} proxies take {_total(low, size)} of memory"
            f"{borrowed}{_other_mode(kb, low_mesh, low, size)}{waypoints}."
        )
    if _total(low, size) == _total(high, size):  # one total for all: no range to give
        return (
            f"At {size.headline}, proxy memory is {_total(low, size)} for each of them "
            f"({_who_at(kb, ranked, low, size)})."
        )
    return (
        f"At {size.headline}, proxy memory runs from {_total(low, size)} "
        f"({_who_at(kb, ranked, low, size)}) to {_total(high, size)} "
        f"({_who_at(kb, ranked, high, size)})."
    )


def _waypoints_at(kb: KnowledgeBase, mesh: Mesh, shown: Figure, size: Size) -> str:
    """Beside a per-node figure, what its waypoints add: at the count said ("plus 10 waypoints
    at 60 MB each, 600 MB: 1,080 MB in all"); else, where the setup needs what the mesh applies
    only in a waypoint (`waypoint_features`), one at least; else that each one deployed for L7
    comes on top."""
    extra = [
        f
        for f in mesh.overhead
        if f.metric == shown.metric and f.per == Scope.waypoint and f.mode != shown.mode
    ]
    if not extra or shown.per != Scope.node:
        return ""
    each = extra[0]
    wanted = [kb.features[f].name for f in size.needs if f in mesh.waypoint_features]
    if not size.waypoints and wanted:  # what they need runs only in one: one at least
        total = shown.high * size.count(shown) + each.high
        named = ", ".join(wanted[:-1]) + " and " + wanted[-1] if len(wanted) > 1 else wanted[0]
        return (
            f", plus at least one waypoint ({amount(each.high, each.unit)}) for "
            f"{named}, which it applies only in a waypoint: about "
            f"{amount(total, each.unit)} in all with one, {amount(each.high, each.unit)} more "
            "for each further one (usually one per namespace that needs them)"
        )
    if not size.waypoints:
        return f", plus {figure_text(each)} deployed where L7 features are needed"
    added = each.high * size.waypoints
    total = shown.high * size.count(shown) + added
    return (
        f", plus {size.waypoints:,} waypoints at {amount(each.high, each.unit)} each, "
        f"{amount(added, each.unit)}: about {amount(total, each.unit)} in all"
    )


def _other_mode(kb: KnowledgeBase, mesh: Mesh, shown: Figure, size: Size) -> str:
    """'; in ztunnel mode instead, 240 MB (…), plus 60 MB per waypoint where you deploy one':
    an offering that runs in another mode too (Gloo Mesh: sidecars or ambient) says what that
    mode would take, so one mode's figure is not read as the offering's only cost."""
    others = [
        f
        for f in mesh.overhead
        if f.metric == shown.metric and f.mode != shown.mode and f.per in _MEMORY_SCOPES
    ]
    if not others:
        return ""
    other = min(others, key=lambda f: (f.as_of != shown.as_of, -f.as_of.toordinal()))
    extra = [f for f in mesh.overhead if f.metric == shown.metric and f.per == Scope.waypoint]
    plus = f", plus {figure_text(extra[0])} where you deploy one" if extra else ""
    lent = f"; {borrowed_label(kb, other)}" if other.borrowed_from else ""
    return (
        f"; in {other.mode} mode instead, {_total(other, size)} ({figure_text(other)}{lent}){plus}"
    )


def _who_at(kb: KnowledgeBase, ranked: list[tuple[Mesh, Figure]], end: Figure, size: Size) -> str:
    """The meshes at one end of the range, all of them where they tie, those whose figure
    is borrowed said so; a figure for ambient's nodes says waypoints come on top."""
    tied = [(m, f) for m, f in ranked if _total(f, size) == _total(end, size)]
    own = [m.name for m, f in tied if not f.borrowed_from]
    lent = [m.name for m, f in tied if f.borrowed_from]
    said = ", ".join(own)
    if lent:
        lender = borrowed_label(kb, next(f for _, f in tied if f.borrowed_from))
        said += f"{'; ' if own else ''}{', '.join(lent)} ({lender.replace(':', ',')})"
    extra = [
        f for m, _ in tied for f in m.overhead if f.per == Scope.waypoint and f.metric == end.metric
    ]
    if extra:  # the per-node figure leaves the optional L7 proxies out: say so beside it
        said += f": {end.mode} only, plus {figure_text(extra[0])} where you deploy one"
    if basis := basis_label(end):
        said += f": {basis}"
    return f"{said}; {_source_tag(kb, end)}"


def _verdict_at(headlines: list[tuple[Mesh, Figure]], size: Size) -> str:
    """Which is lighter at an assumed size, where the meshes' proxies count per pod and per
    node alike (so "which is cheaper" gets an answer): only figures measured, none borrowed."""
    measured = [(m, f) for m, f in headlines if not f.borrowed_from and f.high > 0]
    if len(measured) < 2 or len(measured) != len(headlines):
        return ""
    ranked = sorted(measured, key=lambda mf: mf[1].high * size.count(mf[1]))
    totals = "; ".join(f"{m.name} about {_total(f, size)}" for m, f in ranked)
    return (
        f"At {size.headline}: {totals}, so {ranked[0][0].name} takes the least proxy memory"
        " (figures from their own sources, not averaged)"
    )


def _per_proxy_lead(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]]) -> str:
    """Memory one proxy uses, mesh by mesh, with the conditions it was measured under."""
    if len(headlines) == 1:
        mesh, figure = headlines[0]
        return (
            f"A {_named(mesh, figure)} proxy uses {figure_text(figure)} "
            f"({_who(kb, figure)}), measured under: {figure.conditions}."
        )
    said = "; ".join(
        f"{_named(mesh, figure)}: {figure_text(figure)} ({_who(kb, figure)})"
        for mesh, figure in headlines
    )
    return f"Memory a proxy uses: {said}."


def _rate_lead(
    kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]], size: Size, measure: Measure
) -> str:
    """CPU per proxy at the user's rate, or latency added per request, mesh by mesh."""
    what = {Measure.cpu: "Proxy CPU", Measure.control_plane: "Control plane"}.get(
        measure, "Added latency"
    )
    said = "; ".join(
        f"{_named(mesh, figure)}: {_value_at(figure, size, measure)}" for mesh, figure in headlines
    )
    if len({f.metric for _, f in headlines}) > 1:
        return _unlike_lead(kb, headlines, size, what)
    if measure == Measure.latency:
        lead = f"{what}{_setup(kb, headlines)}: {said}."
        official = _official_latency(kb, headlines, size)
        if _all_worst_cases(headlines):
            # worst cases side by side (no keep-alive): the order one run gives and the
            # projects' steady-state figures lead; the inflated values follow as a caveat
            order = _worst_case_order(headlines) if _comparable(headlines) else ""
            worst = f"Worst case{_setup(kb, headlines)}: {said}."
            return _sentences(order, official, worst, _separate_runs(kb, headlines))
        return _sentences(lead, _separate_runs(kb, headlines), official)
    return f"{what}: {said}."


def _all_worst_cases(headlines: list[tuple[Mesh, Figure]]) -> bool:
    """Several meshes' figures side by side, each a worst case (no keep-alive)."""
    return len(headlines) > 1 and all(f.basis == Basis.worst_case for _, f in headlines)


def _worst_case_order(headlines: list[tuple[Mesh, Figure]]) -> str:
    """The order delays measured alike in one worst-case run come in, least added first: what
    such a run can tell apart, while its absolute values are inflated."""
    ranked = sorted(headlines, key=lambda mf: mf[1].high)
    order = ", then ".join(_named(m, f) for m, f in ranked)
    return f"Least added latency first, in one run that measured them alike: {order}"


def _official(kb: KnowledgeBase, figure: Figure) -> bool:
    """Measured by the project itself, in its own documentation or release notes."""
    return not figure.borrowed_from and any(source_rank(kb, s)[0] == 0 for s in figure.sources)


def _setup(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]]) -> str:
    """', in one LiveWyer benchmark (EKS 1.28, 4x c5.large, …, no keep-alive)': the setup
    a delay was measured under, said beside it, where it is not the projects' own benchmark
    (a tail latency depends on load, hardware and connection reuse more than on the mesh)."""
    if not headlines or all(_official(kb, f) for _, f in headlines):
        return ""
    clauses = {f.conditions.split(";", 1)[0].strip() for _, f in headlines}
    publisher = _publisher(kb, headlines[0][1].sources[0])
    if len(clauses) != 1:
        if len(headlines) > 1 and _comparable(headlines):
            return f", measured alike in one benchmark ({_source_tag(kb, headlines[0][1])})"
        return ""
    clause = clauses.pop()
    clause = clause.removeprefix(f"{publisher}, ")
    if len(headlines) > 1 and _comparable(headlines):
        return f", measured alike in one {publisher} benchmark ({clause})"
    if len(headlines) > 1 and _one_publisher(kb, headlines):
        return f", measured alike in {publisher}'s runs of one setup ({clause})"
    return f" in {publisher}'s benchmark ({clause})"


def _official_latency(kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]], size: Size) -> str:
    """Beside a third party's delays, each project's own figure (the percentile shown first,
    else another), measured under its own setup; or that it publishes none."""
    if all(_official(kb, f) for _, f in headlines):
        return ""
    found, none = [], []
    for mesh, shown in headlines:
        if _official(kb, shown):
            continue
        first = size.percentile or shown.metric  # the percentile asked, else the one shown
        order = (first, *(m for m in _LATENCY if m != first))
        own = [f for f in mesh.overhead if f.metric in order and _official(kb, f)]
        if not own:
            none.append(mesh.name)
            continue
        best = min(own, key=lambda f: (order.index(f.metric), -f.as_of.toordinal()))
        found.append(
            f"{_named(mesh, best)}: {_value_at(best, size, Measure.latency)} "
            f"({_what_was_measured(best)}, {_source_tag(kb, best)})"
        )
    said = []
    if found:
        said.append("The projects' own benchmarks, under their own setup: " + "; ".join(found))
    if none:
        said.append(f"No official latency figure for {', '.join(none)}")
    return _sentences(*said)


def _unlike_lead(
    kb: KnowledgeBase, headlines: list[tuple[Mesh, Figure]], size: Size, what: str
) -> str:
    """Latency at mixed percentiles: the largest block measured alike, then the rest, said
    not to be comparable with it."""
    groups: dict[tuple[Metric, str], list[tuple[Mesh, Figure]]] = {}
    for mesh, figure in headlines:
        if not figure.borrowed_from:
            key = (figure.metric, _publisher(kb, figure.sources[0]))
            groups.setdefault(key, []).append((mesh, figure))
    block = max(groups.values(), key=len, default=[])
    if len(block) < 2:
        return (
            f"{what}: "
            + "; ".join(
                f"{_named(m, f)}: {_value_at(f, size, Measure.latency)} ({_who(kb, f)})"
                for m, f in headlines
            )
            + ". These are different percentiles from different benchmarks, so they are not"
            " comparable: no source in my knowledge base measured them alike."
        )
    metric, publisher = block[0][1].metric, _publisher(kb, block[0][1].sources[0])
    percentile = metric.value.removeprefix("latency_")
    alike = "; ".join(f"{_named(m, f)}: {figure_text(f)}" for m, f in block)
    rest = [(m, f) for m, f in headlines if (m, f) not in block]
    others = "; ".join(
        f"{_named(m, f)}: {_value_at(f, size, Measure.latency)} ({_who(kb, f)})" for m, f in rest
    )
    return (
        f"{what} at {percentile}, measured alike by {publisher}: {alike}. "
        f"Not comparable with those (another percentile or benchmark): {others}."
    )


def _measured(kb: KnowledgeBase, figure: Figure) -> str:
    borrowed = borrowed_label(kb, figure)
    said = f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of})"
    return f"{said}; {borrowed}" if borrowed else said


def _over_hops(figure: Figure, hops: int) -> str:
    """Latency added over the user's hops (each hop: a client and a server proxy)."""
    if figure.unit != "ms" or figure.per != Scope.request_path or hops == 1:
        return ""
    low, high = (amount(v * hops, figure.unit) for v in (figure.low, figure.high))
    return f"Over your {hops} hops: {low if low == high else f'{low}–{high}'} added"


def _sentences(*parts: str) -> str:
    return " ".join(p.rstrip(".") + "." for p in parts if p)


def _scaled(figure: Figure, rps: int | None) -> str:
    """'0.06 vCPU': the figure scaled linearly to the user's rate, where it is quoted per rate."""
    if not rps or not figure.per_rps:
        return ""
    low, high = (v * rps / figure.per_rps for v in (figure.low, figure.high))
    value = f"{low:.3g}" if low == high else f"{low:.3g}–{high:.3g}"
    return f"{value} {figure.unit}"


def _at_rate(figure: Figure, rps: int | None) -> str:
    scaled = _scaled(figure, rps)
    return f"At your {rps:,} rps: about {scaled} (scaled linearly)" if scaled else ""


def _figure_sections(
    kb: KnowledgeBase, size: Size, generic: bool
) -> dict[Measure, tuple[str, tuple[Metric, ...], Callable[[Figure], str]]]:
    """For each measure: the heading, the metrics and how one figure is described."""
    return {
        Measure.memory: (
            "Per-proxy figures behind the totals" if size.told else "Per-proxy memory figures",
            (Metric.proxy_memory, Metric.proxy_cpu) if generic else (Metric.proxy_memory,),
            lambda f: _sentences(_measured(kb, f), f.note, _at_rate(f, size.rps)),
        ),
        Measure.cpu: (
            "Per-proxy CPU figures",
            (Metric.proxy_cpu,),
            lambda f: _sentences(_measured(kb, f), f.note, _at_rate(f, size.rps)),
        ),
        Measure.latency: (
            "Added latency",
            (*_LATENCY, Metric.latency_max),
            lambda f: _sentences(_over_hops(f, size.hops), _measured(kb, f)),
        ),
        Measure.control_plane: (
            "Control plane",
            (Metric.control_plane_memory, Metric.control_plane_cpu),
            lambda f: _measured(kb, f),
        ),
    }


def _chart_heading(size: Size, measure: Measure) -> str:
    if measure == Measure.cpu:
        at = f"at {size.rps:,} rps (scaled linearly)" if size.rps else "per the rate measured"
        return f"Every proxy CPU figure, {at}"
    if size.told:
        return f"Every proxy memory total at {size.pods:,} pods, {size.nodes:,} nodes"
    return "Every proxy memory figure, per proxy"


def _all_figures(
    kb: KnowledgeBase, meshes: list[Mesh], size: Size, cite: Citations, measure: Measure | None
) -> list[Part]:
    """Every figure for the measure asked (a plain cost question: memory, with CPU),
    vendor and blog ones included, each with its own source."""
    generic, measure = measure is None, measure or Measure.memory
    heading, metrics, describe = _figure_sections(kb, size, generic)[measure]
    scopes = _MEMORY_SCOPES if measure == Measure.memory else _PROXY_SCOPES
    charted = [
        (mesh, figure)
        for mesh in meshes
        for figure in mesh.overhead
        if measure in (Measure.memory, Measure.cpu)
        and figure.metric == MEASURE_METRICS[measure][0]
        and figure.per in scopes
    ]
    # A blog's claim is charted apart from the measurements, never among them.
    shown = _chart_heading(size, measure)
    parts: list[Part] = [
        Chart(heading=title, bars=bars)
        for title, claims in ((shown, False), (f"{shown}: blog claims, not measured", True))
        if (bars := [_bar(kb, m, f, size, cite) for m, f in charted if _blog(kb, f) == claims])
    ]
    items = [
        Statement(
            label=f"{m.name}, {f.metric.value.replace('_', ' ')} ({f.mode})",
            text=describe(f),
            sources=cite.cite(f.sources),
        )
        for m in meshes
        for f in m.overhead
        if f.metric in metrics
    ]
    if items:
        parts.append(StatementList(heading=heading, items=items))
    notes = ["Figures are never averaged: each is one source's number, scaled only by your count."]
    if missing := [m.name for m in meshes if not any(f.metric in metrics for f in m.overhead)]:
        notes.append(f"No published {_MISSING[measure]} figure for {', '.join(missing)}.")
    parts.append(Paragraph(heading="How these are counted", text=" ".join(notes)))
    return parts


def _hint(size: Size, measure: Measure) -> str:
    """What the user could add for a figure closer to their setup, for the measure asked."""
    if measure == Measure.memory and not size.told:
        return "Give your size for fleet totals, e.g. “cost 500 pods 20 nodes”."
    if measure == Measure.memory and size.assumed:
        return "Give your own numbers for exact totals, e.g. “cost 500 pods 20 nodes”."
    if measure == Measure.cpu and not size.rps:
        return "Give the requests a second one proxy serves, e.g. “istio cpu at 500 rps”."
    if measure == Measure.latency and size.hops == 1:
        return "Give the hops a request makes for the latency over its whole path, e.g. “4 hops”."
    return ""


def _title(size: Size, measure: Measure) -> str:
    if measure == Measure.cpu:
        return f"Proxy CPU at {size.rps:,} rps" if size.rps else "Proxy CPU per request rate"
    if measure == Measure.latency:
        return "Latency a mesh adds"
    if measure == Measure.control_plane:
        return "What the control plane takes"
    if not size.told:
        return "Memory a proxy uses"
    return f"What a mesh costs at {size.title}"


def cost(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    size = _size(intent)
    measure = intent.measure or Measure.memory
    meshes = _meshes(kb, intent)
    # "no mesh vs istio sidecars: how much latency do we add?": running none is the before
    # the figures are measured over, said as such, never a mesh with no figure
    baseline = [m for m in meshes if m.data_plane.model == DataPlaneModel.none]
    meshes = [m for m in meshes if m not in baseline] or meshes
    baseline = [m for m in baseline if m not in meshes]
    sidecarless = intent.facts.get(NO_SIDECARS) is True
    headlines = _headlines(
        kb, meshes, measure, _asked_percentiles(size), size.percentile, sidecarless
    )
    points: list[Part] = (
        [_headline_part(kb, meshes, headlines, size, cite, measure)] if headlines else []
    )
    lead = _lead(kb, meshes, headlines, size, measure)
    lead_sources: list[str] = []
    if size.told and measure in (Measure.memory, Measure.cpu):
        beyond, lead_sources = past_one_cluster(kb, size.pods, size.nodes, size.clusters)
        lead = _sentences(lead, beyond)
    if measure == Measure.latency:
        worst, steady = (
            _worst_cases(kb, meshes, headlines, size),
            _steady_alike(kb, meshes, headlines, size),
        )
        if _all_worst_cases(headlines):
            lead = _sentences(steady, lead, worst)  # like-for-like steady state leads
        else:
            lead = _sentences(lead, worst, steady)
    if measure == Measure.memory and (seen := _seen(kb, intent, headlines, size)):
        lead = _sentences(seen, lead)  # what they measured is what they ask about
    shown = list(headlines)
    for also in _also(intent, measure):  # "cpu + mem": each measure asked, in turn
        more = _headlines(kb, meshes, also, sidecarless=sidecarless)
        if more:
            points.append(_headline_part(kb, meshes, more, size, cite, also))
        lead = _sentences(lead, _lead(kb, meshes, more, size, also))
        shown += more
    lead = _sentences(lead, _reserved(shown, size), _before(kb, baseline, measure))
    if intent.control_plane_too and measure == Measure.memory:
        clusters = _count(intent, "clusters") or 1
        points.append(_control_planes(kb, meshes, clusters, cite))
        lead = _sentences(lead, _in_all(kb, headlines, size, clusters))
    missing = [m for m in _unfigured(meshes, headlines) if not _outside_the_cluster(m)]
    if missing and (instead := _held_instead(kb, missing, measure, cite)):
        points.append(instead)
        held = [i.label.split(", ", 1)[1] for i in instead.items]
        names = mesh_names(kb, [m.id for m in missing])
        lead = _sentences(
            lead,
            f"What I hold instead for {names}, its {', '.join(dict.fromkeys(held))} figures, is "
            "below; your own proxies' usage under your traffic is the figure to trust "
            "(kubectl top pod --containers)",
        )
    whole = [f for _, f in headlines if f.per == Scope.mesh and f.high]
    if measure == Measure.control_plane and size.told and whole:
        lead = _sentences(
            lead,
            f"{'That figure is' if len(whole) == 1 else 'Those figures are'} for one control "
            f"plane as measured, not scaled to your {size.said}: I hold no "
            "figure for how it grows with the pods and services it watches",
        )
    if asked := _in_unit(kb, intent, headlines, size, measure):  # the unit asked, first
        lead = _sentences(asked, lead)
    if intent.aspect == Aspect.price:  # "… in dollars": what each costs in money, as held
        money, money_sources = money_said(kb, meshes)
        lead, lead_sources = _sentences(money, lead), [*money_sources, *lead_sources]
    if hint := _hint(size, measure):
        points.append(Paragraph(text=hint))
    facts = {**intent.facts, "pods": size.pods}
    pair = default_pair(kb)
    steps = [
        step("Recommend for my setup", IntentKind.recommend, facts=facts),
        step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair, facts=facts),
    ]
    return build_answer(
        kb,
        intent,
        cite,
        title=_title(size, measure),
        lead=lead,
        lead_sources=cite.cite(lead_sources),
        points=points,
        details=[
            Section(
                key="figures",
                label="All figures",
                parts=_all_figures(kb, meshes, size, cite, intent.measure),
            )
        ],
        next_steps=steps + standard_steps(kb, IntentKind.cost, only=(IntentKind.features,)),
    )
