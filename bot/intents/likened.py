"""A mode of one project named as the kind of thing wanted: its feature, not the mesh.

"we specifically want sidecarless (ambient style)", "an ambient-ish data plane", "something
like ambient on the aks add-on": the mode's name, with a word after it that makes it a kind
(rules.yaml `phrases: kind_after`: "style", "ish", "esque", "type") or a phrase before it that
likens (`kind_before`: "something like", "similar to"), describes what they want, which other
offerings may give too. It reads as the feature the mode stands for (mesh YAML `as_feature`:
ambient's sidecarless row), before anything else is read, so no reader takes it for a mesh
they run, leave or set against the rest: the question stays what it asks of the offerings it
names ("can we just use the aks istio addon for that?"), or a pick.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh

_GAP = r"[\s\-]+"  # "ambient-style", "ambient style"


def _alternation(phrases: Iterable[str]) -> str:
    words = sorted({normalise(p) for p in phrases} - {""}, key=len, reverse=True)
    return "|".join(_GAP.join(re.escape(w) for w in p.split()) for p in words)


class LikenedReader:
    """Rewrites the modes said as a kind to their feature's name (the pattern built once)."""

    def __init__(self, kb: KnowledgeBase, meshes: Iterable[Mesh]) -> None:
        phrases = kb.rules.phrases
        before = _alternation(phrases.get("kind_before", []))
        after = _alternation(phrases.get("kind_after", []))
        self._feature: dict[str, str] = {}
        alternatives = []
        for mesh in meshes:
            if not (mesh.as_feature and mesh.as_feature in kb.features):
                continue
            feature = kb.features[mesh.as_feature]
            said = feature.aliases[0] if feature.aliases else feature.name
            for alias in (mesh.name, *mesh.aliases):
                self._feature[normalise(alias)] = said
            alternatives += [mesh.name, *mesh.aliases]
        names = _alternation(alternatives)
        if not (names and (before or after)):
            self._pattern = None
            return
        sides = []
        if before:
            sides.append(rf"\b(?:{before}){_GAP}(?:the{_GAP})?(?P<liked>{names})\b")
        if after:
            sides.append(rf"\b(?P<kind>{names}){_GAP}(?:{after})\b")
        self._pattern = re.compile("|".join(sides), re.IGNORECASE)

    def rewrite(self, text: str) -> str:
        """The text with each mode said as a kind read as its feature's name."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._said, text)

    def _said(self, match: re.Match[str]) -> str:
        name = match.group("liked") or match.group("kind")
        return self._feature.get(normalise(name), match.group(0))
