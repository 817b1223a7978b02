"""The lightest mesh: current meshes ranked by data-plane proxy memory at the user's size."""

from __future__ import annotations

import math

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.cost import DEFAULT_PODS, PODS_PER_NODE
from bot.answers.figures import borrowed_label, lead_figure
from bot.answers.results import Answer, Bar, Chart, Paragraph, Section, Statement, StatementList
from bot.answers.steps import step
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Metric, Scope
from bot.knowledge.wording import amount, figure_text


def _count(intent: Intent, fact: str) -> int | None:
    value = intent.facts.get(fact)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def lightest(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    pods = _count(intent, "pods") or _count(intent, "services") or DEFAULT_PODS
    said = f"{pods:,} pods" if _count(intent, "pods") else f"{pods:,} pods (assumed)"
    nodes = _count(intent, "nodes") or max(1, math.ceil(pods / PODS_PER_NODE))
    ranked = []
    for mesh in kb.current_meshes():
        figure = lead_figure(kb, mesh, Metric.proxy_memory)
        if figure is None or figure.per not in (Scope.pod, Scope.node):
            continue
        count = pods if figure.per == Scope.pod else nodes
        ranked.append((figure.high * count, mesh, figure, count))
    ranked.sort(key=lambda r: r[0])
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
    unmeasured = [m.name for m in kb.current_meshes() if m.id not in {r[1].id for r in ranked}]
    if ranked:
        total, first, figure, _ = ranked[0]
        summary = (
            f"By data-plane proxy memory at {said}, {nodes:,} nodes, {first.name} is the "
            f"lightest measured: about {amount(total, figure.unit)} from its best-sourced "
            "figure. Running no mesh costs nothing at all."
        )
    else:
        summary = "No proxy memory figures are recorded yet, so I can't rank the meshes."
    note = (
        "Ranked by memory only, from each mesh's best-sourced figure; figures come from "
        "different benchmarks and are not strictly comparable. Licence and support costs are "
        "not in my knowledge base."
    )
    if unmeasured:
        note += f" No published figures for {', '.join(unmeasured)}."
    points = [Chart(heading=f"Proxy memory at {pods:,} pods", bars=bars)] if bars else []
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
