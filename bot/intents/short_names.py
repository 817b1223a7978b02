"""A mesh named by the first word of its name, or by its maker, set against a known mesh:
"compare istio traefik", "solo vs ossm".

"traefik" is no alias of Traefik Mesh (Traefik is also a proxy), yet beside a known mesh in a
comparison it can only mean the mesh; the answer says "I read traefik as Traefik Mesh" so a
wrong reading shows. A first word that two entries share ("amazon"), that is an alias already,
that is everyday English ("open", "red") or that names a platform ("aks") names no mesh; a
rarer word ("kong") beside a known mesh can only mean its mesh.

So does a maker's name (rules.yaml `vendors:`) where the maker makes one current offering
(`fit` `makers`): set against a mesh, "solo" is Solo.io's Gloo Mesh and "red hat" is
OpenShift Service Mesh; a maker of two ("aws", "kong") names neither. Where the words ask for
the maker's support ("istio and solo support") the maker is a requirement, not a side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.intents.extract import Mentions, add_mesh
from bot.intents.lexicon import zipf
from bot.intents.names import SEPARATORS
from bot.knowledge.aliases import AliasIndex, normalise
from bot.knowledge.models import Mesh, Status

EVERYDAY = 5.0  # Zipf frequency of words like "open" (5.5) and "red" (5.3); "kong" is 4.5


class ShortNameReader:
    """Reads such first words and makers as their mesh, where a known mesh stands beside or
    across."""

    def __init__(
        self,
        meshes: Iterable[Mesh],
        index: AliasIndex,
        platforms: Iterable[str],
        vendors: Mapping[str, list[str]],
    ) -> None:
        meshes = list(meshes)
        firsts: dict[str, list[str]] = {}
        for mesh in meshes:
            firsts.setdefault(normalise(mesh.name).split()[0], []).append(mesh.id)
        taken = {word for phrase in platforms for word in normalise(phrase).split()}
        self._first = {
            (word,): ids[0]
            for word, ids in firsts.items()
            if len(ids) == 1
            and not index.exact(word)
            and zipf(word) < EVERYDAY
            and word not in taken
        }
        made: dict[str, list[str]] = {}
        for mesh in meshes:
            if mesh.fit and mesh.status == Status.active:
                for maker in mesh.fit.makers:
                    made.setdefault(maker, []).append(mesh.id)
        self._maker_of: dict[tuple[str, ...], str] = {}
        self._makers: dict[tuple[str, ...], str] = {}
        for vendor, words in vendors.items():
            if len(made.get(vendor, [])) == 1:
                for word in words:
                    self._makers[tuple(normalise(word).split())] = made[vendor][0]
                    self._maker_of[tuple(normalise(word).split())] = vendor

    def read(
        self, tokens: list[str], found: Mentions, facts: Mapping[str, object] | None = None
    ) -> dict[str, str]:
        """Adds each such mesh to the mentions; returns the words read, with their mesh.
        A vendor the facts ask support from, or buy from already, is no maker read."""
        read: dict[str, str] = {}
        supporting = _vendors(facts or {})
        names = {**self._first, **self._makers}
        for i in range(len(tokens)):
            for size in (2, 1):
                words = tuple(tokens[i : i + size])
                mesh = names.get(words)
                if len(words) < size or mesh is None or any(found.used[i : i + size]):
                    continue
                if mesh in found.meshes or self._maker_of.get(words) in supporting:
                    continue
                if _beside_a_mesh(tokens, found, i, i + size):
                    add_mesh(tokens, found, mesh, i, i + size)
                    read[" ".join(words)] = mesh
                    break
        return read


def _vendors(facts: Mapping[str, object]) -> set[str]:
    """The vendors whose support is asked for, or who they buy from already."""
    said = [facts.get(key) for key in ("support", "vendor")]
    return {v for value in said for v in (value if isinstance(value, list) else [value]) if v}


def _beside_a_mesh(tokens: list[str], found: Mentions, start: int, end: int) -> bool:
    """A known mesh right beside the words, or across a 'vs', 'or', 'and' from them."""
    for step, j in ((-1, start - 1), (1, end)):
        if 0 <= j < len(tokens) and tokens[j] in SEPARATORS:
            j += step
        if 0 <= j < len(tokens) and found.mesh_used[j]:
            return True
    return False
