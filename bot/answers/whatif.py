"""Why an answer to an open question would change the pick, in a clause a user can check:
the pick now ruled out by that answer (and what puts the new pick ahead of the next one
left), or the reason that answer brings in which moves the two furthest apart."""

from __future__ import annotations

from collections.abc import Collection

from bot.answers import scoring
from bot.answers.phrasing import first_sentence
from bot.answers.scoring import Verdict
from bot.knowledge.base import KnowledgeBase


def why_changed(kb: KnowledgeBase, now: Verdict, after: Verdict, new_pick: str) -> str:
    """' (Linkerd would be out: …)' or ' (against Linkerd: …)'; '' where nothing the answer
    brings in separates the two (the order of the rest moved)."""
    old = now.pick
    if old is None or old == new_pick:
        return ""
    if old in after.scores:
        brought = {r.id for r in after.fired} - {r.id for r in now.fired}
        reason = _separating(kb, after, new_pick, old, brought)
        return f" ({reason})" if reason else ""
    found = next((f.text for f in after.of(old).reasons), "")
    if not found:
        return ""
    said = f"{kb.meshes[old].name} would be out: {found}"
    rest = [m for m in after.survivors if m != new_pick]
    ahead = _separating(kb, after, new_pick, rest[0], None) if rest else ""
    return f" ({said}; {ahead})" if ahead else f" ({said})"


def _separating(
    kb: KnowledgeBase, after: Verdict, new_pick: str, other: str, among: Collection[str] | None
) -> str:
    """'against Linkerd: …' or 'for Kuma: …': the fired rule (of `among`, where given) that
    puts `new_pick` furthest ahead of `other`, its reason's first sentence."""

    def gap(rule: scoring.Rule) -> int:
        mine = scoring.weight(rule, after.of(new_pick), after.field)
        return mine - scoring.weight(rule, after.of(other), after.field)

    rules = [r for r in after.fired if (among is None or r.id in among) and gap(r) > 0]
    if not rules:
        return ""
    rule = max(rules, key=gap)
    theirs = scoring.weight(rule, after.of(other), after.field)
    side = f"against {kb.meshes[other].name}" if theirs < 0 else f"for {kb.meshes[new_pick].name}"
    reason = first_sentence(" ".join(rule.because.split())).rstrip(".")
    return f"{side}: {reason[0].lower()}{reason[1:]}"


def since_before(kb: KnowledgeBase, verdict: Verdict, before: str | None) -> str:
    """How the pick stands against the one made before the reply changed the setup ("what if
    we also need jwt validation?"): 'Linkerd stays the pick.', 'Linkerd, the pick before, is
    out now: no JWT validation.', or where it is left behind, what puts the new pick ahead of
    it; '' with no pick before (or one not weighed here)."""
    screened = {s.mesh.id for s in verdict.screened}
    if before is None or before not in screened:
        return ""
    name = kb.meshes[before].name
    if verdict.tied == [before]:
        return f"{name} stays the pick."
    if before in verdict.tied:
        return f"{name}, the pick before, is now level with others at the top."
    out = verdict.of(before)
    if out.out:
        return f"{name}, the pick before, is out now: {'; '.join(f.text for f in out.reasons)}."
    if before in verdict.level:  # level on what is said: only the open questions set it apart
        return f"{name}, the pick before, is now level with the pick on what you've said."
    # what puts the pick (or the first of those level at the top) ahead of it
    new = verdict.tied[0] if verdict.tied else None
    ahead = _separating(kb, verdict, new, before, None) if new else ""
    return f"{name}, the pick before, falls behind" + (f" ({ahead})." if ahead else ".")
