"""A reply about the distribution a thread is about, that names its upstream project.

In a thread whose one mesh (its pick, or the mesh it asked about) is a distribution of
another project (mesh YAML `based_on`: the AKS add-on, OpenShift Service Mesh 3, Cloud
Service Mesh, Gloo Mesh, Kong Mesh), a reply that points back at it ("can it do ambient?",
"what version of istio does the addon run?", "can we use ambient with the add-on?") asks that
distribution, never the upstream project: its upstream project named is the distribution's
own build of it, and a mode of that project named (ambient) is the feature the mode stands
for (mesh YAML `as_feature`), checked in the distribution's own entry. A reply naming no
such project, not pointing back ("does upstream istio do ambient?") or setting the two apart
("is it better than istio?", "why not ambient instead?"), is left as it is.
"""

from __future__ import annotations

from bot.answers.own_ask import subject_of
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase

# What a question of the distribution stays (a version, an explainer, a cost): other kinds
# (a platform check of the upstream mode, a compare with the upstream) become its own check.
KEPT_KINDS = (IntentKind.lifecycle, IntentKind.feature_check, IntentKind.cost)


def of_the_distribution(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The reply asked of the thread's distribution, where it names only that distribution's
    upstream project or its modes and points back at it; None for any other reply."""
    subject = subject_of(kb, context)
    base = kb.meshes[subject].based_on if subject in kb.meshes else None
    if subject is None or base is None:
        return None
    fresh = parser.parse(text)
    upstream = _project_of(kb, base)
    if not fresh.meshes or not set(fresh.meshes) <= upstream:
        return None
    if not (parser.refers_back(text) or parser.says("distribution_nouns", text)):
        return None
    if parser.says("compare", text) or fresh.aspect == Aspect.drawbacks:
        return None  # "is it better than istio?", "why not ambient?": the two set apart
    modes = [kb.meshes[m].as_feature for m in fresh.meshes if kb.meshes[m].as_feature]
    features = list(dict.fromkeys([*fresh.features, *(f for f in modes if f)]))
    kind = fresh.kind if fresh.kind in KEPT_KINDS else IntentKind.explain
    if features and kind != IntentKind.cost:
        kind = IntentKind.feature_check
    return fresh.model_copy(
        update={
            "kind": kind,
            "meshes": [subject],
            "features": features,
            "facts": {**context.facts, **fresh.facts},
            "options": context.options,
            "pick": subject if context.kind == IntentKind.recommend else context.pick,
            "passed": context.passed,
        }
    )


def _project_of(kb: KnowledgeBase, base: str) -> set[str]:
    """The upstream project a distribution is built on: its entry and that project's other
    modes (the same API family, no distribution of their own)."""
    family = kb.meshes[base].api_family
    return {
        mesh.id
        for mesh in kb.meshes.values()
        if mesh.id == base or (family and mesh.api_family == family and not mesh.based_on)
    }
