"""Reading page queries: mesh ids, pod counts and questions, with helpful errors."""

from __future__ import annotations

from dataclasses import dataclass

from multidict import MultiMapping

from bot.intents.models import MAX_COMPARE
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase

MAX_QUERY_CHARS = 600
MAX_PODS = 1_000_000
MAX_RPS = 10_000_000
MAX_QUESTION_CHARS = 500


class PageError(Exception):
    """A request the pages cannot serve: rendered as a 4xx page that says why and what to do."""

    def __init__(
        self, status: int, title: str, detail: str, suggestions: list[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.suggestions = suggestions or []


@dataclass(frozen=True)
class CompareQuery:
    meshes: list[str]
    pods: int | None
    rps: int | None


def mesh_ids(kb: KnowledgeBase, query: MultiMapping[str]) -> list[str]:
    """Mesh ids from `?meshes=a,b` and/or repeated `?mesh=a`; names and aliases work too."""
    raw = [*query.getall("mesh", [])]
    for value in query.getall("meshes", []):
        raw += value.split(",")
    wanted = [w.strip() for w in raw if w.strip()]
    found, missing = [], []
    for name in wanted:
        hit = kb.mesh_index.exact(normalise(name))
        if hit is None:
            missing.append(name)
        elif hit.entity not in found:
            found.append(hit.entity)
    if missing:
        close = {i for name in missing for i in kb.mesh_index.suggest(normalise(name))}
        raise PageError(
            404,
            "Not in the knowledge base",
            "I don't have " + ", ".join(f"“{m}”" for m in missing) + " in my knowledge base.",
            [(i, kb.meshes[i].name) for i in sorted(close)],
        )
    return found


def whole_number(query: MultiMapping[str], name: str, largest: int) -> int | None:
    value = query.get(name, "").strip().replace(",", "").replace("_", "")
    if not value:
        return None
    if not value.isdigit() or not 0 < int(value) <= largest:
        raise PageError(
            400,
            f"That {name} value can't be used",
            f"{name} must be a whole number from 1 to {largest:,}; “{value[:40]}” is not.",
        )
    return int(value)


def compare_query(kb: KnowledgeBase, query: MultiMapping[str], query_string: str) -> CompareQuery:
    if len(query_string) > MAX_QUERY_CHARS:
        raise PageError(414, "That address is too long", "Ask for at most four meshes.")
    ids = mesh_ids(kb, query)
    if not 2 <= len(ids) <= MAX_COMPARE:
        raise PageError(
            400,
            "Pick two to four meshes",
            f"A comparison needs 2 to {MAX_COMPARE} meshes; this asked for {len(ids)}.",
            [(m.id, m.name) for m in kb.meshes.values()],
        )
    return CompareQuery(
        ids, whole_number(query, "pods", MAX_PODS), whole_number(query, "rps", MAX_RPS)
    )


def question(query: MultiMapping[str]) -> str:
    text = query.get("q", "").strip()
    if len(text) > MAX_QUESTION_CHARS:
        raise PageError(
            413, "That question is too long", f"Ask in at most {MAX_QUESTION_CHARS} characters."
        )
    return text
