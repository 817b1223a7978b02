"""Overhead at a given size: proxy memory totals, sidecar vs sidecarless, latency per hop."""

from __future__ import annotations

import math

from bot.answers.common import Citations, answer, figure_text, fmt_amount, standard_steps, step
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
    per_unit = [
        Fact(
            label=f"{m.name}, {f.metric.value.replace('_', ' ')} ({f.mode})",
            text=_sentences(
                f"{figure_text(f)}; {f.conditions} (as of {f.as_of})", f.note, _at_rate(f, rps)
            ),
            sources=cite.cite(f.sources),
        )
        for m in meshes
        for f in m.overhead
        if f.metric in (Metric.proxy_memory, Metric.proxy_cpu)
    ]
    if per_unit:
        parts.append(FactList(heading="Per-proxy figures behind the totals", items=per_unit))
    latency = [
        Fact(
            label=f"{m.name}, {f.metric.value.replace('latency_', '')} ({f.mode})",
            text=(
                f"{fmt_amount(f.low * hops, f.unit)}"
                + (f"–{fmt_amount(f.high * hops, f.unit)}" if f.high != f.low else "")
                + f" added over {hops} hop{'s' if hops > 1 else ''}"
                if f.unit == "ms"
                else figure_text(f)
            )
            + f"; {f.conditions} (as of {f.as_of})",
            sources=cite.cite(f.sources),
        )
        for m in meshes
        for f in m.overhead
        if f.metric in _LATENCY
    ]
    if latency:
        parts.append(FactList(heading="Added latency", items=latency))
    control = [
        Fact(
            label=f"{m.name} control plane",
            text=f"{figure_text(f)}; {f.conditions}",
            sources=cite.cite(f.sources),
        )
        for m in meshes
        for f in m.overhead
        if f.metric in (Metric.control_plane_memory, Metric.control_plane_cpu)
    ]
    if control:
        parts.append(FactList(heading="Control plane", items=control))
    missing = [m.name for m in meshes if not m.overhead]
    notes = ["Figures are never averaged: each bar is one source's number times your count."]
    if assumed:
        notes.append("Assumed " + " and ".join(assumed) + "; say e.g. “cost 500 pods 20 nodes”.")
    if missing:
        notes.append(f"No published overhead figures for {', '.join(missing)}.")
    parts.append(Paragraph(text=" ".join(notes)))

    summary = _summary(bars, pods)
    steps = [
        step("Recommend for my setup", IntentKind.recommend, facts={"pods": pods}),
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


def _summary(bars: list[Bar], pods: int) -> str:
    if not bars:
        return "No overhead figures are recorded for these meshes yet."
    low = min(bars, key=lambda b: b.low)
    high = max(bars, key=lambda b: b.high)
    return (
        f"At {pods:,} pods, proxy memory ranges from {fmt_amount(low.low, low.unit)} "
        f"({low.label}) to {fmt_amount(high.high, high.unit)} ({high.label})."
    )
