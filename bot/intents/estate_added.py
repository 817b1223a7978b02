"""A reply in a thread that adds to the estate said before, not replaces it.

"we also have 2 EKS clusters we want in the same mesh" after "GKE Standard, 5 clusters" is
GKE and EKS with 7 clusters: a platform named beside a `besides` word (rules.yaml: "also",
"too", "as well") joins the thread's platforms, and the clusters it counts add to theirs.
"actually we're on EKS" names no such word and still replaces the platform.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.intents.alternation import word_pattern
from bot.intents.thread_setup import as_list
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactValue, RulesFile

PLATFORM = "platform"
ADDED_COUNTS = ("clusters",)  # counts of what a platform added brings with it


class EstateAdded:
    """Reads whether a reply adds platforms to the thread's estate."""

    def __init__(self, rules: RulesFile) -> None:
        self._added = word_pattern([normalise(w) for w in rules.besides])

    def add(
        self,
        normalised: str,
        said: dict[str, FactValue],
        counted: dict[str, FactValue],
        before: Mapping[str, FactValue],
    ) -> None:
        """Lay the reply's platforms beside the thread's (and add its clusters to theirs)
        where the reply names a platform new to the thread beside a `besides` word."""
        had, new = as_list(before.get(PLATFORM)), as_list(said.get(PLATFORM))
        if not had or not set(new) - set(had) or not self._added:
            return
        if not self._added.search(normalised):
            return
        said[PLATFORM] = list(dict.fromkeys([*had, *new]))
        for fact in ADDED_COUNTS:
            more, earlier = counted.get(fact, said.get(fact)), before.get(fact)
            if isinstance(more, int) and isinstance(earlier, int):
                counted[fact] = earlier + more
                said.pop(fact, None)


def within_counted_before(
    said: dict[str, FactValue], counted: Mapping[str, FactValue], before: Mapping[str, FactValue]
) -> None:
    """Drop the clusters a reply's platforms only imply (one on each, at least) where the thread
    counted as many or more: "what if half our clusters were on-prem?" after "3 GKE clusters"
    names GKE and on-prem Kubernetes, and they still have 3 clusters, not 2."""
    for fact in ADDED_COUNTS:
        implied, earlier = said.get(fact), before.get(fact)
        if fact in counted or not isinstance(implied, int) or not isinstance(earlier, int):
            continue
        if earlier >= implied:
            del said[fact]
