"""Alembic environment: runs on the connection `bot.store.engine.upgrade` passes in,
or, for the `alembic` command line, on an async engine from MESHBOT_DATABASE_URL."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from bot.store.tables import metadata


def run_on(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


async def run_with_own_engine() -> None:
    from bot.store.engine import create_engine
    from bot.store.settings import StoreSettings

    engine = create_engine(StoreSettings.from_env().database_url)
    async with engine.begin() as connection:
        await connection.run_sync(run_on)
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:
    asyncio.run(run_with_own_engine())
