"""Our reading of wordfreq's shipped English list agrees with wordfreq itself, whether
decoded from wordfreq's file or read back from the cache it is kept in."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from bot.intents import lexicon


@pytest.mark.parametrize("word", ["the", "being", "consulate", "haiku", "trial", "istiogen"])
def test_frequencies_match_wordfreq(word: str):
    assert lexicon.zipf(word) == pytest.approx(zipf_frequency(word, "en", wordlist="small"))


def test_ordinary_words_are_common_english_and_mesh_names_are_not():
    assert lexicon.ordinary("laptop") and lexicon.ordinary("consul")
    assert not lexicon.ordinary("linkerd") and not lexicon.ordinary("istiogen")


def test_the_cached_list_is_wordfreqs_list(tmp_path: Path):
    cache_file = tmp_path / "english.txt"
    decoded = lexicon.load(cache_file)
    assert cache_file.exists(), "the first load writes the cache"
    cached = lexicon.load(cache_file)
    assert cached == decoded
    assert set(cached) == set(get_frequency_dict("en", wordlist="small"))
    for word in ("the", "network", "mesh", "consulate"):
        assert cached[word] == pytest.approx(zipf_frequency(word, "en", wordlist="small"))


def test_a_stale_or_damaged_cache_is_rebuilt(tmp_path: Path):
    cache_file = tmp_path / "english.txt"
    cache_file.write_bytes(b"another key\nnot the list")
    assert lexicon.load(cache_file)["the"] == pytest.approx(7.73, abs=0.01)
    assert lexicon.load(cache_file) == lexicon.load(tmp_path / "fresh.pickle")
    assert cache_file.read_bytes().split(b"\n", 1)[0] != b"another key"
