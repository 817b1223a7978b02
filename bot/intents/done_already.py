"""A need said to be met already is what they have, not what they ask a mesh for: "mTLS already
done in Spring with our internal PKI", "retries are already handled in the client", "we
already do mtls ourselves".

A feature named in a clause right before a `done_already` phrase (rules.yaml `phrases`, a few
words between at most: "mTLS is already done"), or right after a `done_already_before` one
("we already do mtls"), is covered: the recommender reads it as met. "we need mTLS, it isn't
done yet" covers nothing (no phrase says it is done).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.extract import find_mentions
from bot.knowledge.aliases import AliasIndex, normalise

_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n]|\s[-–—]+\s")
_REACH = 4  # words between the feature and the phrase saying it is done


class DoneAlready:
    """Reads the features a text says are done already."""

    def __init__(
        self, phrases: Mapping[str, Sequence[str]], meshes: AliasIndex, features: AliasIndex
    ) -> None:
        self._after = word_pattern([normalise(p) for p in phrases.get("done_already", [])])
        self._before = word_pattern([normalise(p) for p in phrases.get("done_already_before", [])])
        self._meshes, self._features = meshes, features

    def read(self, text: str) -> list[str]:
        """The features said to be done already, in the order said."""
        done: list[str] = []
        for clause in _CLAUSE_BREAK.split(text):
            said = normalise(clause)
            for match in self._after.finditer(said) if self._after else ():
                done += self._named(said[: match.start()].split()[-_REACH:])
            for match in self._before.finditer(said) if self._before else ():
                if find_mentions(
                    said[: match.start()].split(), self._meshes, self._features
                ).meshes:
                    continue  # "istio already does mtls": what a mesh does, none of theirs
                done += self._named(said[match.end() :].split()[:_REACH])
        return list(dict.fromkeys(done))

    def _named(self, words: list[str]) -> list[str]:
        return find_mentions(words, self._meshes, self._features).features
