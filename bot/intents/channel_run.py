"""The release channel they are on names the mesh they run: "~60 pods on linkerd edge
releases", "since buoyant stopped shipping stable linkerd we've been riding edge releases".

A `channel_run` word (rules.yaml `phrases`) right before a `release_channels` phrase, or
before a current mesh's name and the phrase (or its first word: "on linkerd stable") after
it, says they run that channel. The mesh is
the one named between; with none there, the one current mesh their sentence names (two name
no one: "we ride edge releases of linkerd and test istio" is left to the other readings). A
question runs nothing: "should we run linkerd edge releases in prod?", nor a requirement
(a `channel_wished` word right before the cue: "prod must run stable releases").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.statements import statements
from bot.knowledge.aliases import normalise

_BETWEEN = r"(?:the\s+|our\s+|its\s+)?"  # "on the stable channel", "riding linkerd's edge"


def channel_words(phrases: Mapping[str, Sequence[str]]) -> frozenset[str]:
    """A release channel's own word, the first of each `release_channels` phrase ("edge",
    "stable"): said of a mesh ("stable linkerd", "linkerd edge") it names a build of it."""
    said = (normalise(c).split() for c in phrases.get("release_channels", []))
    return frozenset(words[0] for words in said if words)


class ChannelRun:
    """Reads the current mesh a sentence says they run on a release channel of."""

    def __init__(self, phrases: Mapping[str, Sequence[str]], meshes: LazyPattern | None) -> None:
        """`meshes`: the names of current meshes, each matched as the group `name`."""
        cues = word_pattern([normalise(p) for p in phrases.get("channel_run", [])])
        channels = word_pattern([normalise(p) for p in phrases.get("release_channels", [])])
        self._meshes = meshes
        self._wished = frozenset(normalise(w) for w in phrases.get("channel_wished", []))
        word = "|".join(sorted(channel_words(phrases)))  # "on linkerd stable"
        self._run = (
            LazyPattern(
                rf"\b(?:{cues.pattern})\s+{_BETWEEN}(?:{meshes.pattern}\s+(?:s\s+)?"
                rf"(?:{_BETWEEN}(?:{channels.pattern})|(?:{word})\b)|{_BETWEEN}(?:{channels.pattern}))"
            )
            if cues and channels and meshes
            else None
        )

    def read(self, text: str) -> str | None:
        """The name (normalised) of the mesh they run on a release channel, if said."""
        if self._run is None or self._meshes is None:
            return None
        for said in statements(text):
            for match in self._run.finditer(said):
                if set(said[: match.start()].split()[-1:]) & self._wished:
                    continue  # "prod must run stable releases": a requirement
                if match.group("name"):
                    return match.group("name")
                named = {m.group("name") for m in self._meshes.finditer(said)}
                if len(named) == 1:
                    return named.pop()
        return None
