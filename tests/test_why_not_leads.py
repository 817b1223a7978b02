"""'Why not X?' after a pick leads with what sets the pick apart from X on the thread's
setup (blind test s16a P7), not the two proxies' architecture: the rule or constraint that
ruled X out, or the trade-off that put it behind. A comparison asked without "why not"
keeps its usual lead."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

SMALL = "EKS, 40 services, small team"
MIRRORING = "EKS, 60 services, we need traffic mirroring and fault injection"


@pytest.mark.parametrize(
    "reply",
    [
        "why not istio?",
        "ok, and why not istio?",
        "how come not istio?",
        "why not go with istio?",
        "why wouldn't you pick istio?",
        "why not istio instead?",
    ],
)
def test_why_not_leads_with_what_sets_them_apart(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, SMALL, reply)
    assert conversation.question.aspect == Aspect.drawbacks
    lead = conversation.answer.lead
    assert lead.startswith("Why Linkerd over Istio (sidecar mode) for your setup: ")
    assert "A small team has few hands" in lead or "simplicity" in lead


def test_why_not_a_mesh_ruled_out_leads_with_its_rule(kb: KnowledgeBase) -> None:
    lead = talk(kb, MIRRORING, "why not linkerd?").answer.lead
    assert "over Linkerd for your setup: Linkerd is out: no Traffic mirroring" in lead


@pytest.mark.parametrize("reply", ["compare that with istio", "and istio?"])
def test_a_comparison_asked_keeps_its_lead(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, SMALL, reply)
    assert conversation.question.aspect is None
    assert not conversation.answer.lead.startswith("Why ")
