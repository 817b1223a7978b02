"""The Bolt app factory shared by HTTP and Socket Mode."""

from __future__ import annotations

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.advisor import Advisor
from bot.slack.learning import Learning
from bot.slack.listeners import register_listeners
from bot.slack.metrics import Metrics
from bot.slack.middleware import Guards, build_middleware
from bot.slack.replies import SlackReplies
from bot.slack.responder import Responder
from bot.slack.settings import Settings
from bot.store.store import Store

MAX_RETRIES = 2


def retry_handlers() -> list[AsyncRetryHandler]:
    return [
        AsyncRateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES),
        AsyncServerErrorRetryHandler(max_retry_count=MAX_RETRIES),
        AsyncConnectionErrorRetryHandler(max_retry_count=MAX_RETRIES),
    ]


def build_client(settings: Settings, session: aiohttp.ClientSession) -> AsyncWebClient:
    """A Web API client with slack_sdk's bounded retries for 429, 5xx and resets.

    Timeouts are not retried: Slack may have posted the message already, and a
    retry would post it twice.
    """
    client = AsyncWebClient(
        token=settings.bot_token.get_secret_value(),
        base_url=settings.api_url,
        timeout=settings.slack_timeout,
        session=session,
    )
    client.retry_handlers.extend(retry_handlers())
    return client


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
    )
    public_url = str(settings.public_url) if settings.public_url else None
    replies = SlackReplies(advisor, metrics, public_url, Learning(store))
    responder = Responder(session, retry_handlers(), settings.slack_timeout)

    async def provide_services(context, next) -> None:
        context["replies"] = replies
        context["responder"] = responder
        await next()

    app.middleware(build_middleware(metrics, Guards(settings.rate_limit_per_minute, store), store))
    app.middleware(provide_services)
    register_listeners(app)

    @app.error
    async def on_error(error: Exception, body: dict, logger) -> None:
        metrics.errors.labels(body.get("type", "unknown") if isinstance(body, dict) else "-").inc()
        logger.error("listener failed: %s: %s", type(error).__name__, error)

    return app
