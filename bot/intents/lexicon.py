"""Ordinary English: a word people write every day is no mesh's name, nor a typo of one.

The list is wordfreq's small English list (the ~30,000 commonest words in books,
subtitles, news and the web), loaded once per process.
"""

from __future__ import annotations

from functools import cache

from wordfreq import top_n_list

COMMON_WORDS = 30_000


@cache
def _common() -> frozenset[str]:
    return frozenset(top_n_list("en", COMMON_WORDS, wordlist="small"))


def ordinary(word: str) -> bool:
    """Whether a (normalised, lower-case) word is common English."""
    return word in _common()
