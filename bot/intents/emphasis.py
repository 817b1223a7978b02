"""A figure set off with Slack's markup is read as a figure: "`~50` svcs", "*~50* services",
"_50_ pods".

Slack writes bold as `*text*`, italics as `_text_` (Markdown's `**text**` too) and inline code
in backticks. A count wrapped in any of them, with nothing else inside, is a count: the marks
go and the figure stays. Marked words keep their marks (stress is read elsewhere: "**mutual**
tls" wants mTLS in full), and other inline code stays code (bot/intents/numbers.py CODE).
"""

from __future__ import annotations

import re

_FIGURE = r"[~≈<>+]?\s*\d[\d,.' ]*?\s*(?:[km]|ish)?\+?"
_MARKED_FIGURE = re.compile(
    rf"(?<![\w*`])(`|\*{{1,2}}|_)\s*({_FIGURE})\s*\1(?![\w*`])", re.IGNORECASE
)


def without_figure_marks(text: str) -> str:
    """The text with the bold, italic or code marks round a lone figure taken off it."""
    return _MARKED_FIGURE.sub(r"\2", text)
