"""The catch with one mesh on a setup said before: "what's the catch with it?" after a pick,
"why not linkerd?" when Linkerd is the pick.

Where it stands on that setup comes first (the pick, out and why, or behind which offering),
then what counts against it there (what it meets only in part, the reasons weighed against
it), then its known weaknesses, the same for every setup. With no setup known there is
nothing to weigh them by, and bot/answers/explain.py lists the weaknesses alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import choosing, scoring
from bot.answers.after_pick import known_facts
from bot.answers.citations import Citations
from bot.answers.phrasing import after_colon, first_sentence
from bot.answers.recommend import main_caveat
from bot.answers.requirements import Requirements
from bot.intents.models import Intent
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh

MAX_CATCHES = 3  # what counts against it on the setup, in the lead


@dataclass(frozen=True)
class Catch:
    """The title and lead of an answer saying what counts against a mesh on a setup (every
    weakness is in the answer's details, as for any mesh)."""

    title: str
    lead: str
    sources: list[str]


def catch_on_setup(kb: KnowledgeBase, mesh: Mesh, intent: Intent, cite: Citations) -> Catch | None:
    """What counts against `mesh` on the setup the intent carries; None where it carries no
    setup, or where the mesh is none of the offerings a pick chooses among (a retired one)."""
    facts = known_facts(kb, intent.facts)
    among = choosing.candidates(kb, intent.options, facts)
    if not facts or mesh.id not in {m.id for m in among}:
        return None
    verdict = scoring.verdict_now(kb, facts, among)
    screened = verdict.of(mesh.id)
    name = mesh.name
    catches: list[str] = []
    if screened.out:
        stand = (
            f"On what you've told me {name} is out: {'; '.join(f.text for f in screened.reasons)}."
        )
    else:
        ahead = kb.meshes[verdict.pick].name if verdict.pick else "another offering"
        mine = verdict.pick == mesh.id
        stand = (
            f"{name} is my pick on what you've told me."
            if mine
            else f"On what you've told me {ahead} leads, ahead of {name}."
        )
        req = Requirements.from_facts(kb.rules, facts)
        main = main_caveat(kb, screened, req).removesuffix(" (see Caveats).").rstrip(".")
        general = any(main.lower() in w.lower() for w in mesh.weaknesses)  # said anywhere
        against = [r for r in verdict.fired if scoring.weight(r, screened, verdict.field) < 0]
        short = [f for f in screened.caveats if not f.met_anyway]  # needs met only in part
        catches = [
            f"{f.text} ({after_colon(kb, first_sentence(f.why).rstrip('.'))})" if f.why else f.text
            for f in short
        ]
        catches = catches or ([main] if main and not general else [])
        catches += [first_sentence(" ".join(r.because.split())).rstrip(".") for r in against]
    sources = [s for f in (*screened.reasons, *screened.caveats) for s in f.sources[:1]]
    said = list(dict.fromkeys(catches))[:MAX_CATCHES]
    there = (
        f" The catch on your setup: {'; '.join(after_colon(kb, c) for c in said)}." if said else ""
    )
    known = [
        after_colon(kb, w)
        for w in (first_sentence(w).rstrip(".") for w in mesh.weaknesses)
        if not any(w.lower() in c.lower() or c.lower() in w.lower() for c in said)
    ][:MAX_CATCHES]
    other = "other known weaknesses" if said else "known weaknesses"
    numbered = "; ".join(f"{n}) {w}" for n, w in enumerate(known, 1))
    anywhere = f" Its {other}: {numbered}." if known else ""
    lead = stand + there + anywhere
    runner = verdict.runner_up if verdict.pick == mesh.id else None
    if runner:
        lead += f" If one of these matters to you, the runner-up is {kb.meshes[runner].name}."
    return Catch(title=f"The catch with {name}", lead=lead, sources=cite.cite(sources[:3]))
