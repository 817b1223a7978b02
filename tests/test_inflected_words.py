"""A plain inflection of an English word is English ("copes"), so it is never read as a
slip of a cue word ("cores"); a real slip still is ("memroy")."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.lexicon import english


@pytest.mark.parametrize("word", ["copes", "coped", "coping", "hopes", "mopes"])
def test_inflections_of_english_words_are_english(word: str):
    assert english(word)


@pytest.mark.parametrize("word", ["memroy", "linkred", "latnecy", "ligthest"])
def test_slips_are_not_english(word: str):
    assert not english(word)


@pytest.mark.parametrize(
    "question",
    [
        "which of kuma and consul copes with windows nodes? we run a .net framework pool",
        "between istio and linkerd, which copes better with 3 clusters? we run them on eks",
    ],
)
def test_an_inflected_word_asks_no_measure(engine: AnswerEngine, question: str):
    assert engine.parser.parse(question).kind.value != "cost"
