"""Ordinary English: a word people write every day is no mesh's name, nor a typo of one.

The words and their frequencies are wordfreq's small English list (about 29,000 words
that occur at least once per million words of books, subtitles, news and the web). It
is read straight from the data file the package ships, once per process: importing
wordfreq itself would pull in its tokenisers and cost start-up a tenth of a second.
The file is a "cBpack": a header, then one list of words per centibel of frequency,
so the word list at position i (after the header) has Zipf frequency 9 - i/100.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache
from pathlib import Path

import msgpack

_DATA = ("data", "small_en.msgpack.gz")
_HEADER = {"format": "cB", "version": 1}
_TOP_ZIPF = 9.0


@cache
def _frequencies() -> dict[str, float]:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the wordfreq package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*_DATA)
    with gzip.open(path) as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != _HEADER:
        raise RuntimeError(f"{path}: unknown word-list format {header!r}")
    return {word: _TOP_ZIPF - i / 100 for i, bucket in enumerate(buckets) for word in bucket}


def zipf(word: str) -> float:
    """How common a (lower-case) word is in English: 7.7 for 'the', 0 if not in the list."""
    return _frequencies().get(word, 0.0)


def ordinary(word: str) -> bool:
    """Whether a (normalised, lower-case) word is common English."""
    return word in _frequencies()
