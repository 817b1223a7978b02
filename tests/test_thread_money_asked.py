"""Money and licence asked in a thread are answered as asked (blind report s15: c12 T2, c13 T2,
q11 T2-T3): the thread's mesh's price or licence terms, not its pick again or a policy."""

from __future__ import annotations

import pytest

from bot.answers.after_pick import pick_of
from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

LATTICE = "we want a managed layer across EKS, Lambda and EC2, IAM auth, no mTLS needed"
NO_ENVOY = "we need mTLS and L7 authz across 3 on-prem clusters, no Envoy anywhere"


@pytest.mark.parametrize(
    "reply",
    ["how is it priced?", "how much does it cost?", "what's the pricing for it?", "is it free?"],
)
def test_a_price_asked_of_the_pick_by_a_pronoun_is_its_price(kb: KnowledgeBase, reply: str):
    thread = talk(kb, LATTICE).question
    assert thread is not None
    pick = pick_of(kb, thread)
    said = talk(kb, LATTICE, reply)
    assert said.question is not None and said.answer is not None
    asked = said.answer.intent
    assert (asked.kind, asked.aspect) == (IntentKind.explain, Aspect.price)
    assert said.question.meshes == [pick]
    assert not said.answer.title.startswith("Recommendation")


@pytest.mark.parametrize(
    "reply",
    [
        "can we use it in production for free under BUSL?",
        "can we run it in prod for free?",
        "are we allowed to use it internally under the BUSL?",
    ],
)
def test_a_licence_asked_of_the_threads_mesh_states_no_policy(kb: KnowledgeBase, reply: str):
    said = talk(kb, "tell me about consul", reply)
    assert said.question is not None and said.answer is not None
    assert said.answer.intent.aspect == Aspect.licence and said.question.meshes == ["consul"]
    assert "Internal use is allowed" in said.answer.lead
    assert "Under that policy" not in said.answer.lead


def test_two_meshes_set_against_each_other_in_a_reply_take_no_side_from_the_thread(
    kb: KnowledgeBase,
):
    said = talk(kb, "tell me about consul", "what about kong mesh licensing vs kuma")
    assert said.question is not None and said.answer is not None
    assert said.question.kind == IntentKind.compare and said.answer.intent.aspect == Aspect.licence
    assert set(said.question.meshes) == {"kong-mesh", "kuma"}


@pytest.mark.parametrize(
    "reply",
    [
        "we are a 400-person company, does that matter for linkerd?",
        "we're 400 people, does that matter for linkerd?",
        "company of 400 employees - is linkerd ok for us?",
        "we have 400 employees, any issue with linkerd?",
        "linkerd for a 400-person company?",
    ],
)
def test_a_head_count_said_of_linkerd_asks_its_free_tier(kb: KnowledgeBase, reply: str):
    said = talk(kb, NO_ENVOY, reply)
    assert said.answer is not None and said.answer.intent.aspect == Aspect.licence
    assert said.answer.lead.startswith("At 400 employees you are over the free tier")
    assert "under 50 employees" in said.answer.lead and "edge releases" in said.answer.lead


def test_a_head_count_beside_a_feature_question_stays_a_feature_check(kb: KnowledgeBase):
    said = talk(kb, "we are a 400-person company, does linkerd support mtls?")
    assert said.question is not None and said.question.kind == IntentKind.feature_check
