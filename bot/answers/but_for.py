"""The pick a rule the user stated keeps out ("why not linkerd?" after "we do not want
sidecars"): where a mesh is out only on must-nots and support terms the user can give up
(rules.yaml `relax_order`), and setting those aside makes it the pick, the answer says so:
the rule is what decides, not the mesh's merits."""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.notices import facts_text
from bot.answers.screening import Screened
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue


def pick_but_for(kb: KnowledgeBase, facts: dict[str, FactValue], out: Screened) -> str:
    """'Without your rule (no sidecars), Linkerd would be the pick.'; '' where something else
    rules it out too (a platform, a must-have), or it would not lead anyway."""
    givable = set(kb.rules.relax_order)
    ids = {f.constraint for f in out.reasons}
    if not ids or not ids <= givable:
        return ""
    rules = [c for c in kb.rules.constraints if c.id in ids]
    said = {c.fact: facts[c.fact] for c in rules if c.fact in facts}
    if not said:
        return ""
    kept = {k: v for k, v in facts.items() if k not in said}
    verdict = scoring.evaluate(kb, kept, scoring.candidates(kb, []))
    if verdict.pick != out.mesh.id:
        return ""
    rule = "rule" if len(said) == 1 else "rules"
    return f"Without your {rule} ({facts_text(kb, said)}), {out.mesh.name} would be the pick."
