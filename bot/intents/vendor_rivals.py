"""Vendors set against each other stand for their offerings.

"buoyant vs solo, who do we buy mesh support from", "kong or solo for a supported mesh": two
vendors weighed against each other (rules.yaml `phrases: rivals_between`: "vs", "or") are
weighed by what each sells, its own product: the one current offering it makes and sells
support for (mesh YAML `fit.support_from`, `fit.makers`): Buoyant's Linkerd, Solo's Gloo
Mesh. Both sides are read as those offerings' ids, before anything else is read. A vendor
that sells more than one offering of its own, or that provides a platform too (rules.yaml
`platforms: provider`: "azure or gcp" weighs clouds), stands for no one offering; a vendor
named as the support wanted ("support from buoyant") is set against nothing and keeps its
reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase

_GAP = r"[\s\-]+"


def _alternation(phrases: Iterable[str]) -> str:
    words = sorted({normalise(p) for p in phrases} - {""}, key=len, reverse=True)
    return "|".join(_GAP.join(re.escape(w) for w in p.split()) for p in words)


def own_offerings(kb: KnowledgeBase) -> dict[str, str]:
    """Each vendor's one current offering of its own, by vendor id: the mesh it makes and
    sells support for, for vendors that provide no platform and sell one such offering."""
    providers = {d.provider for d in kb.rules.platforms.values() if d.provider}
    sold: dict[str, list[str]] = {}
    for mesh in kb.meshes.values():
        if mesh.fit is None or not mesh.is_current:
            continue
        for vendor in mesh.fit.makers & set(mesh.fit.support_from):
            sold.setdefault(vendor, []).append(mesh.id)
    return {v: ids[0] for v, ids in sold.items() if len(ids) == 1 and v not in providers}


class VendorRivals:
    """Rewrites two vendors set against each other to their offerings' ids."""

    def __init__(self, kb: KnowledgeBase) -> None:
        offering = own_offerings(kb)
        self._offering = {
            normalise(word): offering[vendor]
            for vendor, words in kb.rules.vendors.items()
            if vendor in offering
            for word in words
        }
        vendors = _alternation(self._offering)
        between = _alternation(kb.rules.phrases.get("rivals_between", []))
        self._pattern = (
            re.compile(
                rf"\b(?P<a>{vendors}){_GAP}(?:{between}){_GAP}(?:the{_GAP})?(?P<b>{vendors})\b",
                re.IGNORECASE,
            )
            if vendors and between
            else None
        )

    def rewrite(self, text: str) -> str:
        """The text with each pair of rival vendors read as their offerings' ids."""
        if self._pattern is None:
            return text
        return self._pattern.sub(self._said, text)

    def _said(self, match: re.Match[str]) -> str:
        a, b = (self._offering[normalise(match.group(side))] for side in ("a", "b"))
        if a == b:
            return match.group(0)
        joined = match.group(0)[match.end("a") - match.start() : match.start("b") - match.start()]
        return f"{a}{joined}{b}"
