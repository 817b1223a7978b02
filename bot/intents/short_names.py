"""A mesh named by the first word of its name, set against a known mesh: "compare istio traefik".

"traefik" is no alias of Traefik Mesh (Traefik is also a proxy), yet beside a known mesh in a
comparison it can only mean the mesh; the answer says "I read traefik as Traefik Mesh" so a
wrong reading shows. A first word that two entries share ("amazon"), that is an alias already,
that is everyday English ("open", "red") or that names a platform ("aks") names no mesh; a
rarer word ("kong") beside a known mesh can only mean its mesh.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.intents.extract import Mentions, add_mesh
from bot.intents.lexicon import zipf
from bot.intents.names import SEPARATORS
from bot.knowledge.aliases import AliasIndex, normalise
from bot.knowledge.models import Mesh

EVERYDAY = 5.0  # Zipf frequency of words like "open" (5.5) and "red" (5.3); "kong" is 4.5


class ShortNameReader:
    """Reads such first words as their mesh, where a known mesh stands beside or across."""

    def __init__(self, meshes: Iterable[Mesh], index: AliasIndex, platforms: Iterable[str]) -> None:
        firsts: dict[str, list[str]] = {}
        for mesh in meshes:
            firsts.setdefault(normalise(mesh.name).split()[0], []).append(mesh.id)
        taken = {word for phrase in platforms for word in normalise(phrase).split()}
        self._first = {
            word: ids[0]
            for word, ids in firsts.items()
            if len(ids) == 1
            and not index.exact(word)
            and zipf(word) < EVERYDAY
            and word not in taken
        }

    def read(self, tokens: list[str], found: Mentions) -> dict[str, str]:
        """Adds each such mesh to the mentions; returns the words read, with their mesh."""
        read: dict[str, str] = {}
        for i, word in enumerate(tokens):
            mesh = self._first.get(word)
            if mesh is None or found.used[i] or mesh in found.meshes:
                continue
            if _beside_a_mesh(tokens, found, i):
                add_mesh(tokens, found, mesh, i, i + 1)
                read[word] = mesh
        return read


def _beside_a_mesh(tokens: list[str], found: Mentions, i: int) -> bool:
    """A known mesh right beside the word, or across a 'vs', 'or', 'and' from it."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j < len(tokens) and tokens[j] in SEPARATORS:
            j += step
        if 0 <= j < len(tokens) and found.mesh_used[j]:
            return True
    return False
