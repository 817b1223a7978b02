"""Where the figures a question names come from: "where do your istio latency numbers come from".

The sources behind the overhead figures of the meshes asked about (every featured mesh when
none is named), for the measure asked about (every measure when none is), each with the
figures it backs, so the answer is about the numbers the question points at; and, for the
meshes named, how current what I hold on them is ("how current is your ambient data?").
"""

from __future__ import annotations

import datetime as dt

from bot.answers.citations import evidence_date
from bot.answers.figures import MEASURE_METRICS
from bot.answers.results import Statement, StatementList
from bot.intents.models import Intent, Measure
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh, Metric
from bot.knowledge.wording import figure_text

MAX_SOURCES = 8
MAX_FIGURES = 3  # figures named per source
_MEASURE_WORDS = {
    Measure.memory: "memory",
    Measure.cpu: "CPU",
    Measure.latency: "latency",
    Measure.control_plane: "control-plane",
}


def asks_about_figures(intent: Intent) -> bool:
    return bool(intent.meshes or intent.measure)


def figure_sources(kb: KnowledgeBase, intent: Intent, kinds: dict[str, str]) -> StatementList:
    """Each source behind the figures asked about, with what it measured.

    `kinds`: how each source kind is said ("independent benchmark").
    """
    meshes = [kb.meshes[m] for m in intent.meshes if m in kb.meshes] or [
        kb.meshes[m] for m in kb.rules.featured if m in kb.meshes
    ]
    metrics = set(MEASURE_METRICS[intent.measure]) if intent.measure else set(Metric)
    backed: dict[str, list[str]] = {}
    for mesh in meshes:
        for figure in mesh.overhead:
            if figure.metric in metrics and not figure.borrowed_from:
                said = f"{mesh.name} {_metric_words(figure.metric)} {figure_text(figure)}"
                for source in figure.sources:
                    backed.setdefault(source, [])
                    if said not in backed[source]:
                        backed[source].append(said)
    items = []
    for source_id, figures in list(backed.items())[:MAX_SOURCES]:
        source = kb.sources.get(source_id)
        if source is None:
            continue
        kind = kinds[source.kind.value] + (", vendor-authored" if source.vendor_authored else "")
        shown = "; ".join(figures[:MAX_FIGURES])
        more = f" and {len(figures) - MAX_FIGURES} more" if len(figures) > MAX_FIGURES else ""
        items.append(
            Statement(
                label=f"{source.title} — {source.publisher}, {source.date}",
                text=f"{kind}: {source.url or 'no public address'}. Backs {shown}{more}.",
            )
        )
    return StatementList(heading=_heading(meshes, intent), items=items)


def freshness(kb: KnowledgeBase, intent: Intent) -> StatementList:
    """For each mesh named, the dates behind what I hold on it: its version's as-of, the
    span of its feature rows' newest evidence, and when its overhead figures were measured."""
    items = []
    for mesh in (kb.meshes[m] for m in intent.meshes if m in kb.meshes):
        rows = [evidence_date(kb, s.sources) for s in mesh.features.values()]
        dated = sorted(d for d in rows if d)
        measured = sorted(f.as_of for f in mesh.overhead)
        bits = [f"version {mesh.version.current} as of {mesh.version.as_of}"]
        if dated:
            bits.append(f"feature rows backed by sources dated {_span(dated)}")
        if measured:
            bits.append(f"overhead figures measured {_span(measured)}")
        items.append(Statement(label=mesh.name, text="; ".join(bits) + "."))
    return StatementList(heading="How current it is", items=items)


def _span(dates: list[dt.date]) -> str:
    first, last = f"{dates[0]:%Y-%m}", f"{dates[-1]:%Y-%m}"
    return first if first == last else f"{first} to {last}"


def no_figures(focused: StatementList) -> str:
    """'I hold no cpu figures for Cilium Service Mesh, so no source backs one.'"""
    what = focused.heading.removeprefix("Behind the ")
    return f"I hold no {what}, so no source backs one."


def _heading(meshes: list[Mesh], intent: Intent) -> str:
    names = ", ".join(m.name for m in meshes[:3]) + (" and others" if len(meshes) > 3 else "")
    measure = _MEASURE_WORDS[intent.measure] + " " if intent.measure else "overhead "
    return f"Behind the {measure}figures for {names}"


def _metric_words(metric: Metric) -> str:
    return metric.value.replace("_", " ")
