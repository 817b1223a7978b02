"""Citing sources: the ids an answer may cite, further reading, how sources rank
(primary first), and the date behind a statement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bot.answers.results import SourceRef
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.checks import source_refs
from bot.knowledge.models import SourceKind

# How sources rank (and so which figure leads among several): primary sources first.
_KIND_RANK = {
    SourceKind.official_docs: 0,
    SourceKind.release_notes: 0,
    SourceKind.repository: 1,
    SourceKind.independent_benchmark: 1,
    SourceKind.vendor_benchmark: 2,
    SourceKind.vendor_marketing: 3,
    SourceKind.blog: 4,
}


class Citations:
    """The source ids a handler may cite (known to the knowledge base), and further reading.

    Numbering is not done here: the answer numbers the sources it actually cites,
    in order of first use, when it is built.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._reading: list[str] = []

    def cite(self, ids: Iterable[str]) -> list[str]:
        """The ids of known sources, to attach to a statement, row, bar or lead."""
        return list(dict.fromkeys(i for i in ids if i in self._kb.sources))

    def read_more(self, ids: Iterable[str]) -> None:
        """Sources worth reading that no statement cites (listed behind Sources)."""
        self._reading += [i for i in self.cite(ids) if i not in self._reading]

    def reading(self) -> list[str]:
        return list(self._reading)


def source_ref(kb: KnowledgeBase, source_id: str) -> SourceRef:
    """The answer-side view of a source (immutable: made once per knowledge base)."""
    return kb.kept("source_refs", source_id, lambda: _ref(kb, source_id))


def _ref(kb: KnowledgeBase, source_id: str) -> SourceRef:
    s = kb.sources[source_id]
    return SourceRef(
        id=s.id,
        title=s.title,
        url=str(s.url) if s.url else None,
        publisher=s.publisher,
        date=s.date,
        kind=s.kind.value,
        vendor_authored=s.vendor_authored,
    )


def source_rank(kb: KnowledgeBase, source_id: str) -> tuple[int, int]:
    """Sort key for sources: primary before independent before vendor before blog; newest first."""
    source = kb.sources.get(source_id)
    if source is None:
        return (9, 0)
    return (_KIND_RANK[source.kind], -source.date.toordinal())


def evidence_date(kb: KnowledgeBase, source_ids: Iterable[str]) -> dt.date | None:
    """The date of the newest source behind a statement (its as-of), if it cites any."""
    return max((kb.sources[i].date for i in source_ids if i in kb.sources), default=None)


def _citers(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each source id with the offerings whose files cite it."""
    found: dict[str, set[str]] = {}
    for mesh in kb.meshes.values():
        for _, sid in source_refs(mesh):
            found.setdefault(sid, set()).add(mesh.id)
    return {sid: frozenset(ids) for sid, ids in found.items()}


def its_own(kb: KnowledgeBase, mesh_id: str, ids: Iterable[str]) -> list[str]:
    """Those of `ids` a finding about `mesh_id` may cite: its own sources, and pages no
    offering cites (a platform's docs); never a page only another offering cites (Red Hat's
    supported configurations against Google's mesh)."""
    citers = kb.derived("source_citers", _citers)
    return [i for i in ids if i not in citers or mesh_id in citers[i]]
