"""Horizontal range bars drawn with block characters, readable on desktop and mobile."""

from __future__ import annotations

from bot.answers.results import Bar
from bot.knowledge.wording import amount

WIDTH = 24
FULL, RANGE, EMPTY = "█", "▒", "·"


def bar_lines(bars: list[Bar], width: int = WIDTH) -> list[str]:
    """Two lines a bar: its label, then the bar with its value or range.

    The solid part is the low end, the shaded part reaches the high end, so a
    range is visible at a glance and nothing is averaged.
    """
    top = max((b.high for b in bars), default=0) or 1
    lines = []
    for bar in bars:
        solid = max(1, round(bar.low / top * width)) if bar.low > 0 else 0
        reach = max(solid, round(bar.high / top * width))
        value = (
            amount(bar.low, bar.unit)
            if bar.low == bar.high
            else (f"{amount(bar.low, bar.unit)}–{amount(bar.high, bar.unit)}")
        )
        lines.append(bar.label)
        lines.append(FULL * solid + RANGE * (reach - solid) + EMPTY * (width - reach) + " " + value)
    return lines
