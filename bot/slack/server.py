"""HTTP mode: one aiohttp application serving Slack and the operational endpoints.

POST /slack/events  commands, events and interactivity (signed by Slack)
GET  /healthz       the process is alive
GET  /readyz        settings are valid, a knowledge base is loaded, the watcher's state
GET  /metrics       Prometheus text
GET  /…            the web pages (bot/web/routes.py)

A request is refused before Bolt sees it when it is not signed (401), not readable
(400, see inbound.py), too large (413), too slow to arrive (408), or when Slack is
so slow that the calls to it in flight reached MESHBOT_MAX_IN_FLIGHT (a slash command
is told to try again; anything else gets 503, and Slack redelivers events later).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from prometheus_client.aiohttp import make_aiohttp_handler
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.advisor import Advisor
from bot.repeated_warnings import RepeatedWarnings
from bot.slack.failures import SLOW
from bot.slack.inbound import Inbound, Rejected, check_signature, read_body
from bot.slack.logs import new_request_id
from bot.slack.metrics import Metrics
from bot.slack.settings import MAX_BODY_BYTES, Settings
from bot.store.runtime import store_status
from bot.web.routes import add_web_routes

SLACK_PATH = "/slack/events"
RETRY_AFTER_SECONDS = 60
LINGER_SECONDS = 2  # reading the rest of a refused body, so the client sees the answer
log = logging.getLogger("bot.http")


def build_web_app(
    advisor: Advisor,
    metrics: Metrics,
    bolt: AsyncApp | None,
    settings: Settings | None,
    config_error: str | None = None,
    watcher: Any = None,
) -> web.Application:
    """The aiohttp app; with `bolt` None (bad settings) it stays up but not ready."""
    max_body = settings.max_body_bytes if settings else MAX_BODY_BYTES
    secret = settings.signing_secret if settings else None
    secret_bytes = secret.get_secret_value().encode() if secret else None
    repeated = RepeatedWarnings(log)

    async def slack_events(request: web.Request) -> web.Response:
        rid = new_request_id()
        if bolt is None or settings is None or not advisor.ready:
            metrics.rejected.labels("not_ready").inc()
            return web.json_response({"error": "not ready", "request_id": rid}, status=503)
        try:
            inbound = await _read(request, secret_bytes, max_body, settings.http_body_timeout)
        except Rejected as refused:
            metrics.rejected.labels(refused.reason).inc()
            repeated.warn(
                f"rejected: {refused.reason}",
                "rejected a request (%s): %s",
                refused.status,
                refused.detail,
            )
            response = web.json_response(
                {"error": refused.detail, "request_id": rid}, status=refused.status
            )
            if refused.status == 408:  # the client stalls: do not wait for the rest
                response.force_close()
            return response
        if metrics.slack_calls.in_flight >= settings.max_in_flight:
            metrics.rejected.labels("slack_slow").inc()
            repeated.warn(
                "slack_slow",
                "Slack is slow: %d calls in flight; refused new work",
                settings.max_in_flight,
            )
            if inbound.is_command:
                return web.json_response({"response_type": "ephemeral", "text": SLOW})
            return web.json_response(
                {"error": "busy", "request_id": rid},
                status=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        with metrics.http_latency.time():
            bolt_request = with_body(await to_bolt_request(request), inbound.body)
            bolt_response = await bolt.async_dispatch(bolt_request)
        if bolt_response.status == 401:
            metrics.rejected.labels("bad_signature").inc()
            repeated.warn(
                "rejected: bad_signature",
                "rejected a request with a missing, invalid or stale signature",
            )
        return await to_aiohttp_response(bolt_response)

    app = web.Application(client_max_size=max_body)
    app.router.add_post(SLACK_PATH, slack_events)

    async def ready() -> bool:
        return bolt is not None and advisor.ready

    add_ops_routes(app, advisor, metrics, ready, config_error, watcher)
    add_web_routes(app, advisor)
    return app


def with_body(request: AsyncBoltRequest, body: dict[str, Any]) -> AsyncBoltRequest:
    """Bolt's request carrying the body as `inbound` read it.

    Bolt takes any form body that contains the word "payload" anywhere for an
    interactivity payload, so `/mesh what is the payload overhead` would reach no
    listener and get no answer. `inbound` tells a real `payload` field from the word.
    """
    if request.body or not body:
        return request
    request.body = body
    request.context = build_async_context(AsyncBoltContext({}), body)
    return request


async def _read(
    request: web.Request, secret: bytes | None, max_body: int, timeout: float
) -> Inbound:
    """The signed, readable body of a request, or Rejected."""
    if request.content_length and request.content_length > max_body:
        raise Rejected(413, "too_large", "body too large")
    try:
        async with asyncio.timeout(timeout):
            raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise Rejected(413, "too_large", "body too large") from None
    except TimeoutError:
        raise Rejected(408, "slow_body", f"body not received within {timeout} s") from None
    if secret:
        check_signature(secret, raw, request.headers)
    return read_body(raw, request.content_type)


def add_ops_routes(
    app: web.Application,
    advisor: Advisor,
    metrics: Metrics,
    is_ready: Callable[[], Awaitable[bool]],
    config_error: str | None = None,
    watcher: Any = None,
) -> None:
    """/healthz, /readyz and /metrics: shared by HTTP mode and Socket Mode."""

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(request: web.Request) -> web.Response:
        ready = await is_ready()
        body = {
            "ready": ready,
            "knowledge_version": advisor.version,
            "last_reload_error": advisor.last_error,
            "config_error": config_error,
            "store": store_status(request.app),
            "knowledge_watcher": watcher.state() if watcher else None,
        }
        return web.json_response(body, status=200 if ready else 503)

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", make_aiohttp_handler(metrics.registry))


class _Refuse(asyncio.Protocol):
    """Answers a connection over the limit with 503 and closes it."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        transport.write(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        transport.close()


class LimitedSite(web.BaseSite):
    """A TCP site that refuses connections past `max_connections` (aiohttp has no limit)."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int, max_connections: int) -> None:
        super().__init__(runner)
        self.host, self.port, self.max_connections = host, port, max_connections

    @property
    def name(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        await super().start()
        server = self._runner.server
        assert server is not None

        def connection() -> asyncio.Protocol:
            return _Refuse() if len(server.connections) >= self.max_connections else server()

        self._server = await asyncio.get_running_loop().create_server(
            connection, self.host, self.port, backlog=self._backlog
        )


async def start_server(
    app: web.Application, host: str, port: int, settings: Settings | None, shutdown_timeout: float
) -> tuple[web.AppRunner, LimitedSite]:
    """Serve `app` with a connection limit, and an idle timeout that also closes
    connections that never finish sending their headers."""
    settings = settings or Settings.model_construct()
    runner = web.AppRunner(
        app,
        access_log=None,
        keepalive_timeout=settings.http_idle_timeout,
        lingering_time=LINGER_SECONDS,
        shutdown_timeout=shutdown_timeout,
    )
    await runner.setup()
    site = LimitedSite(runner, host, port, settings.max_connections)
    await site.start()
    return runner, site


def close_idle_connections(runner: web.AppRunner) -> None:
    """Let shutdown skip the grace period for idle keep-alive connections: each closes now,
    or when the request it is serving is answered."""
    if runner.server:
        for connection in runner.server.connections:
            connection.close()
