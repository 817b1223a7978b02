"""How a pick leads offerings level with it on what is known, said so a user can check it:
of every answer to the open questions, in how many each would stay ahead of the other."""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.scoring import Outlook


def answers_ahead(ahead: Outlook, mesh_id: str, other: str) -> int:
    """The answers to the open questions after which `mesh_id` would score above `other`
    (one ruled out by an answer counts as behind)."""
    return scoring.answers_ahead(ahead.options, mesh_id, other)


def lead_counts(ahead: Outlook, lean: str, others: list[str]) -> tuple[int, int, int] | None:
    """(answers keeping the pick ahead of the nearest other level offering, answers putting
    that one ahead, answers in all); None where the pick stays ahead in no more of them than
    one of the others: then no count separates them."""
    total = len(ahead.options)
    if not total or not others:
        return None
    mine = min(answers_ahead(ahead, lean, o) for o in others)
    theirs = max(answers_ahead(ahead, o, lean) for o in others)
    return (mine, theirs, total) if mine > theirs else None
