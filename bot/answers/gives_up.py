"""What a move from the mesh a team runs to another gives up ("what do we lose?" after
"we run Istio sidecars … should we move to ambient?").

The thread says the mesh they run (`incumbent`) and the one the move goes to: the mesh the
reply names, else the thread's pick where it is not the one they run, else the one other
mesh the thread asked about. The answer is the two compared, led by the features the mesh
they run has in full that the other lacks or has only partly (rows that don't apply to it,
"no sidecar is injected", are no loss).
"""

from __future__ import annotations

from bot.answers.after_pick import pick_of
from bot.answers.citations import Citations
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Mesh

LOST = (Level.no, Level.partial)  # what the move's target has of a feature it gives up
SHOWN = 6  # features named in the lead; the table below has them all


def loss_asked(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The move the thread weighs, compared for what it gives up, where the reply asks what
    it loses (rules.yaml `phrases: loss_asked`) and the thread says the mesh they run; None
    for any other reply."""
    run = context.facts.get("incumbent")
    if not isinstance(run, str) or run not in kb.meshes or not parser.says("loss_asked", text):
        return None
    named = [m for m in parser.parse(text).meshes if m != run]
    pick = pick_of(kb, context) if context.kind == IntentKind.recommend else context.pick
    others = [m for m in context.meshes if m != run]
    target = next(iter([*named, *([pick] if pick and pick != run else []), *others]), None)
    if target is None:
        return None
    return Intent(
        kind=IntentKind.compare,
        meshes=[run, target],
        aspect=Aspect.gives_up,
        facts=context.facts,
        options=context.options,
        text=text.strip()[:120],
        pick=pick,
        passed=context.passed,
    )


def gives_up_lead(
    kb: KnowledgeBase, source: Mesh, target: Mesh, cite: Citations
) -> tuple[str, list[str]]:
    """'Moving from A to B gives up: F (B: no), G (B: partial) …', or that it gives up none
    of the features held, with the sources of the rows named."""
    lost = [
        (feature, target.features[feature.id])
        for feature in kb.features.values()
        if source.features[feature.id].level == Level.yes
        and target.features[feature.id].level in LOST
        and not target.features[feature.id].not_applicable
    ]
    lost.sort(key=lambda pair: LOST.index(pair[1].level))
    move = f"Moving from {source.name} to {target.name}"
    if not lost:
        return f"{move} gives up none of the features I hold that {source.name} has.", []
    said = ", ".join(f"{f.name} ({target.name}: {s.level.value})" for f, s in lost[:SHOWN])
    more = f" and {len(lost) - SHOWN} more" if len(lost) > SHOWN else ""
    sources = cite.cite(x for _, s in lost[:SHOWN] for x in s.sources[:1])
    count = f"{len(lost)} feature{'s' if len(lost) > 1 else ''}"
    return f"{move} gives up {count} {source.name} has in full: {said}{more}.", sources
