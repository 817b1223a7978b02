"""The Slack boundary for real: the HTTP app on 127.0.0.1, Slack-signed requests, and a
Web API stand-in on loopback that records what the bot posts."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.render import limits
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import click_body, command_body, event_body, signed_headers
from tests.support.slack_standin import Fault
from tests.test_render import INTENT_QUESTIONS


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


def find_button(message: dict, action_prefix: str) -> dict:
    return next(
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(action_prefix)
    )


def find_buttons(message: dict, action_prefix: str) -> list[dict]:
    return [
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(action_prefix)
    ]


def texts(call_body: dict) -> str:
    return json.dumps(call_body.get("blocks", [])) + call_body.get("text", "")


async def test_url_verification(bot):
    body = json.dumps({"type": "url_verification", "challenge": "abc123", "token": "x"})
    async with bot.session.post(
        f"{bot.url}/slack/events",
        data=body,
        headers=signed_headers(body, content_type="application/json"),
    ) as r:
        assert r.status == 200
        assert "abc123" in await r.text()


async def test_slash_command_answers_ephemerally_with_share(bot):
    body = command_body("compare istio linkerd", bot.slack.response_url("cmd"))
    response = await bot.post(body)
    assert response.status == 200
    [call] = await bot.slack.wait_for("response_url:cmd")
    assert call.body["response_type"] == "ephemeral"
    assert "and Linkerd compared" in texts(call.body)
    assert limits.problems(call.body) == []
    actions = [e for b in call.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions[0]["action_id"] == "mesh_share"


async def test_help_command_and_empty_command(bot):
    for n, text in enumerate(("help", "")):
        await bot.post(command_body(text, bot.slack.response_url(f"h{n}")))
        [call] = await bot.slack.wait_for(f"response_url:h{n}")
        assert "Mesh Advisor" in texts(call.body)


async def test_mention_is_answered_in_a_thread_without_the_bot_mention(bot):
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1700000000.000200",
        "text": "<@UBOT> does linkerd support circuit breaking",
        "event_ts": "1",
    }
    response = await bot.post(event_body(event, "EvMention"))
    assert response.status == 200
    [call] = await bot.slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "C123"
    assert call.body["thread_ts"] == "1700000000.000200"
    assert "circuit breaking" in texts(call.body).lower()


async def test_mention_inside_a_thread_stays_in_that_thread(bot):
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1700000000.000300",
        "thread_ts": "1700000000.000100",
        "text": "<@UBOT> help",
    }
    await bot.post(event_body(event, "EvThread"))
    [call] = await bot.slack.wait_for("chat.postMessage")
    assert call.body["thread_ts"] == "1700000000.000100"


async def test_direct_message_is_answered_in_place(bot):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1700000000.000400",
        "text": "what is linkerd",
    }
    await bot.post(event_body(event, "EvDM"))
    [call] = await bot.slack.wait_for("chat.postMessage")
    assert call.body["channel"] == "D1" and "thread_ts" not in call.body
    assert "Linkerd" in texts(call.body)


@pytest.mark.parametrize(
    "event",
    [
        {
            "type": "message",
            "channel_type": "im",
            "subtype": "message_changed",
            "channel": "D1",
            "ts": "1",
            "message": {"text": "help"},
        },
        {
            "type": "message",
            "channel_type": "im",
            "subtype": "channel_join",
            "user": "U1",
            "channel": "D1",
            "ts": "1",
            "text": "joined",
        },
        {
            "type": "message",
            "channel_type": "im",
            "bot_id": "BOTHER",
            "user": "U9",
            "channel": "D1",
            "ts": "1",
            "text": "help",
        },
        {
            "type": "message",
            "channel_type": "im",
            "user": "UBOT",
            "channel": "D1",
            "ts": "1",
            "text": "help",
        },
    ],
)
async def test_bots_edits_and_joins_are_ignored(bot, event):
    response = await bot.post(event_body(event, f"EvIgnore{hash(json.dumps(event))}"))
    assert response.status == 200
    await asyncio.sleep(0.3)
    assert bot.slack.posts() == []


async def test_follow_up_button_answers_in_the_thread_and_leaves_the_message(bot):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1700000000.000500",
        "text": "recommend",
    }
    await bot.post(event_body(event, "EvRec"))
    [posted] = await bot.slack.wait_for("chat.postMessage")
    button = find_button(posted.body, "mesh_follow_up_")
    body = click_body(
        button,
        channel="D1",
        message_ts="1700000000.000600",
        response_url=bot.slack.response_url("act"),
    )
    response = await bot.post(body)
    assert response.status == 200
    [_, reply] = await bot.slack.wait_for("chat.postMessage", count=2)
    assert reply.body["channel"] == "D1" and reply.body["thread_ts"] == "1700000000.000600"
    assert "Recommendation" in texts(reply.body)
    assert bot.slack.of("chat.update") == []


async def test_details_click_in_a_channel_goes_to_the_thread(bot):
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1700000000.000700",
        "text": "<@UBOT> compare istio linkerd",
    }
    await bot.post(event_body(event, "EvDetails"))
    [card] = await bot.slack.wait_for("chat.postMessage")
    original = json.dumps(card.body, sort_keys=True)
    details = find_button(card.body, "mesh_details_")
    assert details["text"]["text"] == "All features"
    await bot.post(
        click_body(
            details,
            channel="C123",
            message_ts="1700000000.000800",
            thread_ts="1700000000.000700",
            response_url=bot.slack.response_url("d"),
        )
    )
    [_, detail] = await bot.slack.wait_for("chat.postMessage", count=2)
    assert detail.body["channel"] == "C123"
    assert detail.body["thread_ts"] == "1700000000.000700"
    assert "All features" in texts(detail.body)
    assert json.dumps(card.body, sort_keys=True) == original
    assert bot.slack.of("chat.update") == [] and bot.slack.of("response_url:d") == []


async def test_click_on_a_shared_message_never_rewrites_it(bot):
    await bot.post(command_body("explain linkerd", bot.slack.response_url("sh1")))
    [ephemeral] = await bot.slack.wait_for("response_url:sh1")
    share = find_button(ephemeral.body, "mesh_share")
    await bot.post(
        click_body(
            share,
            channel="C123",
            message_ts="1.1",
            ephemeral=True,
            response_url=bot.slack.response_url("sh2"),
        )
    )
    [shared] = await bot.slack.wait_for("chat.postMessage")
    for prefix in ("mesh_step_", "mesh_details_"):
        await bot.post(
            click_body(
                find_button(shared.body, prefix),
                channel="C123",
                message_ts="1700000000.000100",
                user="U222",
                response_url=bot.slack.response_url(f"sh-{prefix}"),
            )
        )
    calls = await bot.slack.wait_for("chat.postMessage", count=3)
    assert all(c.body["thread_ts"] == "1700000000.000100" for c in calls[1:])
    assert bot.slack.of("chat.update") == []
    assert bot.slack.of("response_url:sh-mesh_step_") == []


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found"])
async def test_share_where_the_bot_cannot_post_tells_the_user(bot, error):
    await bot.post(command_body("explain linkerd", bot.slack.response_url("ni1")))
    [ephemeral] = await bot.slack.wait_for("response_url:ni1")
    bot.slack.faults["chat.postMessage"] = [Fault(error=error)]
    await bot.post(
        click_body(
            find_button(ephemeral.body, "mesh_share"),
            channel="G999",
            message_ts="1.1",
            ephemeral=True,
            response_url=bot.slack.response_url("ni2"),
        )
    )
    [hint] = await bot.slack.wait_for("response_url:ni2")
    assert "/invite @Mesh Advisor" in texts(hint.body)
    assert hint.body["response_type"] == "ephemeral" and not hint.body.get("delete_original")
    assert bot.slack.of("chat.postMessage") == []


async def test_every_first_answer_fits_the_card_budget(bot):
    for n, text in enumerate(INTENT_QUESTIONS.values()):
        await bot.post(command_body(text, bot.slack.response_url(f"b{n}")))
        [call] = await bot.slack.wait_for(f"response_url:b{n}")
        assert len(call.body["blocks"]) <= 12, text
        assert limits.visible_text(call.body) <= 2500, text
        assert "sources · checked" in texts(call.body) or "checked" in texts(call.body)


async def test_share_posts_for_everyone_and_says_who_shared(bot):
    await bot.post(command_body("compare istio linkerd", bot.slack.response_url("s1")))
    [ephemeral] = await bot.slack.wait_for("response_url:s1")
    share = find_button(ephemeral.body, "mesh_share")
    body = click_body(
        share,
        channel="C123",
        message_ts="1.1",
        ephemeral=True,
        response_url=bot.slack.response_url("s2"),
    )
    await bot.post(body)
    [shared] = await bot.slack.wait_for("chat.postMessage")
    assert shared.body["channel"] == "C123"
    assert "Shared by <@U111>" in texts(shared.body)
    assert limits.problems(shared.body) == []
    [deleted] = await bot.slack.wait_for("response_url:s2")
    assert deleted.body.get("delete_original") is True


async def test_click_in_an_ephemeral_answer_replaces_it(bot):
    await bot.post(command_body("explain linkerd", bot.slack.response_url("e1")))
    [ephemeral] = await bot.slack.wait_for("response_url:e1")
    step = find_button(ephemeral.body, "mesh_step_")
    await bot.post(
        click_body(
            step,
            channel="C123",
            message_ts="1.1",
            ephemeral=True,
            response_url=bot.slack.response_url("e2"),
        )
    )
    [replaced] = await bot.slack.wait_for("response_url:e2")
    assert replaced.body["replace_original"] is True
    assert find_button(replaced.body, "mesh_share")  # still shareable
    assert bot.slack.of("chat.postMessage") == []


async def test_home_tab_button_answers_in_the_dm(bot):
    event = {"type": "app_home_opened", "user": "U111", "channel": "D1", "tab": "home"}
    await bot.post(event_body(event, "EvHome2"))
    [home] = await bot.slack.wait_for("views.publish")
    button = find_button(home.body["view"], "mesh_home_")
    await bot.post(
        click_body(
            button,
            channel="D1",
            message_ts="",
            container_type="view",
            response_url=bot.slack.response_url("h"),
        )
    )
    [posted] = await bot.slack.wait_for("chat.postMessage")
    assert posted.body["channel"] == "U111"
    assert limits.problems(posted.body) == []


async def test_app_home_is_published(bot):
    event = {"type": "app_home_opened", "user": "U111", "channel": "D1", "tab": "home"}
    await bot.post(event_body(event, "EvHome"))
    [call] = await bot.slack.wait_for("views.publish")
    assert call.body["user_id"] == "U111"
    view = call.body["view"]
    kb = bot.advisor.engine.kb
    shown = json.dumps(view)
    assert view["type"] == "home" and f"Knowledge reviewed {kb.as_of}" in shown
    for count in (f"{len(kb.features)} features", f"{len(kb.sources)} sources"):
        assert count in shown
    assert f"{len(kb.current_meshes())} current meshes" in shown
    labels = [b["text"]["text"] for b in find_buttons(view, "mesh_home_")]
    assert labels[0] == "Do we need a mesh?" and labels[2] == "Sidecar cost at 1,000 pods"
    assert labels[1] == "Compare Linkerd and Istio (sidecar mode)"  # the first two candidates


@pytest.mark.parametrize("case", ["unsigned", "wrong", "stale", "future", "version"])
async def test_bad_signatures_get_401_and_nothing_is_posted(bot, case):
    body = command_body("compare istio linkerd", bot.slack.response_url("bad"))
    if case == "unsigned":
        response = await bot.post(body, signed=False)
    elif case == "wrong":
        response = await bot.post(body, secret="0" * 32)
    elif case == "stale":
        response = await bot.post(body, timestamp=int(time.time()) - 6 * 60)
    elif case == "future":
        response = await bot.post(body, timestamp=int(time.time()) + 6 * 60)
    else:
        headers = signed_headers(body)
        headers["X-Slack-Signature"] = headers["X-Slack-Signature"].replace("v0=", "v1=")
        response = await bot.post(body, headers=headers, signed=False)
    assert response.status == 401
    await asyncio.sleep(0.2)
    assert bot.slack.posts() == []


async def test_health_ready_and_metrics(bot):
    status, body = await bot.get("/healthz")
    assert status == 200
    status, body = await bot.get("/readyz")
    assert status == 200 and json.loads(body)["knowledge_version"] == bot.advisor.version
    await bot.post(command_body("compare istio linkerd", bot.slack.response_url("m")))
    await bot.slack.wait_for("response_url:m")
    status, body = await bot.get("/metrics")
    assert status == 200
    assert 'meshbot_requests_total{intent="compare",surface="command"} 1.0' in body
    assert "meshbot_answer_seconds_bucket" in body


async def test_the_stand_in_refuses_what_slack_would(slack):
    divider = {"type": "divider"}
    async with aiohttp.ClientSession() as session:
        for blocks in (
            [divider] * 51,
            [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}],
        ):
            async with session.post(
                f"{slack.api_url}chat.postMessage",
                json={"channel": "C1", "text": "t", "blocks": blocks},
            ) as r:
                assert (await r.json())["error"] == "invalid_blocks"
    assert len(slack.rejected) == 2
    slack.rejected.clear()  # the fixture checks that nothing else was refused


async def test_assistant_thread_start_greets_and_suggests_prompts(bot):
    event = {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": "U111",
            "context": {"channel_id": "C123", "team_id": "T1"},
            "channel_id": "D1",
            "thread_ts": "1729999327.187299",
        },
        "event_ts": "1729999327.187300",
    }
    await bot.post(event_body(event, "EvAssistantStart"))
    [greeting] = await bot.slack.wait_for("chat.postMessage")
    assert greeting.body["channel"] == "D1" and greeting.body["thread_ts"] == "1729999327.187299"
    assert "service-mesh questions" in greeting.body["text"]
    [prompts] = await bot.slack.wait_for("assistant.threads.setSuggestedPrompts")
    titles = [p["title"] for p in prompts.body["prompts"]]
    assert titles == [
        "Compare Istio and Linkerd",
        "Do we need a mesh?",
        "Sidecar cost at 1,000 pods",
        "Which meshes are retired?",
    ]


async def test_assistant_message_gets_status_title_and_the_engines_answer(bot):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1729999400.000100",
        "thread_ts": "1729999327.187299",
        "text": "compare istio linkerd",
    }
    await bot.post(event_body(event, "EvAssistantMsg"))
    [answer] = await bot.slack.wait_for("chat.postMessage")
    [status] = bot.slack.of("assistant.threads.setStatus")
    [title] = bot.slack.of("assistant.threads.setTitle")
    assert status.body["status"] == "checking the knowledge base…"
    assert title.body["title"] == "compare istio linkerd"
    assert answer.body["thread_ts"] == "1729999327.187299"
    assert "and Linkerd compared" in texts(answer.body)
    assert len(answer.body["blocks"]) <= 12
    calls = [c.method for c in bot.slack.posts()]
    assert calls.index("assistant.threads.setStatus") < calls.index("chat.postMessage")


async def test_an_ampersand_reaches_the_user_escaped_once(bot):
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1700000000.000900",
        "text": "R&amp;D qqqz &lt;!channel&gt;",  # as Slack sends "R&D qqqz <!channel>"
    }
    await bot.post(event_body(event, "EvAmp"))
    [call] = await bot.slack.wait_for("chat.postMessage")
    shown = texts(call.body)
    assert "R&amp;D qqqz" in shown and "&amp;amp;" not in shown
    assert "<!channel>" not in shown
