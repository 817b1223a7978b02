"""A mesh's own configuration asked about: "istio authz policy dry-run mode — does that
exist?", "can kuma policies run in audit mode?".

A phrase naming a mesh's configuration resources (rules.yaml signals setting `knows_api`:
"istio authz policy", "kuma policies") says which API a team knows where it describes their
setup ("we use istio authz policies heavily … which mesh?"). Where it is the subject of a
feature question and nothing else of a setup is said, nor a pick asked, it names the mesh
asked about: the question is a feature check of that mesh, not a pick for a team that
knows its API.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.intents.clauses import QUESTION, SENTENCE_END
from bot.intents.cues import CuePhrases
from bot.intents.models import Intent, IntentKind
from bot.intents.threadless import UNGROUNDED
from bot.knowledge.aliases import normalise

API_FACT = "knows_api"  # the fact an API phrase sets: the mesh whose resources it names
# Facts a feature asked of that API may set beside it: the features restated as wanted
# ("… want to audit before enforcing"), which a feature check asks anyway.
RESTATED = frozenset({API_FACT, "needs"})
# A mesh asked for among all ("… need dry-run. which mesh?"): the phrase is their setup.
LISTING = "which_meshes"


def api_asked(
    intent: Intent,
    text: str,
    cues: CuePhrases,
    meshes: Collection[str],
    asks_pick: Callable[[str], bool],
) -> Intent:
    """The intent as a feature check of the mesh whose configuration the question names,
    where it asks a feature of it and nothing else (`meshes`: the knowledge base's ids);
    otherwise the intent unchanged."""
    mesh = intent.facts.get(API_FACT)
    if intent.kind not in UNGROUNDED or intent.meshes or not intent.features:
        return intent
    if not isinstance(mesh, str) or mesh not in meshes or set(intent.facts) - RESTATED:
        return intent
    said = normalise(text)
    asked = QUESTION.search(text) or cues.starts("question_openers", said)
    sentences = [s for s in SENTENCE_END.split(text) if s.strip()]
    if not asked or any(asks_pick(s) or cues.has(LISTING, normalise(s)) for s in sentences):
        return intent
    return intent.model_copy(
        update={"kind": IntentKind.feature_check, "meshes": [mesh], "facts": {}}
    )
