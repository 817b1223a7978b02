"""Which weighed reasons may be argued between a pick and the offering it was chosen over.

A reason argues for the pick only where it sets the two apart: one that weighs them alike
decided nothing between them, and one said against the rival whose claim is just as true of
the pick (`rests_on` in rules.yaml: "you haven't said you want a vendor" against one paid
edition, for another) holds against both.
Scoring weighs such a reason alike for all it holds for (scoring.weight), so it decides
nothing between them either; this is the last guard, for what is argued.
"""

from __future__ import annotations

import itertools

from bot.answers.scoring import Verdict, holds_for, weight
from bot.answers.screening import Screened
from bot.answers.traits import Field
from bot.knowledge.models import Rule


def separates(rule: Rule, pick: Screened, rival: Screened, field: Field) -> bool:
    """The reason weighs the pick and its rival differently, and where it counts against the
    rival, its claim is not as true of the pick."""
    mine, theirs = weight(rule, pick, field), weight(rule, rival, field)
    if mine == theirs:
        return False
    return not (theirs < 0 and holds_for(rule, pick, field))


def _counterpoint(rule: Rule, verdict: Verdict, pick: Screened) -> bool:
    """The reason puts another offering left above the pick: the trade-off, always said."""
    mine = weight(rule, pick, verdict.field)
    return any(weight(rule, verdict.of(m), verdict.field) > mine for m in verdict.survivors)


def _shared_widely(rule: Rule, verdict: Verdict, pick: Screened) -> bool:
    """A reason for the pick, weighed whatever the setup says, that weighs at least half the
    meshes left (no mesh aside) as it weighs the pick: true of most of them, it tells the
    reader nothing about this pick. (One answering what was said, "JWT at the mesh", is
    argued however many share it; one against a few others, the pick unweighed, says why
    those few are behind.)"""
    if any(condition.known is not False for condition in rule.when.values()):
        return False  # it answers a fact that was said
    field = verdict.field
    meshes = [s for s in field.alive if not (s.mesh.fit and s.mesh.fit.mesh is False)]
    mine = weight(rule, pick, field)
    alike = sum(1 for s in meshes if weight(rule, s, field) == mine)
    return mine > 0 and 2 * alike >= len(meshes)


def arguable(
    verdict: Verdict, rules: list[Rule], rival: str | None, said: bool = False
) -> list[Rule]:
    """The rules to argue for the pick over `rival`: those that separate them; those that
    put another above the pick (the trade-off); and those that weigh the two alike but set
    them apart from most of the rest. With no rival (a tie, or the pick alone), or a pick
    level with others that only leans ahead on what is still open, every rule given; where
    none is left, none when something else is `said` for the pick already, else every rule
    given."""
    if rival is None or verdict.pick is None or verdict.lean:
        return rules
    pick, other = verdict.of(verdict.pick), verdict.of(rival)
    cancelled = _cancelled(verdict, rules)

    def argued(rule: Rule) -> bool:
        if rule.id in cancelled:
            return False
        field = verdict.field
        alike = weight(rule, pick, field) == weight(rule, other, field)
        return (
            separates(rule, pick, other, field)
            or _counterpoint(rule, verdict, pick)
            or (alike and not _shared_widely(rule, verdict, pick))
        )

    kept = [r for r in rules if argued(r)]
    return kept if kept or said else rules


def _cancelled(verdict: Verdict, rules: list[Rule]) -> set[str]:
    """Rules that another one undoes offering by offering ("you already run it" +5, "it hurts
    today, so running it is no head start" -5): together they decided nothing."""
    field = verdict.field
    weights = {r.id: tuple(weight(r, s, field) for s in field.alive) for r in rules}
    found: set[str] = set()
    for one, two in itertools.combinations(rules, 2):
        a, b = weights[one.id], weights[two.id]
        if any(a) and all(x + y == 0 for x, y in zip(a, b, strict=True)):
            found |= {one.id, two.id}
    return found
