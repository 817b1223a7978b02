"""A bounded memo for pure lookups that answering repeats (the oldest entry goes first)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

V = TypeVar("V")


def remember(memo: dict[Hashable, V], key: Hashable, value: V, limit: int) -> V:
    """Keep `value` under `key`, dropping the oldest entry once `limit` are kept."""
    if len(memo) >= limit:
        del memo[next(iter(memo))]
    memo[key] = value
    return value
