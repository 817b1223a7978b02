"""A follow-up only adds or changes what it says (user test s13, problems 2 and 6, and the
notes on questions asked again and "what about X instead"), through the conversation path
`meshbot chat`, Slack threads and DMs share (bot/answers/thread.py):

- an answer to another question than the one asked keeps every must-have said before;
- "only mTLS" answering which needs to enforce at the mesh is mTLS needed at the mesh, as
  "we need mTLS" is, not "mTLS is the only reason for a mesh";
- a question the reply passed over is not asked again next;
- "what about X instead?" after a comparison puts X in place of the mesh compared with the
  pick, where "and X?" adds it.
"""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk

# ---------------------------------------------------------------- must-haves kept (#2)

EKS_MTLS = "We're on EKS with 90 services and want mTLS everywhere. Which mesh?"
NONE_OF_THESE = [
    "None of these",
    "none of them",
    "none of those",
    "None of these.",
    "none of those, thanks",
]


@pytest.mark.parametrize("reply", NONE_OF_THESE)
def test_an_answer_to_another_question_keeps_the_must_haves(kb, reply):
    conversation = talk(kb, EKS_MTLS, reply)
    question = conversation.question
    assert "mtls" in question.facts["needs"] and "mtls" in question.features
    text = render_terminal(conversation.answer)
    assert "features needed at the mesh: none" not in text.lower()
    assert conversation.answer.title != "Recommendation: Amazon VPC Lattice"
    assert "Amazon VPC Lattice: kept" not in text


@pytest.mark.parametrize(
    "reply",
    ["JWT / OIDC validation", "jwt / oidc validation", "jwt validation", "we need jwt validation"],
)
def test_a_need_chosen_adds_to_the_needs_said(kb, reply):
    needs = talk(kb, EKS_MTLS, reply).question.facts["needs"]
    assert "mtls" in needs and len(needs) >= 2


def test_a_setup_said_beside_an_answer_adds_up_too(kb):
    question = talk(kb, EKS_MTLS, "none of these, and we need jwt validation").question
    assert {"mtls", "jwt_validation"} <= set(question.facts["needs"])
    assert {"mtls", "jwt_validation"} <= set(question.features)


@pytest.mark.parametrize("reply", ["Sidecars are fine", "sidecars are ok", "no sidecars please"])
def test_a_mode_accepted_or_refused_is_no_feature_needed(kb, reply):
    assert "sidecarless" not in talk(kb, EKS_MTLS, reply).question.features


# ---------------------------------------------------------------- mTLS needed across turns (#6)

SMALL_GKE = "We have 18 services on GKE and a team of 3. Do we need a mesh?"
ONLY_MTLS = ["Only mTLS", "just mtls", "mtls only", "only mutual tls", "just mTLS, nothing else"]


def test_the_needs_question_is_the_one_asked(kb):
    answer = talk(kb, SMALL_GKE).answer
    assert answer.title == "Recommendation: No mesh"
    assert answer.follow_up and answer.follow_up.question.startswith("Do you need any of these")


@pytest.mark.parametrize("reply", ONLY_MTLS)
def test_only_mtls_answering_the_needs_is_mtls_needed_at_the_mesh(kb, reply):
    conversation = talk(kb, SMALL_GKE, reply)
    assert "mtls" in conversation.question.facts["needs"]
    assert "only_mtls" not in conversation.question.facts
    assert conversation.answer.title != "Recommendation: No mesh"


@pytest.mark.parametrize("reply", ONLY_MTLS)
def test_only_mtls_across_turns_picks_as_mtls_needed_in_one_message(kb, reply):
    across = talk(kb, SMALL_GKE, reply).answer.title
    one = talk(kb, "We have 18 services on GKE and a team of 3 and need mTLS. Do we need a mesh?")
    assert across == one.answer.title


SMALL_EKS = "We have 20 services on EKS and need mTLS, 2 engineers, open source only. Which mesh?"


def test_only_mtls_answering_the_drivers_question_still_says_so(kb):
    """Must not change: asked whether mTLS is the only reason, "only mTLS" says it is."""
    first = talk(kb, SMALL_EKS).answer
    assert first.follow_up and first.follow_up.question.startswith("Is mutual TLS the only")
    question = talk(kb, SMALL_EKS, "only mtls").question
    assert question.facts["only_mtls"] is True


def test_only_mtls_said_in_one_message_reads_as_before(kb):
    """Must not change: "only need mTLS" in the first message is mTLS as the only driver."""
    facts = talk(kb, "We have 14 services and only need mTLS, do we need a mesh?").question.facts
    assert facts["only_mtls"] is True


# ---------------------------------------------------------------- not asked again (#3)

ON_PREM = "We have 20 services on-prem k8s and need mTLS, 2 engineers. Which mesh?"
SUPPORT_ANSWERS = [
    "From any vendor",
    "any vendor is fine",
    "we want vendor support",
    "commercial support",
]


@pytest.mark.parametrize("reply", SUPPORT_ANSWERS)
def test_an_answer_to_another_question_is_taken_and_the_asked_one_not_asked_again(kb, reply):
    """Whichever question the card asked, a reply answering the support question is taken,
    and the question asked is not asked again (passed over where it was another one)."""
    asked = talk(kb, ON_PREM).answer.follow_up
    assert asked is not None
    conversation = talk(kb, ON_PREM, reply)
    assert "support" in conversation.question.facts
    follow_up = conversation.answer.follow_up
    assert follow_up is None or follow_up.question != asked.question
    if not asked.question.startswith("Do you need a vendor's support"):
        assert conversation.question.passed


CONSUL = (
    "We're a no-BUSL shop running Consul on VMs plus EKS. What should we move to?",
    "150 VMs and 90 services on EKS",
    "Sidecars are fine",
)


def test_a_question_passed_over_twice_is_not_asked_a_third_time(kb):
    asked = []
    conversation = talk(kb)
    for turn in CONSUL:
        follow_up = conversation.say(turn).follow_up
        asked.append(follow_up.question if follow_up else None)
    assert asked[0] and asked[0].startswith("Do you need a vendor's support")
    assert asked.count(asked[0]) == 1


@pytest.mark.parametrize("reply", ["1", "No", "nope", "any vendor", "from our cloud provider"])
def test_the_asked_question_answered_is_no_question_passed(kb, reply):
    """Must not change: answering the question asked passes nothing over."""
    assert talk(kb, CONSUL[0], reply).question.passed == []


def test_a_question_passed_over_is_carried_in_the_thread(kb):
    conversation = talk(kb, *CONSUL[:2])
    assert conversation.question.passed == ["support"]
    assert conversation.question.model_dump(exclude_defaults=True)["passed"] == ["support"]


# ---------------------------------------------------------------- "instead" swaps (#4)

EKS_JWT = (
    "EKS, 220 services, 5 people, need mTLS, JWT validation and traffic mirroring. Which mesh?",
    "Sidecars are fine",
    "What about Linkerd instead?",
)
INSTEAD = [
    "What about Cilium instead?",
    "how about cilium instead",
    "and cilium instead?",
    "what about cilium in its place?",
    "what about cilium instead then",
]


@pytest.mark.parametrize("reply", INSTEAD)
def test_a_mesh_instead_takes_the_place_of_the_one_compared_with_the_pick(kb, reply):
    conversation = talk(kb, *EKS_JWT, reply)
    question = conversation.question
    assert question.kind == IntentKind.compare
    assert question.meshes == ["istio", "cilium"] and question.pick == "istio"
    assert conversation.answer.title == "Istio (sidecar mode) and Cilium Service Mesh compared"


@pytest.mark.parametrize(
    ("thread", "reply", "meshes"),
    [
        (EKS_JWT, "and cilium?", ["istio", "linkerd", "cilium"]),
        (EKS_JWT, "what about cilium too?", ["istio", "linkerd", "cilium"]),
        (("compare istio and linkerd",), "how does consul compare", ["istio", "linkerd", "consul"]),
        (("compare istio and linkerd",), "vs kuma?", ["istio", "linkerd", "kuma"]),
    ],
)
def test_a_mesh_named_without_instead_is_added_as_before(kb, thread, reply, meshes):
    assert talk(kb, *thread, reply).question.meshes == meshes


def test_instead_with_no_pick_keeps_the_first_mesh_compared(kb):
    question = talk(kb, "compare istio and linkerd", "what about kuma instead?").question
    assert question.meshes == ["istio", "kuma"]


def test_instead_after_a_recommendation_sets_the_mesh_against_the_pick(kb):
    """Must not change: after a pick, "X instead?" compares X with the pick."""
    question = talk(kb, *EKS_JWT[:2], "What about Linkerd instead?").question
    assert question.meshes == ["istio", "linkerd"] and question.pick == "istio"
