"""A provider said to run part of the platform, not the mesh: "google-managed kubernetes",
"gke w/ dataplane v2 (cilium under the hood but google manages it)".

A managed phrase (rules.yaml `managed_phrases`) right before a `managed_platform_next` word
("kubernetes", "nodes") says the provider runs the cluster; one in a clause naming a
`managed_platform_parts` word (the CNI, "under the hood") says the provider runs that part.
Neither asks for a managed mesh control plane, unless the phrase names the mesh itself
(`managed_names_mesh`: "google manages the mesh").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.clauses import CLAUSES
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise

# An aside in brackets with the clause it follows: "azure cni powered by cilium (microsoft
# manages it)", "dataplane v2 (cilium under the hood, google runs it)".
ASIDE = re.compile(r"[^,.;:!?()\n—]*\([^()]*\)")


class PlatformManaged:
    """Tells a managed phrase said of the platform from one said of the mesh."""

    def __init__(self, phrases: Mapping[str, Sequence[str]]) -> None:
        def words(group: str) -> LazyPattern | None:
            return word_pattern([normalise(p) for p in phrases.get(group, [])])

        following = words("managed_platform_next")
        self._next = LazyPattern(rf"\s+(?:{following.pattern})\b") if following else None
        self._parts = words("managed_platform_parts")
        self._mesh = words("managed_names_mesh")

    def described(self, text: str) -> list[str]:
        """The clauses of a text as written (normalised) that name a part of the platform; an
        aside in brackets is one clause with the clause it follows."""
        if self._parts is None:
            return []
        asides = ASIDE.findall(text)
        clauses = (normalise(c) for c in [*asides, *CLAUSES.split(ASIDE.sub(".", text))])
        return [clause for clause in clauses if self._parts.search(clause)]

    def of_platform(self, match: re.Match[str], described: Sequence[str]) -> bool:
        """The managed phrase matched says the provider runs the cluster or the part of it
        its clause names (`described`: from `described`), not the mesh."""
        said = match.group(0)
        if self._mesh and self._mesh.search(said):
            return False
        if self._next and self._next.match(match.string, match.end()):
            return True
        return any(re.search(rf"\b{re.escape(said)}\b", clause) for clause in described)
