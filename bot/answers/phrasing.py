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
