"""What a question about my sources asks of them, answered first: how fresh they are, which
are independent, or how the answers are made and why trust them (an `Aspect` the parser read
from the question sentence, bot/intents/asked_kind.py). Every count and date comes from the
knowledge base itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from bot.intents.models import Aspect
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import PRIMARY_KINDS, Source, SourceKind

SortKey = Callable[[Source], tuple[object, ...]]


def trusted_first(s: Source) -> tuple[object, ...]:
    """The list's own order: those with a public address first, then by kind as SourceKind
    ranks them (official docs, release notes, repositories, independent benchmarks, then
    vendor material and blogs)."""
    return (s.url is None, list(SourceKind).index(s.kind), s.publisher, s.title)


def _primary_first(s: Source) -> tuple[object, ...]:
    return (s.kind not in PRIMARY_KINDS, s.kind != SourceKind.independent_benchmark, s.publisher)


def _newest_first(s: Source) -> tuple[object, ...]:
    return (-s.date.toordinal(), s.publisher)


def _independent_first(s: Source) -> tuple[object, ...]:
    return (s.kind != SourceKind.independent_benchmark, s.kind not in PRIMARY_KINDS, s.publisher)


def _freshness(kb: KnowledgeBase) -> str:
    dates = sorted(s.date for s in kb.sources.values())
    return (
        f"The knowledge base was last reviewed against its sources on {kb.as_of}. Each fact "
        f"carries its own as-of date and source; the sources are dated {dates[0]} to "
        f"{dates[-1]}, newest first below. Current versions are checked against the projects' "
        "GitHub releases (`meshbot kb releases`)."
    )


def _independence(kb: KnowledgeBase) -> str:
    independent = [s for s in kb.sources.values() if s.kind == SourceKind.independent_benchmark]
    vendor = sum(1 for s in kb.sources.values() if s.vendor_authored)
    if not independent:
        return (
            "No independent benchmark: every overhead figure I hold is the projects' own or "
            f"vendor-run, and {vendor} vendor-authored sources are labelled so."
        )
    runs = sorted({f"{s.publisher} ({s.date.year})" for s in independent})
    return (
        f"Some: {len(independent)} independent benchmark sources, from {', '.join(runs)}, "
        "listed first below. The other figures are the projects' own measurements (official "
        f"docs) or vendor-run benchmarks; {vendor} vendor-authored sources are labelled so, "
        "and a vendor-run figure says so wherever I show it."
    )


def _method(kb: KnowledgeBase) -> str:
    kinds = Counter(s.kind for s in kb.sources.values())
    primary = sum(n for kind, n in kinds.items() if kind in PRIMARY_KINDS)
    return (
        "Don't trust me over a project's docs: I am built from them. Of my "
        f"{len(kb.sources)} sources, {primary} are primary (official docs, release notes, "
        "repositories, independent benchmarks); every fact names its source and as-of date, "
        "vendor material is labelled, and figures are kept per source, never averaged. Where a "
        "project's current docs disagree with me, they win; what I add is the same facts set "
        f"side by side across meshes. Last reviewed on {kb.as_of}; primary sources first below."
    )


ASKED: dict[Aspect, tuple[Callable[[KnowledgeBase], str], SortKey]] = {
    Aspect.freshness: (_freshness, _newest_first),
    Aspect.independence: (_independence, _independent_first),
    Aspect.method: (_method, _primary_first),
}


def asked_of_sources(kb: KnowledgeBase, aspect: Aspect | None) -> tuple[str, SortKey] | None:
    """The lead answering what the question asks of the sources, and the order to list them
    in; None for a plain request for the list."""
    if aspect not in ASKED:
        return None
    lead, order = ASKED[aspect]
    return lead(kb), order
