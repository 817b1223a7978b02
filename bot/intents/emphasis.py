"""Slack's emphasis is read through: "*Q for the mesh bot*", "need _mTLS_", "`~50` svcs".

Slack writes bold as `*text*` and italics as `_text_` (Markdown's `**text**` too), with the
opening mark before a non-space and the closing one after a non-space, neither touching a
letter or digit outside, all on one line: the marks go and the words stay, so a count in bold
is a count ("*~50* services") and `max_connections` or `a*b` keep their marks. Inline code
that holds only a figure ("`~50` svcs", "`1,200` pods") is a number set off, not pasted code,
so it loses its backticks too; other inline code stays code (bot/intents/numbers.py CODE).
"""

from __future__ import annotations

import re

_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,2}|_)(?=[^\s*_])([^\n]*?)(?<=[^\s*_])\1(?![\w*_])")
_FIGURE_CODE = re.compile(r"`\s*([~≈<>+]?\s*\d[\d,.' ]*\s*(?:[km]|ish)?\+?)\s*`", re.IGNORECASE)


def without_emphasis(text: str) -> str:
    """The text with Slack's bold and italic marks, and the backticks round a lone figure,
    taken off what they mark."""
    return _EMPHASIS.sub(r"\2", _FIGURE_CODE.sub(r"\1", text))
