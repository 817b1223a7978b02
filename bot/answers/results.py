"""Plain result models that handlers return and renderers draw.

All text here is plain (no mrkdwn, no Slack markup): renderers do the escaping,
so nothing a user typed can become a ping or a link.
"""

from __future__ import annotations

import datetime as dt
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


class Fact(_Model):
    """A labelled statement with the sources that back it."""

    label: str
    text: str
    sources: list[str] = Field(default_factory=list)


class Paragraph(_Model):
    type: Literal["paragraph"] = "paragraph"
    heading: str = ""
    text: str


class FactList(_Model):
    type: Literal["facts"] = "facts"
    heading: str = ""
    items: list[Fact]


class MatrixRow(_Model):
    label: str
    group: str
    cells: list[Level]


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


class Code(_Model):
    type: Literal["code"] = "code"
    heading: str = ""
    language: str = ""
    code: str


Part = Annotated[Paragraph | FactList | Matrix | Chart | Code, Field(discriminator="type")]


class Choice(_Model):
    """A button: its label and the intent a click continues with."""

    label: str
    intent: Intent
    primary: bool = False


class FollowUp(_Model):
    question: str
    choices: list[Choice]


class Answer(_Model):
    intent: Intent = Field(description="What was answered; the Share button re-renders it.")
    kind: IntentKind
    title: str
    summary: str
    parts: list[Part] = Field(default_factory=list)
    follow_up: FollowUp | None = None
    next_steps: list[Choice] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    as_of: dt.date
    kb_version: str

    @cached_property
    def source_numbers(self) -> dict[str, int]:
        """Citation number of each source id: [1] is the first source listed."""
        return {s.id: n for n, s in enumerate(self.sources, 1)}
