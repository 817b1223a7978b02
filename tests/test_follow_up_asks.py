"""A follow-up asks what it asks: its own kind and features win, the thread gives the meshes,
the setup and the sizes (bot/answers/own_ask.py).

- "what's the catch with it?" after a pick (or after a check of the pick): what counts against
  the pick on the thread's setup, never the feature the turn before asked about;
- "why not linkerd?" when Linkerd is the pick: it is the pick, and its catch, never a
  comparison naming another mesh as the best fit;
- "what if we later need ambient?": the pick made again with a sidecarless data plane needed,
  or that feature checked of the mesh the thread is about;
- "is there anything on ECS that does weighted routing?": which offerings on ECS do it, not
  the recommendation again;
- "does consul do mTLS on fargate?": the platform named counts in the answer.

Through `Conversation` (`meshbot chat`) and through the Slack thread path (real HTTP and the
Slack stand-in), with cases that must not change.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import StatementList
from bot.intents.models import Intent, IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body
from tests.support.slack_events import THREAD, carried, in_thread

OSM = "moving off OSM on our AKS clusters, about 40 services and a team of 3"
MICROSOFT = "and it has to be supported by Microsoft"
ADDON = "AKS Istio-based service mesh add-on"
MULTI = "can it span clusters (multi-cluster)?"

CATCHES = [
    "what's the catch?",
    "any downsides?",
    "ok and what are the cons of it",
    "any gotchas we should know about with it?",
    "what could go wrong with that?",
    "so where does it fall short",
    "what are the trade-offs there",
]


@pytest.mark.parametrize("reply", CATCHES)
def test_the_catch_after_a_pick_is_the_picks_drawbacks_on_that_setup(kb, reply):
    conversation = talk(kb, OSM, MICROSOFT, reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.explain and question.meshes == ["aks-istio-addon"]
    assert question.facts["platform"] == ["aks"] and question.facts["support"] == "microsoft"
    assert answer.title == f"The catch with {ADDON}"
    assert answer.lead.startswith(f"{ADDON} is my pick on what you've told me.")
    assert "no multi-cluster" in answer.lead  # its known weaknesses, in the lead


@pytest.mark.parametrize("reply", CATCHES)
def test_the_catch_after_a_feature_check_drops_the_feature_checked(kb, reply):
    conversation = talk(kb, OSM, MICROSOFT, MULTI, reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.explain and question.features == []
    assert answer.title == f"The catch with {ADDON}"
    assert not answer.title.startswith("Does")


EKS_CANARIES = "EKS, 80 services, 5 SREs, need mTLS and canary deploys. what mesh?"
VENDOR = "we do need vendor support"


@pytest.mark.parametrize(
    "reply",
    [
        "why not linkerd?",
        "how come not linkerd",
        "why not linkerd then?",
        "what's wrong with linkerd",
        "linkerd wouldn't work?",
    ],
)
def test_why_not_the_pick_itself_says_it_is_the_pick(kb, reply):
    before = talk(kb, EKS_CANARIES, VENDOR)
    assert before.answer.title == "Recommendation: Linkerd"
    conversation = talk(kb, EKS_CANARIES, VENDOR, reply)
    answer = conversation.answer
    assert answer.title == "The catch with Linkerd"
    assert answer.lead.startswith("Linkerd is my pick on what you've told me.")
    assert "edge releases" in answer.lead  # the recommendation's own main caveat
    text = render_terminal(answer)
    assert "fits best" not in text and "With no setup said" not in text


@pytest.mark.parametrize(
    "reply",
    ["any downsides to gloo mesh?", "what are the cons of gloo mesh for us", "gloo's gotchas?"],
)
def test_the_catch_of_another_mesh_named_is_weighed_on_the_setup(kb, reply):
    answer = talk(kb, EKS_CANARIES, VENDOR, reply).answer
    assert answer.title == "The catch with Gloo Mesh (Solo Enterprise for Istio)"
    assert answer.lead.startswith("On what you've told me Linkerd leads")


@pytest.mark.parametrize(
    "reply",
    [
        "what if we later need ambient?",
        "and if we need ambient mode down the line?",
        "suppose we need ambient next year",
        "if we ever need ambient mesh what then",
        "what if ambient is required later",
    ],
)
def test_a_mode_needed_after_a_pick_makes_the_pick_again_with_its_feature(kb, reply):
    conversation = talk(kb, OSM, MICROSOFT, reply)
    question = conversation.question
    assert question.kind == IntentKind.recommend
    assert "sidecarless" in question.facts["needs"] and question.facts["platform"] == ["aks"]
    assert conversation.answer.title == "Recommendation: Istio ambient mode"
    assert "multi_cluster" not in question.features
    assert conversation.answer.intent.text == reply[:300]  # the user's own words echoed


@pytest.mark.parametrize(
    "reply",
    [
        "what if we later need ambient?",
        "and if we need ambient mode down the line?",
        "suppose we need ambient next year",
        "what if ambient is required later",
    ],
)
def test_a_mode_needed_after_a_check_of_the_pick_makes_the_pick_again_with_it(kb, reply):
    conversation = talk(kb, OSM, MICROSOFT, MULTI, reply)
    question = conversation.question
    # the pick made again with it needed, as right after the pick; the feature only checked
    # before (multi-cluster) was asked about, never needed
    assert question.features == ["sidecarless"] and question.facts["needs"] == ["sidecarless"]
    assert question.kind == IntentKind.recommend
    assert conversation.answer.title == "Recommendation: Istio ambient mode"
    assert question.facts["platform"] == ["aks"]


ECS = "app mesh on ECS is gone, we have 60 services and used weighted routing for canaries"
ASKED_ON_ECS = [
    "is there anything on ECS that does weighted routing?",
    "are there any options on ECS with weighted routing?",
    "anything else on ECS that does traffic splitting?",
    "which ones on ECS can do canary traffic splitting?",
    "is there something that supports weighted routing on ecs",
    "any alternatives that do weighted routing?",
]


@pytest.mark.parametrize("reply", ASKED_ON_ECS)
def test_a_list_asked_after_a_pick_lists_the_offerings_on_its_platform(kb, reply):
    conversation = talk(kb, ECS, reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.which_meshes and question.features == ["traffic_split"]
    assert question.facts["platform"] == ["ecs"]
    assert answer.title == "Which meshes on ECS support traffic splitting (canary)?"
    listed = {i.label for p in answer.points if isinstance(p, StatementList) for i in p.items}
    assert {"Consul", "Amazon VPC Lattice"} <= listed
    assert not listed & {"Linkerd", "Istio (sidecar mode)", "Kuma"}  # not on ECS


@pytest.mark.parametrize(
    ("reply", "mesh"),
    [
        ("what about consul then?", "consul"),
        ("and consul?", "consul"),
        ("how about consul", "consul"),
        ("what about vpc lattice?", "amazon-vpc-lattice"),
        ("and kong mesh?", "kong-mesh"),
    ],
)
def test_one_mesh_after_a_list_asks_it_for_the_lists_features(kb, reply, mesh):
    conversation = talk(kb, ECS, ASKED_ON_ECS[0], reply)
    question = conversation.question
    assert question.kind == IntentKind.feature_check
    assert question.meshes == [mesh] and question.features == ["traffic_split"]
    assert not conversation.answer.title.startswith("Which meshes")


@pytest.mark.parametrize(
    "reply",
    [
        "does consul do mTLS on fargate?",
        "can consul do mtls on ecs fargate",
        "consul mtls on fargate, supported?",
        "does consul encrypt traffic between fargate tasks?",
    ],
)
def test_the_platform_named_in_a_check_counts(kb, reply):
    for conversation in (talk(kb, ECS, "what about consul then?", reply), talk(kb, reply)):
        answer = conversation.answer
        assert conversation.question.facts["platform"] == ["ecs"]
        assert answer.title == "Does Consul support mutual TLS (mTLS)?"
        assert "On ECS:" in answer.lead and "Fargate" in answer.lead


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd do mtls on fargate?",
        "can linkerd do mTLS on ECS",
        "linkerd retries on ecs?",
    ],
)
def test_a_check_of_a_mesh_not_on_the_platform_says_so(kb, text):
    lead = AnswerEngine(kb).ask(text).lead
    assert "But Linkerd does not run on ECS: it runs on Kubernetes." in lead


# ---------------------------------------------------------------- must not change


@pytest.mark.parametrize(
    ("turns", "kind", "meshes", "features"),
    [
        # a reply with nothing of its own asks the thread's question again
        (
            ["does istio do multi-cluster?", "what about linkerd?"],
            IntentKind.feature_check,
            ["istio", "linkerd"],
            ["multi_cluster"],
        ),
        (
            ["compare istio and linkerd", "and cilium?"],
            IntentKind.compare,
            ["istio", "linkerd", "cilium"],
            [],
        ),
        # a mode of the mesh asked about stays that mode, as modes.py reads it
        (
            ["does istio do multi-cluster?", "what if we need ambient?"],
            IntentKind.feature_check,
            ["istio", "istio-ambient"],
            ["multi_cluster"],
        ),
        # "why not X?" of another mesh than the pick sets it against the pick
        (
            [EKS_CANARIES, VENDOR, "why not gloo?"],
            IntentKind.compare,
            ["linkerd", "gloo-mesh"],
            None,
        ),
        ([OSM, MICROSOFT, "why not ambient?"], IntentKind.compare, None, None),
        # a must-have added makes the pick again
        ([EKS_CANARIES, "what if we also need jwt validation"], IntentKind.recommend, [], None),
        # asking whether the pick does something checks the pick
        ([OSM, MICROSOFT, "does it do multi-cluster?"], IntentKind.feature_check, None, None),
    ],
)
def test_replies_with_nothing_of_their_own_still_go_on_from_the_thread(
    kb, turns, kind, meshes, features
):
    question = talk(kb, *turns).question
    assert question.kind == kind
    if meshes is not None:
        assert question.meshes == meshes
    if features is not None:
        assert question.features == features


@pytest.mark.parametrize(
    "text",
    [
        "which meshes support jwt validation?",
        "who supports traffic mirroring",
        "which meshes do mtls",
    ],
)
def test_a_list_with_no_platform_is_every_mesh(kb, text):
    answer = AnswerEngine(kb).ask(text)
    assert (
        answer.title.startswith("Which meshes support") and "current meshes support" in answer.lead
    )


@pytest.mark.parametrize(
    "text",
    [
        "does istio do retries on eks?",
        "does the aks add-on support windows nodes on aks",
        "does linkerd support mtls on gke",
    ],
)
def test_a_check_on_a_platform_that_goes_without_saying_adds_nothing(kb, text):
    lead = AnswerEngine(kb).ask(text).lead
    assert "does not run on" not in lead and " runs on " not in lead
    assert not any(f"On {p}:" in lead for p in ("EKS", "AKS", "GKE"))


def test_without_a_setup_the_catch_is_the_weaknesses_alone(kb):
    answer = talk(kb, "tell me about kuma", "what's the catch?").answer
    assert answer.title == "Kuma" and "With no setup said" in answer.lead


# ---------------------------------------------------------------- through Slack


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def ask(bot: Bot, text: str, n: int):
    await bot.post(event_body(in_thread(text, f"1700000000.{300 + n:06d}"), f"Ev{n}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


def seed(bot: Bot, question: Intent) -> None:
    """The thread's question as another replica left it in Slack."""
    value = question.model_dump_json(exclude_defaults=True)
    bot.slack.seeded_replies[THREAD] = [
        {"type": "message", "user": "U111", "ts": THREAD, "text": "<@UBOT> …"},
        {
            "type": "message",
            "user": "UBOT",
            "ts": "1700000000.000250",
            "text": "…",
            "metadata": {
                "event_type": "mesh_advisor_question",
                "event_payload": {"intent": json.dumps({"i": json.loads(value)})},
            },
        },
    ]


async def test_a_conversation_in_a_thread_answers_each_turn_as_asked(bot):
    """The expert's conversation: the pick, a check of it, its catch, a mode needed."""
    first = await ask(bot, OSM, 1)
    assert first.body["text"].startswith(f"Recommendation: {ADDON}")
    await ask(bot, MICROSOFT, 2)
    checked = await ask(bot, "does it do multi-cluster?", 3)
    assert carried(checked)["features"] == ["multi_cluster"]
    catch = await ask(bot, "what's the catch with it?", 4)
    assert catch.body["text"].startswith(f"The catch with {ADDON}")
    assert carried(catch)["kind"] == "explain" and "features" not in carried(catch)
    assert carried(catch)["facts"]["support"] == "microsoft"
    later = await ask(bot, "what if we later need ambient?", 5)
    assert carried(later)["features"] == ["sidecarless"]
    assert "multi-cluster" not in later.body["text"].split("\n")[0]


@pytest.mark.parametrize("reply", CATCHES[:5])
async def test_the_catch_in_a_seeded_thread_is_the_picks(bot, kb, reply):
    seed(bot, AnswerEngine(kb).parser.parse(f"{OSM}. {MICROSOFT}"))
    answer = await ask(bot, reply, 1)
    assert carried(answer)["kind"] == "explain" and carried(answer)["meshes"] == ["aks-istio-addon"]
    assert answer.body["text"].startswith(f"The catch with {ADDON}")


@pytest.mark.parametrize(
    "reply", ["why not linkerd?", "how come not linkerd", "linkerd wouldn't work?"]
)
async def test_why_not_the_pick_in_a_thread_keeps_the_pick(bot, reply):
    await ask(bot, EKS_CANARIES, 1)
    picked = await ask(bot, VENDOR, 2)
    assert picked.body["text"].startswith("Recommendation: Linkerd")
    answer = await ask(bot, reply, 3)
    assert answer.body["text"].startswith("The catch with Linkerd")
    assert "fits best" not in json.dumps(answer.body["blocks"])


@pytest.mark.parametrize("reply", ASKED_ON_ECS[:5])
async def test_a_list_asked_in_a_thread_lists_the_offerings_there(bot, kb, reply):
    seed(bot, AnswerEngine(kb).parser.parse(ECS))
    answer = await ask(bot, reply, 1)
    question = carried(answer)
    assert question["kind"] == "which_meshes" and question["features"] == ["traffic_split"]
    assert question["facts"]["platform"] == ["ecs"]
    assert answer.body["text"].startswith("Which meshes on ECS support")


@pytest.mark.parametrize(
    "reply",
    [
        "does consul do mTLS on fargate?",
        "consul mtls on fargate, supported?",
        "can consul do mtls on ecs fargate",
    ],
)
async def test_a_platform_named_in_a_thread_counts(bot, kb, reply):
    seed(bot, AnswerEngine(kb).parser.parse(ECS))
    answer = await ask(bot, reply, 1)
    assert carried(answer)["kind"] == "feature_check"
    assert "On ECS:" in json.dumps(answer.body["blocks"])
