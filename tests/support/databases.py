"""Databases for store tests: a SQLite file per test, and a PostgreSQL database of
our own per session, created on (and dropped from) MESHBOT_TEST_DATABASE_URL's server."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy import make_url

from bot.store.settings import StoreSettings
from bot.store.store import Store
from bot.store.tables import install, metadata

POSTGRES_ENV = "MESHBOT_TEST_DATABASE_URL"


def _server_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _admin(url: str, statement: str) -> None:
    connection = await asyncpg.connect(_server_dsn(url))
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database; skipped without a server."""
    server = os.environ.get(POSTGRES_ENV, "").strip()
    if not server:
        pytest.skip(f"{POSTGRES_ENV} is not set (CI sets it to its PostgreSQL server)")
    name = f"meshbot_store_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    yield make_url(server).set(database=name).render_as_string(hide_password=False)
    asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test runs on a new SQLite file and on the session's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store' / 'meshbot.db'}"
    return request.getfixturevalue("postgres_url")


async def empty_tables(store: Store) -> None:
    async with store.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            if table is not install:  # keep the install's salt
                await connection.execute(table.delete())


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A migrated store with empty tables."""
    opened = Store(StoreSettings(database_url=database_url))
    assert await opened.start(migrate=True), opened.health.last_error
    await empty_tables(opened)
    yield opened
    await opened.close()
