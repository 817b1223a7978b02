"""Whether "free" is said of an offering named: "is the AKS add-on free?", "is Google Cloud
Service Mesh free on GKE?", "is linkerd still free?" ask its price. The word counts right after
the offering's name (`phrases: price_free_lead` words, "still", "completely", may stand
between), never before "of" ("is istio free of sidecars in ambient mode?") nor after another
word ("sidecar free")."""

from __future__ import annotations

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions


def free_asked(words: list[str], found: Mentions, cues: CuePhrases) -> bool:
    """A `price_free` word right after a mesh's name in `words` (the scan `found` is of them),
    with only `price_free_lead` words between, and no "of" after it."""
    free, lead = cues.words["price_free"], cues.words["price_free_lead"]
    for at, word in enumerate(words):
        if word not in free or words[at + 1 : at + 2] == ["of"]:
            continue
        before = at - 1
        while before >= 0 and words[before] in lead:
            before -= 1
        if before >= 0 and found.mesh_used[before]:
            return True
    return False
