"""A reply asking whether another mesh could do what the thread needs ("could linkerd do
that?", "would kuma handle that?", "can cilium cover it?").

After a recommendation (or a question asked of its pick), "that" is what the thread asked
for: its needs, or the features its last question checked. The reply names one mesh and no
feature of its own and refers back (rules.yaml `refers_back`), so the answer checks that
mesh for those features on the thread's setup, not whether it runs on the thread's platform.
A reply that names a feature ("does linkerd do jwt?"), a mode needed, more of the setup or
no mesh at all is left to the other readings (bot/answers/thread.py).
"""

from __future__ import annotations

from bot.answers.after_pick import pick_of
from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.intents.thread_setup import ADDED_UP, as_list, merged
from bot.knowledge.base import KnowledgeBase


def other_for_needs(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The one mesh the reply names checked for what the thread needs; None where the reply
    is no such question or the thread needs nothing named."""
    if context.kind != IntentKind.recommend and context.pick is None:
        return None
    fresh = parser.parse(text)
    if len(fresh.meshes) != 1 or fresh.features or not parser.refers_back(text):
        return None
    if fresh.kind == IntentKind.compare or parser.set_against_only(text):
        return None  # "how does it stack up against istio ambient?": the pick against it
    said = parser.setup_of(text, context.facts).facts
    if merged(context.facts, {k: v for k, v in said.items() if k not in ADDED_UP}) != (
        context.facts
    ):
        return None  # "could linkerd do that on GKE?": more of the setup said
    checked = context.kind == IntentKind.feature_check  # "does it do jwt?", then this
    features = context.features if checked else as_list(context.facts.get("needs"))[:12]
    if not features:
        return None
    return Intent(
        kind=IntentKind.feature_check,
        meshes=fresh.meshes,
        features=features,
        facts=context.facts,
        options=context.options,
        text=fresh.text,
        pick=pick_of(kb, context) if context.kind == IntentKind.recommend else context.pick,
        passed=context.passed,
    )
