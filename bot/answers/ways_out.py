"""When nothing fits every requirement: the requirements to give up, one at a time, and the
pick each leaves ("give up open source only: Kong Mesh or Consul; or give up FIPS: Kuma"),
with what rules that pick out now, cited. Only what rules.yaml `ways_out` lists is offered
(what they asked of the mesh, never the platform they run)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import scoring
from bot.answers.citations import Citations
from bot.answers.notices import facts_text
from bot.answers.phrasing import mesh_names
from bot.answers.results import Statement
from bot.answers.scoring import Verdict
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType, FactValue, Mesh

WAYS_SHOWN = 3  # the most ways out listed


@dataclass(frozen=True)
class WayOut:
    """Giving up `given_up` (in words) leaves `picks`."""

    given_up: str
    picks: list[str]
    facts: dict[str, FactValue]


def ways_out(
    kb: KnowledgeBase, facts: dict[str, FactValue], among: list[Mesh], verdict: Verdict
) -> list[WayOut]:
    """Each requirement said that rules a mesh out and that `ways_out` offers, given up alone,
    with the pick it leaves; one that leaves no mesh (or only by giving up more), or the pick
    there is already, is none."""
    found: dict[tuple[str, ...], WayOut] = {tuple(verdict.tied): WayOut("", [], facts)}
    for given_up, fewer in _givable(kb, facts, verdict):
        after = scoring.evaluate(kb, fewer, among)
        picks = [m for m in after.tied if kb.meshes[m].fit is None or kb.meshes[m].fit.mesh]
        if picks and not after.relaxed and tuple(picks) not in found:
            found[tuple(picks)] = WayOut(given_up, picks, fewer)
    return [w for w in found.values() if w.picks][:WAYS_SHOWN]


def _givable(
    kb: KnowledgeBase, facts: dict[str, FactValue], verdict: Verdict
) -> list[tuple[str, dict[str, FactValue]]]:
    """The requirements said that rule some mesh out, each in words with the facts left
    without it: a must-have feature taken off the list it is on, any other rule dropped."""
    offered = {c.id: c.fact for c in kb.rules.constraints if c.id in kb.rules.ways_out}
    out: list[tuple[str, dict[str, FactValue]]] = []
    seen: set[str] = set()
    for finding in (f for s in verdict.ruled_out for f in s.reasons):
        fact_id = offered.get(finding.constraint)
        if fact_id is None or fact_id not in facts:
            continue
        fact = kb.rules.fact(fact_id)
        if fact and fact.type == FactType.features:
            key = finding.feature
            if not key or key in seen or key not in kb.features:
                continue
            fewer = _without_feature(kb, facts, key)
            words = kb.features[key].name
        else:
            key = fact_id
            if key in seen:
                continue
            fewer = {k: v for k, v in facts.items() if k != fact_id}
            words = (  # "the licence policy (open source only)", "no sidecars"
                f"the {fact.label} ({fact.says(facts[fact_id])})"
                if fact and fact.type in (FactType.choice, FactType.choices)
                else facts_text(kb, {fact_id: facts[fact_id]})
            )
        seen.add(key)
        out.append((words, fewer))
    return out


def _without_feature(
    kb: KnowledgeBase, facts: dict[str, FactValue], feature: str
) -> dict[str, FactValue]:
    """The facts with one must-have feature taken off every features list that names it."""
    fewer: dict[str, FactValue] = {}
    for key, value in facts.items():
        fact = kb.rules.fact(key)
        if fact and fact.type == FactType.features and isinstance(value, list):
            value = [v for v in value if v != feature]
            if not value:
                continue
        fewer[key] = value
    return fewer


def ways_out_lead(kb: KnowledgeBase, ways: list[WayOut], lead_in: str = "to get a mesh") -> str:
    """'to get a mesh, give up open source only and Kong Mesh would be the pick; or give up
    FIPS and Kuma would be the pick (see Ways out).'"""
    said = [f"give up {w.given_up} and {mesh_names(kb, w.picks)} would be the pick" for w in ways]
    return f"{lead_in}, {'; or '.join(said)} (see Ways out)." if said else ""


def ways_out_items(
    kb: KnowledgeBase, ways: list[WayOut], verdict: Verdict, cite: Citations
) -> list[Statement]:
    """Each way out with what rules its pick out now (what giving the requirement up lifts),
    on that finding's sources."""
    items = []
    for way in ways:
        held = [f for m in way.picks for f in verdict.of(m).reasons]
        why = "; ".join(dict.fromkeys(f.text for f in held))
        items.append(
            Statement(
                label=f"Give up {way.given_up}",
                text=f"{mesh_names(kb, way.picks)} would be the pick; out now: {why}.",
                sources=cite.cite(s for f in held for s in f.sources),
            )
        )
    return items
