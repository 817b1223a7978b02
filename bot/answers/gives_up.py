"""A move from the mesh a team runs to another, asked of in a thread: what it gives up ("what
do we lose?" after "we run Istio sidecars … should we move to ambient?"), or how the move
goes ("how hard is the migration?", "can we run both during migration?").

The thread says the mesh they run (`incumbent`) and the one the move goes to: the mesh the
reply names, else the thread's pick where it is not the one they run, else the one other
mesh the thread asked about. The answer is the two compared, led by the features the mesh
they run has in full that the other lacks or has only partly (rows that don't apply to it,
"no sidecar is injected", are no loss). The move asked of leads with whether the two run
side by side in one mesh where an `interop` entry pairs them, else says plainly that I hold
no migration guide for the pair, with what the move gives up as the nearest facts.
"""

from __future__ import annotations

from bot.answers.after_pick import pick_of
from bot.answers.citations import Citations
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Interop, Level, Mesh

LOST = (Level.no, Level.partial)  # what the move's target has of a feature it gives up
SHOWN = 6  # features named in the lead; the table below has them all
# what a reply asks of the move (rules.yaml `phrases:`), and the answer's aspect
ASKS = (("loss_asked", Aspect.gives_up), ("migration_asked", Aspect.migration))


def loss_asked(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The move the thread weighs, compared for what it gives up or for how it goes, where
    the reply asks that (rules.yaml `phrases: loss_asked, migration_asked`) and the thread
    says the mesh they run; None for any other reply."""
    run = context.facts.get("incumbent")
    aspect = next((a for group, a in ASKS if parser.says(group, text)), None)
    if not isinstance(run, str) or run not in kb.meshes or aspect is None:
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
        aspect=aspect,
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


def migration_lead(
    kb: KnowledgeBase, source: Mesh, target: Mesh, cite: Citations
) -> tuple[str, list[str]]:
    """How a move from one mesh to another goes, as far as I hold it: whether their workloads
    run side by side in one mesh during it (an `interop` entry of either), else that I hold
    no migration guide for the pair, with what the move gives up."""
    meets = _interop(source, target) or _interop(target, source)
    if meets is not None:
        said = "Yes" if meets.works else "No"
        lead = f"Running {source.name} and {target.name} side by side during the move: {said}: "
        lead += meets.summary.rstrip(".") + "."
        if meets.caveats:
            lead += f" Mind: {meets.caveats[:1].lower()}{meets.caveats[1:].rstrip('.')}."
        return lead, cite.cite(meets.sources)
    lost, sources = gives_up_lead(kb, source, target, cite)
    none = (
        f"I don't hold a migration guide for {source.name} to {target.name}, nor whether their "
        "workloads reach each other in one mesh during the move. What I do hold:"
    )
    return f"{none} {lost}", sources


def _interop(mesh: Mesh, other: Mesh) -> Interop | None:
    return next((i for i in mesh.interop if i.mesh == other.id), None)
