"""A reply in a thread goes on from what the thread said: `meshbot chat`, Slack threads and
DMs share one way (bot/answers/thread.py, bot/intents/thread_setup.py).

- More of the setup is read beside the thread's, as if said in one message: VMs said after
  "we run EKS" are workloads to bring in beside EKS, not the estate's platform.

The Slack round trip (the thread's question in the bot's message metadata) is at the end.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body

# ---------------------------------------------------------------- VMs beside the platform (#2)

EKS_SETUP = "We run EKS, 40 services, team of 3."
EKS = f"{EKS_SETUP} Which mesh should we use?"
EKS_VMS = [
    "we also need to mesh about 10 EC2 VMs",
    "we've also got ~15 legacy VMs on EC2 that must join",
    "what if we also have to bring 10 VMs into the mesh?",
    "and we need to onboard ~10 ec2 vms",
    "oh, and about 12 VMs on EC2 have to be meshed too",
    "forgot to say: 20 vms need mtls as well",
]


@pytest.mark.parametrize("reply", EKS_VMS)
def test_vms_said_after_the_platform_are_workloads_beside_it(kb, reply):
    conversation = talk(kb, EKS, reply)
    facts = conversation.question.facts
    assert facts["platform"] == ["eks"] and facts["services"] == 40
    assert "vm_workloads" in facts["needs"] and "nodes" not in facts
    text = render_terminal(conversation.answer)
    assert "VMs without Kubernetes" not in text and "is out now" not in text


@pytest.mark.parametrize("reply", EKS_VMS)
def test_vms_said_after_the_platform_read_as_said_in_one_message(kb, reply):
    question = talk(kb, EKS, reply).question
    one = talk(kb, f"{EKS_SETUP} {reply}. Which mesh should we use?").question
    assert question.facts == one.facts


@pytest.mark.parametrize(
    "reply",
    [
        "we also need to mesh about 20 azure vms",
        "what if we also have to bring 20 VMs into the mesh?",
    ],
)
def test_vms_said_after_aks_keep_aks(kb, reply):
    facts = talk(kb, "AKS, 60 services, 4 engineers, need mTLS. Which mesh?", reply).question.facts
    assert facts["platform"] == ["aks"] and facts["vms"] == 20
    assert {"mtls", "vm_workloads"} <= set(facts["needs"])


@pytest.mark.parametrize(
    ("reply", "platform"),
    [
        ("actually we're on GKE, not EKS", ["gke"]),  # another platform replaces it
        ("we don't run kubernetes at all, it's all VMs", ["vms"]),  # Kubernetes refused
        ("actually it's all vms, no k8s", ["vms"]),
    ],
)
def test_a_platform_of_its_own_still_replaces_the_threads(kb, reply, platform):
    facts = talk(kb, EKS, reply).question.facts
    assert facts["platform"] == platform and facts["services"] == 40


def test_vms_with_no_platform_said_before_are_the_estate(kb):
    thread = "which mesh for 40 services, team of 3?"
    facts = talk(kb, thread, "no kubernetes, just 10 vms").question.facts
    assert facts.get("platform", ["vms"]) == ["vms"] and facts["nodes"] == 10


# ---------------------------------------------------------------- through Slack

CHANNEL, THREAD = "C123", "1700000000.000200"


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


def mention(text: str, ts: str, thread_ts: str | None = None) -> dict:
    event = {"type": "app_mention", "user": "U111", "channel": CHANNEL, "ts": ts, "text": text}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


async def posted(bot: Bot, text: str, n: int, thread_ts: str | None = None) -> dict:
    ts = THREAD if thread_ts is None else f"1700000000.00{n}0"
    await bot.post(event_body(mention(f"<@UBOT> {text}", ts, thread_ts), f"Ev{n}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1].body


def carried(body: dict) -> dict:
    return json.loads(body["metadata"]["event_payload"]["intent"])["i"]


async def test_a_thread_reply_brings_vms_in_beside_the_platform(bot):
    await posted(bot, EKS, 1)
    reply = await posted(bot, EKS_VMS[0], 2, THREAD)
    facts = carried(reply)["facts"]
    assert facts["platform"] == ["eks"] and "vm_workloads" in facts["needs"]
    assert reply["text"].startswith("Recommendation: Linkerd")
