"""A size said as where the estate is going (rules.yaml `phrases: size_planned`).

"we're 5 services today but the roadmap says ~300 by next year", "growing to 200 services",
"50 services now, 400 services by Q3": a mesh picked now has to carry the size planned, so
that count is the one weighed, and a note says so. A count with no unit of its own ("~300 by
next year") counts what the count said before it counts.
"""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.numbers import NumberReader
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

REACH_AFTER = 2  # "roadmap says ~300": words at most between the cue and the count
REACH_BEFORE = 3  # "300 k8s services by next year": words at most between the count and the cue
# A count as written: "300", "~300", "1,200", "1.5k"; not "3x", "40%" nor part of a version
_COUNT = re.compile(r"(?<![\w.,])~?(?P<num>\d[\d,]*(?:\.\d+)?(?:\s*k)?)(?![\w%]|\.\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")  # "by 2027": a year, no count
_SENTENCE = re.compile(r"[.!?;](?:\s|$)|\n")  # where a sentence or clause ends
_WORD = re.compile(r"\S+")


class PlannedSize:
    """Reads the counts said as the size planned, with a note for each."""

    def __init__(self, rules: RulesFile, numbers: NumberReader) -> None:
        cues = [normalise(p) for p in rules.phrases.get("size_planned", [])]
        pattern = word_pattern(cues)
        self._cue: LazyPattern | None = pattern
        self._numbers = numbers
        self._labels = {f.id: (f.label, f.label_one) for f in rules.facts}

    def read(
        self, text: str, counted: dict[str, FactValue]
    ) -> tuple[dict[str, FactValue], list[str]]:
        """The counts planned, by fact, and a sentence for each saying it is the one weighed
        (and what is counted today, from `counted`, where that differs)."""
        if self._cue is None:
            return {}, []
        planned: dict[str, FactValue] = {}
        lowered = text.lower()
        for cue in self._cue.finditer(lowered):
            if said := self._count_near(lowered, cue):
                planned.setdefault(*said)
        notes = [
            self._note(fact, value, today)
            for fact, value in planned.items()
            if isinstance(today := counted.get(fact), int) and today != value
        ]
        return planned, notes

    def _count_near(self, text: str, cue: re.Match[str]) -> tuple[str, int] | None:
        """The count nearest the cue, right after it ("growing to 300 services") or right
        before it ("300 services by next year"; before where both are as near), and the fact
        it counts."""
        near = [
            (_words(text, count.end(), cue.start()), 0, count)
            for count in _COUNT.finditer(text, 0, cue.start())
            if not _SENTENCE.search(text, count.end(), cue.start())
        ]
        near += [
            (_words(text, cue.end(), count.start()), 1, count)
            for count in _COUNT.finditer(text, cue.end())
            if not _SENTENCE.search(text, cue.end(), count.start())
        ]
        reach = {0: REACH_BEFORE, 1: REACH_AFTER}
        for _, _, count in sorted((n for n in near if n[0] <= reach[n[1]]), key=lambda n: n[:2]):
            if said := self._counted(text, count):
                return said
        return None

    def _counted(self, text: str, count: re.Match[str]) -> tuple[str, int] | None:
        """The fact a count sets: with its own unit in the few words after it, else the
        unit of the last count before it; a bare year is no count."""
        tail = _WORD.findall(text[count.end() :])[:REACH_BEFORE]
        own = self._numbers.read(" ".join([count["num"], *tail]), set()).facts
        if own:
            fact, value = next(iter(own.items()))
            return (fact, value) if isinstance(value, int) else None
        unit = self._numbers.last_unit(text[: count.start()])
        if unit is None or _YEAR.fullmatch(count["num"]):
            return None
        read = self._numbers.read(f"{count['num']} {unit}", set()).facts
        value = next(iter(read.values()), None)
        return (next(iter(read)), value) if isinstance(value, int) else None

    def _note(self, fact: str, value: FactValue, today: int) -> str:
        """What the answer says of the count it weighed instead of today's."""
        label, one = self._labels.get(fact, (fact, None))
        said = f"{value:,} {one if value == 1 and one else label}"
        return (
            f"I weighed {said}, the size you said you are heading for, not the {today:,} of "
            "today: the mesh you pick now has to carry it."
        )


def _words(text: str, start: int, end: int) -> int:
    """How many words stand between two places in the text."""
    return len(_WORD.findall(text[start:end]))
