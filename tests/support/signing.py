"""Requests signed exactly as Slack signs them (v0 HMAC-SHA256 over v0:timestamp:body)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


def signed_headers(
    body: str | bytes,
    timestamp: int | None = None,
    secret: str = SECRET,
    content_type: str = "application/x-www-form-urlencoded",
) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    if isinstance(body, bytes):  # any bytes, as Slack signs them (slack_sdk needs UTF-8)
        base = f"v0:{ts}:".encode() + body
        signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    else:
        signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature,
        "Content-Type": content_type,
    }


def command_body(text: str, response_url: str, user: str = "U111", channel: str = "C123") -> str:
    return urlencode(
        {
            "token": "legacy",
            "team_id": "T1",
            "team_domain": "acme",
            "channel_id": channel,
            "channel_name": "platform",
            "user_id": user,
            "user_name": "alex",
            "command": "/mesh",
            "text": text,
            "api_app_id": "A1",
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": "1.2.3",
        }
    )


def event_body(event: dict, event_id: str = "Ev1") -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
        }
    )


def click_body(
    button: dict,
    *,
    channel: str,
    message_ts: str,
    response_url: str,
    ephemeral: bool = False,
    container_type: str = "message",
    user: str = "U111",
    thread_ts: str | None = None,
) -> str:
    """A block_actions payload for a click on `button`, as Slack sends it."""
    container = {"type": container_type}
    if container_type == "message":
        container.update(message_ts=message_ts, channel_id=channel, is_ephemeral=ephemeral)
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "token": "x",
        "trigger_id": "1.2",
        "container": container,
        "channel": {"id": channel},
        "message": {"ts": message_ts, **({"thread_ts": thread_ts} if thread_ts else {})},
        "response_url": response_url,
        "actions": [
            {
                "type": "button",
                "action_id": button["action_id"],
                "block_id": "b1",
                "value": button["value"],
                "action_ts": "1700000001.0",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})
