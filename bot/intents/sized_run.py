"""The mesh an estate's size is told with is the one they run: "~60 pods on linkerd", "~2000
pods on EKS running istio sidecars", "~500 pods on AKS using the istio add-on".

A count in a unit of the `services` or `pods` fact (a word or two may qualify it: "300 java
services"), where it runs at most (“on EKS”), then a `sized_run` word (rules.yaml `phrases`)
and a current mesh's name. A question (its sentence closed by "?") runs nothing: "what would
500 pods on istio cost?".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.statements import statements
from bot.knowledge.aliases import normalise

_PLACE = r"(?:(?:on|in|across)\s+(?:\w+\s+){1,2}?)?"  # "on EKS", "across 3 clusters"


class SizedRun:
    """Reads the current mesh a sentence counting the estate says it runs on."""

    def __init__(
        self, phrases: Mapping[str, Sequence[str]], units: Iterable[str], meshes: LazyPattern | None
    ) -> None:
        """`units`: the words counting services and pods; `meshes`: the names of current
        meshes, each matched as the group `name`."""
        cues = word_pattern([normalise(p) for p in phrases.get("sized_run", [])])
        counted = word_pattern([normalise(u) for u in units])
        self._run = (
            LazyPattern(
                rf"\b\d[\d.]*k?\s+(?:\w+\s+){{0,2}}?(?:{counted.pattern})\s+{_PLACE}"
                rf"(?:{cues.pattern})\s+(?:the\s+|our\s+)?{meshes.pattern}"
            )
            if cues and counted and meshes
            else None
        )

    def read(self, text: str) -> str | None:
        """The name (normalised) of the mesh the estate's size is told with, if said."""
        if self._run is None:
            return None
        for said in statements(text):
            if match := self._run.search(said):
                return match.group("name")
        return None
