"""Two hard wishes in conflict: the offering they want falls short of something else they need
("we want Google-managed mesh but our CISO won't allow sidecars"). The answer says so first,
plainly: what the wanted offering lacks, with the row that says so, and that the pick is the
best of the rest.
"""

from __future__ import annotations

from bot.answers.scoring import Verdict
from bot.answers.screening import Finding, builds_of
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Mesh

WANTED = "wanted_mesh"  # rules.yaml fact: the offering they want


def wanted_falls_short(
    kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]
) -> tuple[str, list[str]]:
    """The sentence saying the offering they want falls short of their other needs, where the
    pick is another (not a mode or build of the project they want), and its sources; none
    where it meets them all or is the pick."""
    wanted = _wanted(kb, facts)
    pick = kb.meshes.get(verdict.pick or "")
    if wanted is None or pick is None or pick.id == wanted.id or builds_of(wanted, pick):
        return "", []
    if wanted.id not in {s.mesh.id for s in verdict.screened}:
        return "", []
    screened = verdict.of(wanted.id)
    gaps = screened.reasons if screened.out else [f for f in screened.caveats if not f.met_anyway]
    if not gaps:
        return "", []
    said = "; ".join(_gap(f) for f in gaps)
    name = f"{wanted.name}, {_wisher(kb, facts)},"
    if screened.out:
        text = f"{name} is out: {said}. The pick below is the best of the rest."
    else:
        text = (
            f"No offering gives you both in full: {name} meets what else you need only in "
            f"part: {said}. So it is {wanted.name} with that gap, or the pick below without it."
        )
    return text, [s for f in gaps for s in f.sources[:1]]


def wanted_id(facts: dict[str, FactValue]) -> str | None:
    value = facts.get(WANTED)
    return value if isinstance(value, str) else None


def _wanted(kb: KnowledgeBase, facts: dict[str, FactValue]) -> Mesh | None:
    return kb.meshes.get(wanted_id(facts) or "")


def _wisher(kb: KnowledgeBase, facts: dict[str, FactValue]) -> str:
    """Whose wish it is: theirs, or someone else's given up first ("our VP wants cilium")."""
    listed = kb.rules.refusals.preferred_fact
    preferred = facts.get(listed) if listed else None
    theirs = isinstance(preferred, list) and WANTED in preferred
    return "which someone else wants" if theirs else "which you want"


def _gap(finding: Finding) -> str:
    """'Sidecarless data plane partial (Managed Cloud Service Mesh itself is sidecar-based …)'."""
    return f"{finding.text} ({finding.why.rstrip('.')})" if finding.why else finding.text
