"""Configuration resources the knowledge base writes of ("MeshGateway", "EnvoyFilter",
"ServiceProfile"): a known mesh's own words, never an unknown product's name.

"does kuma support the gateway api or only its own MeshGateway thing?" names Kuma's
resource; a CamelCase word the facts already use is that resource wherever it is said.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase

# A word with a capital inside it after lower case: "MeshGateway", "MeshHTTPRoute", "WasmPlugin"
_IDENTIFIER = re.compile(r"\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b")


def entry_texts(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every distinct string the meshes' and features' entries write, walked once."""
    entries = [*kb.meshes.values(), *kb.features.values()]
    return tuple(dict.fromkeys(text for entry in entries for text in _texts(entry)))


def resource_words(texts: Iterable[str]) -> frozenset[str]:
    """Every CamelCase word the texts write, as a parsed token."""
    return frozenset(
        normalise(word) for word in {w for text in texts for w in _IDENTIFIER.findall(text)}
    )


def _texts(value: object) -> Iterator[str]:
    """The strings inside an entry, however deeply its fields hold them."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _texts(getattr(value, field))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from _texts(item)


def written_words(texts: Iterable[str]) -> frozenset[str]:
    """Every word the texts write, as parsed tokens."""
    return frozenset(word for text in texts for word in normalise(text).split())
