"""Plain result models that handlers return and renderers draw.

An answer is built for progressive disclosure: its `lead` says the point in one
or two lines, its `points` are the few facts that matter for this question, and
its `details` are named sections a reader opens on demand. Every renderer picks
its depth from the same answer (the terminal shows everything; a Slack card
shows the lead and points, with a control for each section).

All text here is plain (no mrkdwn, no Slack markup): renderers do the escaping,
so nothing a user typed can become a ping or a link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.intents.models import Intent, IntentKind
from bot.knowledge.models import Level


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Model):
    id: str
    title: str
    url: str | None = Field(description="None when the source has no public page.")
    publisher: str
    date: dt.date
    kind: str
    vendor_authored: bool


class Statement(_Model):
    """A labelled statement with the sources that back it."""

    label: str
    text: str
    sources: list[str] = Field(default_factory=list)


class Paragraph(_Model):
    type: Literal["paragraph"] = "paragraph"
    heading: str = ""
    text: str
    sources: list[str] = Field(default_factory=list)
    verdict: bool = Field(
        default=False,
        description="The answer's point for the setup said (the pick and its why): the brief "
        "form keeps it.",
    )


class StatementList(_Model):
    type: Literal["statements"] = "statements"
    heading: str = ""
    items: list[Statement]


class MatrixRow(_Model):
    label: str
    feature: str = Field(default="", description="The feature's id, where the row is one.")
    group: str
    cells: list[Level]
    not_applicable: list[str] = Field(
        default_factory=list,
        description="Per cell, why the feature does not apply to that column ('' where it "
        "does; empty when it applies to all). Renderers show such a cell as n/a with it.",
    )
    sources: list[str] = Field(default_factory=list)
    as_of: dt.date | None = Field(default=None, description="Date of the newest evidence.")

    @property
    def reasons(self) -> list[str]:
        """One entry per cell: the not-applicable reason, or ''."""
        return self.not_applicable or [""] * len(self.cells)


class Matrix(_Model):
    """Support levels: one row per feature, one column per mesh."""

    type: Literal["matrix"] = "matrix"
    heading: str = ""
    columns: list[str]
    rows: list[MatrixRow]


class Bar(_Model):
    label: str
    low: float
    high: float
    unit: str
    sources: list[str] = Field(default_factory=list)


class Chart(_Model):
    """A horizontal bar chart of ranges, drawn with block characters."""

    type: Literal["chart"] = "chart"
    heading: str = ""
    bars: list[Bar]


class TableRow(_Model):
    cells: list[str]
    sources: list[str] = Field(default_factory=list)


class Table(_Model):
    """Rows of text under named columns; every renderer adds a sources column."""

    type: Literal["table"] = "table"
    heading: str = ""
    columns: list[str]
    rows: list[TableRow]


class Code(_Model):
    type: Literal["code"] = "code"
    heading: str = ""
    language: str = ""
    code: str


Part = Annotated[
    Paragraph | StatementList | Matrix | Chart | Table | Code, Field(discriminator="type")
]


def part_sources(part: Part) -> Iterator[str]:
    """The source ids a part cites, in reading order."""
    if isinstance(part, Paragraph):
        yield from part.sources
    elif isinstance(part, StatementList):
        for item in part.items:
            yield from item.sources
    elif isinstance(part, Matrix):
        for row in part.rows:
            yield from row.sources
    elif isinstance(part, Chart):
        for bar in part.bars:
            yield from bar.sources
    elif isinstance(part, Table):
        for row in part.rows:
            yield from row.sources


class Section(_Model):
    """A detail a reader opens on demand ("All features", "Overhead figures")."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    parts: list[Part]


SOURCES_KEY = "sources"  # the section every renderer draws from `sources` and `reading`


class Choice(_Model):
    """A button: its label and the intent a click continues with."""

    label: str
    intent: Intent
    primary: bool = False


class FollowUp(_Model):
    question: str
    choices: list[Choice]


class Answer(_Model):
    intent: Intent = Field(description="What was answered: a click on a detail re-answers it.")
    kind: IntentKind
    title: str
    lead: str = Field(description="The point in one or two lines.")
    lead_sources: list[str] = Field(default_factory=list)
    points: list[Part] = Field(
        default_factory=list, description="The few facts that matter for this question."
    )
    details: list[Section] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    next_steps: list[Choice] = Field(default_factory=list)
    sources: list[SourceRef] = Field(
        default_factory=list, description="Cited sources, numbered in order of first use."
    )
    reading: list[SourceRef] = Field(
        default_factory=list, description="Further reading: sources not cited in the text."
    )
    as_of: dt.date
    kb_version: str

    @cached_property
    def source_numbers(self) -> dict[str, int]:
        """Citation number of each cited source id: [1] is the first one cited."""
        return {s.id: n for n, s in enumerate(self.sources, 1)}

    def section(self, key: str) -> Section | None:
        return next((s for s in self.details if s.key == key), None)


def cited_in_order(
    lead_sources: list[str], points: list[Part], details: list[Section]
) -> list[str]:
    """Every source id cited, once, in order of first use (lead, points, then details)."""
    seen: dict[str, None] = dict.fromkeys(lead_sources)
    for part in [*points, *(p for s in details for p in s.parts)]:
        seen.update(dict.fromkeys(part_sources(part)))
    return list(seen)
