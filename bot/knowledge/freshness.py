"""Stale dates: what a live mesh records that has not been checked for a while.

These are warnings, not problems: an old benchmark stays true for what it measured,
but a maintainer should look at it again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Status
from bot.knowledge.problems import Problem

_AGE = re.compile(r"^\s*(\d+)\s*([dwmy]?)\s*$")
_UNIT_WORDS = {"d": "day", "w": "week", "m": "month", "y": "year"}


@dataclass(frozen=True)
class MaxAge:
    """How old a date may be: a number of days, weeks, months or years."""

    count: int
    unit: str  # d, w, m or y

    @classmethod
    def parse(cls, text: str) -> MaxAge:
        """'6m', '180d', '26w', '1y'; a bare number is months."""
        match = _AGE.match(text.lower())
        if not match or int(match.group(1)) == 0:
            raise argparse.ArgumentTypeError(
                f"'{text}' is not an age; write e.g. 6m (months), 180d, 26w or 1y"
            )
        return cls(int(match.group(1)), match.group(2) or "m")

    def cutoff(self, today: dt.date) -> dt.date:
        """The oldest date still fresh on `today`."""
        if self.unit in ("d", "w"):
            return today - dt.timedelta(days=self.count * (7 if self.unit == "w" else 1))
        months = self.count * (12 if self.unit == "y" else 1)
        year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
        day = today.day
        while True:
            try:
                return dt.date(year, month + 1, day)
            except ValueError:  # 31 March minus one month: clamp to the month's end
                day -= 1

    def __str__(self) -> str:
        word = _UNIT_WORDS[self.unit]
        return f"{self.count} {word}{'' if self.count == 1 else 's'}"


DEFAULT_MAX_AGE = MaxAge(6, "m")


def stale_dates(kb: KnowledgeBase, max_age: MaxAge, today: dt.date) -> list[Problem]:
    """Warnings for live meshes' version and figure dates older than `max_age`."""
    cutoff = max_age.cutoff(today)
    return [w for mesh_id in kb.meshes for w in _mesh_warnings(kb, mesh_id, cutoff, max_age)]


def _mesh_warnings(
    kb: KnowledgeBase, mesh_id: str, cutoff: dt.date, max_age: MaxAge
) -> Iterator[Problem]:
    mesh = kb.meshes[mesh_id]
    if mesh.status != Status.active:
        return
    file = f"meshes/{mesh.id}.yaml"
    if mesh.version.as_of < cutoff:
        yield Problem(
            file=file,
            path="version.as_of",
            message=f"current version {mesh.version.current} was last checked "
            f"{mesh.version.as_of}, more than {max_age} ago",
            fix="check the latest release (meshbot kb releases) and update current and as_of",
        )
    for n, figure in enumerate(mesh.overhead):
        if figure.as_of < cutoff and not figure.borrowed_from:  # the lender's file reports it
            yield Problem(
                file=file,
                path=f"overhead[{n}].as_of",
                message=f"{figure.metric} ({figure.mode}) is from {figure.as_of}, "
                f"more than {max_age} ago",
                fix="look for a newer measurement; keep the old one if none exists and "
                "update as_of only after re-checking the source",
            )
