"""From Slack to the pages and to a decision record, through the real Bolt pipeline."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.intents.models import IntentKind
from bot.render import limits
from bot.render.button_values import decode
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import click_body, command_body, event_body
from tests.test_slack_http import find_button, find_buttons

PUBLIC = "https://mesh.example.com/advisor"


@pytest.fixture
async def published() -> AsyncIterator[Bot]:
    running = await start_bot({"MESHBOT_PUBLIC_URL": PUBLIC})
    yield running
    await stop_bot(running)


@pytest.fixture
async def unpublished() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def mention(bot: Bot, text: str, event_id: str) -> dict:
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1700000000.000700",
        "text": f"<@UBOT> {text}",
    }
    await bot.post(event_body(event, event_id))
    [card] = await bot.slack.wait_for("chat.postMessage")
    return card.body


def link_buttons(message: dict) -> list[dict]:
    return [
        e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"] if "url" in e
    ]


async def test_a_first_answer_links_to_its_page_when_pages_are_published(published: Bot) -> None:
    card = await mention(published, "compare istio and linkerd", "EvLink")
    [link] = link_buttons(card)
    assert link["text"]["text"] == "Open full comparison"
    assert link["url"] == f"{PUBLIC}/compare?meshes=istio%2Clinkerd"
    # The same app serves that page: the path after the public prefix answers.
    async with aiohttp.ClientSession() as session:
        page = link["url"].removeprefix(PUBLIC)
        async with session.get(published.url + page) as response:
            assert response.status == 200
            assert "Linkerd" in await response.text()
    clicked = click_body(
        link,
        channel="C123",
        message_ts="1700000000.000800",
        response_url=published.slack.response_url("link"),
    )
    assert (await published.post(clicked)).status == 200
    assert published.slack.of("chat.update") == []


async def test_without_a_public_url_there_is_no_link(unpublished: Bot) -> None:
    card = await mention(unpublished, "compare istio and linkerd", "EvNoLink")
    assert link_buttons(card) == []


async def test_decision_record_is_uploaded_into_the_thread(unpublished: Bot) -> None:
    card = await mention(unpublished, "we have 80 services and a small team, which mesh?", "EvAdr")
    original = json.dumps(card, sort_keys=True)
    button = find_button(card, "mesh_decision_record")
    assert button["text"]["text"] == "Write up as a decision record"
    await unpublished.post(
        click_body(
            button,
            channel="C123",
            message_ts="1700000000.000800",
            thread_ts="1700000000.000700",
            response_url=unpublished.slack.response_url("adr"),
        )
    )
    [done] = await unpublished.slack.wait_for("files.completeUploadExternal")
    assert done.body["channel_id"] == "C123"
    assert done.body["thread_ts"] == "1700000000.000700"
    [upload] = unpublished.slack.of("upload:F1")
    assert upload.body["content"].startswith("# ADR:")
    assert "## Consequences" in upload.body["content"]
    assert "services: 80" in upload.body["content"]
    assert json.dumps(card, sort_keys=True) == original
    assert unpublished.slack.of("chat.update") == []


async def test_an_ephemeral_answers_record_goes_to_the_clickers_dm(unpublished: Bot) -> None:
    card = await mention(unpublished, "compare istio and linkerd", "EvAdrDm")
    button = find_button(card, "mesh_decision_record")
    await unpublished.post(
        click_body(
            button,
            channel="C123",
            message_ts="1700000000.000900",
            ephemeral=True,
            response_url=unpublished.slack.response_url("eph"),
        )
    )
    [done] = await unpublished.slack.wait_for("files.completeUploadExternal")
    [opened] = unpublished.slack.of("conversations.open")
    assert opened.body["users"] == "U111"
    assert done.body["channel_id"] == "DU111"


async def test_answers_other_than_decisions_offer_no_record(unpublished: Bot) -> None:
    card = await mention(unpublished, "does linkerd support circuit breaking", "EvNoAdr")
    with pytest.raises(StopIteration):
        find_button(card, "mesh_decision_record")


# --- Every path's first answer: the page link, and a decision record for decisions -----

QUESTIONS = {
    IntentKind.compare: "compare istio linkerd",
    IntentKind.recommend: "recommend",
    IntentKind.cost: "cost 1000 pods",
}
DECISIONS = {IntentKind.compare, IntentKind.recommend}


async def by_command(bot: Bot, kind: IntentKind) -> dict:
    await bot.post(command_body(QUESTIONS[kind], bot.slack.response_url("path")))
    [card] = await bot.slack.wait_for("response_url:path")
    assert card.body["response_type"] == "ephemeral"
    return card.body


async def by_mention(bot: Bot, kind: IntentKind) -> dict:
    return await mention(bot, QUESTIONS[kind], f"EvPath{kind.value}")


async def by_direct_message(bot: Bot, kind: IntentKind) -> dict:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1700000000.000400",
        "text": QUESTIONS[kind],
    }
    await bot.post(event_body(event, f"EvPathDm{kind.value}"))
    [card] = await bot.slack.wait_for("chat.postMessage")
    assert "thread_ts" not in card.body
    return card.body


async def by_assistant_panel(bot: Bot, kind: IntentKind) -> dict:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U111",
        "channel": "D1",
        "ts": "1729999400.000100",
        "thread_ts": "1729999327.187299",
        "text": QUESTIONS[kind],
    }
    await bot.post(event_body(event, f"EvPathPanel{kind.value}"))
    [card] = await bot.slack.wait_for("chat.postMessage")
    assert bot.slack.of("assistant.threads.setStatus"), "answered by the assistant panel"
    return card.body


async def by_app_home(bot: Bot, kind: IntentKind) -> dict:
    home = {"type": "app_home_opened", "user": "U111", "channel": "D1", "tab": "home"}
    await bot.post(event_body(home, f"EvPathHome{kind.value}"))
    [published] = await bot.slack.wait_for("views.publish")
    view = published.body["view"]
    [site] = link_buttons(view)
    assert (site["text"]["text"], site["url"]) == ("Open in browser", PUBLIC)
    button = next(b for b in find_buttons(view, "mesh_home_") if decode(b["value"])[0].kind == kind)
    clicked = click_body(
        button,
        channel="D1",
        message_ts="",
        container_type="view",
        response_url=bot.slack.response_url("home"),
    )
    await bot.post(clicked)
    [card] = await bot.slack.wait_for("chat.postMessage")
    assert card.body["channel"] == "U111"
    return card.body


PATHS = [by_command, by_mention, by_direct_message, by_assistant_panel, by_app_home]


@pytest.mark.parametrize("kind", list(QUESTIONS))
@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
async def test_every_paths_first_answer_links_its_page(published: Bot, path, kind) -> None:
    card = await path(published, kind)
    [link] = link_buttons(card)
    label = "Open full comparison" if kind == IntentKind.compare else "Open in browser"
    assert link["text"]["text"] == label and link["url"].startswith(PUBLIC + "/")
    assert len(card["blocks"]) <= 12 and limits.visible_text(card) <= 2500
    assert limits.problems(card) == []


@pytest.mark.parametrize("kind", list(QUESTIONS))
@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.__name__)
async def test_every_paths_decisions_offer_a_decision_record(published: Bot, path, kind) -> None:
    card = await path(published, kind)
    records = find_buttons(card, "mesh_decision_record")
    assert len(records) == (1 if kind in DECISIONS else 0)
    for record in records:
        assert record["text"]["text"] == "Write up as a decision record"
        assert decode(record["value"])[0].kind == kind
