"""Putting an answer together: its sources are exactly the ones it cites, numbered in
order of first use."""

from __future__ import annotations

from bot.answers.citations import Citations, source_ref
from bot.answers.results import (
    Answer,
    Choice,
    FollowUp,
    Part,
    Section,
    cited_in_order,
)
from bot.intents.models import Intent
from bot.knowledge.base import KnowledgeBase


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
