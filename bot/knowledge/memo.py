"""A bounded memo for pure lookups that answering repeats (the oldest entry goes first)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def remember(memo: dict[K, V], key: K, value: V, limit: int) -> V:
    """Keep `value` under `key`, dropping the oldest entry once `limit` are kept."""
    if len(memo) >= limit:
        del memo[next(iter(memo))]
    memo[key] = value
    return value


def kept(memo: dict[K, V], key: K, make: Callable[[], V], limit: int | None = None) -> V:
    """The value kept under `key`, made by `make` the first time it is asked for (past
    `limit` keys the oldest is dropped; with none, every key is kept)."""
    if key not in memo:
        value = make()
        if limit is None:
            memo[key] = value
        else:
            remember(memo, key, value, limit)
    return memo[key]
