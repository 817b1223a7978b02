"""A platform named as a comparison is not where they run.

"EKS shop, we want a managed mesh control plane like AKS has", "unlike GKE, EKS gives us no
managed istio", "the same as on OpenShift": the platform after a likening word sets what they
want against another platform's; they run on the one they name plainly. Words in rules.yaml
`phrases`:

- `platform_likened`: a platform straight after one of these is a comparison ("unlike",
  "similar to", "same as on", "compared to").
- `platform_likened_if_said`: a word that likens only when the platform after it is said to
  have or do something (`platform_likened_verbs`: "like AKS has", "like GKE does"); "managed
  kubernetes like EKS" gives an example, and may be where they run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise

ARTICLES = r"(?:(?:the|a|an)\s+)?"


class LikenedPlatforms:
    """Tells a platform named as a comparison from one they run on."""

    def __init__(
        self,
        always: LazyPattern | None,
        if_said: LazyPattern | None,
        verbs: LazyPattern | None,
    ) -> None:
        self._before = LazyPattern(rf"(?:{always.pattern})\s+{ARTICLES}$") if always else None
        self._if_said = LazyPattern(rf"(?:{if_said.pattern})\s+{ARTICLES}$") if if_said else None
        self._verbs = LazyPattern(rf"^\s*(?:{verbs.pattern})") if verbs else None

    def likens(self, text: str, match: re.Match[str]) -> bool:
        """The platform `match` found in the normalised `text` is named as a comparison."""
        before, after = text[: match.start()], text[match.end() :]
        if self._before and self._before.search(before):
            return True
        said = bool(self._verbs and self._verbs.search(after))
        return bool(said and self._if_said and self._if_said.search(before))


def likened_platforms(phrases: Mapping[str, Sequence[str]]) -> LikenedPlatforms:
    """The reader, its words from rules.yaml `phrases`."""

    def pattern(key: str) -> LazyPattern | None:
        return word_pattern([normalise(w) for w in phrases.get(key, [])])

    return LikenedPlatforms(
        pattern("platform_likened"),
        pattern("platform_likened_if_said"),
        pattern("platform_likened_verbs"),
    )
