"""The assistant side panel (Slack's "Agents & AI Apps"), through Bolt's AsyncAssistant.

A new thread gets a short greeting and suggested prompts; each message gets a
status while it is answered, a thread title, and the same engine's answer as
every other surface. Workspaces without the panel (it needs a paid plan) keep
mentions, DMs and `/mesh`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import (
    AsyncApp,
    AsyncAssistant,
    AsyncBoltContext,
    AsyncBoltRequest,
    AsyncSay,
    AsyncSetStatus,
    AsyncSetSuggestedPrompts,
    AsyncSetTitle,
)
from slack_bolt.request.payload_utils import is_event
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.render.limits import fit
from bot.slack.replies import SlackReplies, plain_message
from bot.slack.thread import thread_question

GREETING = (
    "Hi! I answer service-mesh questions from a sourced knowledge base: which mesh, "
    "whether you need one at all, and what it costs. Pick a prompt or ask in your own words."
)
PROMPTS = [
    "Compare Istio and Linkerd",
    "Do we need a mesh?",
    "Sidecar cost at 1,000 pods",
    "Which meshes are retired?",
]
STATUS = "checking the knowledge base…"
TITLE_LENGTH = 60


async def start_thread(say: AsyncSay, set_suggested_prompts: AsyncSetSuggestedPrompts) -> None:
    await say(**plain_message(GREETING))
    await set_suggested_prompts(prompts=PROMPTS, title="Try one of these")


async def answer_message(
    payload: dict[str, Any],
    say: AsyncSay,
    set_status: AsyncSetStatus,
    set_title: AsyncSetTitle,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """Answer a message in the panel's thread, read against the question the bot last
    answered there (as a mention in a thread is): "why not linkerd?" after a pick."""
    replies: SlackReplies = context["replies"]
    text = payload.get("text", "")
    await set_status(status=STATUS)
    await set_title(title=fit(text.strip() or "Mesh question", TITLE_LENGTH))
    thread_ts, asked = payload.get("thread_ts"), None
    if thread_ts and payload.get("channel") and replies.advisor.engine is not None:
        asked = await thread_question(client, payload["channel"], thread_ts, context.bot_user_id)
    await say(**replies.for_mention(text, asked, surface="assistant"))


class _PanelAssistant(AsyncAssistant):
    """Bolt's AsyncAssistant, passing straight on what is no event: every payload it
    handles is an Events API event, and trying its listeners' matchers on each command
    and click cost every request its keyword injection four times over."""

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        if not is_event(req.body):
            await next()
            return None
        return await super().async_process(req=req, resp=resp, next=next)


def register(app: AsyncApp) -> None:
    assistant = _PanelAssistant()
    assistant.thread_started(start_thread)
    assistant.user_message(answer_message)
    app.assistant(assistant)
