"""A wish that puts ahead a pick meeting a must-have only in part is said as the clash it is:
"we don't want sidecars or another proxy project" with Cilium already the CNI and mTLS
required keeps Cilium (no new project) but says its mTLS is Beta and that Istio ambient mode,
a project of its own, meets it in full. Each setup read through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk
from tests.support.verdicts import verdict

CLASH = "No offering gives you both"


@pytest.mark.parametrize(
    "text",
    [
        "we run cilium as the CNI on 6 EKS clusters, need mtls between services. we dont want "
        "to add sidecars or another proxy project. recommend?",
        "cilium is our CNI on EKS, mtls required, no sidecars, we don't want yet another "
        "project to run",
        "EKS with cilium CNI, 6 clusters, mtls, no new moving parts please",
        "cilium CNI already on our EKS clusters; we need mtls; no sidecars and no extra "
        "project beside cilium. which mesh?",
        "6 eks clusters running cilium as cni. need mTLS. not adding another proxy project. "
        "recommend",
    ],
)
def test_a_wish_that_costs_a_must_have_is_said_as_the_clash(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("few_new_parts") is True
    answer = engine.ask(text)
    found = verdict(engine, text)
    assert CLASH in answer.lead
    assert engine.kb.meshes[found.tied[0]].name in answer.lead.split(CLASH)[1]


# Near misses: no wish said, or the wish met with every must-have in full: no clash.
@pytest.mark.parametrize(
    "text",
    [
        "EKS with cilium CNI, mtls, no sidecars. recommend",
        "EKS, 40 services, mtls, as few new components as possible",
        "we run linkerd on EKS, 40 services, mtls, nothing new to run please",
    ],
)
def test_no_clash_where_no_wish_costs_a_must_have(engine: AnswerEngine, text: str):
    assert CLASH not in engine.ask(text).lead


# A wish the pick does not meet (no sidecars if possible, on 2 GB edge nodes where Linkerd
# stays the pick): what outweighed it, said in one sentence in the lead.
EDGE = (
    "k3s at 30 edge sites, each a 3-node cluster of 2 GB ARM boxes, ~10 services per site, "
    "need mTLS. recommend?"
)


@pytest.mark.parametrize(
    "reply",
    [
        "_no_ sidecars if possible, memory is tight",
        "no sidecars if we can avoid them",
        "ideally without sidecars",
        "we'd rather not have sidecars if possible",
        "preferably no sidecar proxies",
    ],
)
def test_a_wish_that_loses_says_why_in_one_sentence(kb: KnowledgeBase, reply: str):
    thread: Conversation = talk(kb, EDGE, reply)
    assert thread.question is not None and thread.answer is not None
    assert thread.question.facts.get("sidecarless_preferred") is True
    assert thread.answer.title.startswith("Recommendation")
    lead = thread.answer.lead
    if "Linkerd stays the pick" in lead:  # the wish lost: why, in one sentence
        said = lead.split("Your wish (no sidecars if possible)")[1]
        assert "loses here" in said.split(". A wish")[0]
        assert said.split(". A wish")[0].count(". ") == 0


def test_a_wish_met_says_no_loss(engine: AnswerEngine):
    text = "EKS, 300 services, mtls, no sidecars if possible"
    assert "loses here" not in engine.ask(text).lead
