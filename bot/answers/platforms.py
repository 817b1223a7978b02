"""What an offering's `fit` note says of the platforms a question names: "Runs on Kubernetes
(OpenShift guide included)" answers "can kong mesh run on openshift?"."""

from __future__ import annotations

import re

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh

_SENTENCE = re.compile(r"(?<=\.)\s+(?=[A-Z])")


def platform_notes(kb: KnowledgeBase, mesh: Mesh, platforms: list[str]) -> list[str]:
    """The sentences of the mesh's fit note that name one of the platforms (by its name or
    one of its words in rules.yaml `platforms`), in the note's order."""
    if mesh.fit is None or not mesh.fit.note:
        return []
    fact = kb.rules.fact("platform")
    words: set[str] = set()
    for platform in platforms:
        words.add((fact.says(platform) if fact else platform).lower())
        if platform in kb.rules.platforms:
            words |= {w.lower() for w in kb.rules.platforms[platform].words}
    patterns = [re.compile(rf"\b{re.escape(w)}\b") for w in sorted(words) if w]
    # the offering's own name holds no platform ("no page lists ECS Service Connect")
    own = sorted({n.lower() for n in (mesh.name, *mesh.aliases)}, key=len, reverse=True)
    named = re.compile("|".join(re.escape(n) for n in own))

    def says(sentence: str) -> bool:
        plain = named.sub(" ", sentence.lower())
        return any(p.search(plain) for p in patterns)

    return [s for s in _SENTENCE.split(mesh.fit.note.strip()) if says(s)]
