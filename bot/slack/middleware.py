"""Global middleware: Events API de-duplication and a per-user rate limit."""

from __future__ import annotations

import itertools
import logging
import time
from collections import deque
from typing import Any

from slack_bolt.response import BoltResponse

from bot.slack.metrics import Metrics

log = logging.getLogger(__name__)


class SeenEvents:
    """A bounded TTL set of event ids (per replica; see docs/reliability.md).

    Slack retries a delivery it saw no ack for after about 0, 1 and 5 minutes, so
    ids are kept for 6 minutes, and at most `max_size` of them.
    """

    def __init__(self, ttl_seconds: float = 360, max_size: int = 20_000) -> None:
        self.ttl = ttl_seconds
        self.max_size = max_size
        self._seen: dict[str, float] = {}  # insertion-ordered: oldest first

    def first_time(self, event_id: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        for oldest, seen_at in list(itertools.islice(self._seen.items(), 64)):
            if seen_at >= now - self.ttl and len(self._seen) < self.max_size:
                break
            del self._seen[oldest]
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        return True


class RateLimiter:
    """Sliding one-minute window per user; a limited user is told at most once a minute."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._hits: dict[str, deque[float]] = {}
        self._told: dict[str, float] = {}

    def should_tell(self, user: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        if self._told.get(user, -60.0) > now - 60:
            return False
        self._told[user] = now
        return True

    def allow(self, user: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        hits = self._hits.setdefault(user, deque())
        while hits and hits[0] <= now - 60:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return False
        hits.append(now)
        if len(self._hits) > 10_000:
            self._hits = {u: h for u, h in self._hits.items() if h and h[-1] > now - 60}
            self._told = {u: t for u, t in self._told.items() if t > now - 60}
        return True


SLOW_DOWN = (
    "You're asking faster than I can keep up (limit {n} a minute). "
    "Please wait a moment and try again."
)


def _user_of(body: dict[str, Any]) -> str | None:
    if "user_id" in body:  # slash command
        return body["user_id"]
    if isinstance(body.get("user"), dict):  # interactivity
        return body["user"].get("id")
    event = body.get("event") or {}
    if event.get("type") in ("app_mention", "message") and not event.get("bot_id"):
        return event.get("user")
    return None


def build_middleware(metrics: Metrics, seen: SeenEvents, limiter: RateLimiter):
    async def dedupe_and_limit(body: dict[str, Any], next, client) -> BoltResponse | None:
        event_id = body.get("event_id")
        if body.get("type") == "event_callback" and event_id and not seen.first_time(event_id):
            metrics.rejected.labels("duplicate_event").inc()
            log.info("event %s delivered again; already handled", event_id)
            return BoltResponse(status=200, body="")
        user = _user_of(body)
        if user and not limiter.allow(user):
            metrics.rejected.labels("rate_limited").inc()
            text = SLOW_DOWN.format(n=limiter.per_minute)
            if "command" in body:
                return BoltResponse(status=200, body={"response_type": "ephemeral", "text": text})
            channel = (body.get("event") or {}).get("channel") or (body.get("channel") or {}).get(
                "id"
            )
            if channel and limiter.should_tell(user):
                await client.chat_postEphemeral(channel=channel, user=user, text=text)
            return BoltResponse(status=200, body="")
        return await next()

    return dedupe_and_limit
