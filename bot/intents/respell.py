"""Slips of the words that ask for a kind of answer: "recomend a mesh" asks for a
recommendation, "comapre istio and kuma" for a comparison, "expalin mtls" for an explanation;
and of the words naming the measure asked: "isito vs linkred memroy" compares memory,
"ligthest mesh" ranks by overhead.

A word is read as a cue word (rules.yaml `phrases:` of the groups in KINDS) when it is a
plain typo of exactly one of them (a letter added, dropped or changed, or two swapped; two
such slips in words of nine letters or more, as names allow: "reccomend"), is no English
word as it stands, no word the knowledge base uses, and no slip of a word of a mesh's or a
feature's name other than the cue word itself (the mention scan reads those, and says so).
Shorter words are a slip of too many others to tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from bot.intents.cues import CuePhrases
from bot.intents.lexicon import english, ordinary
from bot.knowledge.aliases import typo_edits

# the words asking for a kind of answer, and for a measure
KINDS = ("recommend", "compare", "explain", "cost", "memory", "cpu", "latency", "lightest")
SLIP_LENGTH = 5
_WORD = re.compile(r"[A-Za-z]+")


class Respeller:
    """Reads slips of the cue words as the words meant (word lists built once)."""

    def __init__(self, cues: CuePhrases, vocabulary: frozenset[str], names: Iterable[str]) -> None:
        """`vocabulary`: every word the knowledge base uses; `names`: the words of meshes'
        and features' names and aliases."""
        words = {w for group in KINDS for w in cues.words[group]}
        self._cues = sorted(w for w in words if " " not in w and len(w) >= SLIP_LENGTH)
        self._vocabulary = vocabulary
        self._names = sorted({w for w in names if len(w) >= SLIP_LENGTH - 1})

    def respell(self, text: str) -> str:
        """The text with each slip of a cue word written as that word."""
        return _WORD.sub(lambda m: self._meant(m.group(0)) or m.group(0), text)

    def _meant(self, written: str) -> str | None:
        word = written.lower()
        if len(word) < SLIP_LENGTH or ordinary(word) or word in self._vocabulary:
            return None
        meant = [cue for cue in self._cues if plain_typo(word, cue)]
        if len(meant) != 1 or english(word):
            return None
        # a slip of a name's word is the name's ("linkred"), unless that word is the cue's own
        # ("latnecy": "latency", in "latency-aware load balancing" too)
        if any(plain_typo(word, n) for n in self._names if n != meant[0]):
            return None
        return meant[0]


def plain_typo(word: str, other: str) -> bool:
    """A plain typo of the other word: as many slips as a name's typo may have."""
    edits = typo_edits(word, other)
    return OSA.distance(word, other, score_cutoff=edits) <= edits
