"""The constraints a reply in a thread has just added ("add a constraint: no Envoy
anywhere"): where nothing meets every requirement, these are not the ones given up
(bot/answers/scoring.py), at most held at a looser value; an older, softer one is, or the
answer says nothing meets them all.

The thread's facts carry them in rules.yaml's `told_last` fact, made again at every reply.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.knowledge.models import FactValue, RulesFile

TOLD_LAST = "told_last"  # rules.yaml: the constraints' facts the latest reply set


def with_told_last(
    rules: RulesFile, before: Mapping[str, FactValue], after: Mapping[str, FactValue]
) -> dict[str, FactValue]:
    """The reply's facts, marked with the facts it set or changed of the constraints that can
    be given up (`relax_order`: a must-not said true, a support level); an earlier reply's
    mark is dropped."""
    facts = {k: v for k, v in after.items() if k != TOLD_LAST}
    order = set(rules.relax_order)  # those that can be given up; must-haves never are
    constrained = dict.fromkeys(c.fact for c in rules.constraints if c.id in order)
    told = [
        fact
        for fact in constrained
        if fact in facts and facts[fact] not in (False, None) and facts[fact] != before.get(fact)
    ]
    return {**facts, TOLD_LAST: told} if told else facts


def told_last(facts: Mapping[str, FactValue]) -> frozenset[str]:
    """The facts the latest reply set that a constraint tests."""
    said = facts.get(TOLD_LAST)
    return (
        frozenset(v for v in said if isinstance(v, str)) if isinstance(said, list) else frozenset()
    )
