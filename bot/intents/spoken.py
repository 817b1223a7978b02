"""The protocol an estate speaks is setup, not a need: "12 services all talking grpc",
"everything speaks http2 to each other" say how the services call each other.

A `spoken` word (rules.yaml `phrases`) right before a `spoken_protocols` word is left out of
what a question is ranked by, so "talking grpc" reads as "grpc" (a mesh that handles gRPC)
and never as "grpc services talking with no proxy" (proxyless gRPC); "we need proxyless
grpc" still asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise


class SpokenProtocols:
    """Takes the words saying which protocol the services speak out of a normalised text."""

    def __init__(self, phrases: Mapping[str, Sequence[str]]) -> None:
        spoken = word_pattern([normalise(p) for p in phrases.get("spoken", [])])
        protocols = word_pattern([normalise(p) for p in phrases.get("spoken_protocols", [])])
        self._said = (
            LazyPattern(rf"(?:{spoken.pattern})\s+(?=(?:{protocols.pattern}))")
            if spoken and protocols
            else None
        )

    def without_speaking(self, normalised: str) -> str:
        """The text less each `spoken` word right before a protocol: "all talking grpc" is
        "all grpc"."""
        if self._said is None:
            return normalised
        return " ".join(self._said.sub(" ", normalised).split())
