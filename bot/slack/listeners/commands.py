"""`/mesh …`: ack at once, answer ephemerally with a Share button."""

from __future__ import annotations

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext

from bot.slack.replies import SlackReplies
from bot.slack.responder import Responder


async def handle_mesh_command(ack: AsyncAck, command: dict, context: AsyncBoltContext) -> None:
    await ack()
    replies: SlackReplies = context["replies"]
    responder: Responder = context["responder"]
    message = replies.for_text(command.get("text", ""), "command", share=True)
    await responder.send(command["response_url"], response_type="ephemeral", **message)


def register(app: AsyncApp) -> None:
    app.command("/mesh")(handle_mesh_command)
