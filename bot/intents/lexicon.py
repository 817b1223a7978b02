"""Ordinary English: a word people write every day is no mesh's name, nor a typo of one.

The words and their frequencies are wordfreq's small English list (about 29,000 words
that occur at least once per million words of books, subtitles, news and the web). The
file the package ships is a gzipped "cBpack": a header, then one list of words per
centibel of frequency, so the word list at position i (after the header) has Zipf
frequency 9 - i/100. Decoding it costs a process ~10 ms and the msgpack import, so its
result is kept in a pickle beside this module (`.english.pickle`, git-ignored), keyed by
the data file's path, size and modification time: `meshbot kb compile` writes it (as the
Docker build does), and any process that finds it missing or stale writes it again.
Neither path imports wordfreq itself, whose tokenisers would cost a tenth of a second.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

CACHE = Path(__file__).with_name(".english.pickle")
_DATA = ("data", "small_en.msgpack.gz")
_HEADER = {"format": "cB", "version": 1}
_TOP_ZIPF = 9.0


def _source() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the wordfreq package is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*_DATA)


def _decode(path: Path) -> dict[str, float]:
    import gzip

    import msgpack

    with gzip.open(path) as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != _HEADER:
        raise RuntimeError(f"{path}: unknown word-list format {header!r}")
    return {word: _TOP_ZIPF - i / 100 for i, bucket in enumerate(buckets) for word in bucket}


def _read(cache_file: Path, key: str) -> dict[str, float] | None:
    try:
        with cache_file.open("rb") as file:
            if file.readline().rstrip(b"\n") != key.encode():
                return None
            words = pickle.load(file)  # trusted: written below from wordfreq's own file
    except Exception:  # an unreadable cache only means decoding wordfreq's file again
        return None
    return words if isinstance(words, dict) else None


def _write(words: dict[str, float], cache_file: Path, key: str) -> None:
    """Atomically; silently skipped where the package is read-only."""
    try:
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(key.encode() + b"\n")
            pickle.dump(words, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # built as root in the image, read by the service user
        os.replace(tmp, cache_file)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def load(cache_file: Path = CACHE) -> dict[str, float]:
    """Every word of the list with its Zipf frequency, from the cache while it is current
    (writing it when it is not)."""
    source = _source()
    stat = source.stat()
    key = f"{source}\0{stat.st_size}\0{stat.st_mtime_ns}"
    words = _read(cache_file, key)
    if words is None:
        words = _decode(source)
        _write(words, cache_file, key)
    return words


@cache
def _frequencies() -> dict[str, float]:
    return load()


def zipf(word: str) -> float:
    """How common a (lower-case) word is in English: 7.7 for 'the', 0 if not in the list."""
    return _frequencies().get(word, 0.0)


def ordinary(word: str) -> bool:
    """Whether a (normalised, lower-case) word is common English."""
    return word in _frequencies()
