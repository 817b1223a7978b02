"""Words written with a slash, as people type them in chat: "which ones run w/o sidecars" is
"which ones run without sidecars", "w/ mTLS" is "with mTLS", "b/c" is "because" (rules.yaml
`shorthand`). Read only as a word of its own: "w/o" inside a path or a URL stays as written.
"""

from __future__ import annotations

import re

from bot.knowledge.models import RulesFile


class Shorthand:
    """Writes each shorthand of rules.yaml `shorthand` as the words it stands for."""

    def __init__(self, rules: RulesFile) -> None:
        self._meant = {short.lower(): full for short, full in rules.shorthand.items()}
        said = "|".join(re.escape(s) for s in sorted(self._meant, key=len, reverse=True))
        self._pattern = (
            re.compile(rf"(?<![\w/.:-])(?:{said})(?=[\s,.;:!?)]|$)", re.IGNORECASE)
            if said
            else None
        )

    def expand(self, text: str) -> str:
        """The text with each shorthand written out."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self._meant[m.group(0).lower()], text)
