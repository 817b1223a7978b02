"""'pq' said alone is post-quantum key exchange (blind test s16a P4/P10): "is ambient pq by
default?" in a thread that needs post-quantum TLS checks ambient for it, by default, not
"Does Istio ambient mode run on EKS?"."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

PQ = "EKS, 250 services, must have post-quantum TLS by default and no vendor"


@pytest.mark.parametrize(
    ("reply", "mesh"),
    [
        ("is ambient pq by default?", "istio-ambient"),
        ("is linkerd pq by default?", "linkerd"),
        ("does kuma do pq?", "kuma"),
        ("is istio pq out of the box?", "istio"),
        ("does cilium support pq yet?", "cilium"),
    ],
)
def test_pq_asked_of_a_mesh_is_checked(kb: KnowledgeBase, reply: str, mesh: str) -> None:
    conversation = talk(kb, PQ, reply)
    intent = conversation.question
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh] and intent.features == ["post_quantum_tls"]
    assert " run on " not in conversation.answer.title


def test_by_default_is_kept(kb: KnowledgeBase) -> None:
    assert talk(kb, PQ, "is ambient pq by default?").question.aspect == Aspect.by_default


@pytest.mark.parametrize("reply", ["is ambient production ready?", "is ambient ga?"])
def test_near_misses_ask_no_pq(kb: KnowledgeBase, reply: str) -> None:
    assert "post_quantum_tls" not in talk(kb, PQ, reply).question.features
