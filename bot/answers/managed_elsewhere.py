"""A managed mesh wanted where no provider runs one: said plainly, before any pick.

"EKS shop, we want a managed mesh control plane like AKS has": the managed builds of an
open-source mesh (AKS's Istio add-on, Google Cloud Service Mesh) each run only on their own
provider's platform. Where none runs on the platform they are on, the answer says so, and
that what is managed there is a provider's own service, not such a build run for them.
"""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.answers.requirements import Requirements
from bot.answers.results import Paragraph
from bot.answers.screening import managed
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Mesh

WANTED = ("managed_control_plane", "managed_preferred")  # required, or wished for


def managed_elsewhere(
    kb: KnowledgeBase, facts: dict[str, FactValue], req: Requirements, cite: Citations
) -> Paragraph | None:
    """Where a managed control plane is wanted (or wished for) on one platform on which no
    managed build of an open-source mesh runs, the builds that do and where, as a note."""
    wanted = any(facts.get(f) is True for f in WANTED)
    if not wanted or len(req.platforms) != 1:
        return None
    platform = req.platforms[0]
    builds = [m for m in kb.current_meshes() if m.based_on and managed(m) and m.fit]
    if not builds or any(platform in m.fit.platforms for m in builds if m.fit):
        return None
    names = kb.rules.fact("platform")

    def called(p: str) -> str:
        return names.names.get(p, p) if names and names.names else p

    def where(mesh: Mesh) -> str:
        on = [called(p) for p in mesh.fit.platforms] if mesh.fit else []
        return f"{mesh.name} runs only on {' and '.join(on)}"

    own = [
        m.name
        for m in kb.current_meshes()
        if managed(m) and not m.based_on and m.fit and platform in m.fit.platforms
    ]
    there = (
        f" What is managed on {called(platform)} is a provider's own service "
        f"({', '.join(own)}), not an open-source mesh run for you."
        if own
        else ""
    )
    return Paragraph(
        heading="Managed on your platform",
        text=(
            f"No provider runs a managed build of an open-source mesh on {called(platform)}: "
            f"{'; '.join(where(m) for m in builds)}.{there}"
        ),
        sources=cite.cite(s for m in builds for s in (m.fit.sources[:1] if m.fit else [])),
    )
