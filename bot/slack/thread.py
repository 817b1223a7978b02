"""Conversation context for follow-ups, kept in Slack itself so any replica can serve a reply.

The bot's answer carries its question as message metadata; a later mention in that thread
reads it back with conversations.replies, and a direct message that goes on from an
earlier answer outside any thread ("what about 500 pods?") reads the DM's latest answer
back with conversations.history.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers.thread import compact
from bot.intents.models import Intent
from bot.render.button_values import decode, encode

log = logging.getLogger(__name__)

EVENT_TYPE = "mesh_advisor_question"
MAX_REPLIES = 100
MAX_HISTORY = 20  # a DM's latest answer is among its last few messages, or too old to go on from


_MARKUP = re.compile(r"<([@#!])?([^<>|]*)(?:\|([^<>]*))?>")


def _plain(match: re.Match[str]) -> str:
    sigil, target, label = match.groups()
    if sigil == "@":
        return " "  # another person's mention is not part of the question
    return label or ("" if sigil else target)


def without_markup(text: str) -> str:
    """Slack's links and channel names as words, other people's mentions dropped (the
    escaping of `&`, `<` and `>` is undone later, once, by the replies)."""
    return _MARKUP.sub(_plain, text)


def metadata(intent: Intent) -> dict[str, Any]:
    return {"event_type": EVENT_TYPE, "event_payload": {"intent": encode(compact(intent))}}


async def thread_question(
    client: AsyncWebClient, channel: str, thread_ts: str, bot_user_id: str | None
) -> Intent | None:
    """The latest question the bot answered in this thread, or None (also when Slack fails)."""
    try:
        reply = await client.conversations_replies(
            channel=channel, ts=thread_ts, include_all_metadata=True, limit=MAX_REPLIES
        )
    except (SlackApiError, OSError, TimeoutError) as exc:
        log.warning("thread context unavailable (%s); answering without it", type(exc).__name__)
        return None
    return _latest_question(reversed(reply.get("messages") or []), bot_user_id)


async def latest_question(
    client: AsyncWebClient, channel: str, bot_user_id: str | None
) -> Intent | None:
    """The latest question the bot answered at the top of a conversation (a DM), or None
    (also when Slack fails)."""
    try:
        history = await client.conversations_history(
            channel=channel, include_all_metadata=True, limit=MAX_HISTORY
        )
    except (SlackApiError, OSError, TimeoutError) as exc:
        log.warning("DM context unavailable (%s); answering without it", type(exc).__name__)
        return None
    return _latest_question(history.get("messages") or [], bot_user_id)


def _latest_question(
    newest_first: Iterable[dict[str, Any]], bot_user_id: str | None
) -> Intent | None:
    """The question the newest of the bot's own answers carries as metadata."""
    for message in newest_first:
        data = message.get("metadata") or {}
        if data.get("event_type") != EVENT_TYPE or message.get("user") != bot_user_id:
            continue
        value = (data.get("event_payload") or {}).get("intent")
        if isinstance(value, str):
            intent, _ = decode(value)
            return intent
    return None
