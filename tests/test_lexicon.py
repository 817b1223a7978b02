"""Our reading of wordfreq's shipped English list agrees with wordfreq itself."""

from __future__ import annotations

import pytest
from wordfreq import zipf_frequency

from bot.intents import lexicon


@pytest.mark.parametrize("word", ["the", "being", "consulate", "haiku", "trial", "istiogen"])
def test_frequencies_match_wordfreq(word: str):
    assert lexicon.zipf(word) == pytest.approx(zipf_frequency(word, "en", wordlist="small"))


def test_ordinary_words_are_common_english_and_mesh_names_are_not():
    assert lexicon.ordinary("laptop") and lexicon.ordinary("consul")
    assert not lexicon.ordinary("linkerd") and not lexicon.ordinary("istiogen")
