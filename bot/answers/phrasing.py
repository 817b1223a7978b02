"""Phrases every answer composes the same way: a list of mesh names, a first sentence."""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.base import KnowledgeBase


def first_sentence(text: str) -> str:
    """Up to the first full stop followed by a space (the whole text if there is none)."""
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def mesh_names(kb: KnowledgeBase, ids: Iterable[str]) -> str:
    names = [kb.meshes[i].name for i in ids]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def after_colon(kb: KnowledgeBase, text: str) -> str:
    """The text to follow a colon: an ordinary capitalised first word ("No", "Paid") in
    lower case; a mesh's name or an acronym ("Istio", "ECS") as written."""
    word = text.split(" ", 1)[0]
    named = any(text.startswith(n) for m in kb.meshes.values() for n in (m.name, *m.known_as))
    if word.isalpha() and word.istitle() and not named:
        return text[:1].lower() + text[1:]
    return text


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
