"""What a Slack message carries from before the question it asks: context, not the question.

- Quoted lines (Slack's "> ", sent as "&gt; "): "> istio vs linkerd\\n(quoting from the thread
  above) cool thanks. now do linkerd vs consul" quotes what was asked before; the words
  written under the quote ask Linkerd against Consul. The quote is left out when the words
  outside it name something of their own (a mesh or a feature); "> does linkerd retry?\\ncan
  you answer this" asks the quoted question.
- A conversation recounted before a turn (rules.yaml `phrases: recounted`, "we compared istio
  vs linkerd last week", "follow up to the above"; then a `pivot`: "but stepping back", "now"):
  "we compared istio vs linkerd last week but stepping back — which meshes implement the
  Gateway API?" asks the list. What the sentence before the turn recounts is left out when the
  words after it name something of their own and point back at nothing (`recalled`: "but now
  how do they do on memory?" keeps it; so does a reply opening on a `follow_up` cue, "but
  what about kuma?").

Text inside a pasted snippet is never read as a quote or a turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

_FENCE = re.compile(r"```.*?(?:```|$)", re.DOTALL)
_QUOTED = re.compile(r"^[ \t]*>(?!>)[^\n]*(?:\n|$)", re.MULTILINE)  # "> …", not ">>" or "->"
_SENTENCE_END = re.compile(r"(?:[;!?\n]|\.(?!\w))+\s*")  # ".net", "v1.2" end no sentence
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


class Recounted:
    """Leaves out of a message what it quotes or recounts from before its question."""

    def __init__(self, cues: CuePhrases, names_something: Callable[[str], bool]) -> None:
        self._cues = cues
        self._names = names_something

    def without(self, text: str) -> str:
        return self.without_history(self.without_quotes(text))

    def without_quotes(self, text: str) -> str:
        """The text less its quoted lines, when what is written outside them names
        something of its own."""
        fenced = [m.span() for m in _FENCE.finditer(text)]
        quoted = [
            m for m in _QUOTED.finditer(text) if not any(s <= m.start() < e for s, e in fenced)
        ]
        if not quoted:
            return text
        kept, start = [], 0
        for line in quoted:
            kept.append(text[start : line.start()])
            start = line.end()
        rest = "".join([*kept, text[start:]])
        return rest if self._names(normalise(rest)) else text

    def without_history(self, text: str) -> str:
        """The text less the sentence recounting the conversation before a turn to a new
        question, up to and including the turn."""
        fenced = [m.span() for m in _FENCE.finditer(text)]
        words = [m for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in fenced)]
        for i, word in enumerate(words):
            turn = self._turn_at(words, i)
            if not turn:
                continue
            end = words[i + turn - 1].end()
            start = self._sentence_start(text, word.start())
            told = normalise(text[start : word.start()])
            if not self._cues.has("recounted", told):
                continue
            rest = normalise(text[end:])
            if (
                not self._names(rest)
                or self._cues.has("recalled", rest)
                or self._cues.starts("follow_up", rest)
            ):
                return text
            return text[:start] + text[end:]
        return text

    def _turn_at(self, words: list[re.Match[str]], i: int) -> int:
        """How many words a `pivot` phrase starting at word i takes (0: none starts there);
        a pivot the next word binds ("now that we're moving") turns nowhere."""
        for size in (3, 2, 1):
            said = normalise(" ".join(w.group(0) for w in words[i : i + size]))
            if len(words[i : i + size]) == size and said in self._cues.words["pivot"]:
                after = normalise(words[i + size].group(0)) if i + size < len(words) else ""
                if after in self._cues.words["pivot_bound"]:
                    return 0
                return size
        return 0

    @staticmethod
    def _sentence_start(text: str, at: int) -> int:
        """Where the sentence holding `at` begins, or the one before when `at` opens one."""
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at) if m.end() <= at]
        if ends and not text[ends[-1] : at].strip():
            ends.pop()  # the turn opens its sentence: the history is the sentence before it
        return ends[-1] if ends else 0
