"""A status asked of something on a mesh: "still a thing on istio ambient?" asks whether a
thing said elsewhere (EnvoyFilter) still works there, not whether the mesh lives on."""

from __future__ import annotations

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions


def status_placed(clause: str, cues: CuePhrases, found: Mentions) -> bool:
    """A `lifecycle` phrase followed by a `status_place` word and a mesh's name right after:
    the mesh is where the thing asked about runs, not what the status is asked of."""
    words = clause.split()
    starts = {start for start, _, _ in found.spans}
    for match in cues.find("lifecycle", clause):
        at = len(clause[: match.end()].split())
        if at < len(words) and words[at] in cues.words["status_place"] and at + 1 in starts:
            return True
    return False
