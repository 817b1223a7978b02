"""Where a need the latest reply added clashes with a rule said before ("what if we later
need traffic mirroring?" after "no Envoy anywhere"), the rule is kept and the need gives way
(bot/answers/scoring.py): the answer names both, and what would bring the need back. A need
said only as a want gives way the same to whatever is required, and the answer says so."""

from __future__ import annotations

from bot.answers.notices import facts_text
from bot.answers.phrasing import mesh_names
from bot.answers.requirements import Requirements
from bot.answers.scoring import Verdict
from bot.answers.told_last import NEEDS_TOLD_LAST, needs_told_last, without_needs_told_last
from bot.intents.wanted import WANTED, wanted_needs, without_wanted
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType, FactValue, Level, Mesh


def rules_said(kb: KnowledgeBase, facts: dict[str, FactValue]) -> dict[str, FactValue]:
    """The must-nots and support terms said (the facts of rules.yaml `relax_order`'s
    constraints, and `relax_first`'s flags), as the user said them."""
    rules = kb.rules
    givable = {c.fact for c in rules.constraints if c.id in rules.relax_order}
    givable |= set(rules.relax_first)
    return {
        k: v
        for k, v in facts.items()
        if k in givable
        and v not in (False, None)
        and (f := rules.fact(k))
        and f.type != FactType.features
    }


def need_gave_way(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> str:
    """'Nothing that keeps your rules (no Envoy or C++ proxy) has Traffic mirroring, which
    you just added: I kept the rules and left it out. …, or give a rule up: then Istio (sidecar
    mode) … come back into it.'; '' where no added need gave way."""
    if NEEDS_TOLD_LAST not in verdict.relaxed:
        return ""
    added = [f for f in needs_told_last(facts) if f in kb.features]
    names = " and ".join(kb.features[f].name for f in added) or "what you just added"
    kept = rules_said(kb, facts)
    givable = set(kb.rules.relax_order)
    having = [  # out only on the rules kept, and meeting the need in full
        s.mesh.id
        for s in verdict.ruled_out
        if {f.constraint for f in s.reasons} <= givable
        and all((x := s.mesh.features.get(f)) and x.level == Level.yes for f in added)
    ][:3]
    rules = f"your rules ({facts_text(kb, kept, '; ')})" if kept else "your rules"
    said = (
        f"Nothing that keeps {rules} has {names}, which you just added: I kept the rules and "
        f"left {names} out of the pick. Do it beside the mesh (at the ingress, for instance), "
        "or give a rule up"
    )
    if not having:
        return f"{said}."
    verb = "comes" if len(having) == 1 else "come"
    return f"{said}: then {mesh_names(kb, having)} {verb} back into it."


def want_gave_way(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> str:
    """'Nothing that meets everything you require has WebAssembly extensions, which you want
    but not as a must: I gave the want up, not a requirement. Istio (sidecar mode) has it, but
    is out: runs Envoy …'; '' where no want gave way (bot/intents/wanted.py)."""
    if WANTED not in verdict.relaxed:
        return ""
    wants = [f for f in wanted_needs(facts) if f in kb.features]
    names = " and ".join(kb.features[f].name for f in wants)
    them = "it" if len(wants) == 1 else "them"
    said = (
        f"Nothing that meets everything you require has {names}, which you want but not as a "
        f"must: I gave the want up, not a requirement, and left {them} out of the pick."
    )
    out = [s for s in verdict.ruled_out if s.mesh.is_current]
    having = [s for s in out if all(_has(s.mesh, f) for f in wants)] or [
        s for s in out if any(_has(s.mesh, f) for f in wants)
    ]
    if not having:
        return said
    fewest = min(len(s.reasons) for s in having)  # the nearest misses: what the want clashed with
    groups: dict[tuple[str, ...], list[str]] = {}  # those out for the same reasons, together
    for s in having:
        if len(s.reasons) == fewest:
            groups.setdefault(tuple(dict.fromkeys(f.text for f in s.reasons)), []).append(s.mesh.id)
    reasons, alike = max(groups.items(), key=lambda group: len(group[1]))  # first of the largest
    verb, be = ("has", "is") if len(alike) == 1 else ("have", "are")
    names = mesh_names(kb, alike[:3])
    return f"{said} {names} {verb} {them}, but {be} out: {'; '.join(reasons)}."


def _has(mesh: Mesh, feature: str) -> bool:
    row = mesh.features.get(feature)
    return bool(row and row.level == Level.yes)


def kept_needs(
    kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue], req: Requirements
) -> Requirements:
    """The requirements the pick was made on: without the needs that gave way (added last,
    or said only as wants)."""
    if WANTED in verdict.relaxed:
        facts = without_wanted(facts)
    elif NEEDS_TOLD_LAST not in verdict.relaxed:
        return req
    return Requirements.from_facts(kb.rules, without_needs_told_last(facts))
