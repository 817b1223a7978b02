"""Rendered Slack messages, memoised per intent for one knowledge base.

Answers are pure functions of (intent, knowledge base), and the same few
questions are asked over and over ("compare istio linkerd"), so a rendered
message is built once and reused. The user's own words are in no cached
message: intents that echo them (unknown, too long) are always rendered fresh.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from bot.answers.engine import AnswerEngine
from bot.intents.models import Intent, IntentKind
from bot.render.blocks import QUOTES_USER, build_message


class RenderedAnswers:
    def __init__(self, engine: AnswerEngine, size: int = 1024) -> None:
        self.engine = engine
        self.size = size
        self._cache: OrderedDict[tuple[str, bool], tuple[IntentKind, dict[str, Any]]] = (
            OrderedDict()
        )

    def message(self, intent: Intent, share: bool = False) -> tuple[IntentKind, dict[str, Any]]:
        """The answer's kind and its Slack message (a fresh top-level dict each call)."""
        if intent.kind in QUOTES_USER or intent.quotes_user:
            answer = self.engine.answer(intent)
            return answer.kind, build_message(answer, share)
        key = (intent.to_value(), share)
        hit = self._cache.get(key)
        if hit is None:
            answer = self.engine.answer(intent)
            hit = (answer.kind, build_message(answer, share))
            self._cache[key] = hit
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        kind, message = hit
        return kind, dict(message)
