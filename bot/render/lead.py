"""A long lead split so its first lines answer on their own.

In a busy channel a reader takes in the first line or two of a card. A lead longer
than that is laid out as its opening sentences (the verdict, the yes/no, the figure),
a blank line, then the rest, in the same section: no block is spent on it.
"""

from __future__ import annotations

import re

OPENING = 280  # about two lines of a Slack message at desktop width
SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"%][.!?])\s+(?=[A-Z“\"(])")


def opening_and_rest(lead: str, opening: int = OPENING) -> tuple[str, str]:
    """The whole sentences that fit in `opening` characters (at least the first), and
    what follows; the rest is empty when the lead is short or one sentence."""
    if len(lead) <= opening:
        return lead, ""
    ends = list(SENTENCE_END.finditer(lead))
    if not ends:
        return lead, ""
    fitting = [m for m in ends if m.start() <= opening] or ends[:1]
    cut = fitting[-1]
    return lead[: cut.start()], lead[cut.end() :]


def paragraphs(lead: str) -> str:
    """The lead with a blank line after its opening, when it is long."""
    first, rest = opening_and_rest(lead)
    return f"{first}\n\n{rest}" if rest else first
