"""A retired mesh's successors, asked on a platform, are those that run there: "what replaces
App Mesh on ECS?" names no Kubernetes-only mesh. Through the public path (parse, answer,
render)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

K8S_ONLY = ("Istio (sidecar mode)", "Linkerd")


def lead(engine: AnswerEngine, text: str) -> str:
    return engine.answer(engine.parser.parse(text)).lead


@pytest.mark.parametrize(
    "text",
    [
        "what replaces app mesh on ecs",
        "app mesh on ECS is gone, what's the successor?",
        "is aws app mesh retired? we run it on ecs fargate",
        "app mesh status for our ECS services",
        "what do ECS users of app mesh move to",
    ],
)
def test_on_ecs_only_what_runs_on_ecs_is_named(engine: AnswerEngine, text: str):
    said = lead(engine, text)
    assert "Amazon ECS Service Connect" in said, said  # named as a successor, or picked
    assert not any(name in said for name in K8S_ONLY), said


def test_the_successors_named_say_where(engine: AnswerEngine):
    assert "On ECS, consider Amazon ECS Service Connect and Amazon VPC Lattice instead." in lead(
        engine, "what replaces app mesh on ecs"
    )


def test_on_eks_the_kubernetes_meshes_stay(engine: AnswerEngine):
    said = lead(engine, "what replaces app mesh on eks")
    assert "On EKS, consider" in said and "Linkerd" in said
    assert "Amazon ECS Service Connect" not in said


@pytest.mark.parametrize("text", ["app mesh status", "is app mesh still supported?"])
def test_with_no_platform_every_successor_is_named(engine: AnswerEngine, text: str):
    said = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Consider Amazon ECS Service Connect, Amazon VPC Lattice, Istio" in said
