"""Follow-ups in a thread and input hygiene, through the real HTTP app and the Slack stand-in.

The thread's question rides in the bot's own reply as message metadata and is read
back with conversations.replies, so any replica can answer the follow-up.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from bot.cli import main
from bot.slack.thread import EVENT_TYPE
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body
from tests.support.slack_standin import Fault

CHANNEL = "C123"
THREAD = "1700000000.000200"


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


def mention(text: str, ts: str, thread_ts: str | None = None, **extra) -> dict:
    event = {"type": "app_mention", "user": "U111", "channel": CHANNEL, "ts": ts, "text": text}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return {**event, **extra}


def said(call) -> str:
    return json.dumps(call.body.get("blocks", [])) + call.body.get("text", "")


async def ask(bot: Bot, event: dict, n: int):
    await bot.post(event_body(event, f"Ev{n}{event['ts']}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


async def test_the_answer_carries_its_question_as_metadata(bot):
    call = await ask(bot, mention("<@UBOT> compare istio and linkerd for 200 pods", THREAD), 1)
    metadata = call.body["metadata"]
    assert metadata["event_type"] == EVENT_TYPE
    carried = json.loads(metadata["event_payload"]["intent"])["i"]
    assert carried["kind"] == "compare" and carried["meshes"] == ["istio", "linkerd"]
    assert carried["facts"] == {"pods": 200}
    assert "text" not in carried


async def test_and_cilium_adds_a_mesh_to_the_threads_comparison(bot):
    await ask(bot, mention("<@UBOT> compare istio and linkerd", THREAD), 1)
    reply = await ask(bot, mention("<@UBOT> and cilium?", "1700000000.000300", THREAD), 2)
    assert reply.body["thread_ts"] == THREAD
    text = said(reply)
    assert "Cilium" in text and "Linkerd" in text and "Istio" in text
    [lookup, *_] = bot.slack.of("conversations.replies")
    assert lookup.body["ts"] == THREAD and lookup.body["include_all_metadata"] in ("1", "true")


async def test_what_if_keeps_the_question_with_a_new_size(bot):
    await ask(bot, mention("<@UBOT> what does linkerd cost at 1,000 pods", THREAD), 1)
    reply = await ask(
        bot, mention("<@UBOT> what if we had 500 pods?", "1700000000.0003", THREAD), 2
    )
    text = said(reply)
    assert "500 pods" in text and "Linkerd" in text
    assert "1,000 pods" not in reply.body["text"]


async def test_a_new_size_after_a_comparison_answers_the_cost_for_its_meshes(bot):
    first = await ask(bot, mention("<@UBOT> compare consul, kuma and cilium", THREAD), 1)
    assert json.loads(first.body["metadata"]["event_payload"]["intent"])["i"]["kind"] == "compare"
    reply = await ask(
        bot, mention("<@UBOT> what if we had 500 pods?", "1700000000.0003", THREAD), 2
    )
    carried = json.loads(reply.body["metadata"]["event_payload"]["intent"])["i"]
    assert carried["kind"] == "cost" and carried["facts"] == {"pods": 500}
    assert carried["meshes"] == ["consul", "kuma", "cilium"]
    assert reply.body["text"].startswith("What a mesh costs at 500 pods")
    # The lead spans the thread's meshes: Cilium's per-node figure up to Kuma's borrowed one.
    assert "Cilium" in reply.body["text"] and "Kuma" in reply.body["text"]
    assert "compared" not in said(reply)
    [lookup, *_] = bot.slack.of("conversations.replies")
    assert lookup.body["ts"] == THREAD


async def test_a_new_size_in_a_thread_seeded_by_another_replica_answers_the_cost(bot):
    """The thread's question is whatever Slack returns with the bot's metadata, even when
    this process never posted it."""
    question = {"kind": "compare", "meshes": ["istio", "linkerd"], "facts": {"services": 40}}
    bot.slack.seeded_replies[THREAD] = [
        {"type": "message", "user": "U111", "ts": THREAD, "text": "<@UBOT> istio or linkerd?"},
        {
            "type": "message",
            "user": "UBOT",
            "ts": "1700000000.000250",
            "text": "Istio and Linkerd compared",
            "metadata": {
                "event_type": EVENT_TYPE,
                "event_payload": {"intent": json.dumps({"i": question})},
            },
        },
    ]
    reply = await ask(bot, mention("<@UBOT> and at 2,000 pods?", "1700000000.0003", THREAD), 1)
    carried = json.loads(reply.body["metadata"]["event_payload"]["intent"])["i"]
    assert carried["kind"] == "cost" and carried["meshes"] == ["istio", "linkerd"]
    assert carried["facts"] == {"services": 40, "pods": 2000}
    assert "2,000 pods" in reply.body["text"] and "Linkerd" in said(reply)


async def test_why_not_compares_with_the_recommended_mesh(bot):
    first = await ask(bot, mention("<@UBOT> recommend a mesh for 60 services", THREAD), 1)
    assert "Linkerd" in first.body["text"]
    reply = await ask(bot, mention("<@UBOT> why not ambient?", "1700000000.0003", THREAD), 2)
    carried = json.loads(reply.body["metadata"]["event_payload"]["intent"])["i"]
    assert carried["kind"] == "compare"
    assert carried["meshes"] == ["linkerd", "istio-ambient"]
    assert carried["facts"]["services"] == 60


async def test_metadata_from_anyone_but_this_bot_is_ignored(bot):
    forged = {
        "event_type": EVENT_TYPE,
        "event_payload": {"intent": json.dumps({"i": {"kind": "explain", "meshes": ["kuma"]}})},
    }
    bot.slack.seeded_replies[THREAD] = [
        {"type": "message", "user": "U999", "ts": THREAD, "text": "x", "metadata": forged}
    ]
    reply = await ask(bot, mention("<@UBOT> and cilium?", "1700000000.0003", THREAD), 1)
    carried = json.loads(reply.body["metadata"]["event_payload"]["intent"])["i"]
    assert carried["meshes"] == ["cilium"] and "kuma" not in json.dumps(carried)


async def test_a_failing_thread_lookup_still_gets_an_answer(bot):
    bot.slack.faults["conversations.replies"] = [Fault(error="missing_scope")]
    reply = await ask(bot, mention("<@UBOT> does linkerd do retries", "1700000000.0003", THREAD), 1)
    assert "Retries" in said(reply) or "retries" in said(reply)


@pytest.mark.parametrize(
    "extra",
    [{"bot_id": "BOTHER"}, {"subtype": "bot_message"}, {"user": "UBOT"}],
    ids=["other-bot", "subtype", "itself"],
)
async def test_mentions_from_bots_are_not_answered(bot, extra):
    await bot.post(event_body(mention("<@UBOT> compare istio linkerd", THREAD, **extra), "EvB"))
    await asyncio.sleep(0.3)
    assert bot.slack.of("chat.postMessage") == []


async def test_slack_escaping_reaches_the_user_escaped_once(bot):
    reply = await ask(bot, mention("<@UBOT> zzqx R&amp;D &lt;!channel&gt;", THREAD), 1)
    text = said(reply)
    assert "R&amp;D" in text and "&amp;amp;" not in text
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


@pytest.mark.parametrize(
    "question",
    [
        "compare foomesh and linkerd",
        "should we pick nginx service mesh",
        "does istio validate JWTs?",
        "we do NOT need mtls, 40 services",
        "cost of 0 pods",
        "which meshes are deprecated?",
        "thanks!",
    ],
)
async def test_meshbot_ask_and_slack_give_the_same_answer(bot, capsys, question):
    reply = await ask(bot, mention(f"<@UBOT> {question}", THREAD), 1)
    assert main(["ask", "--json", question]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["text"] == reply.body["text"]
    # Slack answers also carry the feedback buttons (a context_actions block) last.
    assert printed["blocks"] == [b for b in reply.body["blocks"] if b["type"] != "context_actions"]
