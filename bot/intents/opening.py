"""What a message opens on is what it asks; what follows qualifies it.

A message that opens on the offerings it sets against each other asks to compare them.

"istio vs linkerd for ~300 pods. mostly care abt encrypting pod to pod traffic", "cilium or
istio ambient if we dont want a proxy in every pod?", "between kuma, consul and kong mesh,
which of those 3 copes with windows nodes?": what follows the named offerings (a size, the
platform, a need) says what to weigh them on; it is no setup asking for a pick over every
offering. A setup said first ("eks, 220 services, 3 person team. istio or linkerd?") still
asks for one. So a message opening on a ranking ("least overhead option for ~300 pods on
eks?") asks for the ranking at that size and place; "k8s, 150 pods … lowest overhead for us?"
states a setup first and asks for a pick.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

_SENTENCE_ENDS = re.compile(r"[.;!?\n—–]|\s-+\s")


class Opening:
    """Reads what a text opens on (`rules.yaml` phrases: `compare` cues between names,
    `choice_openers` before them, a maker's word leading the first name: "gcp csm vs running
    our own istio"; `question_openers` and `lead_in` words before a cue opening it)."""

    def __init__(self, cues: CuePhrases, makers: Iterable[str]) -> None:
        self._cues = cues
        self._makers = frozenset(makers)

    def opens(self, normalised: str, names: Sequence[tuple[int, int, str]]) -> bool:
        """Whether `normalised` opens on a name of `names` (token spans) set against another:
        after any opener ("between"), the first name followed right away by a comparison cue
        ("vs", "or") and another name; after an opener, a list of names joined by nothing
        or "and" does too ("between kuma, consul and kong mesh"). A reply's opening word
        ("ok so between kuma and kong mesh — …", `reply_openers`) comes before it all."""
        reply = self._cues.leading("reply_openers", normalised)
        normalised = " ".join(normalised.split()[len(reply.split()) :])
        names = [
            (start - len(reply.split()), end - len(reply.split()), m) for start, end, m in names
        ]
        opener = self._cues.leading("choice_openers", normalised)
        spans = sorted(names)
        tokens = normalised.split()
        lead = " ".join(tokens[len(opener.split()) : spans[0][0]]) if spans else ""
        if len(spans) < 2 or (lead and lead not in self._makers):
            return False
        end = spans[0][1]
        cued = self._cues.find("compare", normalised)
        if any(len(normalised[: m.start()].split()) == end for m in cued):
            return True
        follows = spans[1][0]
        return bool(opener) and (follows == end or (follows == end + 1 and tokens[end] == "and"))

    def led_by(self, group: str, normalised: str) -> bool:
        """Whether a phrase of `group` opens the text, after question words at most ("least
        overhead option for …", "what's the cheapest mesh on eks")."""
        found = self._cues.find(group, normalised)
        if not found:
            return False
        before = normalised[: found[0].start()].split()
        lead = self._cues.words["question_openers"] | self._cues.words["lead_in"]
        return all(word in lead for word in before)

    def first_says(self, group: str, text: str) -> bool:
        """Whether a phrase of `group` is said in the text's first sentence, up to a dash
        ("linkerd or istio for us? …"; not "… whats the diff besides azure doing it for us")."""
        first = _SENTENCE_ENDS.split(text, maxsplit=1)[0]
        return self._cues.has(group, f" {normalise(first)} ")

    def bare_choice(self, text: str, named: Callable[[list[str]], list[bool]]) -> bool:
        """Whether the first sentence is a choice between names and nothing else ("linkerd or
        istio? 20 svcs, 3 ppl on platform, EKS"): names joined by a bare `or` only (a
        `choice_openers` word before them at most), so what follows is the setup the pick is
        for, not what to weigh a comparison on ("cilium or istio ambient if …" goes on)."""
        first = _SENTENCE_ENDS.split(text, maxsplit=1)
        if len(first) < 2 or not first[1].strip():
            return False
        tokens = normalise(first[0]).split()
        opener = self._cues.leading("choice_openers", " ".join(tokens))
        tokens = tokens[len(opener.split()) :]
        joins = [t for t, n in zip(tokens, named(tokens), strict=True) if not n]
        return len(tokens) > len(joins) and bool(joins) and set(joins) <= {"or"}

    def then_says_theirs(self, text: str) -> bool:
        """Whether a statement of their own follows the last question asked ("… which of
        those 3 copes with windows nodes? we've got a .net framework node pool"): a `theirs`
        word after the last question mark."""
        _, mark, tail = text.rpartition("?")
        return bool(mark) and self._cues.has("theirs", f" {normalise(tail)} ")
