"""The constraints a reply in a thread has just added ("add a constraint: no Envoy
anywhere"): where nothing meets every requirement, these are not the ones given up
(bot/answers/scoring.py), at most held at a looser value; an older, softer one is, or the
answer says nothing meets them all.

The must-haves a reply has just added ("what if we later need traffic mirroring?") are the
other way round: where nothing that has them keeps a must-not said before ("no Envoy
anywhere"), the new need gives way, and the answer says so.

The thread's facts carry them in rules.yaml's `told_last` and `needs_told_last` facts, made
again at every reply.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.knowledge.models import FactValue, RulesFile

TOLD_LAST = "told_last"  # rules.yaml: the constraints' facts the latest reply set
NEEDS_TOLD_LAST = "needs_told_last"  # rules.yaml: the must-haves the latest reply added
NEEDS = "needs"


def with_told_last(
    rules: RulesFile, before: Mapping[str, FactValue], after: Mapping[str, FactValue]
) -> dict[str, FactValue]:
    """The reply's facts, marked with the facts it set or changed of the constraints that can
    be given up (`relax_order`: a must-not said true, a support level); an earlier reply's
    mark is dropped. The must-haves it added are marked too."""
    facts = {k: v for k, v in after.items() if k not in (TOLD_LAST, NEEDS_TOLD_LAST)}
    order = set(rules.relax_order)  # those that can be given up; must-haves never are
    constrained = dict.fromkeys(c.fact for c in rules.constraints if c.id in order)
    told = [
        fact
        for fact in constrained
        if fact in facts and facts[fact] not in (False, None) and facts[fact] != before.get(fact)
    ]
    had = _listed(before.get(NEEDS))
    added = [f for f in _listed(facts.get(NEEDS)) if f not in had]
    marks = {TOLD_LAST: told} if told else {}
    return {**facts, **marks, **({NEEDS_TOLD_LAST: added} if added else {})}


def told_last(facts: Mapping[str, FactValue]) -> frozenset[str]:
    """The facts the latest reply set that a constraint tests."""
    said = facts.get(TOLD_LAST)
    return (
        frozenset(v for v in said if isinstance(v, str)) if isinstance(said, list) else frozenset()
    )


def needs_told_last(facts: Mapping[str, FactValue]) -> list[str]:
    """The must-haves the latest reply added."""
    return _listed(facts.get(NEEDS_TOLD_LAST))


def without_needs_told_last(facts: Mapping[str, FactValue]) -> dict[str, FactValue]:
    """The facts with the must-haves the latest reply added taken out of the needs."""
    added = set(needs_told_last(facts))
    needs = [f for f in _listed(facts.get(NEEDS)) if f not in added]
    kept = {k: v for k, v in facts.items() if k != NEEDS}
    return {**kept, NEEDS: needs} if needs else kept


def _listed(value: FactValue | None) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
