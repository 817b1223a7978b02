"""What a message asks, read from the clauses that ask it rather than from the whole text.

A long message states a setup and needs, then asks: "… a consultant told us we need istio.
do we?", "… does cilium cover it?", "… thoughts?". The phrases that close such a question
(rules.yaml `phrases: decision`, maybe followed by a `closing` word: "… what now then") ask
for a decision over what was said before them. And a clause asking a decision about the
field ("do we need a mesh?") keeps a message in scope whatever topic another clause names
("we mostly talk over kafka between 12 services").
"""

from __future__ import annotations

import re

from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

_QUESTIONS = re.compile(r"[^,.;:!?()\n]+(?=\?)")  # each clause a question mark closes
_CLAUSES = re.compile(r"[,.;:!?()\n]+")


class AskReader:
    """Reads the asking clauses of a message with the cue phrases of one knowledge base."""

    def __init__(self, cues: CuePhrases) -> None:
        self._cues = cues

    def decides(self, text: str) -> bool:
        """The question ends on a `decision` phrase: "do we?", "does cilium cover it?"."""
        return any(self._ends_on("decision", clause) for clause in _closing(text))

    def field_decision(self, text: str) -> bool:
        """A clause asks for a decision about the field ("do we need a mesh?") and names no
        topic outside it."""
        for clause in _CLAUSES.split(text):
            said = normalise(clause)
            if (
                self._cues.has("recommend", said)
                and self._cues.has("field", said)
                and not self._cues.has("out_of_scope", said)
            ):
                return True
        return False

    def _ends_on(self, group: str, clause: str) -> bool:
        """A phrase of the group closes the clause, but for words that only place it in
        time (`phrases: closing`: "… any suggestions then", "… what do we do next")."""
        ends = {len(clause)}
        for tail in self._cues.find("closing", clause):
            if tail.end() == len(clause):
                ends.add(len(clause[: tail.start()].rstrip()))
        return any(m.end() in ends for m in self._cues.find(group, clause))


def _closing(text: str) -> list[str]:
    """The clauses that ask, normalised: each one a question mark closes, and the last."""
    clauses = [m.group(0) for m in _QUESTIONS.finditer(text)]
    last = [c for c in _CLAUSES.split(text) if c.strip()][-1:]
    return [normalise(c) for c in dict.fromkeys([*clauses, *last])]
