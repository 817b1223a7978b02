"""A mesh's whole name with a letter added is another product's name, said as unknown;
a doubled last letter or a plural is still the mesh."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "unknown", "kept"),
    [
        ("how does istiox compare to linkerd", "istiox", ["linkerd"]),
        ("is linkerdx any good vs istio", "linkerdx", ["istio"]),
        ("anyone tried kumax?", "kumax", []),
        ("ciliumx or linkerd for 300 pods?", "ciliumx", ["linkerd"]),
        ("thoughts on consulz for service discovery + mtls?", "consulz", []),
        ("our vendor pitched Istiox, worth a look vs plain istio?", "istiox", []),
    ],
)
def test_a_name_with_a_letter_added_is_unknown(
    engine: AnswerEngine, text: str, unknown: str, kept: list[str]
):
    intent = engine.parser.parse(text)
    assert [n.lower() for n in intent.unknown_names] == [unknown]
    assert intent.meshes == kept
    assert unknown in render_terminal(engine.answer(intent)).lower()


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("linkerdd vs istio", ["linkerd", "istio"]),
        ("consull vs kuma", ["consul", "kuma"]),
        ("do both istios support wasm", ["istio"]),
        ("linkerd2 vs cilium", ["linkerd", "cilium"]),
        ("istiod memory at 500 pods", ["istio"]),
        ("does linkerd support circut breaking", ["linkerd"]),
        ("which meshes give goldn metrics out of the box", []),
    ],
)
def test_a_doubled_letter_a_plural_or_a_known_alias_is_still_the_mesh(
    engine: AnswerEngine, text: str, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert intent.meshes == meshes and not intent.unknown_names
