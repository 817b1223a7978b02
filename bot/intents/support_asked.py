"""Who sells support for a mesh, asked of it: "who do we call for support if istio ambient
breaks in prod at 3am", "cilium service mesh license and who sells support".

The answer is the vendors whose contracts cover the mesh, and the supported builds of its
project, never a pick nor a feature row its words happen to name ("breaks" is no circuit
breaking). A list of meshes asked, a size or a setup to weigh keeps its own reading
(rules.yaml `support_asked`).
"""

from __future__ import annotations

from collections.abc import Collection

from bot.intents.cues import CuePhrases
from bot.intents.models import IntentKind

# What a question asking who supports a named mesh is read as otherwise, wrongly: a pick with
# the support it wants, the mesh explained, a feature its words name, its status.
READ_AS = (
    IntentKind.recommend,
    IntentKind.explain,
    IntentKind.feature_check,
    IntentKind.lifecycle,
    IntentKind.compare,
)


def support_asked(
    cues: CuePhrases, remaining: str, meshes: list[str], kind: IntentKind, facts: Collection[str]
) -> bool:
    """One mesh named, who supports it asked in the words beside its name (`remaining`, ""
    where a size is given: "gloo mesh enterprise support fips?" asks of a feature), and no
    list or pick among meshes. A setup with more than the support it wants ("we operate kuma
    across k8s and VMs; compliance wants FIPS and a vendor support contract") asks a pick."""
    if len(meshes) != 1 or not remaining or kind not in READ_AS:
        return False
    if kind == IntentKind.recommend and set(facts) - {"support"}:
        return False
    if cues.has("list_meshes", remaining):
        return False
    return cues.has("support_asked", remaining)
