"""Words struck through in Slack are taken back.

Slack writes strikethrough as `~text~`: "• ~no sidecars~ sidecars are fine actually" withdraws
"no sidecars" and says sidecars are fine. Struck words are left out before anything is read.
A tilde that only rounds a number ("~40 VMs", "~300 stores") strikes nothing: Slack's own
rule is kept, the opening tilde before a non-space and the closing one after a non-space with
no letter or digit straight after it, all on one line.
"""

from __future__ import annotations

import re

_STRUCK = re.compile(r"(?<![\w~])~(?=[^\s~])[^~\n]*?(?<=[^\s~])~(?![\w~])")


def without_struck(text: str) -> str:
    """The text less what it strikes through."""
    return _STRUCK.sub(" ", text)
