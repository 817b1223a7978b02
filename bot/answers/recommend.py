"""Recommend a mesh from the decision rules, and ask the question that matters most next."""

from __future__ import annotations

from bot.answers import recommender
from bot.answers.common import Citations, answer, first_sentence, standard_steps, step
from bot.answers.results import Answer, Choice, Fact, FactList, FollowUp, Paragraph, Part
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue


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


def _score_text(kb: KnowledgeBase, deltas: dict[str, int], shown: dict[str, int]) -> str:
    return ", ".join(f"{kb.meshes[m].name} {d:+d}" for m, d in deltas.items() if m in shown)


def recommend(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    rules = kb.rules
    facts = {k: v for k, v in intent.facts.items() if k in {f.id for f in rules.facts}}
    among = [m for m in intent.meshes if m in rules.candidates] or None
    if among is not None and len(among) < 2:
        among = None
    ahead = recommender.outlook(rules, facts, among)
    verdict = ahead.verdict
    pick = kb.meshes[verdict.pick]
    parts: list[Part] = []
    if verdict.fired:
        parts.append(
            FactList(
                heading="Why",
                items=[
                    Fact(
                        label=_score_text(kb, r.scores, verdict.scores),
                        text=r.because,
                        sources=cite.cite(r.sources),
                    )
                    for r in verdict.fired
                ],
            )
        )
    else:
        parts.append(
            Paragraph(
                text="Nothing is known about your setup yet, so this is only the "
                "default. Answer the question below to sharpen it."
            )
        )
    if verdict.runner_up:
        runner = kb.meshes[verdict.runner_up]
        gap = verdict.scores[verdict.pick] - verdict.scores[verdict.runner_up]
        parts.append(
            Paragraph(
                heading="Runner-up",
                text=f"{runner.name} ({gap} point"
                f"{'s' if gap != 1 else ''} behind): best for {runner.best_for}",
            )
        )
    changes = ahead.changes()
    if changes:
        seen = set()
        lines = []
        for c in changes:
            if (c.question.id, c.new_pick) in seen:
                continue
            seen.add((c.question.id, c.new_pick))
            lines.append(
                Fact(
                    label=f"{c.question.ask} → {c.option_label}",
                    text=f"the pick becomes {kb.meshes[c.new_pick].name}",
                )
            )
        parts.append(FactList(heading="What would change the pick", items=lines[:5]))
    if facts:
        parts.append(Paragraph(heading="What I know", text=_known_text(kb, facts) + "."))
    cite.cite(pick.sources[:1])

    question = ahead.most_telling_question()
    follow_up = None
    if question:
        follow_up = FollowUp(
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
    confidence = "tentative" if question else "firm"
    summary = f"{pick.name} ({confidence}): {first_sentence(pick.summary)}"
    steps = []
    if verdict.runner_up:
        steps.append(
            step(
                f"Compare {pick.name} and {kb.meshes[verdict.runner_up].name}",
                IntentKind.compare,
                meshes=[pick.id, verdict.runner_up],
                facts=facts,
            )
        )
    if facts:
        steps.append(step("Start over", IntentKind.recommend))
    steps += [
        s
        for s in standard_steps(kb, IntentKind.recommend)
        if s.intent.kind in (IntentKind.cost, IntentKind.sources)
    ]
    return answer(
        kb,
        intent,
        cite,
        title=f"Recommendation: {pick.name}",
        summary=summary,
        parts=parts,
        next_steps=steps,
        follow_up=follow_up,
    )
