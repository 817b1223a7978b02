"""A reply asked outside any thread: it goes on from a question I don't have.

"and for 500 pods?" opens on a follow-up cue; "does it do that on openshift too?" refers
back with pronouns to something never said to me. Either is read on its own, and the
answer says so first; words that stand for the missing question ("it", "that") are named,
and with nothing else to go on the answer is no pick (rules.yaml `follow_up`,
`refers_back`, `pronouns`).
"""

from __future__ import annotations

from bot.intents.cues import CuePhrases
from bot.intents.models import Intent, IntentKind
from bot.knowledge.aliases import normalise

ELLIPTICAL_WORDS = 8  # a reply this short, opening on a follow-up cue, goes on from another
REFERRING_WORDS = 12  # a question this short that refers back asks of what came before
# What a question standing only on words I cannot resolve would otherwise become: a pick
# or a guess at it, which nothing said asks for.
UNGROUNDED = (IntentKind.recommend, IntentKind.help, IntentKind.unknown)
# Answers that stand on their own whatever came before (a failure named, thanks).
SELF_STANDING = (
    IntentKind.greeting,
    IntentKind.out_of_scope,
    IntentKind.sources,
    IntentKind.features,
    IntentKind.too_long,
    IntentKind.not_in_kb,
)


def alone(cues: CuePhrases, text: str, intent: Intent) -> Intent:
    """The intent of a text asked with no thread before it: marked so where it goes on from
    another question, with the words that refer back to it; a pick or a guess read from
    nothing but those words becomes the help card under that note."""
    if intent.kind in SELF_STANDING or intent.aspect is not None:
        return intent  # a failure named, a licence asked: a question of its own
    said = normalise(text)
    opener = cues.leading("reply_openers", said)
    said = said[len(opener) :].strip() if opener else said
    pronouns = _referring(cues, said, intent)
    if not pronouns and not _elliptical(cues, said, intent):
        return intent
    update: dict[str, object] = {"no_thread": True, "unresolved": pronouns}
    if pronouns and intent.kind in UNGROUNDED:
        update["kind"] = IntentKind.help
    return intent.model_copy(update=update)


def _elliptical(cues: CuePhrases, said: str, intent: Intent) -> bool:
    """A reply that opens on a follow-up cue ("and for 500 pods?", "ok what about kuma
    then") and names no feature, in a few words."""
    short = len(said.split()) <= ELLIPTICAL_WORDS
    return short and not intent.features and cues.starts("follow_up", said)


def _referring(cues: CuePhrases, said: str, intent: Intent) -> list[str]:
    """The pronouns of a short question naming no mesh or size that refers back ("does it
    do that on openshift too"), in the order said."""
    sized = any(isinstance(v, int) and not isinstance(v, bool) for v in intent.facts.values())
    if intent.meshes or intent.parts or sized or len(said.split()) > REFERRING_WORDS:
        return []
    found = [m.group(0) for m in cues.find("refers_back", said)]
    words = [w for phrase in found for w in phrase.split() if cues.has("pronouns", w)]
    return list(dict.fromkeys(words))[:3]
