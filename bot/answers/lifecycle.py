"""Which meshes are retired, archived or inactive: status, date and successor for each."""

from __future__ import annotations

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.notices import status_line
from bot.answers.phrasing import mesh_names
from bot.answers.results import Answer, Statement, StatementList
from bot.answers.steps import standard_steps, step
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase


def lifecycle(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    gone = [m for m in kb.meshes.values() if not m.is_current]
    items = [
        Statement(label=m.name, text=status_line(kb, m), sources=cite.cite(m.sources[:2]))
        for m in gone
    ]
    current = mesh_names(kb, [m.id for m in kb.current_meshes()])
    summary = (
        f"{len(gone)} meshes in my knowledge base are no longer current: "
        f"{mesh_names(kb, [m.id for m in gone])}. Maintained: {current}."
        if gone
        else f"Every mesh in my knowledge base is maintained: {current}."
    )
    steps = [
        step(f"Explain {m.name}", IntentKind.explain, meshes=[m.id]) for m in gone[:2]
    ] + standard_steps(kb, IntentKind.lifecycle)[:2]
    return build_answer(
        kb,
        intent,
        cite,
        title="Retired and inactive meshes",
        lead=summary,
        points=[StatementList(heading="Status, date and successor", items=items)] if items else [],
        next_steps=steps,
    )
