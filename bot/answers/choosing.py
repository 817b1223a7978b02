"""The offerings a recommendation chooses among.

Every current offering, unless the message names two or more to choose between ("Kuma vs
Kong Mesh … which one?", "should we go with consul or kuma?"), or one set against products I
don't cover ("tetrate service bridge or gloo mesh?"; the parser names it alone then): then
the pick comes from those, with no mesh at all beside them (whether to run one is always
open), as long as one of them is left after screening. The meshes they run, move off, refuse
or ask whether they need at all are theirs, not options named to choose between. A licensed
edition of one named joins them where the pick falls short, the edition leads and its licence
buys a must-have the named project lacks, or has only short of a build ("kuma or istio? crypto
must be FIPS validated": Istio ships no validated builds, Solo's and Kong's editions do).
"""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.traits import OWN_TRAITS, fills_base_gap
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Mesh

THEIRS = (
    "incumbent",
    "leaving",
    "retired_mesh",
    "refused_mesh",
    "set_aside_mesh",
    "hurt_before",
    "doubted_mesh",
)


def shortlist(kb: KnowledgeBase, named: list[str], facts: dict[str, FactValue]) -> list[Mesh]:
    """The current offerings named to choose between, and no mesh beside them; none where
    fewer than two of several named are left that way (one named alone was set against
    products I don't cover)."""
    theirs = {facts.get(k) for k in THEIRS}
    chosen = [
        kb.meshes[m]
        for m in dict.fromkeys(named)
        if m in kb.meshes and kb.meshes[m].is_current and m not in theirs
    ]
    offered = [m for m in chosen if m.fit and m.fit.mesh is not False]
    if len(offered) < min(2, len(named)) or not offered:
        return []
    baseline = [m for m in kb.current_meshes() if m.fit and m.fit.mesh is False]
    return [*offered, *(m for m in baseline if m not in chosen)]


def candidates(kb: KnowledgeBase, named: list[str], facts: dict[str, FactValue]) -> list[Mesh]:
    """The shortlist named, where one of it is left after screening without giving up a
    requirement that another offering meets ("linkerd or istio ambient on AKS? we want
    Microsoft to support it": neither has that support, the AKS add-on does); else every
    current offering."""
    chosen = shortlist(kb, named, facts)
    verdict = scoring.evaluate(kb, facts, chosen) if chosen else None
    if verdict is None or verdict.pick not in named:
        return scoring.candidates(kb, named)
    if verdict.of(verdict.pick).shortfalls and (wider := _with_editions(kb, facts, chosen)):
        return wider
    if verdict.relaxed:
        everyone = scoring.candidates(kb, named)
        if len(scoring.evaluate(kb, facts, everyone).relaxed) < len(verdict.relaxed):
            return everyone
    return chosen


def _with_editions(
    kb: KnowledgeBase, facts: dict[str, FactValue], chosen: list[Mesh]
) -> list[Mesh] | None:
    """Those chosen and the licensed editions of them, where one of those editions leads and
    its licence buys a must-have its base lacks, or lacks only as a build (`fills_base_gap`)."""
    ids = {m.id for m in chosen}
    paid = OWN_TRAITS["paid_edition"]
    editions = [
        m for m in kb.current_meshes() if m.based_on in ids and m.id not in ids and paid(m, kb)
    ]
    if not editions:
        return None
    wider = [*chosen, *editions]
    verdict = scoring.evaluate(kb, facts, wider)
    lead = verdict.pick
    if lead is None or lead in ids or not fills_base_gap(verdict.of(lead), verdict.field):
        return None
    return wider


def elsewhere(
    kb: KnowledgeBase, facts: dict[str, FactValue], among: list[Mesh], pick: str | None
) -> str | None:
    """The offering that would lead were the field every current one, where that is not among
    those chosen between and not the pick."""
    if pick is None or len(among) == len(kb.current_meshes()):
        return None
    lead = scoring.evaluate(kb, facts, kb.current_meshes()).pick
    return lead if lead and lead != pick and lead not in {m.id for m in among} else None
