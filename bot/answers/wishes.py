"""Two wishes in conflict, said first and plainly in the answer:

- the offering they want falls short of something else they need ("we want Google-managed
  mesh but our CISO won't allow sidecars"): what it lacks, with the row that says so, and that
  the pick is the best of the rest;
- a wish said as a flag ("we don't want another proxy project") puts ahead a pick that meets a
  must-have only in part, where the runner-up meets it in full: the pick with that gap, or the
  runner-up without the wish;
- a wish the pick does not meet ("no sidecars if possible" on 2 GB nodes, Linkerd kept): what
  outweighed it, in one sentence.
"""

from __future__ import annotations

from bot.answers.phrasing import first_sentence
from bot.answers.scoring import Verdict, weight
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


def wish_costs_a_must_have(
    kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]
) -> tuple[str, list[str]]:
    """The sentence naming the clash where a wish said as a flag ("as few new components to
    run as possible") is what puts the pick ahead of a runner-up that meets in full the
    must-haves the pick meets only in part, and its sources; none otherwise."""
    pick, runner = verdict.pick, verdict.runner_up
    if pick is None or runner is None or len(verdict.tied) > 1:
        return "", []
    mine, theirs = verdict.of(pick), verdict.of(runner)
    short = [f for f in mine.caveats if f.feature and not f.met_anyway]
    if not short or any(f.feature and not f.met_anyway for f in theirs.caveats):
        return "", []
    wishes = [
        label
        for rule in verdict.fired
        if weight(rule, mine, verdict.field) > weight(rule, theirs, verdict.field)
        for fact in rule.when
        if facts.get(fact) is True and (label := _flag_label(kb, fact))
    ]
    if not wishes:
        return "", []
    wish, gaps = wishes[0], "; ".join(f.text for f in short)
    first, second = kb.meshes[pick].name, kb.meshes[runner].name
    text = (
        f"No offering gives you both: {first} fits what you want ({wish}) but meets only in "
        f"part what you require ({gaps}); {second} meets that in full but not what you want. "
        f"So it is {first} with that gap, or {second} without the wish."
    )
    return text, [s for f in short for s in f.sources[:1]]


def _flag_label(kb: KnowledgeBase, fact: str) -> str:
    """A wish's label ("as few new components to run as possible"); none for other facts."""
    said = kb.rules.fact(fact)
    return said.label if said and said.wish else ""


def wish_lost(
    kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]
) -> tuple[str, list[str]]:
    """The sentence saying why a wish the pick does not meet lost ("no sidecars if possible",
    Linkerd kept on 2 GB nodes): the offering the wish favoured most, and the reason that
    weighs most against it beside the pick; none where the pick meets every wish said."""
    pick = verdict.pick
    if pick is None or len(verdict.tied) > 1:
        return "", []
    field, mine = verdict.field, verdict.of(pick)
    for rule in verdict.fired:
        wished = [f for f in rule.when if facts.get(f) is True and _flag_label(kb, f)]
        if not wished:
            continue
        favoured = [
            s
            for m in verdict.survivors
            if (s := verdict.of(m)) and weight(rule, s, field) > weight(rule, mine, field)
        ]
        if not favoured:
            continue
        rival = favoured[0]
        against = max(
            (r for r in verdict.fired if r is not rule),
            key=lambda r: weight(r, mine, field) - weight(r, rival, field),
            default=None,
        )
        if against is None or weight(against, mine, field) <= weight(against, rival, field):
            continue
        why = first_sentence(" ".join(against.because.split())).rstrip(".")
        text = (
            f"Your wish ({_flag_label(kb, wished[0])}) favours {rival.mesh.name}, but it "
            f"loses here to what it costs: {why[:1].lower()}{why[1:]}. A wish is weighed "
            "against the rest, not required."
        )
        return text, list(against.sources[:2])
    return "", []
