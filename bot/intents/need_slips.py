"""Slips of the words a setup is said in: a count's unit ("60 servcies" is 60 services) and a
must-have in a list of them ("mtls + retires" needs retries). Each is read as the word meant,
and the answer says so ("I read “retires” as Retries").

The rules are the mesh names' (bot/intents/respell.py): a plain typo of exactly one word, five
letters or more, and no slip of a mesh's name. Scoped, since some slips are English words:
- a unit, right after a number, only where the word is no English word as it stands;
- a feature's one-word name (or alias), only in a list of features: right after a feature
  named exactly, with a list joiner between (rules.yaml `phrases: need_list_joiners`: "+",
  ",", "and"), and ending the list (a joiner, a stop, or the end next). "The old cluster
  retires next month" names no need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.intents.lexicon import english
from bot.intents.respell import SLIP_LENGTH, plain_typo
from bot.knowledge.aliases import AliasIndex, digits, normalise

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s*[kK]?\s*$")
_LIST_END = re.compile(r"\s*(?:[,.;:!?)+&/]|$)")
TAIL_WORDS = 3  # words of a feature's name read before a joiner


class NeedSlips:
    """Reads slips of unit and feature words where a setup's list says them (built once)."""

    def __init__(
        self,
        units: Iterable[str],
        features: AliasIndex,
        feature_words: dict[str, str],
        joiners: Iterable[str],
        names: Iterable[str],
    ) -> None:
        """`units`: the one-word units of counts; `feature_words`: each one-word feature alias
        and its feature id; `joiners`: the words and marks joining a list; `names`: the words
        of meshes' names."""
        self._units = sorted({u for u in units if " " not in u and len(u) >= SLIP_LENGTH})
        self._features = features
        self._feature_words = {w: f for w, f in feature_words.items() if len(w) >= SLIP_LENGTH}
        said = sorted({j.strip() for j in joiners if j.strip()}, key=len, reverse=True)
        alternation = "|".join(
            re.escape(j) if not j[0].isalpha() else rf"\b{re.escape(j)}" for j in said
        )
        self._joined = re.compile(rf"(?:{alternation})\s*$", re.IGNORECASE)
        self._names = sorted({w for w in names if len(w) >= SLIP_LENGTH - 1})

    def read(self, text: str) -> tuple[str, dict[str, str]]:
        """The text with each such slip written as the word meant, and what was read:
        the word as typed, with the feature id (or the unit) it was read as."""
        read: dict[str, str] = {}
        out, at = [], 0
        for match in _WORD.finditer(text):
            word = match.group(0)
            meant = self._unit(word, text[: match.start()]) or self._feature(text, match)
            if meant is None:
                continue
            out += [text[at : match.start()], meant[0]]
            at = match.end()
            read.setdefault(word, meant[1])
        return "".join([*out, text[at:]]), read

    def _unit(self, word: str, before: str) -> tuple[str, str] | None:
        lower = word.lower()
        if not _NUMBER_BEFORE.search(before) or english(lower) or lower in self._units:
            return None
        meant = self._only(lower, self._units)
        return (meant, meant) if meant else None

    def _feature(self, text: str, match: re.Match[str]) -> tuple[str, str] | None:
        word = match.group(0).lower()
        if word in self._feature_words or not _LIST_END.match(text, match.end()):
            return None
        meant = self._only(word, list(self._feature_words))
        if meant is None or not self._after_feature(text[: match.start()]):
            return None
        return meant, self._feature_words[meant]

    def _after_feature(self, before: str) -> bool:
        """The text before ends on a feature named exactly and a list joiner."""
        joiner = self._joined.search(before)
        if joiner is None:
            return False
        words = normalise(before[: joiner.start()]).split()
        return any(
            self._features.exact(" ".join(words[-n:])) is not None
            for n in range(1, min(TAIL_WORDS, len(words)) + 1)
        )

    def _only(self, word: str, among: list[str]) -> str | None:
        """The one word of `among` this is a plain typo of, where it is no slip of a mesh's
        name's word too, but for that word itself ("services" in a name)."""
        # another number is another generation ("oauth" is no slip of "oauth2")
        meant = [w for w in among if plain_typo(word, w) and digits(w) == digits(word)]
        if len(meant) != 1 or any(plain_typo(word, n) for n in self._names if n != meant[0]):
            return None
        return meant[0]
