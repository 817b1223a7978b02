"""A reply after a pick that asks of a feature or a mesh is a question, not a new need.

"what about ambient tho", "and proxyless gRPC?", "how do upgrades work for linkerd?", "can
istio do isolated meshes per tenant?", "does CSM do wasm?": the feature is checked (of the
pick, of the mesh named, or in a comparison) and the thread's needs stay as they were. Only
a reply that states a need ("we need X", "X is a must", "what if we need X": rules.yaml
`need_words`, `supposed_need`, `states_need`) adds it to the setup.
"""

from __future__ import annotations

import re

from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser

SENTENCE_END = re.compile(r"(?<=[.?!;])\s+")
NEED_GROUPS = ("need_words", "supposed_need", "states_need")
# The answers whose "For your setup" would otherwise count the features asked as needed.
CHECKING = (IntentKind.feature_check, IntentKind.compare)


def states_need(parser: IntentParser, text: str) -> bool:
    """Whether the reply says it needs something, rather than only asking."""
    return any(parser.says(group, text) for group in NEED_GROUPS)


def in_recommendation_thread(context: Intent) -> bool:
    """Whether the thread made a pick over a stated setup (its needs are its facts)."""
    return context.kind == IntentKind.recommend or context.pick is not None


def as_checked(
    parser: IntentParser, text: str, context: Intent, intent: Intent, pick: str | None
) -> Intent:
    """The reply's intent, its features only checked where it asks of them in a
    recommendation's thread without stating a need; the thread's pick (`pick`) stays its
    own, so a need said next makes it again."""
    if intent.kind not in CHECKING or not in_recommendation_thread(context):
        return intent
    if states_need(parser, text):
        return intent
    return intent.model_copy(update={"checks_only": True, "pick": intent.pick or pick})


def of_the_setup(parser: IntentParser, text: str) -> str:
    """A "why not X?" reply less its sentences that tell of X (rules.yaml `tells_of_named`:
    "why not the AKS add-on? it is microsoft supported"): what it says of the setup."""
    kept = [s for s in SENTENCE_END.split(text) if not parser.opens_with("tells_of_named", s)]
    return " ".join(kept)
