"""A feature named only by a word of another feature's name, found beside it, is that word:
in "does istio support grpc with no proxy between services" the ranking finds proxyless gRPC,
and "grpc" is the gRPC of its name, no second feature (gRPC support) asked about.

Only where every word the names took is such a word, said in a clause whose own words find
that feature: "http2 with no proxy" keeps gRPC support (its own alias), so does "mtls and grpc
with no proxy" (mTLS is no word of that name), and so does "gRPC services in go, … want the xDS
features without a proxy" (the gRPC services are a need of their own).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bot.intents.extract import Mentions
from bot.knowledge.aliases import normalise
from bot.knowledge.models import Feature


def subsumed(
    tokens: list[str],
    found: Mentions,
    ranked: list[str],
    features: Mapping[str, Feature],
    clauses: Sequence[tuple[str, Collection[str]]] = (),
) -> set[str]:
    """The features named by alias (in `found`, over `tokens`) whose words all lie in the name
    of a feature only the ranking found; `clauses`: each clause with the features its own words
    find, where the question has several."""
    said = {t for t, taken in zip(tokens, found.feature_words, strict=True) if taken}
    named = [f for f in found.features if f in features]
    if not said or not named:
        return set()
    for other in ranked:
        if other in named or other not in features:
            continue
        apart = any(said & set(c.split()) and other not in finds for c, finds in clauses)
        if said <= set(normalise(features[other].name).split()) and not apart:
            return set(named)
    return set()
