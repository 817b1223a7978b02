"""Follow-up buttons: continue by updating the message they came from.

All state is in the button's value, so any replica can serve any click.
"""

from __future__ import annotations

import re

from slack_bolt.async_app import AsyncApp
from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject

from bot.render.blocks import FOLLOW_UP_ACTION, SHARE_ACTION, STEP_ACTION
from bot.render.home import HOME_ACTION
from bot.slack.answers import SlackAnswers, user_mention
from bot.slack.responder import Responder

CONTINUE = re.compile(rf"^({STEP_ACTION}|{FOLLOW_UP_ACTION}|{HOME_ACTION})_\d+$")


async def handle_continue(ack, body: dict, action: dict, client, context) -> None:
    await ack()
    answers: SlackAnswers = context["answers"]
    container = body.get("container", {})
    value = action.get("value", "")
    if container.get("type") == "view":  # App Home: answer in the DM with the app
        message = answers.for_value(value, "home")
        await client.chat_postMessage(channel=body["user"]["id"], **message)
    elif container.get("is_ephemeral"):
        message = answers.for_value(value, "action", share=True)
        responder: Responder = context["responder"]
        await responder.send(body["response_url"], replace_original=True, **message)
    else:
        message = answers.for_value(value, "action")
        await client.chat_update(
            channel=container["channel_id"], ts=container["message_ts"], **message
        )


async def handle_share(ack, body: dict, action: dict, client, context) -> None:
    await ack()
    answers: SlackAnswers = context["answers"]
    message = answers.for_value(action.get("value", ""), "share")
    by = ContextBlock(
        elements=[
            MarkdownTextObject(text=f"Shared by {user_mention(body['user']['id'])} with /mesh")
        ]
    ).to_dict()
    message["blocks"] = [*message["blocks"][:49], by]
    channel = (body.get("channel") or {}).get("id") or body["container"].get("channel_id")
    await client.chat_postMessage(channel=channel, **message)
    responder: Responder = context["responder"]
    await responder.send(body["response_url"], delete_original=True)


def register(app: AsyncApp) -> None:
    app.action(CONTINUE)(handle_continue)
    app.action(SHARE_ACTION)(handle_share)
