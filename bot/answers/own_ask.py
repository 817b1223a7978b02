"""What a reply in a thread asks of its own, and what it takes from the thread.

The rule: a reply's own kind and features win; the thread gives it the meshes, the setup and
the sizes. So a reply that asks something of its own is answered as that, about the thread's
mesh and on the thread's setup, and never inherits the features an earlier turn asked about:

- the catch asked ("what's the catch with it?", "any downsides?", "why not linkerd?" where
  Linkerd is the pick): what counts against the thread's mesh (the pick, after a
  recommendation) on the thread's setup (rules.yaml `catch`, `drawbacks`);
- a mode needed ("what if we later need ambient?"): the feature the mode stands for (mesh YAML
  `as_feature`), which the reply then asks of the thread's mesh or adds to its setup;
- a list asked ("is there anything on ECS that does weighted routing?"): the offerings with
  those features, on the platform the reply names or else the thread's (rules.yaml
  `list_meshes`, `list_asked`).

A reply with nothing of its own ("and cilium?", "what about at 500 pods?") asks the thread's
question again of other meshes or sizes: bot/answers/thread.py.
"""

from __future__ import annotations

import re

from bot.answers.after_pick import pick_of
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.intents.thread_setup import ADDED_UP, merged
from bot.knowledge.base import KnowledgeBase


def subject_of(kb: KnowledgeBase, context: Intent) -> str | None:
    """The one mesh a thread is about: its recommendation's pick, else its only mesh, else
    the pick its question was asked of ("why not cilium?" sets Cilium against it)."""
    if context.kind == IntentKind.recommend:
        return pick_of(kb, context)
    return context.meshes[0] if len(context.meshes) == 1 else context.pick


def own_ask(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """The reply's intent where it asks something of its own that the thread's question would
    otherwise override: the catch, or a list. None where it is read as any other reply."""
    fresh = parser.parse(text)
    if fresh.features or len(fresh.meshes) > 1:
        return _list_asked(parser, text, fresh, context)
    asks_catch = parser.says("catch", text) or parser.says("drawbacks", text)
    said = parser.setup_of(text, context.facts).facts
    if not asks_catch or merged(context.facts, said) != context.facts:
        return None  # no catch asked, or more of the setup said ("why not the managed one?")
    subject = subject_of(kb, context)
    pick = subject if context.kind == IntentKind.recommend else context.pick
    if fresh.meshes and fresh.meshes != [subject]:
        # "any downsides to gloo?" asks its catch; "why not gloo?" sets it against the pick
        subject = fresh.meshes[0] if parser.says("catch", text) else None
    if subject is None:
        return None
    return Intent(
        kind=IntentKind.explain,
        meshes=[subject],
        aspect=Aspect.drawbacks,
        facts=context.facts,
        options=context.options,
        text=fresh.text,
        pick=pick,
    )


def _list_asked(parser: IntentParser, text: str, fresh: Intent, context: Intent) -> Intent | None:
    """ "is there anything on ECS that does weighted routing?": which offerings have the
    reply's features, on its platform or the thread's; the needs of the thread stay its own."""
    listed = parser.says("list_meshes", text) or parser.says("list_asked", text)
    if fresh.meshes or not fresh.features or not listed:
        return None
    said = {k: v for k, v in fresh.facts.items() if k not in ADDED_UP}
    return Intent(
        kind=IntentKind.which_meshes,
        features=fresh.features,
        facts={**context.facts, **said},
        text=fresh.text,
        aspect=fresh.aspect,  # "… by default?": the list led by its qualifier
    )


def as_modes_needed(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> str:
    """The reply with each mode it says it needs put as the feature that mode stands for
    ("what if we later need ambient?" → "… need sidecarless?"), where the thread is about
    another mesh: a need of the thread's mesh, or of its setup, not that mode compared."""
    if not (parser.says("need_words", text) or parser.says("supposed_need", text)):
        return text
    about = {*context.meshes, subject_of(kb, context)}
    for mesh_id in parser.parse(text).meshes:
        mesh = kb.meshes[mesh_id]
        feature = kb.features.get(mesh.as_feature or "")
        if feature is None or mesh_id in about or _sibling(kb, mesh_id, about, context):
            continue
        words = sorted({mesh.name, *mesh.aliases}, key=len, reverse=True)
        said_as = feature.aliases[0] if feature.aliases else feature.name
        pattern = r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"
        text = re.sub(pattern, said_as, text, flags=re.IGNORECASE)
    return text


def _sibling(kb: KnowledgeBase, mode: str, about: set[str | None], context: Intent) -> bool:
    """A mode of a mesh the thread asks about ("does istio do multi-cluster?", then "what if
    we need ambient?"): that mode itself, as modes.py reads "does istio support ambient?".
    After a recommendation a need is more of the setup whatever the pick."""
    if context.kind == IntentKind.recommend:
        return False
    pairs = {
        frozenset((mesh.id, other))
        for mesh in kb.meshes.values()
        if mesh.mode_aliases
        for other in mesh.mode_aliases.beside
    }
    return any(frozenset((mode, m)) in pairs for m in about if m)
