"""What a decision record needs beside the answer itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answers.results import Answer
from bot.intents.models import Intent, IntentKind

if TYPE_CHECKING:
    from bot.answers.engine import AnswerEngine

DECISION_KINDS = frozenset({IntentKind.compare, IntentKind.recommend})
NO_DECISION = (
    "A decision record writes up a comparison or a recommendation, "
    "e.g. “compare istio linkerd” or “recommend for 80 services”."
)


def cost_for_decision(engine: AnswerEngine, answer: Answer) -> Answer | None:
    """The cost answer for the same meshes and facts: a decision's consequences at their size."""
    if answer.kind not in DECISION_KINDS:
        return None
    intent = Intent(kind=IntentKind.cost, meshes=answer.intent.meshes, facts=answer.intent.facts)
    return engine.answer(intent)
