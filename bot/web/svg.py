"""Range charts as inline SVG, laid out here and drawn by `templates/chart.svg`.

Our own small module rather than a charting library: the pages need a few
horizontal range bars with text labels, a <title> per bar and no scripts, fonts
or network requests. pygal and matplotlib can draw that, but pygal's tooltips
load JavaScript from a CDN and matplotlib adds tens of MB to a serving process
for one shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LABEL_WIDTH = 330
PLOT_WIDTH = 420
VALUE_WIDTH = 140
ROW_HEIGHT = 34
BAR_HEIGHT = 16
TOP = 8
AXIS_HEIGHT = 26


@dataclass(frozen=True)
class RangeBar:
    """One source's figure: a range from low to high, or a single value.

    `flag` says what kind of number it is when it is not independent or primary
    ("vendor figure", "blog claim"); such bars are hatched and say so in text.
    """

    label: str
    low: float
    high: float
    unit: str
    caption: str
    flag: str = ""
    source_numbers: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlacedBar:
    bar: RangeBar
    y: float
    x: float
    width: float
    value_text: str


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class RangeChart:
    """Everything the SVG template needs: sizes, placed bars and axis ticks."""

    key: str
    title: str
    unit: str
    width: int
    height: int
    plot_left: int
    plot_width: int
    bars: list[PlacedBar]
    ticks: list[Tick]


def value_text(low: float, high: float, unit: str) -> str:
    def num(v: float) -> str:
        return f"{v:,.0f}" if v >= 100 or v == int(v) else f"{v:g}"

    return f"{num(low)} {unit}" if low == high else f"{num(low)}–{num(high)} {unit}"


def nice_max(value: float) -> float:
    """The smallest 1, 2 or 5 × 10^n at or above `value` (1 for nothing)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        top = step * 10**exponent
        if top >= value:
            return float(top)
    return float(10 ** (exponent + 1))


def layout(key: str, title: str, unit: str, bars: list[RangeBar]) -> RangeChart:
    """Place bars on one linear scale from zero; a single value still gets a visible mark."""
    top = nice_max(max((b.high for b in bars), default=0))
    scale = PLOT_WIDTH / top
    placed = []
    for row, bar in enumerate(bars):
        x = LABEL_WIDTH + bar.low * scale
        width = max(3.0, (bar.high - bar.low) * scale)
        y = TOP + row * ROW_HEIGHT
        placed.append(
            PlacedBar(bar, y, round(x, 1), round(width, 1), value_text(bar.low, bar.high, bar.unit))
        )
    ticks = [
        Tick(round(LABEL_WIDTH + top * f * scale, 1), value_text(top * f, top * f, "").strip())
        for f in (0, 0.25, 0.5, 0.75, 1)
    ]
    height = TOP + len(bars) * ROW_HEIGHT + AXIS_HEIGHT
    return RangeChart(
        key=key,
        title=title,
        unit=unit,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=height,
        plot_left=LABEL_WIDTH,
        plot_width=PLOT_WIDTH,
        bars=placed,
        ticks=ticks,
    )
