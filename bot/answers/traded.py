"""Two stated requirements that no offering meets together ("GKE, want sidecarless and
managed": Google's managed mesh is sidecar-based): where the pick meets a must-have only
partly (or a requirement was given up for it) and a mesh that meets that one in full is out
only on a rule the user can give up, the lead says what giving up that rule would pick."""

from __future__ import annotations

from bot.answers.but_for import pick_but_for
from bot.answers.scoring import Verdict
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue


def traded_note(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> str:
    """' Nothing here avoids that caveat and keeps your other requirements: without your rule
    (someone else runs the control plane), Istio ambient mode would be the pick.', said after
    the pick's main caveat; '' where the pick meets every requirement in full, or no rule
    given up would change it."""
    if verdict.pick is None:
        return ""
    short = [f for f in verdict.of(verdict.pick).caveats if not f.met_anyway]
    if not short:
        return ""
    said = {(f.constraint, f.feature) for f in short}
    for out in verdict.ruled_out:
        if any((f.constraint, f.feature) in said for f in out.caveats):
            continue  # it falls short of the same requirement
        if instead := pick_but_for(kb, facts, out):
            return (
                " Nothing here avoids that caveat and keeps your other requirements: "
                f"{instead[0].lower()}{instead[1:]}"
            )
    return ""
