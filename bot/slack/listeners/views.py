"""Feedback: a 👍 is recorded; a 👎 opens a small modal asking what went wrong.

What was answered rides in the button's value and then in the modal's
private_metadata, so any replica can serve the click and the submission.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.feedback import FEEDBACK_ACTION, FEEDBACK_MODAL, Answered, feedback_modal, submitted
from bot.slack.replies import plain_message
from bot.store.records import Vote
from bot.store.store import Store

log = logging.getLogger(__name__)
THANKS = "Thanks for the feedback: it helps keep the answers right."


def _vote(answered: Answered, user: str, team: str | None, **extra: Any) -> Vote:
    if answered.vote_id:
        extra["id"] = answered.vote_id
    return Vote(
        vote=answered.vote or "down",
        intent=answered.intent,
        meshes=answered.meshes,
        features=answered.features,
        knowledge_version=answered.knowledge,
        user=user,
        team=team,
        **extra,
    )


async def handle_feedback(
    ack: AsyncAck, body: dict, action: dict, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    await ack()
    answered = Answered.decode(action.get("value", ""))
    user = body["user"]["id"]
    if answered is None:
        log.warning("unreadable feedback value (%d chars); ignored", len(action.get("value", "")))
        return
    store: Store | None = context.get("store")
    vote = _vote(answered, user, context.team_id)
    if answered.vote == "down":
        remembered = answered.model_copy(update={"vote_id": vote.id})
        await client.views_open(trigger_id=body["trigger_id"], view=feedback_modal(remembered))
    else:
        channel = (body.get("channel") or {}).get("id")
        if channel:
            try:
                await client.chat_postEphemeral(channel=channel, user=user, **plain_message(THANKS))
            except SlackApiError as exc:  # a thank-you is not worth an error message
                log.warning("could not thank for feedback: %s", exc.response.get("error"))
    if store is not None:
        store.spawn(store.add_vote(vote))


async def handle_feedback_modal(body: dict, view: dict, context: AsyncBoltContext) -> None:
    """Record the 👎's reason; the submission was acked before this runs (app.ack_first),
    so a failure here cannot keep the modal open."""
    answered = Answered.decode(view.get("private_metadata", ""))
    if answered is None:
        log.warning("feedback modal with unreadable private_metadata; ignored")
        return
    reason, comment = submitted(view)
    store: Store | None = context.get("store")
    if store is not None:
        vote = _vote(answered, body["user"]["id"], context.team_id, reason=reason, comment=comment)
        store.spawn(store.explain_vote(vote))


def register(app: AsyncApp) -> None:
    app.action(FEEDBACK_ACTION)(handle_feedback)
    app.view(FEEDBACK_MODAL)(handle_feedback_modal)
