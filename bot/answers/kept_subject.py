"""A reply that asks something more of the one mesh a thread is about, naming no mesh.

After an explanation, a feature check or a version answer about one mesh (no recommendation
made), the reply's "it" is still that mesh: "can it run on EKS?" after Cloud Service Mesh
reads as "can Cloud Service Mesh run on EKS?", and a feature asked with no mesh and no
pronoun ("is there an egress gateway?" after the AKS add-on) is a check of that mesh, not a
recommendation for a setup (where a recommendation was made and asked of, a feature said
bare is more of its setup: bot/answers/after_pick.py). A reply that asks for a
recommendation or a list (`recommend`, `list_meshes`, `list_asked`), says a need
(`need_words`, `supposed_need`) or more of a setup than what it asks, or names a mesh of its
own is left to the other readings (bot/answers/thread.py).
"""

from __future__ import annotations

from bot.answers.own_ask import subject_of
from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase

# What a question of the thread's mesh is answered as, read with its name in the pronoun's
# place; any other reading (a recommendation, a list, a cost in memory) is not about it alone.
ASKED_OF_MESH = (IntentKind.feature_check, IntentKind.explain, IntentKind.lifecycle)
WIDER_ASKS = ("recommend", "list_meshes", "list_asked")
# Read as a feature asked with no mesh: a recommendation, or a list asked in no list's words.
FEATURE_ASKED_AS = (IntentKind.recommend, IntentKind.which_meshes, *ASKED_OF_MESH)


def asked_of_thread_mesh(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The reply asked of the thread's one mesh, where no recommendation was made and the
    reply names no mesh and asks nothing wider; None for any other reply."""
    subject = subject_of(kb, context)
    if context.kind == IntentKind.recommend or subject is None:
        return None
    fresh = parser.parse(text)
    if fresh.meshes or any(parser.says(group, text) for group in WIDER_ASKS):
        return None
    if parser.says("need_words", text) or parser.says("supposed_need", text):
        return None  # "what if we also need jwt validation?": more of a setup, not a check
    read = parser.read_of(text, subject) if parser.refers_back(text) else None
    if read is None and context.pick is None and _features_alone(kb, text, fresh):
        read = fresh.model_copy(update={"kind": IntentKind.feature_check, "meshes": [subject]})
    if read is None or read.meshes != [subject] or read.kind not in ASKED_OF_MESH:
        return None
    return read.model_copy(
        update={
            "facts": {**context.facts, **read.facts},
            "options": context.options,
            "pick": context.pick,
            "passed": context.passed,
        }
    )


def _features_alone(kb: KnowledgeBase, text: str, fresh: Intent) -> bool:
    """Whether the reply asks features and nothing of a setup: no count, platform or other
    choice said beside them ("is there an egress gateway?", not "we run EKS with 40 services
    and need mTLS, which mesh?"), and no "which" of its own."""
    if not fresh.features or fresh.kind not in FEATURE_ASKED_AS or "which" in text.lower():
        return False
    flags = {fact.id for fact in kb.rules.facts if fact.type == "flag"} | {"needs"}
    return set(fresh.facts) <= flags
