"""Another product named by a known mesh's name and a word of its own: "Istio Swift",
"Linkerd Turbo", "Kuma Nimbus".

Written as a name (the word after the mesh's name capitalised mid-sentence) with a word
the knowledge base never writes of any mesh or feature, the words name a product I lack,
not the mesh: "does Istio Swift support ambient?" asks about Istio Swift. Words the entries
use stay the mesh's own ("Istio Ambient", "Linkerd Viz", "Istio CNI", "Gloo Mesh Enterprise").
A capital letter joined on by a hyphen ("Conduit-X", "Kuma-Z") is a letter added to the
name, as in "istiox": another product, whatever fragments ("2.x") the entries write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intents.extract import Mentions
from bot.intents.names import as_written, capitalised_words
from bot.knowledge.aliases import STOPWORDS


@dataclass(frozen=True)
class Product:
    name: str  # as written: "Istio Swift"
    start: int  # where the mesh's name starts in the tokens
    end: int  # past the product's own word
    mesh: str  # the mesh whose name it borrows


class SuffixReader:
    """Finds such products among the mentions and takes their words out of the meshes."""

    def __init__(self, written: frozenset[str]) -> None:
        """`written`: every word the knowledge base's entries use."""
        self._written = written

    def read(self, tokens: list[str], found: Mentions, text: str) -> list[Product]:
        """The products, their mesh taken out where it is named nowhere else."""
        capitals = capitalised_words(text)
        products = []
        for start, end, mesh in found.spans:
            if end >= len(tokens) or found.used[end]:
                continue
            word = tokens[end]
            lettered = len(word) == 1 and _hyphenated(tokens[end - 1], word, text)
            own = word in capitals and word not in STOPWORDS
            own = own and (word not in self._written or lettered)
            if own and word.isalpha() and _capitalised(tokens[start:end], text):
                name = as_written(" ".join(tokens[start : end + 1]), text)
                products.append(Product(name, start, end + 1, mesh))
        for product in products:
            found.used[product.end - 1] = True
            found.mesh_used[product.start : product.end - 1] = [False] * (
                product.end - 1 - product.start
            )
            found.spans = [s for s in found.spans if s[0] != product.start]
            if all(m != product.mesh for _, _, m in found.spans):
                found.meshes = [m for m in found.meshes if m != product.mesh]
        return products


def _capitalised(words: list[str], text: str) -> bool:
    """Whether the mesh's words are written with a capital, as a name is."""
    return all(re.search(rf"\b{re.escape(w[:1].upper())}{re.escape(w[1:])}\b", text) for w in words)


def _hyphenated(name: str, letter: str, text: str) -> bool:
    """Whether the letter is joined to the name's last word by a hyphen ("Conduit-X")."""
    pattern = rf"\b{re.escape(name)}-{re.escape(letter)}\b"
    return re.search(pattern, text, re.IGNORECASE) is not None
