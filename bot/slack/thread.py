"""Thread context for follow-ups, kept in Slack itself so any replica can serve a reply.

The bot's answer to a mention carries the question as message metadata; a later
mention in that thread reads it back with conversations.replies.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers.thread import compact
from bot.intents.models import Intent
from bot.render.button_values import decode, encode

log = logging.getLogger(__name__)

EVENT_TYPE = "mesh_advisor_question"
MAX_REPLIES = 100


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
    for message in reversed(reply.get("messages") or []):
        data = message.get("metadata") or {}
        if data.get("event_type") != EVENT_TYPE or message.get("user") != bot_user_id:
            continue
        value = (data.get("event_payload") or {}).get("intent")
        if isinstance(value, str):
            intent, _ = decode(value)
            return intent
    return None
