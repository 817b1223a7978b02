"""The setup a message's heading places its mesh in: "OpenShift 4.18 with OSSM 3 - can we run
ambient mode?" heads the question with the platform the mesh runs on. Those words (a platform's
name, rules.yaml `platforms`, and `heading_setup` links such as "with", "on") leave the heading
naming only the mesh the question after it asks of, as `heading_words` do."""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.aliases import normalise
from bot.knowledge.models import PlatformDef


class HeadingSetup:
    """Takes a heading's platform names and the links between them and the mesh out."""

    def __init__(self, platforms: Iterable[PlatformDef], links: Iterable[str]) -> None:
        self._phrases = sorted(
            {tuple(normalise(w).split()) for p in platforms for w in p.words}
            | {tuple(normalise(w).split()) for w in links},
            key=len,
            reverse=True,
        )

    def strip(self, words: list[str]) -> list[str]:
        """The words left once every platform name and link is taken out."""
        kept, at = [], 0
        while at < len(words):
            phrase = next((p for p in self._phrases if tuple(words[at : at + len(p)]) == p), None)
            if phrase:
                at += len(phrase)
                continue
            kept.append(words[at])
            at += 1
        return kept
