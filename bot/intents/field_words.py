"""The words truly of the field: what a message must say, when nothing else of it is read as
ours, to be about meshes at all.

The parser's whole vocabulary (every word any of its phrases uses) says which words are no
unknown mesh's name; it holds everyday words too ("approved", "staging", "down"), because
setup phrases use them. Whether a message talks of another topic ("who approved the last prod
deploy", "is the staging cluster down right now?") rests on these instead: the names of the
meshes, their features and the field's concepts (`service_mesh.terms`), the platforms and
the units counted, the field's own words (rules.yaml `phrases: field`) and the words of what
is asked of me (`ASKED_GROUPS`: a pick, a comparison, an overhead, a status, help): "which one is
cheaper to run?" names no other topic.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase

# The phrase groups that say what is asked of me, not what a team's setup is.
ASKED_GROUPS = (
    "field",
    "recommend",
    "recommend_closing",
    "compare",
    "comparative",
    "picks_between",
    "decision",
    "decision_opening",
    "decision_relative",
    "which_meshes",
    "list_meshes",
    "list_asked",
    "cost",
    "spends",
    "least",
    "least_spent",
    "lightest",
    "quantity",
    "memory",
    "cpu",
    "latency",
    "control_plane",
    "data_plane",
    "east_west",
    "help",
    "sources",
    "greeting",
    "thanks",
    "lifecycle",
    "status_asked",
    "explain",
    "what_is",
    "concept_asks",
    "catch",
    "drawbacks",
    "need_words",
    "sufficiency",
    "support_asked",
    "support_check",
    "built_in",
    "price",
    "purpose",
    "question_openers",
    "reply_openers",
    "choice_openers",
    "follow_up",
    "more_asked",
    "next_step",
    "whether",
    "asks_if",
    "asks_of",
    "asks_opening",
    "how_to",
    "refers_back",
    "yours",
    "yours_after",
    "opinion_asked",
    "closing",
)


# What is asked of me that everyday words can say ("what's your methodology?", "is it
# production ready?", "when was this knowledge base last reviewed"): said as a whole phrase of
# one of these groups, a message asks something of mine; their words alone ("last", "prod")
# are no field's words.
ASKED_AS_PHRASES = (
    "whence",
    "asks_freshness",
    "asks_independence",
    "asks_method",
    "evidence_owned",
    "readiness",
)


def field_words(kb: KnowledgeBase, said: Iterable[str]) -> frozenset[str]:
    """The words of the field's names (`said`: its other words: platforms, the `ASKED_GROUPS`
    groups' phrases)."""
    phrases = [a for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
    phrases += [a for f in kb.features.values() for a in (f.id, f.name, *f.aliases)]
    phrases += [kb.service_mesh.name]
    phrases += [a for t in kb.service_mesh.terms for a in (t.id, t.name, *t.aliases)]
    phrases += [u for f in kb.rules.facts for u in f.units]
    phrases += list(said)
    return frozenset(word for phrase in phrases for word in normalise(phrase).split())
