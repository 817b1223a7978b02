"""Words and numbers shared by every renderer and by the text the answers compose."""

from __future__ import annotations

from bot.knowledge.models import Figure, Level

LEVEL_WORDS = {
    Level.yes: "yes",
    Level.partial: "partial",
    Level.extension: "via extension",
    Level.enterprise: "enterprise only",
    Level.no: "no",
    Level.unknown: "unknown",
}


NOT_APPLICABLE = "n/a"


def level_words(level: Level, not_applicable: str = "") -> str:
    """'yes', or 'n/a: no sidecar in pods' for a feature that does not apply."""
    return f"{NOT_APPLICABLE}: {not_applicable}" if not_applicable else LEVEL_WORDS[level]


def number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:g}"


def amount(value: float, unit: str) -> str:
    """Scale MB totals to GB (decimal, as the figures are quoted)."""
    if unit == "MB" and value >= 1000:
        return f"{value / 1000:,.1f} GB".replace(".0 GB", " GB")
    return f"{number(value)} {unit}"


def rate_text(figure: Figure) -> str:
    """' per 1,000 rps' for a figure quoted per request rate (CPU), else ''."""
    return f" per {figure.per_rps:,} rps" if figure.per_rps else ""


def figure_text(figure: Figure) -> str:
    """'50–100 MB per pod'."""
    value = (
        number(figure.low)
        if figure.low == figure.high
        else f"{number(figure.low)}–{number(figure.high)}"
    )
    return f"{value} {figure.unit} per {figure.per.value.replace('_', ' ')}"
