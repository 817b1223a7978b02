"""Database URLs, async engines and migrations.

A plain `postgresql://user@host/db` gets the asyncpg driver and `sqlite:///path`
gets aiosqlite; a SQLite file's directory is created on first use.

Alembic (with Mako) is imported only to migrate: at start-up the database's
revision is read with one query and compared with HEAD_REVISION.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, inspect, make_url, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration shipped in migrations/versions (a test keeps it equal to Alembic's head).
HEAD_REVISION = "0001"
VERSION_TABLE = "alembic_version"
ASYNC_DRIVERS = {"postgresql": "asyncpg", "postgres": "asyncpg", "sqlite": "aiosqlite"}
CONNECT_TIMEOUT_SECONDS = 3
POOL_SIZE = 10  # connections kept open to PostgreSQL per replica (as many more at peaks)
MIGRATION_LOCK = 7_142_001  # a PostgreSQL advisory lock: one replica migrates at a time


class DatabaseUrlError(ValueError):
    """The URL names no database SQLAlchemy can reach asynchronously."""


def async_url(raw: str) -> URL:
    """The URL with an async driver; `postgres://` and `sslmode=` are accepted too."""
    try:
        url = make_url(raw)
    except Exception as exc:  # sqlalchemy.exc.ArgumentError, ValueError
        raise DatabaseUrlError(
            f"MESHBOT_DATABASE_URL is malformed ({exc}): use sqlite:///path/to/file.db "
            "or postgresql://user:password@host:5432/database"
        ) from None
    backend, _, driver = url.drivername.partition("+")
    if backend not in ASYNC_DRIVERS:
        raise DatabaseUrlError(
            f"MESHBOT_DATABASE_URL uses '{backend}': only sqlite and postgresql are supported"
        )
    if backend == "postgres":
        backend = "postgresql"
    if not driver or driver in ("psycopg2", "pysqlite"):
        driver = ASYNC_DRIVERS[backend]
    url = url.set(drivername=f"{backend}+{driver}")
    if driver == "asyncpg" and "sslmode" in url.query:
        url = url.difference_update_query(["sslmode"]).update_query_dict(
            {"ssl": url.query["sslmode"]}
        )
    return url


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def create_engine(raw_url: str) -> AsyncEngine:
    """An async engine with short timeouts, so a dead database fails fast."""
    url = async_url(raw_url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})

        @event.listens_for(engine.sync_engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    # No pre-ping: a round trip on every checkout doubled the ack path's cost. A connection
    # lost to a database restart fails one operation (which degrades, never an answer),
    # and SQLAlchemy then replaces the whole pool. Each request takes two connections in
    # turn (replay claim, rate counter): a pool smaller than the requests in flight opened
    # and closed a connection (TLS negotiation included) for most of them.
    return create_async_engine(
        url,
        pool_size=POOL_SIZE,
        max_overflow=POOL_SIZE,
        pool_timeout=CONNECT_TIMEOUT_SECONDS,
        connect_args={
            "timeout": CONNECT_TIMEOUT_SECONDS,
            "command_timeout": 5,
            # Commits do not wait for the disk: what the store keeps (claims that live
            # minutes, feedback, gaps) may lose its last fraction of a second in a database
            # crash, and no request waits for an fsync on its ack path.
            "server_settings": {"synchronous_commit": "off"},
        },
    )


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config(str(files("bot.store").joinpath("alembic.ini")))
    config.set_main_option("script_location", str(files("bot.store").joinpath("migrations")))
    return config


def _upgrade(connection: Connection, revision: str) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Apply migrations up to `revision` (in one transaction; replicas take turns)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade, revision)


def _current(connection: Connection) -> str | None:
    """The revision Alembic recorded, read without Alembic; None before the first migration."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        return await connection.run_sync(_current)


async def upgrade_if_behind(engine: AsyncEngine) -> bool:
    """Migrate unless the database is at HEAD_REVISION already; True when it migrated."""
    if await current_revision(engine) == HEAD_REVISION:
        return False
    await upgrade(engine)
    return True
