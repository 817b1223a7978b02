"""Requirements said only as preferences: "want managed if possible", "ideally google runs
the control plane", "open source preferred". A fact in rules.yaml `refusals.softened` that the
text sets only in clauses with a `refusals.preferring` word is no requirement: it is recorded
as the flag it maps to, which rules weigh for the offerings that have it and which screens
nothing out. Said anywhere without such a word too ("we need a managed mesh. ideally
google's", "open source only. ideally apache"), it stays a requirement.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.intents.refusals import RefusalReader
from bot.knowledge.models import FactType, FactValue, RulesFile

Reader = Callable[[str], dict[str, FactValue]]


class Softened:
    """Turns requirements said only as preferences into those preferences."""

    def __init__(self, rules: RulesFile, refusals: RefusalReader) -> None:
        self._softened = rules.refusals.softened
        self._flags = {f.id for f in rules.facts if f.type == FactType.flag}
        self._refusals = refusals

    def soften(
        self,
        text: str,
        facts: dict[str, FactValue],
        read: Reader,
        refused: dict[str, FactValue],
    ) -> set[str]:
        """Replace in `facts` each softened fact set (a flag true, or a policy such as
        `licence: open_source`) that `read` (the readers that set it) no longer sets to that
        value from the text less its preferring clauses: a flag preference is set true, any
        other takes the value said ("Microsoft support nice to have": Microsoft). One a
        refusal sets ("we'd prefer not to run control planes ourselves") is a must-not said as
        a preference, which is kept and given up first (`refusals.preferred_fact`). Returns
        the facts made preferences."""
        hard = [f for f in self._softened if facts.get(f) not in (None, False) and f not in refused]
        if not hard:
            return set()
        soft, plain = self._refusals.preferring_clauses(text)
        if not soft:
            return set()
        said = read(" . ".join(plain)) if plain else {}
        wished = {fact for fact in hard if said.get(fact) != facts[fact]}
        for fact in wished:
            preference = self._softened[fact]
            facts[preference] = True if preference in self._flags else facts[fact]
            del facts[fact]
        return wished
