"""From Slack to the pages and to a decision record, through the real Bolt pipeline."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import click_body, event_body
from tests.test_slack_http import find_button

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
