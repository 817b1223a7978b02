"""Unknown mesh names, found by how a word is used, never because the vocabulary lacks it.

A word earns evidence from where it stands: before "mesh" ("consulate mesh"), ending
in "mesh" ("foomesh"), compared with a known mesh ("Tetrate vs Linkerd"), or the
object of "evaluating", "trying", "explain" and the like (rules.yaml `name_before`).
Ordinary English counts against it, a word no dictionary knows for it. A word is
named as an unknown mesh only when the evidence adds up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions
from bot.intents.lexicon import ordinary
from bot.knowledge.aliases import STOPWORDS

MAX_NAME = 40
MAX_UNKNOWN = 4
NAMED = 2  # evidence needed to call a word a mesh's name
SEPARATORS = frozenset({"vs", "versus", "v", "or", "and", "against", "than", "between", "to"})
_MESH = ("mesh",)
_SERVICE_MESH = ("service", "mesh")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # exclusive: "aspen mesh" spans two tokens
    name: str
    meshy: bool  # stands before "mesh" or ends in it


class NameReader:
    """Reads candidate names from tokens a mention scan left unused."""

    def __init__(self, cues: CuePhrases, vocabulary: frozenset[str]) -> None:
        self._cues = cues
        self._vocabulary = vocabulary

    def read(self, tokens: list[str], found: Mentions, text: str) -> list[str]:
        """Names, as the user wrote them, used where a mesh's name would stand."""
        candidates = self._candidates(tokens, found)
        compared = bool(self._cues.find("compare", " ".join(tokens)))
        names: list[str] = []
        for candidate in candidates:
            score = self._evidence(tokens, found, candidate, candidates, compared)
            if score >= NAMED and candidate.name not in names:
                names.append(candidate.name)
        return [as_written(name, text) for name in names[:MAX_UNKNOWN]]

    def _could_be_name(self, word: str) -> bool:
        return (
            len(word) >= 2
            and word not in STOPWORDS
            and word not in self._vocabulary
            and not any(c.isdigit() for c in word)
        )

    def _candidates(self, tokens: list[str], found: Mentions) -> list[Candidate]:
        out = []
        for i, word in enumerate(tokens):
            if found.used[i] or not self._could_be_name(word):
                continue
            after = tuple(tokens[i + 1 : i + 3])
            tail = _MESH if after[:1] == _MESH else _SERVICE_MESH if after == _SERVICE_MESH else ()
            meshy = bool(tail) or (word.endswith("mesh") and len(word) > len("mesh") + 1)
            end = i + 1 + len(tail)
            out.append(Candidate(i, end, " ".join(tokens[i:end]), meshy))
        return out

    def _evidence(
        self,
        tokens: list[str],
        found: Mentions,
        candidate: Candidate,
        candidates: list[Candidate],
        compared: bool,
    ) -> int:
        word = tokens[candidate.start]
        score = 2 if candidate.meshy else 0
        slot = self._after_cue(tokens, candidate.start) or self._asks_of(tokens, candidate)
        score += 1 if slot else 0
        rival = self._compared_with(tokens, found, candidate, candidates)
        score += {"known": 2, "name": 2, "word": 1}.get(rival, 0)
        if compared and any(found.mesh_used) and (slot or candidate.meshy) and not rival:
            score += 1  # "tried consulate mesh? better than linkerd?"
        score += -1 if ordinary(word) else 1
        return score

    def _after_cue(self, tokens: list[str], i: int) -> bool:
        """'explain X', 'evaluating X', 'thoughts on X' (rules.yaml `name_before`)."""
        before = " ".join(tokens[:i])
        cues = self._cues.words["name_before"]
        return any(before == p or before.endswith(" " + p) for p in cues)

    def _asks_of(self, tokens: list[str], candidate: Candidate) -> bool:
        """'does X support …' (rules.yaml `name_then_asks`)."""
        before = tokens[candidate.start - 1 : candidate.start]
        after = set(tokens[candidate.end : candidate.end + 1])
        return before == ["does"] and bool(after & self._cues.words["name_then_asks"])

    @staticmethod
    def _compared_with(
        tokens: list[str], found: Mentions, candidate: Candidate, candidates: list[Candidate]
    ) -> str:
        """What stands across a 'vs', 'or', 'and' from the word: a known mesh, a name, a word."""
        across = []
        if candidate.start >= 2 and tokens[candidate.start - 1] in SEPARATORS:
            across.append(candidate.start - 2)
        if candidate.end + 1 < len(tokens) and tokens[candidate.end] in SEPARATORS:
            across.append(candidate.end + 1)
        if candidate.start >= 1 and tokens[candidate.start - 1] == "compare":
            across += [j for j in range(candidate.end, len(tokens)) if found.mesh_used[j]][:1]
        best = ""
        for j in across:
            if found.mesh_used[j]:
                return "known"
            other = next((c for c in candidates if c.start <= j < c.end), None)
            if other is not None and other is not candidate:
                best = "name" if other.meshy else best or "word"
        return best


def as_written(name: str, text: str, capital: bool = True) -> str:
    """The words as the user typed them; all-lower-case names get a capital."""
    pattern = r"[\W_]+".join(re.escape(w) for w in name.split())
    match = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
    written = match.group(0) if match else name
    if capital and written.islower():
        written = written[0].upper() + written[1:]
    return written[:MAX_NAME]
