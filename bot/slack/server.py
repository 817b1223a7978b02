"""HTTP mode: one aiohttp application serving Slack and the operational endpoints.

POST /slack/events  commands, events and interactivity (signed by Slack)
GET  /healthz       the process is alive
GET  /readyz        settings are valid and a knowledge base is loaded
GET  /metrics       Prometheus text
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client.aiohttp import make_aiohttp_handler
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp

from bot.advisor import Advisor
from bot.slack.logs import new_request_id
from bot.slack.metrics import Metrics
from bot.slack.settings import MAX_BODY_BYTES
from bot.store.runtime import store_status
from bot.web.routes import add_web_routes

SLACK_PATH = "/slack/events"


def build_web_app(
    advisor: Advisor,
    metrics: Metrics,
    bolt: AsyncApp | None,
    config_error: str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> web.Application:
    """The aiohttp app; with `bolt` None (bad settings) it stays up but not ready."""
    log = logging.getLogger("bot.http")

    async def slack_events(request: web.Request) -> web.Response:
        rid = new_request_id()
        if bolt is None or not advisor.ready:
            metrics.rejected.labels("not_ready").inc()
            return web.json_response({"error": "not ready", "request_id": rid}, status=503)
        if request.content_length and request.content_length > max_body_bytes:
            metrics.rejected.labels("too_large").inc()
            return web.json_response({"error": "body too large"}, status=413)
        try:
            bolt_request = await to_bolt_request(request)
        except web.HTTPRequestEntityTooLarge:
            metrics.rejected.labels("too_large").inc()
            return web.json_response({"error": "body too large"}, status=413)
        with metrics.http_latency.time():
            bolt_response = await bolt.async_dispatch(bolt_request)
        if bolt_response.status == 401:
            metrics.rejected.labels("bad_signature").inc()
            log.warning("rejected a request with a missing, invalid or stale signature")
        return await to_aiohttp_response(bolt_response)

    app = web.Application(client_max_size=max_body_bytes)
    app.router.add_post(SLACK_PATH, slack_events)

    async def ready() -> bool:
        return bolt is not None and advisor.ready

    add_ops_routes(app, advisor, metrics, ready, config_error)
    add_web_routes(app, advisor)
    return app


def add_ops_routes(
    app: web.Application,
    advisor: Advisor,
    metrics: Metrics,
    is_ready: Callable[[], Awaitable[bool]],
    config_error: str | None = None,
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
        }
        return web.json_response(body, status=200 if ready else 503)

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", make_aiohttp_handler(metrics.registry))
