"""The Slack side of answering: text or a button's intent in, a message dict out.

Counts and times every answer, and turns any failure into a short apology
with a request id instead of silence.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.advisor import Advisor
from bot.intents.models import Intent, IntentKind
from bot.render.mrkdwn import escape
from bot.slack.learning import Learning
from bot.slack.logs import request_id
from bot.slack.metrics import Metrics

log = logging.getLogger(__name__)
_LEADING_MENTION = re.compile(r"^\s*(<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*)+")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    """Drop the bot's own mention(s) at the start of a mention's text."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return _LEADING_MENTION.sub("", text).strip()


def user_mention(user_id: str) -> str:
    """`<@U123>` for a real Slack user id, else a neutral word."""
    return f"<@{user_id}>" if _USER_ID.match(user_id or "") else "someone"


def plain_message(text: str) -> dict[str, Any]:
    """A one-section message for apologies and status notes."""
    return {
        "text": escape(text),
        "blocks": [SectionBlock(text=MarkdownTextObject(text=escape(text))).to_dict()],
    }


class SlackAnswers:
    def __init__(
        self, advisor: Advisor, metrics: Metrics, learning: Learning | None = None
    ) -> None:
        self.advisor = advisor
        self.metrics = metrics
        self.learning = learning or Learning(None)

    def for_text(self, text: str, surface: str, share: bool = False) -> dict[str, Any]:
        engine = self.advisor.engine
        if engine is None:
            return self._not_ready(surface)
        return self._answer(lambda: engine.parser.parse(text), surface, share)

    def for_value(self, value: str, surface: str, share: bool = False) -> dict[str, Any]:
        """Continue from a button's value; a tampered or stale value gets the help card."""
        if self.advisor.engine is None:
            return self._not_ready(surface)
        try:
            intent = Intent.from_value(value)
        except ValidationError:
            log.warning("unreadable action value (%d chars); showing help", len(value))
            intent = Intent(kind=IntentKind.help)
        return self._answer(lambda: intent, surface, share)

    def _answer(
        self, get_intent: Callable[[], Intent], surface: str, share: bool
    ) -> dict[str, Any]:
        rendered = self.advisor.rendered
        started = time.perf_counter()
        try:
            intent = get_intent()
            kind, message = rendered.message(intent, share)
        except Exception:
            self.metrics.errors.labels(surface).inc()
            log.exception("answering failed on %s", surface)
            return plain_message(
                f"Sorry, something went wrong answering that. "
                f"Please try again (request id {request_id.get()})."
            )
        self.metrics.latency.labels(surface).observe(time.perf_counter() - started)
        self.metrics.requests.labels(surface, kind.value).inc()
        return self.learning.answered(intent, kind, message, self.advisor.version)

    def _not_ready(self, surface: str) -> dict[str, Any]:
        self.metrics.errors.labels(surface).inc()
        return plain_message(
            "Mesh Advisor is starting up or its knowledge base failed to load; "
            "please try again in a minute."
        )
