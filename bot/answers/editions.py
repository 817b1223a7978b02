"""Must-haves an offering meets only in its vendor's paid edition, and that edition's name:
where one decides, what is picked is the edition, not the open-source project."""

from __future__ import annotations

from bot.answers.requirements import Requirements
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Mesh


def paid_only(kb: KnowledgeBase, mesh: Mesh, req: Requirements) -> list[str]:
    """The names of the must-haves its rows give as enterprise only, with their stage
    ("Windows nodes (beta)")."""
    found = []
    for need in req.needs:
        row = mesh.features.get(need)
        if row and row.level == Level.enterprise:
            name = kb.features[need].name if need in kb.features else need
            found.append(f"{name} ({row.stage})" if row.stage else name)
    return found


def edition(mesh: Mesh) -> str:
    """Its vendor's paid edition by name where the knowledge base has one."""
    builds = mesh.fit.stable_builds if mesh.fit else None
    return builds.edition if builds else f"its vendor's paid edition of {mesh.name}"


def only_edition_text(kb: KnowledgeBase, mesh: Mesh, req: Requirements, out: int) -> str:
    """'Only Buoyant Enterprise for Linkerd, a paid edition, meets Windows nodes (beta), not
    open-source Linkerd; the other 12 offerings are ruled out (see Ruled out)': empty where
    no must-have needs the paid edition."""
    needed = paid_only(kb, mesh, req)
    if not needed:
        return ""
    return (
        f"Only {edition(mesh)}, a paid edition, meets {', '.join(needed)}, not open-source "
        f"{mesh.name}; the other {out} offerings are ruled out (see Ruled out)"
    )


def caveat_text(kb: KnowledgeBase, mesh: Mesh, req: Requirements) -> str:
    """'Windows nodes (beta) only in Buoyant Enterprise for Linkerd, a paid edition': empty
    where no must-have needs the paid edition."""
    needed = paid_only(kb, mesh, req)
    return f"{', '.join(needed)} only in {edition(mesh)}, a paid edition" if needed else ""
