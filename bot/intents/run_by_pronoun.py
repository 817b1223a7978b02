"""The mesh a pronoun stands for where they say they run it: "nginx service mesh is retired
right? we still run it on one cluster" runs NGINX Service Mesh.

A `run_pronoun` phrase (rules.yaml `phrases:`, "we still run it", "we're running it") stands
for the last mesh named at most `REACH` words before it; a retired mesh is the one they move
off (`retired_mesh`), a current one the one they run (`incumbent`). With no mesh named that
close, the pronoun stands for something else.
"""

from __future__ import annotations

from bot.intents.cues import CuePhrases
from bot.intents.extract import find_mentions
from bot.intents.requirements import RETIRED
from bot.intents.stances import INCUMBENT
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

REACH = 12  # words back from the phrase to the mesh its pronoun stands for


class RunByPronoun:
    """Reads the mesh they say they run by a pronoun."""

    def __init__(self, kb: KnowledgeBase, cues: CuePhrases) -> None:
        self._kb = kb
        self._cues = cues

    def read(self, normalised: str) -> dict[str, FactValue]:
        """The fact the first such phrase sets, or none."""
        for match in self._cues.find("run_pronoun", normalised):
            before = normalised[: match.start()].split()[-REACH:]
            found = find_mentions(before, self._kb.mesh_index, self._kb.feature_index)
            if found.spans:
                mesh = max(found.spans)[2]
                return {INCUMBENT if self._kb.meshes[mesh].is_current else RETIRED: mesh}
        return {}
