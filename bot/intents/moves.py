"""Moves to named meshes offered as the alternatives of a decision: "Do we go to OSSM 3, or is
this the moment to jump to upstream Istio / Gloo?" asks which move to make, a pick among the
meshes moved to over the setup said, not a comparison of them.

A question opening on a `decision` phrase ("do we", "should we") offers a move where a
`moves_to` phrase ("go to", "jump to", "stay on") has a mesh's name right after it (a word
such as "upstream" at most between); two or more such moves with an "or" between them are
the alternatives. "what do we lose moving to linkerd or kuma?" decides nothing, and "does
migrating to istio take longer than moving to linkerd?" offers no alternatives.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from bot.intents.clauses import QUESTION, last_sentence
from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

MOVE_GAP = 1  # words between a move and the mesh's name: "jump to upstream istio"
LISTED_GAP = 1  # words between the names a move lists: "istio / gloo", "istio or gloo"
ALTERNATIVE = "or"

Spans = list[tuple[int, int, str]]  # token start, end, mesh id


class MovesOffered:
    """Reads the meshes a decision asked offers moves to, as its alternatives."""

    def __init__(self, cues: CuePhrases, spans_of: Callable[[list[str]], Spans]) -> None:
        """`spans_of(tokens)`: where the tokens name meshes."""
        self._cues = cues
        self._spans_of = spans_of

    def targets(self, text: str) -> list[str]:
        """The meshes a decision asked offers moves to, as alternatives (none unless two)."""
        asked = [m.group(0) for m in QUESTION.finditer(text)]
        for sentence in dict.fromkeys([*asked, last_sentence(text)]):
            said = " ".join(normalise(sentence).split())
            decided = bool(said) and self._cues.starts("decision", said)
            if decided and len(moved := self._moved(said)) >= 2:
                return moved
        return []

    def _moved(self, said: str) -> list[str]:
        """The meshes moved to in the sentence, where an "or" stands between two moves."""
        tokens = said.split()
        spans = self._spans_of(tokens)
        moves: list[tuple[int, str]] = []  # where each move's mesh is named, and the mesh
        for match in self._cues.find("moves_to", said):
            end = len(said[: match.end()].split())
            moves += [(s, m) for s, _, m in spans if 0 <= s - end <= MOVE_GAP]
        moves.sort()
        alternative = any(
            ALTERNATIVE in tokens[first:later] for (first, _), (later, _) in pairwise(moves)
        )
        if not alternative:
            return []
        # the meshes listed right after the last move ("upstream Istio / Gloo") are moved to
        moved = [m for _, m in moves]
        end = next(e for s, e, _ in spans if s == moves[-1][0])
        for start, stop, mesh in sorted(spans):
            if 0 <= start - end <= LISTED_GAP and start > moves[-1][0]:
                moved.append(mesh)
                end = stop
        return list(dict.fromkeys(moved))
