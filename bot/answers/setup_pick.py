"""The pick for the setup a check carries, said after the check it answers.

"does kuma cover gateway api + canary with header matching? eks, 45 svcs, 3 engineers, apache-2
only": the question asked is the check, and it is answered first; the setup around it is why
they ask, so the answer ends on where the mesh checked stands for that setup and what the
recommender would pick among every current offering, the features checked counted as needed.
Only where the setup says something a constraint or decision rule weighs (a size alone, or
features said by name, is no setup).
"""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.citations import Citations
from bot.answers.phrasing import mesh_names, ordinal
from bot.answers.results import Choice, Paragraph
from bot.answers.steps import step
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

HEADING = "For your setup"
STEP = "Recommend for this setup"
NOT_SETUP = frozenset({"pods", "clusters", "needs", "by_name"})  # how a feature or size was said


def setup_of(kb: KnowledgeBase, intent: Intent) -> dict[str, FactValue]:
    """The facts the recommender weighs that the question said, the checked features needed;
    none where it says no setup. A fact that only says a checked feature is needed (rules.yaml
    `constraints`: "multi-cluster" sets one mesh spanning clusters) is the check, no setup."""
    known = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    checked = {c.fact for c in kb.rules.constraints if c.feature in intent.features}
    if not (set(known) - NOT_SETUP - checked) & scoring.weighed_facts(kb):
        return {}
    needs = known.get("needs")
    said = list(needs) if isinstance(needs, list) else []
    return {**known, "needs": list(dict.fromkeys([*said, *intent.features]))}


def recommend_step(facts: dict[str, FactValue]) -> Choice:
    """A button asking for the pick on the same setup (`setup_of`)."""
    return step(STEP, IntentKind.recommend, facts=facts)


def for_setup(
    kb: KnowledgeBase, intent: Intent, facts: dict[str, FactValue], cite: Citations
) -> Paragraph | None:
    """Where each mesh checked stands for the setup said (`setup_of`), and the pick among
    every offering."""
    verdict = scoring.evaluate(kb, facts, kb.current_meshes())
    if verdict.pick is None:
        return None
    said, sources = [], []
    weighed = {s.mesh.id for s in verdict.screened}
    for mesh_id in intent.meshes:
        if mesh_id not in weighed or mesh_id in verdict.tied:
            continue
        name, screened = kb.meshes[mesh_id].name, verdict.of(mesh_id)
        if screened.out:
            said.append(f"{name} is out: {screened.reasons[0].text}.")
            sources += screened.reasons[0].sources[:1]
        else:
            place = verdict.survivors.index(mesh_id) + 1
            left = len(verdict.survivors)
            behind, cited = _behind(kb, verdict, mesh_id)
            said.append(
                f"{name} fits and ranks {ordinal(place)} of the {left} options left{behind}."
            )
            sources += cited
    pick = mesh_names(kb, verdict.tied)
    checked = any(m in verdict.tied for m in intent.meshes)
    if len(verdict.tied) > 1:
        lead = f"{pick} come out level for what you said."
    elif checked:
        lead = f"{pick} is what I would pick for what you said, too."
    else:
        lead = f"{pick} would be my pick for what you said."
    return Paragraph(
        heading=HEADING,
        text=" ".join([*said, lead, f"“{STEP}” gives the reasons."]),
        sources=cite.cite(sources),
        verdict=True,
    )


def _behind(kb: KnowledgeBase, verdict: scoring.Verdict, mesh_id: str) -> tuple[str, list[str]]:
    """What puts a mesh that fits behind the pick, said after its rank ("…, behind Linkerd:
    Mutual TLS (mTLS) partial (beta)"): the must-haves it meets only partly where the pick
    meets more of them, else the fired rule that weighs most for the pick over it; nothing
    where it is the pick or nothing sets them apart."""
    pick = verdict.pick
    if pick is None or mesh_id in verdict.tied:
        return "", []
    mine, theirs = verdict.of(mesh_id), verdict.of(pick)
    name = kb.meshes[pick].name
    if mine.shortfalls > theirs.shortfalls:
        short = [f for f in mine.caveats if not f.met_anyway][:2]
        text = "; ".join(f.text for f in short)
        return f", behind {name}: {text}", [x for f in short for x in f.sources[:1]]
    apart = {
        rule.id: scoring.weight(rule, theirs, verdict.field)
        - scoring.weight(rule, mine, verdict.field)
        for rule in verdict.fired
    }
    best = max(verdict.fired, key=lambda r: apart[r.id], default=None)
    if best is None or apart[best.id] <= 0:
        return "", []
    text, cited = best.said_of(verdict.survivors, best.sources, verdict.field.req.needs)
    return f", behind {name}: {text.rstrip('.')}", cited[:1]
