"""The lightest mesh: current meshes ranked by data-plane proxy memory at the user's size, or
by the overhead asked ("lowest-latency mesh": added latency, one percentile for all), among
those with every feature asked fully ("lightest sidecarless option")."""

from __future__ import annotations

import math

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.cost import DEFAULT_PODS, PODS_PER_NODE
from bot.answers.figures import MEASURE_METRICS, borrowed_label, lead_figure
from bot.answers.results import Answer, Bar, Chart, Paragraph, Section, Statement, StatementList
from bot.answers.steps import step
from bot.intents.models import Intent, IntentKind, Measure
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Mesh, Metric, Scope
from bot.knowledge.wording import amount, figure_text


def _count(intent: Intent, fact: str) -> int | None:
    value = intent.facts.get(fact)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _candidates(kb: KnowledgeBase, intent: Intent) -> list[Mesh]:
    """The current meshes with every feature asked about fully."""
    return [
        m
        for m in kb.current_meshes()
        if all(m.features[f].level == Level.yes for f in intent.features if f in m.features)
    ]


def _metric(kb: KnowledgeBase, meshes: list[Mesh], measure: Measure | None) -> Metric:
    """Proxy memory, or the metric of the overhead asked that most of the meshes were measured
    for themselves (one latency percentile for all, so the ranking sets like against like)."""
    if measure not in (Measure.latency, Measure.cpu):
        return Metric.proxy_memory

    def measured(metric: Metric) -> int:
        figures = [lead_figure(kb, mesh, metric) for mesh in meshes]
        return sum(f is not None and not f.borrowed_from for f in figures)

    return max(MEASURE_METRICS[measure], key=measured)


def lightest(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    pods = _count(intent, "pods") or _count(intent, "services") or DEFAULT_PODS
    said = f"{pods:,} pods" if _count(intent, "pods") else f"{pods:,} pods (assumed)"
    nodes = _count(intent, "nodes") or max(1, math.ceil(pods / PODS_PER_NODE))
    meshes = _candidates(kb, intent)
    metric = _metric(kb, meshes, intent.measure)
    by_size = metric == Metric.proxy_memory  # memory adds up over the fleet; a delay does not
    ranked = []
    for mesh in meshes:
        figure = lead_figure(kb, mesh, metric)
        if figure is None or (by_size and figure.per not in (Scope.pod, Scope.node)):
            continue
        if intent.features and figure.borrowed_from:  # the lender's mode, maybe not this one
            continue
        count = (pods if figure.per == Scope.pod else nodes) if by_size else 1
        ranked.append((figure.high * count, mesh, figure, count))
    ranked.sort(key=lambda r: r[0])
    measured = _MEASURED.get(metric, metric.value.replace("_", " "))
    among = f"Among meshes with {_features(kb, intent)}, b" if intent.features else "B"
    bars = [
        Bar(
            label=mesh.name,
            low=figure.low * count,
            high=figure.high * count,
            unit=figure.unit,
            sources=cite.cite(figure.sources),
        )
        for _, mesh, figure, count in ranked
    ]
    items = [
        Statement(
            label=mesh.name,
            text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of})"
            + (f"; {borrowed_label(kb, figure)}" if figure.borrowed_from else ""),
            sources=cite.cite(figure.sources),
        )
        for _, mesh, figure, _ in ranked
    ]
    unmeasured = [m.name for m in meshes if m.id not in {r[1].id for r in ranked}]
    at = f" at {said}, {nodes:,} nodes" if by_size else ""
    if ranked:
        total, first, figure, _ = ranked[0]
        summary = (
            f"{among}y {measured}{at}, {first.name} is the lightest measured: about "
            f"{amount(total, figure.unit)} from its best-sourced figure. Running no mesh "
            "costs nothing at all."
        )
    else:
        summary = f"No {measured} figures are recorded for these meshes, so I can't rank them."
    note = (
        f"Ranked by {measured} only, from each mesh's best-sourced figure; figures come from "
        "different benchmarks and are not strictly comparable. Licence and support costs are "
        "not in my knowledge base."
    )
    if unmeasured:
        note += f" No published figures for {', '.join(unmeasured)}."
    heading = f"Proxy memory at {pods:,} pods" if by_size else measured.capitalize()
    points = [Chart(heading=heading, bars=bars)] if bars else []
    points.append(Paragraph(text=note))
    figures = [StatementList(heading="Figures behind the ranking", items=items)]
    steps = [
        step(f"Full cost at {pods:,} pods", IntentKind.cost, facts={**intent.facts, "pods": pods}),
        step("Recommend for my setup", IntentKind.recommend, facts=intent.facts),
    ]
    return build_answer(
        kb,
        intent,
        cite,
        title="The lightest mesh",
        lead=summary,
        points=points,
        details=[Section(key="figures", label="Figures behind the ranking", parts=figures)],
        next_steps=steps,
    )


_MEASURED = {
    Metric.proxy_memory: "data-plane proxy memory",
    Metric.proxy_cpu: "proxy CPU",
    Metric.latency_p50: "added latency at p50",
    Metric.latency_p90: "added latency at p90",
    Metric.latency_p99: "added latency at p99",
}


def _features(kb: KnowledgeBase, intent: Intent) -> str:
    return " and ".join(kb.features[f].name.lower() for f in intent.features if f in kb.features)
