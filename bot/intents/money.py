"""Whether a question is written in money: a currency sign ("how much does gloo mesh cost $$
per cluster"). Normalising drops the sign, so it is looked for in the text as written; the
words that ask a price ("pricing", "licence cost", "usd") are rules.yaml `price` phrases."""

from __future__ import annotations

import re

# A currency sign, alone or doubled ("$$"), or before an amount ("$5k"): not one inside a
# shell variable or a template ("$HOME", "${port}").
_SIGN = re.compile(r"(?<![\w$])\$+(?![A-Za-z_{(])|[€£¥]")
# A shell prompt opening a pasted line ("$ kubectl top pod …", "```$ istioctl …"): no money.
_PROMPT = re.compile(r"^[ \t>`]*[$#%][ \t]+(?=[a-z])", re.MULTILINE)


def money_signed(text: str) -> bool:
    """Whether the text writes a currency sign, as a price question does (a shell prompt
    before a pasted command is none)."""
    return _SIGN.search(_PROMPT.sub(" ", text)) is not None


def signs_as_words(text: str) -> str:
    """The text with each currency sign (a shell prompt's aside) said as the word "money":
    "no vendor $$$" is "no vendor money", "no $$ for vendors" "no money for vendors"."""
    return _SIGN.sub(" money ", _PROMPT.sub(" ", text))
