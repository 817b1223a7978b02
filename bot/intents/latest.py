"""Whether a question asks the version a mesh is at: "what's the latest istio version?".

The mesh's name often stands inside the phrase ("latest *istio* version"), so the phrases of
the `latest_asked` group are looked for with the names of meshes taken out.
"""

from __future__ import annotations

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions


def latest_asked(cues: CuePhrases, remaining: str, found: Mentions) -> bool:
    """Whether the words left once the meshes' names are out ask for the latest version."""
    tokens = remaining.split()
    named = found.mesh_used if len(found.mesh_used) == len(tokens) else [False] * len(tokens)
    unnamed = " ".join(t for t, mesh in zip(tokens, named, strict=True) if not mesh)
    return cues.has("latest_asked", f" {unnamed} ")
