"""Money or licence asked of the thread's mesh by a pronoun: "how is it priced?" after a VPC
Lattice pick asks Lattice's pricing; "can we use it in production for free under BUSL?" in a
thread about Consul asks what Consul's licence permits, and states no licence policy.

The reply is read with the thread's mesh in the pronoun's place (as "how is Amazon VPC Lattice
priced?" is read alone); where that reading asks its price or its licence of that mesh, the
answer is that, on the thread's setup (its head count, its licence policy).
"""

from __future__ import annotations

from bot.answers.own_ask import subject_of
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import LICENCE, IntentParser
from bot.intents.thread_setup import merged
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

ASKED_OF_SUBJECT = (Aspect.price, Aspect.licence)


def asked_of_subject(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The thread's mesh explained with the money or licence aspect the reply asks of it by a
    pronoun; None where the reply names a mesh or a feature of its own, or asks neither."""
    fresh = parser.parse(text)
    subject = subject_of(kb, context)
    if subject is None or fresh.meshes or fresh.features:
        return None
    read = parser.read_of(text, subject)
    if read is None or read.meshes != [subject] or read.aspect not in ASKED_OF_SUBJECT:
        return None
    return Intent(
        kind=IntentKind.explain,
        meshes=[subject],
        aspect=read.aspect,
        facts=merged(_policy_stated(context), read.facts),
        options=context.options,
        text=fresh.text,
        pick=subject if context.kind == IntentKind.recommend else context.pick,
    )


def _policy_stated(context: Intent) -> dict[str, FactValue]:
    """The thread's facts, with a licence policy only where a setup stated it (a
    recommendation's): a question before ("is consul open source?") states none."""
    if context.kind == IntentKind.recommend:
        return context.facts
    return {k: v for k, v in context.facts.items() if k != LICENCE}
