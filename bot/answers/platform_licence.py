"""A licence policy that rules meshes out for their licence reaches the platform too: "no
BUSL" on Nomad, which is itself BUSL-1.1, is a question for the scheduler before the mesh."""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.answers.requirements import Requirements
from bot.answers.results import Paragraph
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.licences import banned_licences
from bot.knowledge.models import FactValue


def platform_licence(
    kb: KnowledgeBase, facts: dict[str, FactValue], req: Requirements, cite: Citations
) -> Paragraph | None:
    """The platforms named whose own licence the stated policy rules out, as a note."""
    banned = banned_licences(facts.get("licence"))
    caught = [
        (platform, definition.licence)
        for platform in req.platforms
        if (definition := kb.rules.platforms.get(platform)) is not None
        and definition.licence is not None
        and definition.licence.kind in banned
    ]
    if not caught:
        return None
    names = kb.rules.fact("platform")
    said = []
    for platform, licence in caught:
        name = names.names.get(platform, platform) if names and names.names else platform
        said.append(
            f"{licence.says} The policy that rules a mesh out for its licence reaches "
            f"{name} itself: if the licence is not acceptable, the platform is the larger "
            f"question; if {name} is accepted under its licence's terms, weigh the mesh "
            "under the same terms."
        )
    return Paragraph(
        heading="Your platform's own licence",
        text=" ".join(said),
        sources=cite.cite(s for _, licence in caught for s in licence.sources),
    )
