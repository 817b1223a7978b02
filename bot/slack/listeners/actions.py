"""Buttons: the next answer, a detail of this one, or sharing it.

A click never rewrites a message other people read: in a channel, a thread, a
DM or on a shared message the result goes into the message's thread; only an
ephemeral reply (seen by the clicker alone) is replaced. All state is in the
button's value, so any replica can serve any click.
"""

from __future__ import annotations

import logging
import re

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.blocks import (
    DECISION_RECORD_ACTION,
    DETAILS_ACTION,
    FOLLOW_UP_ACTION,
    OPEN_PAGE_ACTION,
    SHARE_ACTION,
    STEP_ACTION,
)
from bot.render.home import HOME_ACTION
from bot.slack.replies import SlackReplies, plain_message, user_mention
from bot.slack.responder import Responder

log = logging.getLogger(__name__)
CONTINUE = re.compile(rf"^({STEP_ACTION}|{FOLLOW_UP_ACTION}|{HOME_ACTION}|{DETAILS_ACTION})_\d+$")
# Slack's errors for a channel the bot cannot post in.
CANNOT_POST = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "restricted_action", "cant_post"}
)
INVITE_HINT = (
    "I can't post in this channel: it is private or I'm not a member. "
    "Invite me with `/invite @Mesh Advisor`, then press Share again."
)


async def handle_continue(
    ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    await ack()
    replies: SlackReplies = context["replies"]
    container = body.get("container", {})
    value = action.get("value", "")
    if container.get("type") == "view":  # App Home: answer in the DM with the app
        message = replies.for_value(value, "home")
        await client.chat_postMessage(channel=body["user"]["id"], **message)
    elif container.get("is_ephemeral"):  # only the clicker sees it: replace it
        message = replies.for_value(value, "action", share=True)
        responder: Responder = context["responder"]
        await responder.send(body["response_url"], replace_original=True, **message)
    else:  # others may read this message: answer in its thread, leave it as it is
        message = replies.for_value(value, "action", in_thread=True)
        original = body.get("message") or {}
        thread = original.get("thread_ts") or original.get("ts") or container.get("message_ts")
        await client.chat_postMessage(channel=container["channel_id"], thread_ts=thread, **message)


async def handle_share(
    ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    await ack()
    replies: SlackReplies = context["replies"]
    responder: Responder = context["responder"]
    message = replies.for_value(action.get("value", ""), "share")
    by = ContextBlock(
        elements=[
            MarkdownTextObject(text=f"Shared by {user_mention(body['user']['id'])} with /mesh")
        ]
    ).to_dict()
    message["blocks"] = [*message["blocks"][:49], by]
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    try:
        await client.chat_postMessage(channel=channel, **message)
    except SlackApiError as exc:
        error = exc.response.get("error", "") if exc.response else ""
        if error not in CANNOT_POST:
            raise
        log.info("share refused in %s: %s", channel, error)
        await responder.send(
            body["response_url"],
            response_type="ephemeral",
            replace_original=False,
            **plain_message(INVITE_HINT),
        )
        return
    await responder.send(body["response_url"], delete_original=True)


async def handle_decision_record(
    ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """Upload the answer as a Markdown decision record: into the message's thread, or
    into the clicker's DM when the message is an ephemeral reply only they can see."""
    await ack()
    replies: SlackReplies = context["replies"]
    record = replies.decision_record(action.get("value", ""))
    if record is None:
        return
    container = body.get("container", {})
    if container.get("is_ephemeral") or container.get("type") == "view":
        opened = await client.conversations_open(users=body["user"]["id"])
        channel, thread = opened["channel"]["id"], None
    else:
        original = body.get("message") or {}
        channel = container["channel_id"]
        thread = original.get("thread_ts") or original.get("ts") or container.get("message_ts")
    await client.files_upload_v2(
        channel=channel,
        thread_ts=thread,
        content=record.content,
        filename=record.filename,
        title=record.title,
        initial_comment="Here is the decision record, with the facts and sources behind it.",
    )


async def acknowledge(ack: AsyncAck) -> None:
    """Link buttons open a page in the browser; Slack still expects the click acked."""
    await ack()


def register(app: AsyncApp) -> None:
    app.action(CONTINUE)(handle_continue)
    app.action(SHARE_ACTION)(handle_share)
    app.action(DECISION_RECORD_ACTION)(handle_decision_record)
    app.action(OPEN_PAGE_ACTION)(acknowledge)
