"""Patterns compiled on first use (or once a text could match them) match exactly as
compiled ones, and cost nothing after."""

from __future__ import annotations

import re

import pytest

from bot.intents import gated
from bot.intents.alternation import word_pattern
from bot.intents.lazy import PATIENCE, LazyPattern, Words

SOURCE = r"\b(?P<count>\d+)\s+(?P<unit>pods?|services?)\b"
TEXT = "about 40 services, 1 pod each, and 3 pods for the gateway"


def test_every_match_method_answers_as_the_compiled_pattern_does():
    lazy, compiled = LazyPattern(SOURCE), re.compile(SOURCE)
    assert lazy.search(TEXT).groupdict() == compiled.search(TEXT).groupdict()
    assert lazy.match(TEXT) is None and compiled.match(TEXT) is None
    assert lazy.fullmatch("12 pods")[0] == "12 pods"
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.findall(TEXT) == compiled.findall(TEXT)
    assert lazy.sub("N", TEXT) == compiled.sub("N", TEXT)
    assert lazy.split(TEXT) == compiled.split(TEXT)


def test_flags_are_kept():
    assert LazyPattern(r"\bistio\b", re.IGNORECASE).search("ISTIO ambient")


def test_its_source_builds_larger_patterns_without_compiling_it():
    part = LazyPattern("(")  # not a pattern on its own: compiling it would fail
    whole = LazyPattern(rf"{part.pattern}a)")
    assert whole.search("xa")
    with pytest.raises(re.error):
        part.search("a")


def test_after_the_first_use_its_methods_are_the_compiled_patterns_own():
    lazy = LazyPattern(SOURCE)
    lazy.search(TEXT)
    assert isinstance(lazy.finditer.__self__, re.Pattern)
    assert lazy.finditer.__self__.pattern == SOURCE


def test_anything_else_is_no_attribute():
    with pytest.raises(AttributeError):
        LazyPattern(SOURCE).groups  # noqa: B018


def test_word_patterns_are_lazy_and_match_whole_words_longest_first():
    pattern = word_pattern(["mesh", "service mesh", "mes"])
    assert isinstance(pattern, LazyPattern)
    assert [m[0] for m in pattern.finditer("a service mesh, meshes, mes")] == [
        "service mesh",
        "mes",
    ]
    assert word_pattern(["", ""]) is None


def test_a_gated_pattern_compiles_only_once_a_text_holds_one_of_its_needs():
    pattern = gated.Gated("(", [["we", "run"], ["keep"]])  # compiling it would fail
    assert pattern.search("we walk") is None and pattern.sub("x", "run") == "run"
    with pytest.raises(re.error):
        pattern.search("we still run it")


def test_a_figures_pattern_needs_a_digit_and_any_words_it_is_given():
    assert gated.Figures("(").search("forty pods") is None
    with pytest.raises(re.error):
        gated.Figures("(").search("40 pods")
    counted = gated.Figures(r"(?P<num>\d+) pods", [["how", "many"]])
    assert counted.search("40 pods") is None  # no "how many": its matches all hold one
    assert counted.search("how many? 40 pods")["num"] == "40"


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


@pytest.mark.parametrize("text", ["we run istio today", "nothing here", "", "envoy, envoy!"])
def test_a_word_pattern_answers_every_method_as_its_compiled_pattern_does(text):
    lazy = word_pattern(["we run", "envoy", "c++"])
    compiled = re.compile(lazy.pattern)
    assert _span(lazy.search(text)) == _span(compiled.search(text))
    assert _span(lazy.match(text)) == _span(compiled.match(text))
    assert _span(lazy.fullmatch(text)) == _span(compiled.fullmatch(text))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("<>", text) == compiled.sub("<>", text)
    assert lazy.split(text) == compiled.split(text)


def test_a_patient_gate_compiles_its_pattern_after_turning_many_texts_away():
    pattern = LazyPattern("(", opens=Words([["never"]]), patience=PATIENCE)
    for _ in range(PATIENCE):
        assert pattern.search("a text without the word") is None
    with pytest.raises(re.error):  # a long-running process then matches without asking
        pattern.search("a text without the word")


def test_a_gated_long_pattern_waits_for_its_words_however_many_texts_come():
    pattern = gated.Gated("(", [["never"]])
    for _ in range(2 * PATIENCE):
        assert pattern.search("a text without the word") is None
    with pytest.raises(re.error):
        pattern.search("never say never")


@pytest.mark.parametrize(
    "text", ["what can you do", "what can you actually do", "what can you really do here", "x"]
)
def test_phrases_with_words_between_match_as_the_whole_pattern_does(text):
    lazy = word_pattern(["what can you do", "can you do"], between=["actually", "really"])
    compiled = re.compile(lazy.pattern)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("<>", text) == compiled.sub("<>", text)
