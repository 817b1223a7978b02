"""Global middleware: Events API de-duplication, exact-replay protection (HTTP
signatures, Socket Mode payload hashes) and a per-user rate limit.

Each replica remembers what it served for Slack's retry window (bounded by
time); with a PostgreSQL store the replicas also share it, so a retry or a
replay that lands on another replica is answered once.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.repeated_warnings import RepeatedWarnings
from bot.slack.learning import requester
from bot.slack.metrics import Metrics
from bot.slack.replies import plain_message
from bot.store.store import Store

log = logging.getLogger(__name__)
RETRY_WINDOW_SECONDS = 360  # Slack retries after about 0, 1 and 5 minutes
REPLAY_WINDOW_SECONDS = 360  # Slack-signed timestamps older than 5 minutes are refused
MEMORY_CAP = 200_000  # a memory guard only: ids leave by age, not by count


class SeenEvents:
    """Keys seen in the last `ttl_seconds`, oldest first; O(1) per call (amortised).

    `max_size` only guards memory under a flood; below it, a key is forgotten by
    age alone, so a retry is recognised however many events came in between.
    """

    def __init__(
        self, ttl_seconds: float = RETRY_WINDOW_SECONDS, max_size: int = MEMORY_CAP
    ) -> None:
        self.ttl = ttl_seconds
        self.max_size = max_size
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        while self._seen:
            oldest, seen_at = next(iter(self._seen.items()))
            if seen_at > now - self.ttl and len(self._seen) < self.max_size:
                break
            del self._seen[oldest]
        if key in self._seen:
            return False
        self._seen[key] = now
        return True


@dataclass(slots=True)
class _Activity:
    hits: deque[float] = field(default_factory=deque)
    told_at: float = float("-inf")
    last: float = 0.0


class RateLimiter:
    """Sliding one-minute window per user; a limited user is told at most once a minute.

    O(1) per call: users are kept in order of last activity and idle ones leave
    from the front.
    """

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._users: OrderedDict[str, _Activity] = OrderedDict()

    def __len__(self) -> int:
        return len(self._users)

    def _activity(self, user: str, now: float) -> _Activity:
        while self._users:
            first = next(iter(self._users.values()))
            if first.last > now - 60:
                break
            self._users.popitem(last=False)
        activity = self._users.get(user)
        if activity is None:
            activity = self._users[user] = _Activity()
        else:
            self._users.move_to_end(user)
        activity.last = now
        return activity

    def allow(self, user: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        hits = self._activity(user, now).hits
        while hits and hits[0] <= now - 60:
            hits.popleft()
        if len(hits) >= self.per_minute:
            return False
        hits.append(now)
        return True

    def should_tell(self, user: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        activity = self._activity(user, now)
        if activity.told_at > now - 60:
            return False
        activity.told_at = now
        return True


class Guards:
    """Dedupe, replay and rate decisions: this replica's memory first, then the store's."""

    def __init__(self, per_minute: int, store: Store | None = None) -> None:
        self.seen = SeenEvents()
        self.limiter = RateLimiter(per_minute)
        self.store = store if store is not None and store.shared else None

    async def first(self, key: str, ttl: float) -> bool:
        if not self.seen.first_time(key):
            return False
        if self.store is None:
            return True
        return await self.store.claim(key, ttl) is not False

    async def allow(self, user: str) -> bool:
        if not self.limiter.allow(user):
            return False
        if self.store is None:
            return True
        window = int(time.time() // 60)
        who = hashlib.sha256(user.encode()).hexdigest()[:24]
        hits = await self.store.count(f"rate:{who}:{window}", 120)
        return hits is None or hits <= self.limiter.per_minute


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


def _header(req: AsyncBoltRequest | None, name: str) -> str | None:
    values = req.headers.get(name) if req is not None else None
    return values[0] if values else None


def _replay_key(req: AsyncBoltRequest | None, body: dict[str, Any]) -> str | None:
    """What tells this delivery apart from any other: over HTTP its signature (over the
    timestamp and the body); in Socket Mode, which signs nothing, a hash of the payload
    (every payload carries its own event id, trigger id or action time)."""
    signature = _header(req, "x-slack-signature")
    if signature:
        return f"sig:{signature}"
    if req is not None and req.mode == "socket_mode":
        payload = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        return f"payload:{hashlib.sha256(payload).hexdigest()}"
    return None


def build_middleware(
    metrics: Metrics, guards: Guards, store: Store | None = None
) -> Callable[..., Awaitable[BoltResponse]]:
    """The middleware; it also hands `store` (None without one) to the listeners and
    adds the store's health to the app's metrics."""
    if store is not None:
        store.health.register(metrics.registry)
    background: set[asyncio.Task] = set()
    repeated = RepeatedWarnings(log)

    def after_ack(coroutine: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.create_task(coroutine)
        background.add(task)
        task.add_done_callback(background.discard)

    async def dedupe_and_limit(
        req: AsyncBoltRequest,
        body: dict[str, Any],
        context: AsyncBoltContext,
        next: Callable[[], Awaitable[BoltResponse]],
        client: AsyncWebClient,
    ) -> BoltResponse:
        replay = _replay_key(req, body)
        if replay and not await guards.first(replay, REPLAY_WINDOW_SECONDS):
            metrics.rejected.labels("replayed").inc()
            repeated.warn(
                "replayed", "a request was replayed (%s); served once already", replay[:7]
            )
            return BoltResponse(status=200, body="")
        event_id = body.get("event_id")
        is_event = body.get("type") == "event_callback" and event_id
        if is_event and not await guards.first(f"event:{event_id}", RETRY_WINDOW_SECONDS):
            metrics.rejected.labels("duplicate_event").inc()
            log.info(
                "event %s delivered again (retry %s, %s); already handled",
                event_id,
                _header(req, "x-slack-retry-num") or "-",
                _header(req, "x-slack-retry-reason") or "no reason given",
            )
            return BoltResponse(status=200, body="")
        context["store"] = store
        user = _user_of(body)
        requester.set((user, context.team_id))
        if user and not await guards.allow(user):
            metrics.rejected.labels("rate_limited").inc()
            repeated.warn(
                "rate_limited",
                "a user is over the rate limit (%s a minute)",
                guards.limiter.per_minute,
            )
            text = SLOW_DOWN.format(n=guards.limiter.per_minute)
            if "command" in body:
                return BoltResponse(status=200, body={"response_type": "ephemeral", "text": text})
            channel = (body.get("event") or {}).get("channel") or (body.get("channel") or {}).get(
                "id"
            )
            if channel and guards.limiter.should_tell(user):
                after_ack(
                    client.chat_postEphemeral(channel=channel, user=user, **plain_message(text))
                )
            return BoltResponse(status=200, body="")
        return await next()

    return dedupe_and_limit
