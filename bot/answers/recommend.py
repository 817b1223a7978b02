"""Recommend a mesh from the decision rules, and ask the question that matters most next."""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.common import (
    Citations,
    build_answer,
    first_sentence,
    mesh_names,
    standard_steps,
    step,
)
from bot.answers.results import (
    Answer,
    Choice,
    FollowUp,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
)
from bot.answers.scoring import Outlook, Verdict
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Rule

KEY_REASONS = 3  # reasons on the first card; all of them behind "All reasons"
MAX_CHANGES = 5


def _known_text(kb: KnowledgeBase, facts: dict[str, FactValue]) -> str:
    labels = {f.id: f.label for f in kb.rules.facts}
    bits = []
    for key, value in facts.items():
        if key not in labels:
            continue
        if isinstance(value, bool):
            bits.append(labels[key] + ("" if value else ": no"))
        elif isinstance(value, list):
            names = [kb.features[v].name for v in value if v in kb.features]
            bits.append(f"{labels[key]}: {', '.join(names) or 'none'}")
        elif isinstance(value, int):
            bits.append(f"{value:,} {labels[key]}")
        else:
            bits.append(f"{labels[key]}: {value}")
    return "; ".join(bits)


def _leaning(kb: KnowledgeBase, rule: Rule, shown: dict[str, int]) -> str:
    """Which way a rule pushes, in words: 'for Linkerd; against Istio'."""
    up = [m for m, d in rule.scores.items() if d > 0 and m in shown]
    down = [m for m, d in rule.scores.items() if d < 0 and m in shown]
    bits = [f"for {mesh_names(kb, up)}"] if up else []
    bits += [f"against {mesh_names(kb, down)}"] if down else []
    text = "; ".join(bits)
    return text[:1].upper() + text[1:]


def _reasons(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> list[Statement]:
    return [
        Statement(
            label=_leaning(kb, r, verdict.scores), text=r.because, sources=cite.cite(r.sources)
        )
        for r in verdict.fired
    ]


def _tied(verdict: Verdict) -> list[str]:
    """The meshes sharing the top score, when more than one does (else empty)."""
    top = [m for m, score in verdict.scores.items() if score == verdict.scores[verdict.pick]]
    return sorted(top, key=lambda m: m != verdict.pick) if len(top) > 1 else []


def _runner_up(kb: KnowledgeBase, verdict: Verdict) -> Paragraph | None:
    if not verdict.runner_up:
        return None
    runner = kb.meshes[verdict.runner_up]
    how = "Tied with the pick" if _tied(verdict) else "Close behind"
    return Paragraph(heading="Runner-up", text=f"{runner.name}. {how}: best for {runner.best_for}")


def _changes(kb: KnowledgeBase, ahead: Outlook) -> list[Statement]:
    seen = set()
    lines = []
    for c in ahead.changes():
        if (c.question.id, c.new_pick) in seen:
            continue
        seen.add((c.question.id, c.new_pick))
        lines.append(
            Statement(
                label=f"{c.question.ask} → {c.option_label}",
                text=f"the pick becomes {kb.meshes[c.new_pick].name}",
            )
        )
    return lines[:MAX_CHANGES]


def _follow_up(ahead: Outlook, intent: Intent, facts: dict[str, FactValue]) -> FollowUp | None:
    question = ahead.most_telling_question()
    if question is None:
        return None
    return FollowUp(
        question=question.ask,
        choices=[
            Choice(
                label=o.label,
                intent=Intent(
                    kind=IntentKind.recommend, meshes=intent.meshes, facts={**facts, **o.set}
                ),
            )
            for o in question.options
        ],
    )


def _title(kb: KnowledgeBase, verdict: Verdict) -> str:
    tied = _tied(verdict)
    return (
        f"Recommendation: {mesh_names(kb, tied)} tie"
        if tied
        else (f"Recommendation: {kb.meshes[verdict.pick].name}")
    )


def _lead(kb: KnowledgeBase, verdict: Verdict, firm: bool) -> str:
    pick = kb.meshes[verdict.pick]
    if tied := _tied(verdict):
        return (
            f"No single pick yet: {mesh_names(kb, tied)} fit equally well on what I know. "
            + ("Answer the question below to break the tie." if not firm else "")
        ).strip()
    return f"{pick.name} ({'firm' if firm else 'tentative'}): {first_sentence(pick.summary)}"


def _next_steps(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> list[Choice]:
    steps = []
    if verdict.runner_up:
        names = mesh_names(kb, [verdict.pick, verdict.runner_up])
        steps.append(
            step(
                f"Compare {names}",
                IntentKind.compare,
                meshes=[verdict.pick, verdict.runner_up],
                facts=facts,
            )
        )
    if facts:
        steps.append(step("Start over", IntentKind.recommend))
    return steps + standard_steps(kb, IntentKind.recommend, only=(IntentKind.cost,), facts=facts)


def recommend(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    rules = kb.rules
    facts = {k: v for k, v in intent.facts.items() if k in {f.id for f in rules.facts}}
    among = [m for m in intent.meshes if m in rules.candidates]
    ahead = scoring.outlook(rules, facts, among if len(among) >= 2 else None)
    verdict = ahead.verdict
    follow_up = _follow_up(ahead, intent, facts)
    reasons = _reasons(kb, verdict, cite)
    points: list[Part] = [
        StatementList(heading="Why", items=reasons[:KEY_REASONS])
        if reasons
        else Paragraph(
            text="Nothing is known about your setup yet, so this is only the default. "
            "Answer the question above to sharpen it."
        )
    ]
    if runner := _runner_up(kb, verdict):
        points.append(runner)
    if facts:
        points.append(Paragraph(heading="What I know", text=_known_text(kb, facts) + "."))
    cite.read_more(kb.meshes[verdict.pick].sources)
    details = [
        Section(
            key="reasons",
            label="All reasons",
            parts=[StatementList(heading="Every reason", items=reasons)]
            if len(reasons) > KEY_REASONS
            else [],
        ),
        Section(
            key="changes",
            label="What would change it",
            parts=[StatementList(heading="What would change the pick", items=changes)]
            if (changes := _changes(kb, ahead))
            else [],
        ),
    ]
    return build_answer(
        kb,
        intent,
        cite,
        title=_title(kb, verdict),
        lead=_lead(kb, verdict, firm=follow_up is None),
        points=points,
        details=details,
        next_steps=_next_steps(kb, verdict, facts),
        follow_up=follow_up,
    )
