"""Follow-ups in a direct message, through the real HTTP app and the Slack stand-in.

A DM that goes on from an earlier answer ("what if we had 500 pods?") reads the DM's latest
answer back from Slack (conversations.history, the answer's metadata), so any replica can
serve it; a reply inside a DM's thread (the assistant's) reads that thread, and stays in it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.slack.thread import EVENT_TYPE
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body
from tests.support.slack_events import carried
from tests.support.slack_standin import Fault

DM = "D1"


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


def dm(text: str, ts: str, thread_ts: str | None = None) -> dict:
    event = {"type": "message", "channel_type": "im", "user": "U111", "channel": DM}
    event |= {"ts": ts, "text": text}
    return event | ({"thread_ts": thread_ts} if thread_ts else {})


async def ask(bot: Bot, event: dict, n: int):
    await bot.post(event_body(event, f"EvDm{n}{event['ts']}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


def said(call) -> str:
    return json.dumps(call.body.get("blocks", [])) + call.body.get("text", "")


async def test_a_new_size_goes_on_from_the_dms_latest_answer(bot):
    await ask(bot, dm("compare consul, kuma and cilium", "1700000001.000100"), 1)
    reply = await ask(bot, dm("what if we had 500 pods?", "1700000001.000200"), 2)
    assert "thread_ts" not in reply.body
    question = carried(reply)
    assert question["kind"] == "cost" and question["facts"] == {"pods": 500}
    assert question["meshes"] == ["consul", "kuma", "cilium"]
    assert reply.body["text"].startswith("What a mesh costs at 500 pods")
    assert "no earlier question" not in said(reply)
    [lookup] = bot.slack.of("conversations.history")
    assert lookup.body["channel"] == DM and lookup.body["include_all_metadata"] in ("1", "true")


async def test_a_follow_up_goes_on_from_the_latest_answer_not_an_older_one(bot):
    await ask(bot, dm("what does linkerd cost at 1,000 pods", "1700000001.000100"), 1)
    await ask(bot, dm("compare istio and kuma", "1700000001.000200"), 2)
    reply = await ask(bot, dm("and cilium?", "1700000001.000300"), 3)
    assert set(carried(reply)["meshes"]) == {"istio", "kuma", "cilium"}


async def test_a_new_question_in_a_dm_looks_nothing_up(bot):
    first = await ask(bot, dm("does linkerd support retries", "1700000001.000100"), 1)
    second = await ask(bot, dm("what is kuma", "1700000001.000200"), 2)
    assert bot.slack.of("conversations.history") == []
    assert carried(first)["meshes"] == ["linkerd"] and carried(second)["meshes"] == ["kuma"]


async def test_a_reply_in_a_dm_thread_goes_on_from_that_thread_and_stays_in_it(bot):
    parent = "1700000001.000150"
    question = {"kind": "compare", "meshes": ["istio", "linkerd"], "facts": {"services": 40}}
    bot.slack.seeded_replies[parent] = [
        {
            "type": "message",
            "user": "UBOT",
            "ts": parent,
            "text": "Istio and Linkerd compared",
            "metadata": {
                "event_type": EVENT_TYPE,
                "event_payload": {"intent": json.dumps({"i": question})},
            },
        },
    ]
    reply = await ask(bot, dm("and at 2,000 pods?", "1700000001.000300", parent), 1)
    assert reply.body["thread_ts"] == parent and reply.body["channel"] == DM
    assert carried(reply)["meshes"] == ["istio", "linkerd"]
    assert "2,000 pods" in reply.body["text"]
    assert bot.slack.of("conversations.history") == []


async def test_when_slack_cannot_give_the_history_the_follow_up_is_still_answered(bot):
    await ask(bot, dm("compare consul and kuma", "1700000001.000100"), 1)
    bot.slack.faults["conversations.history"] = [Fault(error="missing_scope")]
    reply = await ask(bot, dm("what if we had 500 pods?", "1700000001.000200"), 2)
    assert "no earlier question here to go on from" in said(reply)
    assert "500 pods" in said(reply)
