"""Slack replies: text or a button's value in, a message dict out.

Rendered messages are memoised per knowledge version (answers are pure functions
of intent and knowledge, and the same few questions come again and again). Counts
and times every answer, and turns any failure into a short apology with a request
id instead of silence.
"""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.advisor import Advisor
from bot.answers.answered import may_answer
from bot.answers.decision import cost_for_decision
from bot.answers.engine import AnswerEngine
from bot.answers.thread import follow_up
from bot.intents.models import Intent, IntentKind
from bot.render.adr import render_adr
from bot.render.blocks import build_message, build_view_message
from bot.render.button_values import View, decode, encode
from bot.render.mrkdwn import escape
from bot.slack.learning import Learning
from bot.slack.logs import request_id
from bot.slack.metrics import Metrics
from bot.slack.thread import metadata
from bot.web.links import link_label, page_url

log = logging.getLogger(__name__)
_LEADING_MENTION = re.compile(r"^\s*(<@[A-Z0-9]+(?:\|[^>]*)?>[\s:,]*)+")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


# Rendered messages kept: repeated questions are a few hundred texts, and each message
# (~12 KB of dicts) is kept for good; 1,024 of them held ~14 MB after a load of new texts.
CACHE_SIZE = 256
DECISION_RECORD_FILE = "mesh-decision-record.md"


@dataclass(frozen=True)
class DecisionRecord:
    title: str
    content: str
    filename: str = DECISION_RECORD_FILE


def quotes_user(intent: Intent) -> bool:
    """Whether the answer repeats the user's words: never cached, and not shareable (a
    button cannot carry the words to re-render them)."""
    return intent.quotes_user


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    """Drop the bot's own mention(s) at the start of a mention's text."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return _LEADING_MENTION.sub("", text).strip()


def slack_unescape(text: str) -> str:
    """The user's words as typed: Slack escapes `&`, `<` and `>`, and the renderer escapes
    them again, so they must reach the answer unescaped to be shown once-escaped."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def user_mention(user_id: str) -> str:
    """`<@U123>` for a real Slack user id, else a neutral word."""
    return f"<@{user_id}>" if _USER_ID.match(user_id or "") else "someone"


def plain_message(text: str) -> dict[str, Any]:
    """A one-section message for apologies and status notes."""
    return {
        "text": escape(text),
        "blocks": [SectionBlock(text=MarkdownTextObject(text=escape(text))).to_dict()],
    }


class MessageCache:
    """Rendered messages of one engine, least recently used out first."""

    def __init__(
        self, engine: AnswerEngine, public_url: str | None = None, size: int = CACHE_SIZE
    ) -> None:
        self.engine = engine
        self.public_url = public_url
        self.size = size
        self._cache: OrderedDict[tuple[str, bool], tuple[IntentKind, dict[str, Any]]] = (
            OrderedDict()
        )

    def message(self, intent: Intent, view: View, share: bool) -> tuple[IntentKind, dict[str, Any]]:
        """The answer's kind and the message for this view (a fresh top-level dict)."""
        if quotes_user(intent):
            return self._render(intent, view, share=False)
        key = (encode(intent, view), share)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._cache[key] = self._render(intent, view, share)
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        kind, message = hit
        return kind, dict(message)

    def _render(self, intent: Intent, view: View, share: bool) -> tuple[IntentKind, dict[str, Any]]:
        answer = self.engine.answer(intent)
        if view.section:
            return answer.kind, build_view_message(answer, view)
        page = (link_label(answer), page_url(self.public_url, answer)) if self.public_url else None
        return answer.kind, build_message(answer, share, page)


class SlackReplies:
    def __init__(
        self,
        advisor: Advisor,
        metrics: Metrics,
        public_url: str | None = None,
        learning: Learning | None = None,
    ) -> None:
        self.advisor = advisor
        self.metrics = metrics
        self.public_url = public_url
        self.learning = learning or Learning(None)
        self._cache: MessageCache | None = None

    def for_text(self, text: str, surface: str, share: bool = False) -> dict[str, Any]:
        """Answer a message's text as Slack sends it (with `&`, `<`, `>` escaped)."""
        engine = self.advisor.engine
        if engine is None:
            return self._not_ready(surface)
        said = slack_unescape(text)
        return self._answer(lambda: (engine.parser.parse(said), View()), surface, share)

    def goes_on(self, text: str) -> bool:
        """Whether a message asked outside any thread goes on from an earlier question
        ("what about 500 pods?", "does it do mTLS too?") or may answer the question it asked
        next ("nope", "from our cloud provider"): then its context is worth looking up
        (False while the engine is not ready)."""
        engine = self.advisor.engine
        if engine is None:
            return False
        said = slack_unescape(text)
        return engine.parser.parse(said).no_thread or may_answer(engine.kb, said)

    def for_mention(
        self, text: str, thread: Intent | None = None, surface: str = "mention"
    ) -> dict[str, Any]:
        """A mention's answer (or a message's in the assistant panel's thread), read against
        the thread's question when there is one; the reply carries its own question as
        metadata for the next follow-up."""
        engine = self.advisor.engine
        if engine is None:
            return self._not_ready(surface)
        asked: list[Intent] = []
        said = slack_unescape(text)

        def read() -> tuple[Intent, View]:
            parser = engine.parser
            intent = follow_up(engine.kb, parser, said, thread) if thread else parser.parse(said)
            asked.append(intent)
            return intent, View()

        message = self._answer(read, surface, False)
        if asked:
            message["metadata"] = metadata(asked[0])
        return message

    def for_value(
        self, value: str, surface: str, share: bool = False, in_thread: bool = False
    ) -> dict[str, Any]:
        """Continue from a button's value; a tampered or stale value gets the help card. An
        answer posted in a thread carries its question as metadata, as a mention's does: a
        reply after the click goes on from the answer chosen ("None of these", then "what
        if we also need jwt?")."""
        if self.advisor.engine is None:
            return self._not_ready(surface)
        asked: list[Intent] = []

        def read() -> tuple[Intent, View]:
            intent, view = decode(value)
            asked.append(intent)
            return intent, view

        message = self._answer(read, surface, share)
        if in_thread and asked:
            message["metadata"] = metadata(asked[0])
        return message

    def _messages(self) -> MessageCache:
        engine = self.advisor.engine
        assert engine is not None
        if self._cache is None or self._cache.engine is not engine:
            self._cache = MessageCache(engine, self.public_url)
        return self._cache

    def _answer(
        self, read: Callable[[], tuple[Intent, View]], surface: str, share: bool
    ) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            intent, view = read()
            kind, message = self._messages().message(intent, view, share)
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

    def decision_record(self, value: str) -> DecisionRecord | None:
        """The Markdown decision record for a button's answer (None while not ready)."""
        engine = self.advisor.engine
        if engine is None:
            return None
        intent, _ = decode(value)
        answer = engine.answer(intent)
        text = render_adr(answer, cost_for_decision(engine, answer))
        return DecisionRecord(title=f"Decision record: {answer.title}", content=text)

    def _not_ready(self, surface: str) -> dict[str, Any]:
        self.metrics.errors.labels(surface).inc()
        return plain_message(
            "Mesh Advisor is starting up or its knowledge base failed to load; "
            "please try again in a minute."
        )
