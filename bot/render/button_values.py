"""What a Slack button carries: the intent to continue with, and which view of its answer.

All conversation state rides in these values, so any replica serves any click.
The user's own words never ride along (they are echoed only where they were said).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.intents.models import Intent, IntentKind

POINTS = "points"  # the view that continues the first card's points where they overflowed


class View(BaseModel):
    """Which part of an answer to show: its first card (""), a section, or sources."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    section: str = Field(default="", max_length=40)
    start: int = Field(default=0, ge=0, le=500)


class ButtonValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    i: Intent
    v: View = View()


_FIRST_CARD = View()
_NOT_CARRIED = frozenset({"text", "suggestions"})


def encode(intent: Intent, view: View | None = None) -> str:
    """Compact JSON for a Block Kit action value: a ButtonValue's JSON without its defaults
    and without the user's words (written from its two parts, as pydantic writes the whole,
    without building one for every button of every answer)."""
    carried = intent.model_dump_json(exclude_defaults=True, exclude=_NOT_CARRIED)
    if view is None or view == _FIRST_CARD:
        return f'{{"i":{carried}}}'
    return f'{{"i":{carried},"v":{view.model_dump_json(exclude_defaults=True)}}}'


def decode(value: str) -> tuple[Intent, View]:
    """The intent and view in a button's value; the help card for a tampered or stale one."""
    try:
        parsed = ButtonValue.model_validate_json(value)
    except ValidationError:
        return Intent(kind=IntentKind.help), View()
    return parsed.i, parsed.v
