"""Scoring: the candidate meshes against the rules in rules.yaml; pure functions, no I/O."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from bot.knowledge.models import Condition, FactValue, Option, Question, Rule, RulesFile


@dataclass(frozen=True)
class Verdict:
    pick: str
    runner_up: str | None
    scores: dict[str, int]
    fired: list[Rule]


@dataclass(frozen=True)
class Change:
    """Answering `question` with `option_label` would make `new_pick` the pick."""

    question: Question
    option_label: str
    new_pick: str


def _holds(condition: Condition, value: FactValue) -> bool:
    checks = []
    if condition.is_ is not None:
        checks.append(value == condition.is_)
    if condition.lt is not None:
        checks.append(isinstance(value, int) and value < condition.lt)
    if condition.gte is not None:
        checks.append(isinstance(value, int) and value >= condition.gte)
    if condition.one_of is not None:
        checks.append(value in condition.one_of)
    if condition.any_of is not None:
        checks.append(isinstance(value, list) and bool(set(value) & set(condition.any_of)))
    return bool(checks) and all(checks)


def fires(rule: Rule, facts: dict[str, FactValue]) -> bool:
    """A rule fires when every fact it tests is known and passes."""
    return all(f in facts and _holds(c, facts[f]) for f, c in rule.when.items())


def evaluate(
    rules: RulesFile, facts: dict[str, FactValue], among: list[str] | None = None
) -> Verdict:
    """Score the candidates (or only `among`) and return the best two."""
    names = [c for c in rules.candidates if among is None or c in among]
    scores = {c: rules.candidates[c] for c in names}
    fired = []
    for rule in rules.rules:
        if not fires(rule, facts):
            continue
        touched = False
        for mesh, delta in rule.scores.items():
            if mesh in scores:
                scores[mesh] += delta
                touched = True
        if touched:
            fired.append(rule)
    ranked = sorted(names, key=lambda c: -scores[c])
    return Verdict(ranked[0], ranked[1] if len(ranked) > 1 else None, scores, fired)


def open_questions(rules: RulesFile, facts: dict[str, FactValue]) -> list[Question]:
    return [q for q in rules.questions if q.fact not in facts]


@dataclass(frozen=True)
class Outlook:
    """What each answer to each open question would do to the verdict."""

    verdict: Verdict
    options: list[tuple[Question, Option, Verdict]]

    def changes(self) -> list[Change]:
        """Every single answer to an open question that would change the pick."""
        return [
            Change(question, option.label, after.pick)
            for question, option, after in self.options
            if after.pick != self.verdict.pick
        ]

    def most_telling_question(self) -> Question | None:
        """The open question whose answers could move the pick the most, if any can.

        Ranked by how many different picks its options lead to, then by the largest
        score swing between its options; the order in rules.yaml breaks ties. None
        when no single answer could change the pick.
        """
        best: tuple[int, int] | None = None
        chosen = None
        for _, group in itertools.groupby(self.options, key=lambda item: item[0].id):
            options = list(group)
            question, verdicts = options[0][0], [v for _, _, v in options]
            picks = {v.pick for v in verdicts}
            totals = [sum(v.scores.values()) for v in verdicts]
            swing = max(max(v.scores.values()) - min(v.scores.values()) for v in verdicts)
            key = (len(picks), max(totals) - min(totals) + swing)
            if len(picks) > 1 and (best is None or key > best):
                best, chosen = key, question
        return chosen


def outlook(
    rules: RulesFile, facts: dict[str, FactValue], among: list[str] | None = None
) -> Outlook:
    """The verdict now, and the verdict after each possible answer to each open question."""
    return Outlook(
        evaluate(rules, facts, among),
        [
            (question, option, evaluate(rules, {**facts, **option.set}, among))
            for question in open_questions(rules, facts)
            for option in question.options
        ],
    )
