"""What a message asks, read from the clauses that ask it rather than from the whole text.

A long message states a setup and needs, then asks: "… a consultant told us we need istio.
do we?", "… does cilium cover it?", "… thoughts?". The phrases that close such a question
(rules.yaml `phrases: decision`, maybe followed by a `closing` word: "… what now then") ask
for a decision over what was said before them, and so does a closing clause that asks for a
pick and names nothing of its own: "which one?", "what do we switch to?", "which meshes
would pass?" (`which_meshes`, `recommend` or a `decision_opening`), whatever kind of
question its words resemble. And a clause asking a decision about the field ("do we need a
mesh?") keeps a message in scope whatever topic another clause names ("we mostly talk over
kafka between 12 services").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.intents.clauses import CLAUSES
from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

_QUESTIONS = re.compile(r"[^,.;:!?()\n—]+(?=\?)")  # each clause a question mark closes
_PICKS = ("which_meshes", "recommend")  # groups whose phrases ask for a pick
_SIZED_BY = frozenset({"for", "at", "with", "on"})  # "… overkill for 10 services", "at 200 pods"


class AskReader:
    """Reads the asking clauses of a message with the cue phrases of one knowledge base;
    `names` says whether some normalised words name a mesh or a feature."""

    def __init__(
        self,
        cues: CuePhrases,
        names: Callable[[str], bool],
        unsized: Callable[[str], str],
    ) -> None:
        """`unsized`: the words with the sizes they count taken out ("for 10 services" is
        "for"), so a decision phrase a size only follows still closes the question."""
        self._cues = cues
        self._names = names
        self._unsized = unsized

    def decides(self, text: str, reasons: bool = False) -> bool:
        """The question ends on a `decision` phrase ("do we?", "does cilium cover it?"), or
        its closing clause asks for a pick over what was said before it (`reasons`: a
        `purpose` phrase asks for none)."""
        whole = " ".join(normalise(text).split())
        return any(
            self._ends_on("decision", clause)
            or (
                clause != whole
                and (self._picks(clause, reasons=reasons) or self._picks_meeting(clause))
            )
            for clause in _closing(text)
        )

    def picks(self, text: str) -> bool:
        """A clause closing the question asks for a pick in so many words ("… which one
        should we go for?"; not "… what do i lose by not using it?")."""
        whole = " ".join(normalise(text).split())
        return any(
            clause != whole and self._picks(clause, opening=False) for clause in _closing(text)
        )

    def asks_of_other_topic(self, text: str) -> bool:
        """A clause that asks names a topic outside the field ("best mesh office chair?")."""
        return any(self._cues.has("out_of_scope", clause) for clause in _closing(text))

    def only_other_topic(self, text: str) -> bool:
        """Every clause a question mark closes asks about a topic outside the field and names
                nothing of it ("… they call each other over grpc, which postgres operator should we
                use?"): the setup said before is why they ask, not what. A clause pointing back at a
        mesh the text names ("kuma multi-zone: does it need postgres?") asks of that mesh."""
        asked = [f" {normalise(m.group(0))} " for m in _QUESTIONS.finditer(text)]
        return bool(asked) and all(
            self._cues.has("out_of_scope", clause)
            and not self._cues.has("field", clause)
            and not self._names(clause)
            and not (self._cues.has("refers_back", clause) and self._names(f" {normalise(text)} "))
            for clause in asked
        )

    def field_decision(self, text: str) -> bool:
        """A clause asks for a decision about the field ("do we need a mesh?") and names no
        topic outside it."""
        for clause in CLAUSES.split(text):
            said = normalise(clause)
            if (
                self._cues.has("recommend", said)
                and self._cues.has("field", said)
                and not self._cues.has("out_of_scope", said)
            ):
                return True
        return False

    def _picks(self, clause: str, opening: bool = True, reasons: bool = False) -> bool:
        """A pick asked for ("which one", "what do we switch to") naming no mesh, feature or
        other topic: its object is the setup said before it (a message that is only the
        clause, "show me the meshes that work without sidecars", asks for a list). A status
        phrase holding a pick's words ("did it become something else") asks for none, nor
        does one asking what to pass on ("what do i tell them"), what figure to expect
        ("what should we expect"), what it takes of their code (`own_changes`: "do i need to
        change my code") or, with `reasons`, what a thing is for ("why do we need it"), nor
        one saying any will do (`indifferent`: "… not picky which mesh").
        `opening`: a `decision_opening` asks for one too ("what do we switch to?")."""
        if self._cues.starts("relay", clause) or self._cues.has("indifferent", clause):
            return False  # "… what do i tell them", "… not picky which mesh"
        status = self._cues.strip("lifecycle", self._cues.strip("quantity", clause))
        status = self._cues.strip("own_changes", status)  # "do i need to change my code"
        if reasons:  # "why do we need it (mtls)": a reason asked
            status = self._cues.strip("purpose", status)
        # "native sidecars: should we care?": whether a thing matters to them, never a pick
        status = self._cues.strip("relevance", status)
        asks = any(self._cues.has(group, status) for group in _PICKS)
        asks = asks or (opening and self._cues.starts("decision_opening", status))
        # "what do we do for service-to-service now that app mesh is going away": a name
        # said after a `reason_given` phrase is why they ask, not what the pick is among
        asked = self._cues.before("reason_given", clause)
        return asks and not self._names(asked) and not self._cues.has("out_of_scope", clause)

    def _picks_meeting(self, clause: str) -> bool:
        """The clause opens on a `decision` phrase that a relative word ties to what it
        must meet ("replacement that still meshes the VMs")."""
        return any(
            m.start() == 0 and self._cues.starts("decision_relative", clause[m.end() :].lstrip())
            for m in self._cues.find("decision", clause)
        )

    def _ends_on(self, group: str, clause: str) -> bool:
        """A phrase of the group closes the clause, but for words that only place it in
        time (`phrases: closing`: "… any suggestions then", "… what do we do next")."""
        ends = {len(clause)}
        for tail in self._cues.find("closing", clause):
            if tail.end() == len(clause):
                ends.add(len(clause[: tail.start()].rstrip()))
        for m in self._cues.find(group, clause):
            rest = clause[m.end() :]
            # "is istio overkill for 10 services": only the size it is weighed at follows
            if m.end() in ends or (rest.strip() and self._unsized(rest) in _SIZED_BY):
                return True
        return False


def _closing(text: str) -> list[str]:
    """The clauses that ask, normalised: each one a question mark closes, and the last."""
    clauses = [m.group(0) for m in _QUESTIONS.finditer(text)]
    last = [c for c in CLAUSES.split(text) if c.strip()][-1:]
    return [normalise(c) for c in dict.fromkeys([*clauses, *last])]
