"""How two offerings meet in one mesh ("can ambient and sidecar pods talk to each other in the
same mesh?"): the first one's `interop` entry for the other, said first, with its caveats."""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.intents.models import Intent
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh


def interop_lead(
    kb: KnowledgeBase, intent: Intent, mesh: Mesh, cite: Citations
) -> tuple[str, str, list[str]] | None:
    """The title, lead and its cited sources; None where no entry pairs the two."""
    other_id = intent.meshes[1] if len(intent.meshes) > 1 else None
    meets = next((i for i in mesh.interop if i.mesh == other_id), None)
    if meets is None or other_id not in kb.meshes:
        return None
    other = kb.meshes[other_id]
    verdict = "Yes" if meets.works else "No"
    lead = f"{verdict}: {meets.summary.rstrip('.')}."
    if meets.caveats:
        caveats = meets.caveats.rstrip(".")
        lead += f" Mind: {caveats[:1].lower()}{caveats[1:]}."
    return f"Can {mesh.name} and {other.name} work together?", lead, cite.cite(meets.sources)
