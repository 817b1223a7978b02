"""A recommendation chooses among the meshes named only where the message sets them against
each other; meshes named in its history leave every offering in the field."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine


@pytest.mark.parametrize(
    ("question", "options"),
    [
        ("should we go with consul or kuma? eks, 100 services, need mtls", ["consul", "kuma"]),
        ("kuma vs kong mesh for us? we want enterprise support. which one?", ["kuma", "kong-mesh"]),
        ("eks, 220 services, 3 person team. istio or linkerd?", ["istio", "linkerd"]),
        (
            "we looked at istio and consul last year. aks, 150 pods, need mtls. what's the target?",
            [],
        ),
        (
            "eks, 400 pods; someone keeps floating gloo and kong mesh. need mtls. what do we run?",
            [],
        ),
    ],
)
def test_options_are_the_meshes_set_against_each_other(
    engine: AnswerEngine, question: str, options: list[str]
):
    intent = engine.parser.parse(question)
    assert intent.kind.value == "recommend"
    assert intent.options == options
