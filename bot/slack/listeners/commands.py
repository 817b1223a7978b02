"""`/mesh …`: ack at once, answer ephemerally with a Share button."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncApp

from bot.slack.answers import SlackAnswers

log = logging.getLogger(__name__)


async def handle_mesh_command(ack, command: dict, respond, context) -> None:
    await ack()
    answers: SlackAnswers = context["answers"]
    message = answers.for_text(command.get("text", ""), "command", share=True)
    response = await respond(response_type="ephemeral", **message)
    if response.status_code >= 400:
        log.error("response_url answered %s for /mesh", response.status_code)


def register(app: AsyncApp) -> None:
    app.command("/mesh")(handle_mesh_command)
