"""The store in a running bot: opened (and migrated) at start, purged while up,
closed at shutdown, and shown in /readyz. Any failure leaves the bot answering."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.store.engine import DatabaseUrlError
from bot.store.settings import StoreSettings, StoreSettingsError
from bot.store.store import Store

log = logging.getLogger("bot.store")
STORE = web.AppKey("store", Store)


async def open_store() -> Store | None:
    """The configured store, migrated unless MESHBOT_MIGRATE_ON_START=false; None if off
    or misconfigured (logged). An unreachable database is retried by later operations."""
    try:
        settings = StoreSettings.from_env()
        if not settings.enabled:
            log.info("store off (MESHBOT_DATABASE_URL=off): feedback and gaps are not kept")
            return None
        store = Store(settings)
    except (StoreSettingsError, DatabaseUrlError) as exc:
        log.error("store disabled, answering without it: %s", exc)
        return None
    if await store.start(migrate=settings.migrate_on_start):
        log.info("store ready (%s)", store.backend)
    store.purge_in_background()
    return store


async def close_store(store: Store | None) -> None:
    if store is not None:
        await store.close()


def store_status(app: web.Application) -> dict[str, object] | None:
    """The /readyz detail: backend, whether it works, and the last failure's cause."""
    store = app.get(STORE)
    return store.status() if store is not None else None
