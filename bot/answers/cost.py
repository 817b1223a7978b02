"""Overhead at a given size: proxy memory totals, sidecar vs sidecarless, latency per hop."""

from __future__ import annotations

import math

from bot.answers.common import (
    Citations,
    answer,
    figure_text,
    fmt_amount,
    lead_figure,
    standard_steps,
    step,
)
from bot.answers.results import Answer, Bar, Chart, Fact, FactList, Paragraph, Part
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Figure, Mesh, Metric, Scope

DEFAULT_PODS = 1000
PODS_PER_NODE = 30
_LATENCY = (Metric.latency_p50, Metric.latency_p90, Metric.latency_p99)


def _count(intent: Intent, fact: str) -> int | None:
    value = intent.facts.get(fact)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _label(kb: KnowledgeBase, mesh: Mesh, figure: Figure) -> str:
    source = kb.sources.get(figure.sources[0])
    who = source.publisher if source else figure.sources[0]
    tag = (
        " (blog claim)"
        if source and source.kind == "blog"
        else (" (vendor)" if source and source.vendor_authored else "")
    )
    mode = "" if figure.mode.lower() in mesh.name.lower() else f", {figure.mode}"
    return f"{mesh.name}{mode} — {who}, {figure.as_of}{tag}"


def _measured(figure: Figure) -> str:
    return f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of})"


def _over_hops(figure: Figure, hops: int) -> str:
    """Latency added over the user's hops (each hop: a client and a server proxy)."""
    if figure.unit != "ms" or figure.per != Scope.request_path or hops == 1:
        return ""
    low, high = (fmt_amount(v * hops, figure.unit) for v in (figure.low, figure.high))
    return f"Over your {hops} hops: {low if low == high else f'{low}–{high}'} added"


def _sentences(*parts: str) -> str:
    return " ".join(p.rstrip(".") + "." for p in parts if p)


def _at_rate(figure: Figure, rps: int | None) -> str:
    """The figure scaled linearly to the user's request rate, where it is quoted per rate."""
    if not rps or not figure.per_rps:
        return ""
    low, high = (v * rps / figure.per_rps for v in (figure.low, figure.high))
    value = f"{low:.3g}" if low == high else f"{low:.3g}–{high:.3g}"
    return f"At your {rps:,} rps: about {value} {figure.unit} (scaled linearly)"


def cost(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    services = _count(intent, "services")
    pods = _count(intent, "pods") or services or DEFAULT_PODS
    nodes = _count(intent, "nodes") or max(1, math.ceil(pods / PODS_PER_NODE))
    hops = _count(intent, "hops") or 1
    rps = _count(intent, "rps")
    assumed = []
    if not _count(intent, "pods"):
        assumed.append(f"one pod a service ({pods:,} pods)" if services else f"{pods:,} pods")
    if not _count(intent, "nodes"):
        assumed.append(f"{nodes:,} nodes ({PODS_PER_NODE} pods a node)")
    # By default the meshes the recommender chooses among: the options people weigh.
    ids = [m for m in intent.meshes if m in kb.meshes] or [
        m for m in kb.rules.candidates if m in kb.meshes and kb.meshes[m].overhead
    ]
    meshes = [kb.meshes[i] for i in ids]

    bars: list[Bar] = []
    for mesh in meshes:
        for figure in mesh.overhead:
            if figure.metric != Metric.proxy_memory or figure.per not in (Scope.pod, Scope.node):
                continue
            count = pods if figure.per == Scope.pod else nodes
            bars.append(
                Bar(
                    label=_label(kb, mesh, figure),
                    low=figure.low * count,
                    high=figure.high * count,
                    unit=figure.unit,
                    sources=cite.cite(figure.sources),
                )
            )
    parts: list[Part] = []
    if bars:
        parts.append(
            Chart(heading=f"Data-plane proxy memory at {pods:,} pods, {nodes:,} nodes", bars=bars)
        )
    sections = (
        (
            "Per-proxy figures behind the totals",
            (Metric.proxy_memory, Metric.proxy_cpu),
            lambda f: _sentences(_measured(f), f.note, _at_rate(f, rps)),
        ),
        ("Added latency", _LATENCY, lambda f: _sentences(_over_hops(f, hops), _measured(f))),
        ("Control plane", (Metric.control_plane_memory, Metric.control_plane_cpu), _measured),
    )
    for heading, metrics, describe in sections:
        items = [
            Fact(
                label=f"{m.name}, {f.metric.value.replace('_', ' ')} ({f.mode})",
                text=describe(f),
                sources=cite.cite(f.sources),
            )
            for m in meshes
            for f in m.overhead
            if f.metric in metrics
        ]
        if items:
            parts.append(FactList(heading=heading, items=items))
    missing = [m.name for m in meshes if not m.overhead]
    notes = ["Figures are never averaged: each bar is one source's number times your count."]
    if assumed:
        notes.append("Assumed " + " and ".join(assumed) + "; say e.g. “cost 500 pods 20 nodes”.")
    if missing:
        notes.append(f"No published overhead figures for {', '.join(missing)}.")
    parts.append(Paragraph(text=" ".join(notes)))

    summary = _summary(kb, meshes, pods, nodes)
    steps = [
        step("Recommend for my setup", IntentKind.recommend, facts={**intent.facts, "pods": pods}),
        step("Compare Istio and Linkerd", IntentKind.compare, meshes=["istio", "linkerd"]),
    ]
    steps += [s for s in standard_steps(kb, IntentKind.cost) if s.intent.kind == IntentKind.sources]
    return answer(
        kb,
        intent,
        cite,
        title=f"What a mesh costs at {pods:,} pods",
        summary=summary,
        parts=parts,
        next_steps=steps,
    )


def _summary(kb: KnowledgeBase, meshes: list[Mesh], pods: int, nodes: int) -> str:
    """Each mesh's total from its best-sourced memory figure (primary sources first)."""
    totals = []
    for mesh in meshes:
        figure = lead_figure(kb, mesh, Metric.proxy_memory)
        if figure is None or figure.per not in (Scope.pod, Scope.node):
            continue
        count, what = (pods, "") if figure.per == Scope.pod else (nodes, f" for {nodes:,} nodes")
        low, high = (fmt_amount(v * count, figure.unit) for v in (figure.low, figure.high))
        source = kb.sources[figure.sources[0]]
        totals.append(
            f"{mesh.name} {low if low == high else f'{low}–{high}'}{what} "
            f"({source.publisher}, {figure.as_of.year})"
        )
    if not totals:
        return "No overhead figures are recorded for these meshes yet."
    return (
        f"Proxy memory at {pods:,} pods, from each mesh's best-sourced figure: "
        + "; ".join(totals)
        + ". Every figure and its source follows."
    )
