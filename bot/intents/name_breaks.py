"""A name is never read across the end of a sentence.

"15 services on AKS. mesh or no mesh?" names AKS, where they run, and then asks about a mesh;
the words either side of the full stop are not "AKS mesh", the add-on's name. The readers see
normalised words with no punctuation, so where a sentence ends between the words of a mesh's
name of several words, an article is put after the break ("AKS. a mesh or no mesh?"): the
name's words no longer meet, and the sentence after reads as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.aliases import normalise

_BREAK = re.compile(r"(?<=\w)(?:[.!?;]+[ \t]+|[.!?;]*[ \t]*\n\s*)(?=\w)")
_NEAR = 4  # words either side of a break a name may take
_APART = "a "  # a word every reader passes over


class NameBreaks:
    """Keeps the words of multi-word mesh names from meeting across a sentence end."""

    def __init__(self, names: Iterable[str]) -> None:
        said = {tuple(normalise(n).split()) for n in names}
        self._names = [n for n in said if len(n) > 1]

    def apart(self, text: str) -> str:
        """The text with an article after each sentence end a name would run across."""
        if not self._names:
            return text
        pieces, start = [], 0
        for match in _BREAK.finditer(text):
            before = normalise(text[: match.start()]).split()[-_NEAR:]
            after = normalise(text[match.end() : match.end() + 80]).split()[:_NEAR]
            if self._spans(before, after):
                pieces += [text[start : match.end()], _APART]
                start = match.end()
        return "".join([*pieces, text[start:]]) if pieces else text

    def _spans(self, before: list[str], after: list[str]) -> bool:
        for name in self._names:
            for cut in range(1, len(name)):
                head, tail = list(name[:cut]), list(name[cut:])
                if before[-cut:] == head and after[: len(tail)] == tail:
                    return True
        return False
