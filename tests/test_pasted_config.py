"""A pasted snippet shows what is configured: it states no needs, so a feature asked of one
mesh beside it stays a check of that mesh, not a pick."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind

RETRIES = "retries:\n  attempts: 3\n  perTryTimeout: 2s\n  retryOn: 503"


@pytest.mark.parametrize(
    ("question", "mesh"),
    [
        (
            "can istio do retries only on 503s? like this but scoped so it doesnt retry on "
            f"everything\n```\n{RETRIES}\n```",
            "istio",
        ),
        (f"can istio do retries?\n```\n{RETRIES}\n```", "istio"),
        (
            "does linkerd retry only on 5xx? we have this today\n```\nretries:\n  attempts: 2\n"
            "  retryOn: 5xx\n  perTryTimeout: 1s\n```",
            "linkerd",
        ),
        (
            "can istio scope retries to 503 only, something like\n```yaml\nretryOn: 503\n"
            "perTryTimeout: 2s\nattempts: 3\n```",
            "istio",
        ),
        (
            "is it possible in istio to only retry on connect-failure? current config:\n```\n"
            "retries:\n  retryOn: connect-failure,503\n  perTryTimeout: 500ms\n```",
            "istio",
        ),
        ("can kuma retry only on 503s? like `retryOn: 503` with `perTryTimeout: 2s`", "kuma"),
    ],
)
def test_a_feature_asked_beside_its_pasted_config_is_checked(
    engine: AnswerEngine, question: str, mesh: str
) -> None:
    intent = engine.parser.parse(question)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert "retries" in intent.features


def test_needs_stated_in_prose_beside_a_check_still_ask_for_a_pick(engine: AnswerEngine) -> None:
    intent = engine.parser.parse(
        "fargate, 60 svcs. security wants mTLS between tasks and JWT at the mesh. service "
        "connect looked nice but idk if it does either??"
    )
    assert intent.kind == IntentKind.recommend
