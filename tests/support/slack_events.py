"""Slack events as the thread tests send them, and the question a posted reply carries."""

from __future__ import annotations

import json
from typing import Any

CHANNEL, THREAD = "C123", "1700000000.000200"


def mention(text: str, ts: str, thread_ts: str | None = None) -> dict:
    """An app_mention in the test channel, in a thread where `thread_ts` is given."""
    event = {"type": "app_mention", "user": "U111", "channel": CHANNEL, "ts": ts, "text": text}
    return {**event, "thread_ts": thread_ts} if thread_ts else event


def in_thread(text: str, ts: str) -> dict:
    """The user's reply to the bot in the test thread, mentioning it."""
    return mention(f"<@UBOT> {text}", ts, THREAD)


def carried(call: Any) -> dict:
    """The question a recorded chat.postMessage carries in its message metadata."""
    return json.loads(call.body["metadata"]["event_payload"]["intent"])["i"]
