"""Follow-ups in a thread: the thread's question, and a reply that builds on it."""

from __future__ import annotations

from bot.answers import choosing, scoring
from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase


def compact(intent: Intent) -> Intent:
    """What a thread remembers of a question: its kind, meshes, parts, features and facts."""
    return Intent(
        kind=intent.kind,
        meshes=intent.meshes,
        parts=intent.parts,
        features=intent.features,
        facts=intent.facts,
    )


def follow_up(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> Intent:
    """Read a reply against the thread's question.

    "why not X?" after a recommendation compares X with the mesh that was recommended.
    A reply that on its own asks a cost ("what if we had 500 pods?") answers the cost at
    that size for the thread's meshes (none after a recommendation: then the candidates'),
    whatever the thread first asked about them.
    """
    intent = parser.parse_follow_up(text, context)
    if context.kind == IntentKind.recommend and intent.kind == IntentKind.compare:
        facts = {k: v for k, v in context.facts.items() if k in {f.id for f in kb.rules.facts}}
        pick = scoring.evaluate(kb, facts, choosing.candidates(kb, context.meshes, facts)).pick
        meshes = [*([pick] if pick else []), *(m for m in intent.meshes if m != pick)]
        return intent.model_copy(update={"meshes": meshes[:4]})
    about_meshes = bool(intent.meshes) or context.kind == IntentKind.recommend
    resized = intent.kind != IntentKind.cost and parser.parse(text).kind == IntentKind.cost
    return (
        intent.model_copy(update={"kind": IntentKind.cost}) if about_meshes and resized else intent
    )
