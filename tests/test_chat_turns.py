"""Conversations in turns (`meshbot chat`, a Slack thread): a reply after a recommendation
carries the platform, size and must-haves said before it.

- "rather not run istiod ourselves" after a GKE setup wants the managed mesh, and "why not
  the google managed one?" puts it forward: its "not" refuses nothing.
- "None of these" to the menu of advanced must-haves rules those out, not the basics: no
  "needs nothing, so no mesh" for a hundred services.
- "why not X?" sets X against the pick on that setup; "does that work with Y?" checks the
  pick for Y; "what if we also need Y" makes the pick again with Y needed; a numbered answer
  keeps the platform.

The Slack round trip (a mention's metadata, a button's answer in the thread, the assistant
panel's thread) is at the end.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import click_body, event_body
from tests.support.slack_events import CHANNEL, THREAD, carried, mention

# ---------------------------------------------------------------- managed wanted (#1)

GKE = "gke, ~50 services, 4 engineers on the platform team. which mesh"


@pytest.mark.parametrize(
    "reply",
    [
        "why not the google managed one? we'd rather not run istiod ourselves tbh",
        "how about the managed one instead, nobody here wants to operate istiod",
        "we would prefer not to run the control plane ourselves",
        "so why not the google one? we'd really rather not host istiod ourselves",
        "isn't the managed offering better for us? rather not operate istiod ourselves",
        "honestly we'd rather not be operating the control plane ourselves",
    ],
)
def test_rather_not_running_it_ourselves_after_a_gke_setup_wants_the_managed_mesh(kb, reply):
    conversation = talk(kb, GKE, reply)
    facts = conversation.question.facts
    assert facts.get("platform") == ["gke"] and facts.get("services") == 50
    # wanted outright, or as a preference ("we would prefer not to run it ourselves")
    assert True in (facts.get("managed_control_plane"), facts.get("managed_preferred"))
    assert not facts.get("own_control_plane") and "not_from" not in facts
    assert conversation.answer.title == "Recommendation: Google Cloud Service Mesh (managed)"
    assert "You haven't said where you run" not in render_terminal(conversation.answer)


@pytest.mark.parametrize(
    "text",
    [
        "why not the google managed one? we'd rather not run istiod ourselves tbh",
        "gke, 40 services, 3 engineers. why not the managed one? rather not run istiod ourselves",
        "so why not the managed add-on? we don't want to operate istiod",
        "why not just use the provider's managed offering",
        "ok why not a managed mesh then",
        "why don't we take the hosted version",
    ],
)
def test_why_not_a_managed_one_on_its_own_refuses_nothing(kb, text):
    facts = IntentParser(kb).parse(text).facts
    assert not facts.get("own_control_plane") and facts.get("managed_control_plane") is not False
    assert "not_from" not in facts


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("why not ambient since we can't have sidecars", "no_sidecars"),
        ("why not linkerd if we refuse envoy", "no_envoy"),
        ("why not linkerd? envoy is banned here", "no_envoy"),
        ("how come not ambient, we cannot have sidecars", "no_sidecars"),
        ("why not kuma given we won't run envoy", "no_envoy"),
    ],
)
def test_a_refusal_beside_a_why_not_still_refuses(kb, text, fact):
    assert IntentParser(kb).parse(text).facts.get(fact) is True


@pytest.mark.parametrize(
    "text",
    [
        "gke, ~50 services, 4 engineers on the platform team. want managed if possible. which mesh",
        "gke, 60 services, ideally managed. what mesh",
        "we'd rather have it managed: gke, 45 services, small team",
        "looking for something managed on gke, about 40 svcs",
        "prefer managed where we can. 70 services on gke, which service mesh?",
    ],
)
def test_managed_wanted_on_gke_leads_with_the_managed_mesh(kb, text):
    engine = AnswerEngine(kb)
    facts = engine.parser.parse(text).facts  # wanted outright, or as a preference ("ideally")
    assert True in (facts.get("managed_control_plane"), facts.get("managed_preferred"))
    assert engine.ask(text).title == "Recommendation: Google Cloud Service Mesh (managed)"


@pytest.mark.parametrize(
    "text",
    [
        "we don't want managed, gke 40 services",
        "we want managed kubernetes and a mesh on top, eks 40 services",
        "nobody wants managed here, eks 30 svcs",
    ],
)
def test_managed_refused_or_said_of_something_else_wants_no_managed_mesh(kb, text):
    assert IntentParser(kb).parse(text).facts.get("managed_control_plane") is not True


def test_a_managed_one_refused_is_still_refused(kb):
    facts = IntentParser(kb).parse("gke, 40 services. we don't want a managed mesh").facts
    assert facts.get("own_control_plane") is True


# ---------------------------------------------------------------- none of these (#2)

NONE_OF_THESE = {"needs": []}  # the menu's "None of these", as its button sets it


@pytest.mark.parametrize(
    "setup",
    [
        "aks, 100 services, 2 person platform team. recommend a mesh pls",
        "we're on eks with about 120 microservices and a small platform team, which mesh?",
        "gke, 90 services, three platform engineers - what mesh should we run",
        "on-prem kubernetes, ~200 services, dedicated platform team. mesh recommendation?",
        "openshift-free vanilla k8s, 60 services, need mtls between them. pick a mesh",
        "80 services on aks, want retries and mtls, which service mesh",
    ],
)
def test_none_of_the_advanced_must_haves_is_no_reason_for_no_mesh(kb, setup):
    engine = AnswerEngine(kb)
    asked = engine.parser.parse(setup)
    before = engine.answer(asked)
    after = engine.answer(asked.model_copy(update={"facts": {**asked.facts, **NONE_OF_THESE}}))
    assert after.title != "Recommendation: No mesh"
    assert after.title == before.title
    text = render_terminal(before)
    assert "None of these: the pick becomes No mesh" not in text


@pytest.mark.parametrize(
    "setup",
    [
        "do we even need a mesh? 8 services, one team, eks",
        "honestly is a mesh overkill for 5 services on gke",
        "we have 3 go services talking to each other, mesh or not?",
        "k3s single node, 10 internal tools, one person. mesh or no mesh",
        "12 services, one team on aks, do we need a service mesh at all",
    ],
)
def test_a_small_estate_asking_whether_at_all_keeps_no_mesh_after_none_of_these(kb, setup):
    engine = AnswerEngine(kb)
    asked = engine.parser.parse(setup)
    before = engine.answer(asked)
    after = engine.answer(asked.model_copy(update={"facts": {**asked.facts, **NONE_OF_THESE}}))
    assert before.title == after.title == "Recommendation: No mesh"


def test_needs_all_covered_by_a_tool_still_speak_of_needs(kb):
    """An empty list of needs where a tool they run covers every one named is still needs
    spoken of: met without a mesh."""
    intent = Intent(
        kind=IntentKind.recommend,
        facts={"platform": ["eks"], "services": 6, "needs": [], "covered": ["retries"]},
    )
    assert AnswerEngine(kb).answer(intent).title == "Recommendation: No mesh"


# ---------------------------------------------------------------- follow-ups (#13)

JWT_MIRRORING = (
    "eks, ~300 svcs, dedicated platform team of 5, need jwt validation at the mesh and "
    "traffic mirroring for testing"
)


@pytest.mark.parametrize(
    "reply",
    [
        "why not linkerd?",
        "what's wrong with linkerd for us",
        "how come not linkerd",
        "linkerd wouldn't work?",
        "what about linkerd?",
        "and linkerd, why not that one",
    ],
)
def test_why_not_a_mesh_after_a_pick_sets_it_against_the_pick_on_that_setup(kb, reply):
    conversation = talk(kb, JWT_MIRRORING, reply)
    answer, question = conversation.answer, conversation.question
    assert question.kind == IntentKind.compare and question.meshes[:2] == ["istio", "linkerd"]
    assert question.facts["platform"] == ["eks"] and question.facts["services"] == 300
    text = render_terminal(answer)
    assert "Linkerd is out: no JWT validation; no Traffic mirroring" in text
    assert "With no setup said" not in text


AKS = "aks, 100 services, 2 person platform team. recommend a mesh pls"


@pytest.mark.parametrize(
    "reply",
    [
        "does that work with windows node pools too? we have a couple",
        "can it handle windows nodes?",
        "does it support windows node pools",
        "will that run on our windows nodes as well?",
        "is that ok with windows workers too",
    ],
)
def test_does_that_work_with_a_feature_checks_the_pick(kb, reply):
    conversation = talk(kb, AKS, reply)
    picked = talk(kb, AKS).answer.title.removeprefix("Recommendation: ")
    question = conversation.question
    assert question.kind == IntentKind.feature_check
    assert question.features == ["windows_nodes"]
    assert [kb.meshes[m].name for m in question.meshes] == [picked]
    assert question.facts["platform"] == ["aks"] and question.facts["services"] == 100
    assert "no earlier question" not in render_terminal(conversation.answer)


def test_does_that_work_checks_the_pick_the_conversation_came_to(kb):
    conversation = talk(
        kb, AKS, "we also need multi-cluster across 2 azure regions", "does that work with windows?"
    )
    question = conversation.question
    assert question.kind == IntentKind.feature_check and question.features == ["windows_nodes"]
    assert question.facts["needs"] == ["multi_cluster"]
    assert "aks-istio-addon" not in question.meshes  # no multi-cluster: not the pick


EKS_SMALL = "we run eks, 40 services, small team. which mesh?"


@pytest.mark.parametrize(
    "reply",
    [
        "what if we also need jwt validation",
        "we need jwt validation at the mesh too",
        "and if jwt/oidc validation is a must?",
        "suppose we also have to validate JWTs",
        "ok, jwt validation is needed as well",
    ],
)
def test_a_must_have_added_makes_the_pick_again_on_the_same_setup(kb, reply):
    first = talk(kb, EKS_SMALL)
    assert first.answer.title == "Recommendation: Linkerd"
    conversation = talk(kb, EKS_SMALL, reply)
    question = conversation.question
    assert question.kind == IntentKind.recommend
    assert question.facts["platform"] == ["eks"] and question.facts["services"] == 40
    assert "jwt_validation" in question.facts["needs"]
    assert conversation.answer.title == "Recommendation: Istio (sidecar mode)"


@pytest.mark.parametrize(
    "reply",
    [
        "and jwt validation?",
        "what about jwt validation",
        "how about JWT auth?",
        "jwt?",
        "what of jwt validation?",
    ],
)
def test_a_feature_asked_about_checks_the_pick_and_needs_nothing_new(kb, reply):
    conversation = talk(kb, EKS_SMALL, reply)
    question = conversation.question
    assert question.kind == IntentKind.feature_check
    assert question.meshes == ["linkerd"] and question.features == ["jwt_validation"]
    assert "jwt_validation" not in (question.facts.get("needs") or [])
    text = render_terminal(conversation.answer)
    # the pick lacks it: the answer says what it would be were it needed
    assert "Linkerd is out: no JWT validation" in text and "would be my pick" in text
    assert question.pick == "linkerd"  # the thread's recommendation goes on from its pick


@pytest.mark.parametrize(
    "reply",
    ["jwt validation too", "jwt validation is a must", "what if we need jwt?", "also jwt?"],
)
def test_a_feature_said_to_be_needed_is_a_need_even_asked(kb, reply):
    conversation = talk(kb, EKS_SMALL, reply)
    assert conversation.question.kind == IntentKind.recommend
    assert "jwt_validation" in conversation.question.facts["needs"]


def test_must_haves_add_up_over_the_conversation(kb):
    conversation = talk(kb, EKS_SMALL, "what if we need jwt validation", "and mirroring too")
    assert set(conversation.question.facts["needs"]) >= {"jwt_validation", "traffic_mirroring"}
    assert conversation.question.facts["platform"] == ["eks"]


@pytest.mark.parametrize(
    "grown",
    [
        "ok what if we grow to ~150 services and need canaries + mtls",
        "say we end up with 150 services and need mtls and canary releases",
        "fast forward a year: 150 services, mtls and traffic splitting needed",
        "what if it's 150 services later, with mtls and canaries required",
        "and at ~150 services needing mtls plus canaries?",
    ],
)
def test_a_numbered_answer_after_a_grown_setup_keeps_the_platform(kb, grown):
    conversation = talk(kb, "do we even need a mesh? 10 services on eks, one team", grown)
    assert conversation.question.facts["platform"] == ["eks"]
    assert conversation.question.facts["services"] == 150
    support = conversation.answer.follow_up
    assert support is not None and support.question.startswith("Do you need a vendor's support")
    conversation.say(str([c.label for c in support.choices].index("From our cloud provider") + 1))
    text = render_terminal(conversation.answer)
    assert conversation.question.facts["platform"] == ["eks"]
    assert "Where do the services run?" not in text
    # nothing on EKS is both AWS's and a mesh with mTLS: said, support from any vendor kept
    assert "gave up the softest: vendor support from the platform's provider, keeping" in text
    assert "Amazon VPC Lattice is out: no Mutual TLS" in text


def test_chat_in_the_terminal_carries_the_setup(kb, capsys):
    from bot.terminal import chat

    turns = iter([JWT_MIRRORING, "why not linkerd?", "quit"])
    assert chat(kb, read=lambda _: next(turns)) == 0
    out = capsys.readouterr().out
    assert "Linkerd is out: no JWT validation; no Traffic mirroring" in out
    assert "With no setup said" not in out


# ---------------------------------------------------------------- through Slack


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def posted(bot: Bot, body: dict, n: int):
    await bot.post(body)
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


async def test_a_thread_reply_after_a_pick_keeps_the_setup(bot):
    first = await posted(bot, event_body(mention(f"<@UBOT> {GKE}", THREAD), "Ev1"), 1)
    assert carried(first)["facts"]["platform"] == ["gke"]
    reply = await posted(
        bot,
        event_body(
            mention(
                "<@UBOT> why not google's one? we'd rather not run istiod ourselves",
                "1700000000.0003",
                THREAD,
            ),
            "Ev2",
        ),
        2,
    )
    facts = carried(reply)["facts"]
    assert facts["platform"] == ["gke"] and facts["managed_control_plane"] is True
    assert reply.body["text"].startswith("Recommendation: Google Cloud Service Mesh")


async def test_a_buttons_answer_in_a_thread_carries_its_question(bot):
    """Choose an answer by button in the thread, then reply: the reply goes on from it."""
    first = await posted(bot, event_body(mention(f"<@UBOT> {EKS_SMALL}", THREAD), "Ev1"), 1)
    buttons = [
        e
        for block in first.body["blocks"]
        if block.get("type") == "actions"
        for e in block["elements"]
        if e.get("action_id", "").startswith("mesh_follow_up_")
    ]
    choice = buttons[0]  # whichever question the card asks next, its first answer
    click = click_body(
        choice,
        channel=CHANNEL,
        message_ts="1700000000.0009",
        thread_ts=THREAD,
        response_url=bot.slack.response_url("c"),
    )
    clicked = await posted(bot, click, 2)
    assert clicked.body["thread_ts"] == THREAD
    chosen = carried(clicked)["facts"]
    assert chosen["platform"] == ["eks"] and len(chosen) > len(carried(first)["facts"])
    reply = await posted(
        bot,
        event_body(mention("<@UBOT> what if we also need jwt?", "1700000000.0010", THREAD), "Ev3"),
        3,
    )
    facts = carried(reply)["facts"]
    # what each reply adds (`told_last`: the constraints it set) is marked anew each turn
    apart = {"needs", "told_last", "needs_told_last"}
    assert {k: v for k, v in facts.items() if k not in apart} == {
        k: v for k, v in chosen.items() if k not in apart
    }
    assert "jwt_validation" in facts["needs"]


async def test_the_assistant_panel_reads_a_reply_against_its_thread(bot):
    def message(text: str, ts: str) -> dict:
        return {
            "type": "message",
            "channel_type": "im",
            "user": "U111",
            "channel": "D1",
            "ts": ts,
            "thread_ts": "1729999327.187299",
            "text": text,
        }

    first = await posted(bot, event_body(message(JWT_MIRRORING, "1729999400.0001"), "EvA1"), 1)
    assert carried(first)["facts"]["platform"] == ["eks"]
    reply = await posted(bot, event_body(message("why not linkerd?", "1729999400.0003"), "EvA2"), 2)
    assert carried(reply)["meshes"][:2] == ["istio", "linkerd"]
    assert "Linkerd is out" in json.dumps(reply.body["blocks"])


@pytest.mark.parametrize(
    "setup",
    [
        "on-prem kubernetes, 60 services, 3 engineers. which mesh?",
        "bare metal k8s in our own DC, ~60 svcs, which mesh should we use",
        "we run rke2 on our own hardware, 60 services. recommend a mesh",
    ],
)
def test_support_from_a_cloud_provider_where_none_runs_them_is_a_vendors(kb, setup):
    conversation = talk(kb, setup, "from our cloud provider")
    text = render_terminal(conversation.answer, full=True)
    # no provider runs their platform: what they ask for is a vendor's contract, screened
    assert "no support contract from any vendor" in text
    assert conversation.answer.kind == IntentKind.recommend


@pytest.mark.parametrize(
    "reply",
    ["we need windows nodes", "yeah we need windows nodes", "we do need windows node support"],
)
def test_a_need_said_again_checks_the_pick_for_it(kb, reply):
    setup = "AKS with windows node pools for .NET apps, 50 services, which mesh?"
    picked = talk(kb, setup).question
    conversation = talk(kb, setup, reply)
    question = conversation.question
    # nothing new said: the pick is confirmed for it, not a list of every mesh that has it
    assert question.kind == IntentKind.feature_check and question.features == ["windows_nodes"]
    assert question.meshes == [question.pick] and question.facts == picked.facts


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("ok what would it cost?", IntentKind.cost),
        ("cool, what about cost?", IntentKind.cost),
        ("ok and cost?", IntentKind.cost),
        ("ok so what do you recommend", IntentKind.recommend),
        ("ok, what would change your mind?", IntentKind.recommend),
    ],
)
def test_an_acknowledgement_before_a_question_goes_on_with_the_thread(kb, reply, kind):
    conversation = talk(kb, "EKS, 40 services, small team. which mesh?", reply)
    assert conversation.question.kind == kind
    assert conversation.question.facts["platform"] == ["eks"]


@pytest.mark.parametrize(
    "reply", ["ok thanks", "ok cool", "great, thanks a lot", "thanks, great answer", "ok"]
)
def test_an_acknowledgement_alone_is_still_a_thanks(kb, reply):
    conversation = talk(kb, "EKS, 40 services, small team. which mesh?", reply)
    assert conversation.question.kind == IntentKind.greeting
