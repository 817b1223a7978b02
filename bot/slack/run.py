"""Entry points: `meshbot serve` (HTTP) and `meshbot socket` (Socket Mode)."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
from pathlib import Path

from aiohttp import web

from bot.advisor import Advisor
from bot.slack import logs
from bot.slack.app import build_app, build_session
from bot.slack.metrics import Metrics
from bot.slack.server import (
    add_ops_routes,
    build_web_app,
    close_idle_connections,
    start_server,
)
from bot.slack.settings import Mode, Settings, SettingsError
from bot.slack.watcher import KnowledgeWatcher
from bot.store.runtime import STORE, close_store, open_store

log = logging.getLogger("bot.run")
SHUTDOWN_GRACE_SECONDS = 10


def _knowledge_dir(cli_dir: Path | None, settings: Settings | None) -> Path | None:
    return cli_dir or (settings.knowledge_dir if settings else None)


def _watcher(advisor: Advisor, watch: bool) -> KnowledgeWatcher | None:
    if not watch:
        return None
    from bot.knowledge.loader import default_knowledge_dir

    return KnowledgeWatcher(advisor, advisor.knowledge_dir or default_knowledge_dir())


def _freeze_start_up_objects() -> None:
    """Move what start-up built (modules, models, the knowledge base) out of the cyclic
    garbage collector's sight, so collections during requests stay short."""
    gc.collect()
    gc.freeze()


async def _drain(grace: float) -> None:
    """Let listener tasks that Bolt started after its ack finish (bounded)."""
    current = asyncio.current_task()
    pending = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
    if pending:
        await asyncio.wait(pending, timeout=grace)


def _read_settings(mode: Mode) -> tuple[Settings | None, str | None]:
    """The one read of the environment. Logging starts as text at INFO, so a bad setting
    can be reported, and then follows the settings."""
    logs.configure()
    try:
        settings = Settings.from_env(mode)
    except SettingsError as exc:
        log.error("configuration error: %s", exc)
        return None, str(exc)
    logs.configure(settings.log_format, settings.log_level)
    return settings, None


def _stop_event(advisor: Advisor) -> asyncio.Event:
    """Set on SIGTERM or SIGINT; SIGHUP reloads the knowledge base."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        loop.add_signal_handler(signal.SIGINT, stop.set)
        loop.add_signal_handler(signal.SIGHUP, advisor.reload)
    return stop


async def serve_async(host: str, port: int, cli_dir: Path | None, watch: bool) -> int:
    settings, config_error = _read_settings(Mode.http)
    advisor = Advisor(_knowledge_dir(cli_dir, settings))
    advisor.reload()
    _freeze_start_up_objects()
    metrics = Metrics()
    session = build_session(settings, metrics) if settings else None
    store = await open_store()
    bolt = build_app(settings, advisor, metrics, session, store) if settings and session else None
    watcher = _watcher(advisor, watch)
    app = build_web_app(advisor, metrics, bolt, settings, config_error, watcher)
    app[STORE] = store
    runner, site = await start_server(app, host, port, settings, SHUTDOWN_GRACE_SECONDS)
    log.info("serving on http://%s:%s (ready: %s)", host, port, bool(bolt and advisor.ready))

    stop = _stop_event(advisor)
    watching = asyncio.create_task(watcher.run()) if watcher else None
    await stop.wait()
    log.info("shutting down: finishing requests in flight")
    if watching:
        watching.cancel()
    await site.stop()
    close_idle_connections(runner)  # else _drain waits on them for the whole grace period
    await _drain(SHUTDOWN_GRACE_SECONDS)
    await runner.cleanup()
    if session:
        await session.close()
    await close_store(store)
    log.info("stopped")
    return 0


def serve(host: str, port: int, cli_dir: Path | None, watch: bool) -> int:
    return asyncio.run(serve_async(host, port, cli_dir, watch))


async def socket_mode_async(cli_dir: Path | None, health_port: int | None = None) -> int:
    """Socket Mode. With a health port, bad configuration leaves the process up and
    unready (one clear log line, `/readyz` says why) instead of exiting into a crash loop."""
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    settings, config_error = _read_settings(Mode.socket)
    advisor = Advisor(_knowledge_dir(cli_dir, settings))
    loaded = advisor.reload()
    if not health_port and not (settings and loaded):
        log.error("not starting: %s", config_error or "the knowledge base is invalid (see above)")
        return 2 if config_error else 1
    _freeze_start_up_objects()
    metrics = Metrics()
    session = build_session(settings, metrics) if settings else None
    handler = None
    store = await open_store()
    if settings and session and loaded:
        app = build_app(settings, advisor, metrics, session, store)
        handler = AsyncSocketModeHandler(app, settings.app_token.get_secret_value())

    async def ready() -> bool:
        return handler is not None and advisor.ready and await handler.client.is_connected()

    ops = None
    if health_port:
        ops_app = web.Application()
        add_ops_routes(ops_app, advisor, metrics, ready, config_error)
        ops_app[STORE] = store
        ops = web.AppRunner(ops_app, access_log=None)
        await ops.setup()
        await web.TCPSite(ops, "0.0.0.0", health_port).start()
    stop = _stop_event(advisor)
    if handler:
        await handler.connect_async()
        log.info("connected in Socket Mode")
    else:
        log.error("not connecting to Slack until the configuration above is fixed")
    await stop.wait()
    if handler:
        await handler.close_async()
    if ops:
        await ops.cleanup()
    if session:
        await session.close()
    await close_store(store)
    return 0


def socket_mode(cli_dir: Path | None, health_port: int | None) -> int:
    return asyncio.run(socket_mode_async(cli_dir, health_port))
