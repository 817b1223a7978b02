"""The Bolt app factory shared by HTTP and Socket Mode."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiohttp import ClientOSError, ServerDisconnectedError
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.advisor import Advisor
from bot.slack.failures import AUTH_UNAVAILABLE, describe, tell_user
from bot.slack.learning import Learning
from bot.slack.listeners import register_listeners
from bot.slack.metrics import Metrics
from bot.slack.middleware import Guards, build_middleware
from bot.slack.replies import SlackReplies
from bot.slack.responder import Responder
from bot.slack.settings import Settings
from bot.store.store import Store

log = logging.getLogger(__name__)
MAX_RETRIES = 2
CONNECTIONS_TO_SLACK = 100


def retry_handlers() -> list[AsyncRetryHandler]:
    """429 (after Retry-After), 500 and 503, and connections refused or reset.

    Timeouts are not retried: Slack may have posted the message already, and a retry
    would post it twice.
    """
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES),
        AsyncServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
        AsyncConnectionErrorRetryHandler(
            max_retry_count=MAX_RETRIES, error_types=[ServerDisconnectedError, ClientOSError]
        ),
    ]


def build_session(settings: Settings, metrics: Metrics) -> aiohttp.ClientSession:
    """The one HTTP session for every call to Slack: MESHBOT_SLACK_TIMEOUT bounds each
    call (waiting for a connection included), and the calls in flight are counted."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=settings.slack_timeout),
        connector=aiohttp.TCPConnector(limit=CONNECTIONS_TO_SLACK),
        trace_configs=[metrics.slack_calls.trace_config()],
    )


def build_client(settings: Settings, session: aiohttp.ClientSession) -> AsyncWebClient:
    """A Web API client on the shared session, with slack_sdk's bounded retries."""
    client = AsyncWebClient(
        token=settings.bot_token.get_secret_value(),
        base_url=settings.api_url,
        timeout=settings.slack_timeout,
        session=session,
    )
    client.retry_handlers.extend(retry_handlers())
    return client


async def ack_first(ack: AsyncAck, next: Callable[[], Awaitable[BoltResponse]]) -> None:
    """Ack every request before any listener runs, modal submissions included: Bolt
    loses an ack when a listener fails within about 10 ms of calling ack() (it resets the
    ack while still polling for it). So no listener answers in its ack: a modal closes on
    this empty ack, and a listener's own ack() changes nothing."""
    await ack()
    await next()


def build_app(
    settings: Settings,
    advisor: Advisor,
    metrics: Metrics,
    session: aiohttp.ClientSession,
    store: Store | None = None,
) -> AsyncApp:
    """The Bolt app; `session` is shared by every outgoing call (close it at shutdown).
    Without a `store`, feedback is not kept and dedupe is per process."""
    secret = settings.signing_secret.get_secret_value() if settings.signing_secret else None
    app = AsyncApp(
        client=build_client(settings, session),
        signing_secret=secret,
        request_verification_enabled=secret is not None,
        process_before_response=False,
        # Bolt's default tells the user to reinstall the app when auth.test fails once.
        user_facing_authorize_error_message=AUTH_UNAVAILABLE,
    )
    public_url = str(settings.public_url) if settings.public_url else None
    replies = SlackReplies(advisor, metrics, public_url, Learning(store))
    responder = Responder(session, retry_handlers())

    async def provide_services(
        context: AsyncBoltContext, next: Callable[[], Awaitable[BoltResponse]]
    ) -> None:
        context["replies"] = replies
        context["responder"] = responder
        await next()

    app.middleware(build_middleware(metrics, Guards(settings.rate_limit_per_minute, store), store))
    app.middleware(ack_first)
    app.middleware(provide_services)
    register_listeners(app)

    @app.error
    async def on_error(
        error: Exception, body: Any, response: BoltResponse | None, client: AsyncWebClient
    ) -> BoltResponse | None:
        """Count, log one line, and tell the user what happened (never a traceback)."""
        body = body if isinstance(body, dict) else {}
        metrics.errors.labels(body.get("type", "unknown")).inc()
        log.error("listener failed: %s: %s", type(error).__name__, str(error)[:300])
        if response is not None and "command" in body:  # not acked yet: answer in the ack
            return BoltResponse(
                status=200, body={"response_type": "ephemeral", "text": describe(error)}
            )
        await tell_user(body, error, client, responder)
        return BoltResponse(status=200, body="") if response is not None else None

    return app
