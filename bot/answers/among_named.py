"""A feature asked among the meshes a thread named ("which of those three has the best
multi-cluster story?" after Istio ambient, Cilium and Linkerd compared): those meshes checked
for it side by side, not every mesh listed, and no setup read into it (`among_named`)."""

from __future__ import annotations

from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser

LEAST_NAMED = 2  # a set to choose among


def among_named(parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """The thread's meshes checked for the features the reply asks, where it points back at
    them as a set and names no mesh of its own; None for any other reply."""
    if len(context.meshes) < LEAST_NAMED or not parser.says("among_named", text):
        return None
    fresh = parser.parse(text)
    if fresh.meshes or not fresh.features:
        return None
    return Intent(
        kind=IntentKind.feature_check,
        meshes=context.meshes,
        features=fresh.features,
        facts=context.facts,
        aspect=fresh.aspect,
        text=fresh.text,
        pick=context.pick,
    )
