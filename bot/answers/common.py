"""Shared pieces for handlers: citing sources, naming things, standard buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.answers.results import (
    Answer,
    Choice,
    FollowUp,
    Part,
    Section,
    SourceRef,
    cited_in_order,
)
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Figure, Mesh, Metric, SourceKind

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
    """The source ids a handler may cite (known to the knowledge base), and further reading.

    Numbering is not done here: the answer numbers the sources it actually cites,
    in order of first use, when it is built.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._reading: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[str]:
        """The ids of known sources, to attach to a statement, row, bar or lead."""
        return list(dict.fromkeys(i for i in ids if i in self._kb.sources))

    def read_more(self, ids: Iterable[str]) -> None:
        """Sources worth reading that no statement cites (listed behind Sources)."""
        self._reading += [i for i in self.cite(ids) if i not in self._reading]

    def reading(self) -> list[str]:
        return list(self._reading)


def source_ref(kb: KnowledgeBase, source_id: str) -> SourceRef:
    """The answer-side view of a source."""
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


def build_answer(
    kb: KnowledgeBase,
    intent: Intent,
    citations: Citations,
    *,
    title: str,
    lead: str,
    lead_sources: list[str] | None = None,
    points: list[Part] | None = None,
    details: list[Section] | None = None,
    next_steps: list[Choice] | None = None,
    follow_up: FollowUp | None = None,
) -> Answer:
    """An answer whose sources are exactly the ones it cites, numbered in order of first use."""
    details = [d for d in details or [] if d.parts]
    cited = cited_in_order(lead_sources or [], points or [], details)
    cited = [i for i in cited if i in kb.sources]
    return Answer(
        intent=intent,
        kind=intent.kind,
        title=title,
        lead=lead,
        lead_sources=lead_sources or [],
        points=points or [],
        details=details,
        next_steps=next_steps or [],
        follow_up=follow_up,
        sources=[source_ref(kb, i) for i in cited],
        reading=[source_ref(kb, i) for i in citations.reading() if i not in cited],
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
    return f"{mesh.status.value.capitalize()}: {mesh.status_note}".rstrip() + _successors(kb, mesh)


def retired_flag(kb: KnowledgeBase, mesh: Mesh) -> str:
    """The short form for an answer's lead: the status, its date and the successors."""
    head = f"{mesh.name} is {mesh.status.value}: {first_sentence(mesh.status_note)}".rstrip()
    return head + _successors(kb, mesh)


def _successors(kb: KnowledgeBase, mesh: Mesh) -> str:
    return f" Consider {mesh_names(kb, mesh.replaced_by)} instead." if mesh.replaced_by else ""


def borrowed_label(kb: KnowledgeBase, figure: Figure) -> str:
    """'borrowed: measured for Istio (sidecar mode)' where the figure is another mesh's; else ''."""
    if not figure.borrowed_from:
        return ""
    lender = kb.meshes.get(figure.borrowed_from)
    return f"borrowed: measured for {lender.name if lender else figure.borrowed_from}"


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


def step(label: str, kind: IntentKind, **fields) -> Choice:
    return Choice(label=label, intent=Intent(kind=kind, **fields))


def default_pair(kb: KnowledgeBase) -> list[str]:
    """The two meshes people weigh first: the first two featured in rules.yaml."""
    return [m for m in kb.rules.featured if m in kb.meshes][:2]


def evidence_date(kb: KnowledgeBase, source_ids: Iterable[str]) -> dt.date | None:
    """The date of the newest source behind a statement (its as-of), if it cites any."""
    return max((kb.sources[i].date for i in source_ids if i in kb.sources), default=None)


def _cost_label(facts: dict[str, FactValue]) -> str:
    size = next((f"{facts[k]:,} {k}" for k in ("pods", "services") if k in facts), None)
    return f"Cost at {size}" if size else "Sidecar cost at 1,000 pods"


def standard_steps(
    kb: KnowledgeBase,
    exclude: IntentKind,
    only: tuple[IntentKind, ...] | None = None,
    facts: dict[str, FactValue] | None = None,
) -> list[Choice]:
    """The usual next questions, each carrying what the user told us (`facts`)."""
    facts = facts or {}
    pair = default_pair(kb)
    cost_facts = facts if {"pods", "services"} & set(facts) else {**facts, "pods": 1000}
    steps = [
        step("Recommend for my setup", IntentKind.recommend, facts=facts),
        step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair, facts=facts),
        step(_cost_label(facts), IntentKind.cost, facts=cost_facts),
        step("All features", IntentKind.features),
        step("All sources", IntentKind.sources),
    ]
    return [
        s for s in steps if s.intent.kind != exclude and (only is None or s.intent.kind in only)
    ]
