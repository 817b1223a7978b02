"""Mentions (answered in a thread), direct messages, and the App Home tab.

A follow-up goes on from the question before it wherever the bot can find that question in
Slack: a mention inside a thread from the thread's latest answer, a DM at the top of the
conversation that goes on from something ("what about 500 pods?") from the DM's latest
answer (a reply inside a DM's thread is the assistant's: bot/slack/listeners/assistant.py).
Each answer carries its question as message metadata for the next one."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncSay
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers.guide import starters
from bot.render.home import build_home_view
from bot.slack.learning import with_admin_report
from bot.slack.replies import SlackReplies, strip_bot_mention
from bot.slack.thread import latest_question, thread_question, without_markup


def is_from_a_person(event: dict) -> bool:
    """Not a bot (another app, or this one), and not an edit, join or other subtype."""
    return "subtype" not in event and "bot_id" not in event and bool(event.get("user"))


async def handle_app_mention(
    event: dict, say: AsyncSay, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    if not is_from_a_person(event) or event.get("user") == context.bot_user_id:
        return
    replies: SlackReplies = context["replies"]
    text = without_markup(strip_bot_mention(event.get("text", ""), context.bot_user_id))
    thread_ts = event.get("thread_ts")
    asked = None
    if thread_ts and replies.advisor.engine is not None:
        asked = await thread_question(client, event["channel"], thread_ts, context.bot_user_id)
    message = replies.for_mention(text, asked)
    await say(channel=event["channel"], thread_ts=thread_ts or event["ts"], **message)


def is_user_dm(event: dict) -> bool:
    """A person's own new message in a DM: no edits, joins, bots or the bot itself."""
    return event.get("channel_type") == "im" and is_from_a_person(event)


async def handle_direct_message(
    event: dict, say: AsyncSay, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    if not is_user_dm(event) or event.get("user") == context.bot_user_id:
        return
    replies: SlackReplies = context["replies"]
    text = without_markup(strip_bot_mention(event.get("text", ""), context.bot_user_id))
    asked = None
    if replies.goes_on(text):
        asked = await latest_question(client, event["channel"], context.bot_user_id)
    await say(channel=event["channel"], **replies.for_mention(text, asked, surface="dm"))


async def handle_app_home_opened(
    event: dict, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    if event.get("tab", "home") != "home":
        return
    replies: SlackReplies = context["replies"]
    engine = replies.advisor.engine
    if engine is None:
        return
    replies.metrics.requests.labels("home", "home").inc()
    view = await with_admin_report(
        build_home_view(engine.kb, starters(engine.kb), replies.public_url),
        event["user"],
        client,
        context["store"],
    )
    await client.views_publish(user_id=event["user"], view=view)


def register(app: AsyncApp) -> None:
    app.event("app_mention")(handle_app_mention)
    app.event("message")(handle_direct_message)
    app.event("app_home_opened")(handle_app_home_opened)
