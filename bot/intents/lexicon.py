"""Ordinary English: a word people write every day is no mesh's name, nor a typo of one.

The words and their frequencies are wordfreq's small English list (about 29,000 words
that occur at least once per million words of books, subtitles, news and the web). The
file the package ships is a gzipped "cBpack": a header, then one list of words per
centibel of frequency, so the word list at position i (after the header) has Zipf
frequency 9 - i/100. Decoding it costs a process ~10 ms and the msgpack import, so the
lists are kept as text beside this module (`.english.txt`, git-ignored: a key line, then
one line of words per centibel), keyed by the data file's size, modification time and
path: `meshbot kb compile` writes it (as the Docker build does), and a process that finds
it missing or stale writes it again. Neither path imports wordfreq itself, whose
tokenisers would cost a tenth of a second.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from functools import cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

CACHE = Path(__file__).with_name(".english.txt")
_DATA = ("data", "small_en.msgpack.gz")
_LARGE = ("data", "large_en.msgpack.gz")  # ~320,000 words, down to a few per billion
ESTABLISHED_ZIPF = 2.5  # "linker" (2.6) is a word in its own right; "consol" (2.2) a slip
_HEADER = {"format": "cB", "version": 1}
_TOP_ZIPF = 9.0
_CACHE_FORMAT = "meshbot-english/1"


def _source(data: tuple[str, str] = _DATA) -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the wordfreq package is not installed")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*data)


def _decode(path: Path) -> list[list[str]]:
    """The words by centibel of frequency, as wordfreq's file lists them."""
    import gzip

    import msgpack

    with gzip.open(path) as packed:
        header, *buckets = msgpack.load(packed, raw=False)
    if header != _HEADER:
        raise RuntimeError(f"{path}: unknown word-list format {header!r}")
    return buckets


def _read(cache_file: Path, key: str) -> list[list[str]] | None:
    try:
        key_line, *lines = cache_file.read_text(encoding="utf-8").split("\n")
    except OSError:  # no cache only means decoding wordfreq's file
        return None
    return [line.split() for line in lines] if key_line == key else None


def _write(buckets: list[list[str]], cache_file: Path, key: str) -> None:
    """Atomically; silently skipped where the package is read-only."""
    try:
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=cache_file.name, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write("\n".join([key, *(" ".join(bucket) for bucket in buckets)]))
        os.chmod(tmp, 0o644)  # built as root in the image, read by the service user
        os.replace(tmp, cache_file)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def load(cache_file: Path = CACHE) -> dict[str, float]:
    """Every word of the list with its Zipf frequency, from the cache while it is current
    (writing it when it is not)."""
    source = _source()
    stat = source.stat()
    key = f"{_CACHE_FORMAT} {stat.st_size} {stat.st_mtime_ns} {source}"
    buckets = _read(cache_file, key)
    if buckets is None:
        buckets = _decode(source)
        _write(buckets, cache_file, key)
    words: dict[str, float] = {}
    for i, bucket in enumerate(buckets):  # one float per bucket, shared by its words
        words.update(dict.fromkeys(bucket, _TOP_ZIPF - i / 100))
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


@cache
def _established() -> frozenset[str]:
    """Words of wordfreq's large list at least ESTABLISHED_ZIPF frequent (decoded on first
    use, ~50 ms: only a question with a possible typo asks)."""
    buckets = _decode(_source(_LARGE))
    common = int((_TOP_ZIPF - ESTABLISHED_ZIPF) * 100) + 1
    return frozenset(word for bucket in buckets[:common] for word in bucket)


def established(word: str) -> bool:
    """Whether a word is English in its own right, if rarer than ordinary: "linker" is no
    slip of "linkerd"."""
    return ordinary(word) or word in _established()


@cache
def _by_length() -> dict[int, list[str]]:
    lengths: dict[int, list[str]] = {}
    for word in _frequencies():
        lengths.setdefault(len(word), []).append(word)
    return lengths


def slip(word: str, other: str) -> bool:
    """One slip apart: a letter added, dropped or changed, or two swapped."""
    return OSA.distance(word, other, score_cutoff=1) <= 1


def slip_of_english(word: str) -> bool:
    """Whether a word is one slip from a common English word ("memroy" from "memory")."""
    lengths = _by_length()
    near = [w for n in (len(word) - 1, len(word), len(word) + 1) for w in lengths.get(n, [])]
    return process.extractOne(word, near, scorer=OSA.distance, score_cutoff=1) is not None


_INFLECTIONS = ("s", "es", "d", "ed", "ing")  # "copes", "coped", "coping" of "cope"
_STEM_LENGTH = 3


def english(word: str) -> bool:
    """Whether a word is English as it stands, or a plain inflection of an English word
    ("copes" of "cope"), however rare its inflected form is in the word lists."""
    if ordinary(word) or established(word):
        return True
    stems = (word[: -len(end)] for end in _INFLECTIONS if word.endswith(end))
    return any(
        len(stem) >= _STEM_LENGTH and (ordinary(stem) or established(stem)) for stem in stems
    )
