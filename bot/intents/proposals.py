"""What someone else proposes is theirs to weigh: "someone proposed linkerd or istio in every
store with multicluster to central" puts Linkerd and Istio forward; the rest of the sentence
is how the proposal would use them, no need of the team's. So a sentence whose subject is
someone other than the team (rules.yaml `phrases: proposers`, the stances' `others`) with a
proposing verb right after it (`proposing`) keeps its words up to the last mesh it names;
what follows in that sentence is not read, unless it argues for the mesh (`proposal_reasons`:
"our lead keeps pitching linkerd because it's leaner" sets it against the rest). A sentence
naming no mesh stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.knowledge.aliases import normalise

_SENTENCE = re.compile(r"[^.;!?\n]+[.;!?\n]*")  # a sentence and the marks that end it
_REACH = 3  # words from the proposer to the proposing verb ("our architect just proposed")


class Proposals:
    """Reads the sentences that relay someone else's proposal (patterns built once)."""

    def __init__(self, phrases: Mapping[str, Sequence[str]], mesh_names: Iterable[str]) -> None:
        who = word_pattern([normalise(w) for w in phrases.get("proposers", [])])
        verbs = word_pattern([normalise(w) for w in phrases.get("proposing", [])])
        self._proposed = (
            re.compile(rf"\b(?:{who.pattern})\s+(?:\w+\s+){{0,{_REACH}}}?(?:{verbs.pattern})\b")
            if who and verbs
            else None
        )
        reasons = word_pattern([normalise(w) for w in phrases.get("proposal_reasons", [])])
        self._argued = re.compile(rf"^\s*(?:{reasons.pattern})\b") if reasons else None
        names = sorted({n for n in (normalise(m) for m in mesh_names) if n}, key=len, reverse=True)
        spelled = [r"[\W_]+".join(map(re.escape, n.split())) for n in names]
        self._meshes = (
            re.compile(rf"(?<!\w)(?:{'|'.join(spelled)})(?!\w)", re.I) if spelled else None
        )

    def reduced(self, text: str) -> str:
        """The text with each proposal relayed cut after the last mesh it names."""
        if self._proposed is None or self._meshes is None:
            return text
        kept = []
        for sentence in _SENTENCE.findall(text):
            said = normalise(sentence)
            named = list(self._meshes.finditer(sentence))
            cue = self._proposed.search(said) if named else None
            if cue and self._meshes.search(said, cue.end()):  # the proposal names a mesh
                sentence = self._cut(sentence, named[-1].end())
            kept.append(sentence)
        return "".join(kept)

    def _cut(self, sentence: str, at: int) -> str:
        """The sentence up to `at` with its closing mark, unless the rest argues for the
        mesh named there."""
        if self._argued and self._argued.match(normalise(sentence[at:])):
            return sentence
        ending = sentence.rstrip()[len(sentence.rstrip().rstrip(".;!?\n")) :]
        return sentence[:at] + (ending or ".")
