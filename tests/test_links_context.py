"""Slack links: a mesh named in a link's label is where they read something, not a subject."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind

CASES = [
    (
        "linkerd quantum-safe key exchange? security team saw the "
        "<https://istio.io/latest/blog/|istio ml-kem post> and now wants it everywhere",
        "linkerd",
    ),
    (
        "does kuma support post-quantum tls? ciso forwarded "
        "<https://istio.io/blog|this istio post about ml-kem>",
        "kuma",
    ),
    (
        "saw <https://istio.io/latest/news/|istio's pq key exchange announcement>, "
        "does linkerd have anything like that",
        "linkerd",
    ),
    (
        "cilium: hybrid key exchange possible? context: "
        "<https://linkerd.io/blog|linkerd ml-kem blog>",
        "cilium",
    ),
    (
        "does consul do quantum safe tls? our ciso shared "
        "<https://istio.io/x|the istio ml-kem writeup>",
        "consul",
    ),
]


@pytest.mark.parametrize(("text", "mesh"), CASES)
def test_a_mesh_in_a_link_label_is_context(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert "post_quantum_tls" in intent.features


def test_linked_meshes_alone_are_the_subjects(engine: AnswerEngine):
    intent = engine.parser.parse(
        "compare <https://istio.io|istio> and <https://linkerd.io|linkerd>"
    )
    assert intent.kind == IntentKind.compare
    assert intent.meshes == ["istio", "linkerd"]
