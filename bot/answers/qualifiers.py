"""A which-question's qualifier answered first: "which ones do post-quantum TLS by default?"
leads with the rows on with no setting (`by_default`), and "which support the gateway api for
east-west?" with the rows that cover traffic between services (not `edge_only`).

Both read structured fields of the rows, never their notes; where no row of the pool says
anything of the qualifier, the list is answered as it is without one.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.phrasing import mesh_names
from bot.intents.models import Aspect, Intent
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Feature, Level, Mesh

HAS_IT = (Level.yes, Level.partial, Level.extension, Level.enterprise)


@dataclass(frozen=True)
class Qualified:
    """What the qualifier makes of one feature's list: the lead, the heading of the meshes
    that meet it and those meshes."""

    lead: str
    heading: str
    meeting: list[str]
    phrase: str  # what the qualifier asks, as the title says it: "on by default"


def qualified(
    kb: KnowledgeBase, intent: Intent, feature: Feature, pool: list[Mesh]
) -> Qualified | None:
    """The feature's list read by the qualifier the question asks, or None."""
    if intent.aspect == Aspect.by_default:
        return _by_default(kb, feature, pool)
    if intent.facts.get("east_west_asked") is True:
        return _between_services(kb, feature, pool)
    return None


def _by_default(kb: KnowledgeBase, feature: Feature, pool: list[Mesh]) -> Qualified | None:
    rows = {m.id: m.features[feature.id] for m in pool if m.features[feature.id].level in HAS_IT}
    on = [m for m, row in rows.items() if row.by_default is True]
    opt_in = [m for m, row in rows.items() if row.by_default is False]
    if not on and not opt_in:
        return None
    unsaid = [m for m, row in rows.items() if row.by_default is None]
    lead = f"{feature.name} on by default: {mesh_names(kb, on) if on else 'none of them'}."
    if opt_in:
        lead += f" Opt-in (a setting turns it on): {mesh_names(kb, opt_in)}."
    if unsaid:
        lead += f" I hold no statement either way for {mesh_names(kb, unsaid)}."
    heading = f"{feature.name}: on by default"
    return Qualified(lead=lead, heading=heading, meeting=on, phrase="on by default")


def _between_services(kb: KnowledgeBase, feature: Feature, pool: list[Mesh]) -> Qualified | None:
    rows = {m.id: m.features[feature.id] for m in pool if m.features[feature.id].level in HAS_IT}
    edge = [m for m, row in rows.items() if row.edge_only]
    if not edge:
        return None
    between = [m for m in rows if m not in edge]
    lead = (
        f"{feature.name} for traffic between services (east-west): "
        f"{mesh_names(kb, between) if between else 'none of them'}. "
        f"At the edge only, not between services: {mesh_names(kb, edge)}."
    )
    heading = f"{feature.name}: between services"
    return Qualified(lead=lead, heading=heading, meeting=between, phrase="between services")
