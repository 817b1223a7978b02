"""When work after the ack fails: say what happened and what to do, to the user who asked.

Bolt has already acked (see `ack_first` in app.py), so the failure cannot be the HTTP
answer; it becomes an ephemeral message, through the payload's `response_url` when
there is one, else `chat.postEphemeral` in the channel.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.logs import request_id
from bot.slack.replies import plain_message
from bot.slack.responder import Responder, ResponseUrlError

log = logging.getLogger(__name__)

NOT_IN_CHANNEL = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
TOKEN_REFUSED = frozenset({"invalid_auth", "not_authed", "token_revoked", "account_inactive"})
SLOW = (
    "Slack is answering slowly right now, so I couldn't take your question. "
    "Please try again in a minute."
)
AUTH_UNAVAILABLE = (
    "I couldn't reach Slack to check my installation just now. Please try again in a "
    "minute; if it keeps happening, ask a workspace admin to check the Mesh Advisor app."
)


def describe(error: Exception) -> str:
    """What went wrong and what the user can do about it, in their words."""
    if isinstance(error, SlackApiError):
        code = str(error.response.get("error", "unknown"))
        if code in NOT_IN_CHANNEL:
            return (
                "I couldn't post the answer here: I'm not a member of this channel. "
                "Invite me with `/invite @Mesh Advisor` and ask again, or ask me in a DM."
            )
        if code in TOKEN_REFUSED:
            return (
                "Slack refused Mesh Advisor's token, so I couldn't post the answer. "
                "Please ask a workspace admin to check or reinstall the app."
            )
        if code == "ratelimited":
            return "Slack is limiting how fast I can post right now. Please try again in a minute."
        return f"Slack refused the answer ({code}). {_retry()}"
    if isinstance(error, TimeoutError):
        return (
            "Slack didn't answer in time, so your answer may not have been posted. "
            "Please try again in a minute."
        )
    if isinstance(error, ResponseUrlError):
        return (
            f"Slack didn't accept the answer (HTTP {error.status}); the question may be "
            "too old to answer in place. Please ask again."
        )
    return f"Sorry, something went wrong answering that. {_retry()}"


def _retry() -> str:
    return f"Please try again (request id {request_id.get()})."


def where_to_tell(body: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(response_url, channel, user) of a command, an interaction or a person's event."""
    if "command" in body:
        return body.get("response_url"), body.get("channel_id"), body.get("user_id")
    event = body.get("event")
    if isinstance(event, dict):
        if event.get("type") not in ("app_mention", "message") or event.get("bot_id"):
            return None, None, None  # App Home, bots, edits: nobody is waiting for an answer
        return None, event.get("channel"), event.get("user")
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    return body.get("response_url"), channel, (body.get("user") or {}).get("id")


async def tell_user(
    body: dict[str, Any],
    error: Exception,
    client: AsyncWebClient | None,
    responder: Responder | None,
) -> bool:
    """Post `describe(error)` ephemerally to whoever asked; never raises. True if told."""
    response_url, channel, user = where_to_tell(body)
    message = plain_message(describe(error))
    try:
        if response_url and responder and not isinstance(error, ResponseUrlError):
            await responder.send(response_url, response_type="ephemeral", **message)
            return True
        if channel and user and client:
            await client.chat_postEphemeral(channel=channel, user=user, **message)
            return True
    except Exception as second:  # Slack is down or refusing: the log is all that is left
        log.error("could not tell the user either: %s", type(second).__name__)
    return False
