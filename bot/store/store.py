"""The store: short queries on an async engine, each guarded so that a failing
database degrades a feature (it returns the fallback) and never an answer.

Gaps and comparisons, one of which nearly every answer records, are written
together: the first starts a batch, the ones arriving in the next quarter second
join it, and the batch is one transaction. Per answer that is a list append
instead of a transaction, a pooled connection and (SQLite) a trip to its thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store import engine as engines
from bot.store.health import StoreHealth
from bot.store.privacy import hash_id
from bot.store.records import Comparison, Gap, Vote
from bot.store.report import Report, build_report
from bot.store.settings import StoreSettings
from bot.store.tables import claims, comparisons, gaps, install, votes

log = logging.getLogger("bot.store")
T = TypeVar("T")
OPERATION_TIMEOUT_SECONDS = 2.0
ACK_PATH_TIMEOUT_SECONDS = 1.0  # claims and counters run before Slack's 3-second ack
SECONDS_PER_DAY = 86_400
GROUP_COMMIT_SECONDS = 0.25


@dataclass
class _Batch:
    """Records waiting for one transaction, and its outcome."""

    records: list[Gap | Comparison] = field(default_factory=list)
    written: asyncio.Future[bool] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class Store:
    def __init__(self, settings: StoreSettings) -> None:
        self.settings = settings
        self.engine: AsyncEngine = engines.create_engine(settings.database_url)
        self.backend = self.engine.dialect.name
        # Claims and counters are one atomic statement each: no BEGIN and COMMIT around
        # them, one round trip on the ack path instead of three.
        self._single_statements = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self.health = StoreHealth(self.backend)
        self.migrated = False
        self._salt: str | None = None
        self._tasks: set[asyncio.Task] = set()
        self._purge_timer: asyncio.TimerHandle | None = None
        self._batch: _Batch | None = None

    @property
    def shared(self) -> bool:
        """PostgreSQL is shared by replicas; a SQLite file belongs to one process."""
        return self.backend == "postgresql"

    async def start(self, migrate: bool) -> bool:
        """Apply migrations (if asked) and read the install's salt; False if unreachable."""

        async def prepare() -> bool:
            if migrate:
                await engines.upgrade_if_behind(self.engine)
                self.migrated = True
            async with self.engine.begin() as connection:
                await self._load_salt(connection)
            return True

        return await self._guarded("start", prepare, False, timeout=60)

    async def close(self) -> None:
        if self._purge_timer:
            self._purge_timer.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=5)
        await self.engine.dispose()

    def status(self) -> dict[str, object]:
        return self.health.status() | {"shared_between_replicas": self.shared}

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> None:
        """Run a write in the background (answers never wait for the store)."""
        task = asyncio.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # --- guarded execution -------------------------------------------------

    async def _guarded(
        self,
        operation: str,
        work: Callable[[], Awaitable[T]],
        fallback: T,
        timeout: float = OPERATION_TIMEOUT_SECONDS,
    ) -> T:
        if not self.health.usable:
            return fallback
        try:
            async with asyncio.timeout(timeout):
                result = await work()
        except Exception as exc:  # any database or network failure degrades, never raises
            self.health.failed(operation, exc)
            return fallback
        self.health.succeeded()
        return result

    def _insert(self, connection: AsyncConnection, table):
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        return dialect.insert(table)

    async def _load_salt(self, connection: AsyncConnection) -> str:
        if self._salt is None:
            fresh = self._insert(connection, install).values(
                key="hash_salt", value=secrets.token_hex(32)
            )
            await connection.execute(fresh.on_conflict_do_nothing(index_elements=["key"]))
            stored = await connection.scalar(
                select(install.c.value).where(install.c.key == "hash_salt")
            )
            self._salt = str(stored)
        return self._salt

    async def _hashes(self, connection: AsyncConnection, user: str | None, team: str | None):
        salt = await self._load_salt(connection)
        return (
            hash_id(salt, "user", user) if user else None,
            hash_id(salt, "team", team) if team else None,
        )

    # --- replicas: claims and counters -------------------------------------

    async def claim(self, key: str, ttl_seconds: float) -> bool | None:
        """True for the first claim of `key` within `ttl_seconds`, False for a repeat,
        None when the store cannot say (the caller falls back to its own memory)."""

        async def work() -> bool:
            now = time.time()
            async with self._single_statements.connect() as connection:
                insert = self._insert(connection, claims).values(
                    key=key[:200], count=1, expires_at=now + ttl_seconds
                )
                insert = insert.on_conflict_do_update(
                    index_elements=["key"],
                    set_={"count": 1, "expires_at": insert.excluded.expires_at},
                    where=claims.c.expires_at < now,
                ).returning(claims.c.key)
                return (await connection.execute(insert)).first() is not None

        return await self._guarded("claim", work, None, timeout=ACK_PATH_TIMEOUT_SECONDS)

    async def count(self, key: str, ttl_seconds: float) -> int | None:
        """Add one to the counter `key` (created with an expiry) and return it."""

        async def work() -> int:
            now = time.time()
            async with self._single_statements.connect() as connection:
                insert = self._insert(connection, claims).values(
                    key=key[:200], count=1, expires_at=now + ttl_seconds
                )
                insert = insert.on_conflict_do_update(
                    index_elements=["key"], set_={"count": claims.c.count + 1}
                ).returning(claims.c.count)
                return int((await connection.execute(insert)).scalar_one())

        return await self._guarded("count", work, None, timeout=ACK_PATH_TIMEOUT_SECONDS)

    # --- learning: votes, gaps, comparisons --------------------------------

    async def add_vote(self, vote: Vote) -> bool:
        async def work() -> bool:
            async with self.engine.begin() as connection:
                user, team = await self._hashes(connection, vote.user, vote.team)
                row = vote.row(user or "", team)
                insert = self._insert(connection, votes).values(**row)
                await connection.execute(
                    insert.on_conflict_do_update(
                        index_elements=["id"],
                        set_={
                            "reason": func.coalesce(insert.excluded.reason, votes.c.reason),
                            "comment": func.coalesce(insert.excluded.comment, votes.c.comment),
                        },
                    )
                )
            return True

        return await self._guarded("add_vote", work, False)

    async def explain_vote(self, vote: Vote) -> bool:
        """Add the 👎 modal's reason and comment to the vote (or store the vote with them)."""

        async def work() -> bool:
            async with self.engine.begin() as connection:
                user, _ = await self._hashes(connection, vote.user, vote.team)
                changed = await connection.execute(
                    update(votes)
                    .where(votes.c.id == vote.id, votes.c.user_hash == user)
                    .values(reason=vote.reason, comment=vote.comment)
                )
            return changed.rowcount > 0 or await self.add_vote(vote)

        return await self._guarded("explain_vote", work, False)

    async def add_gap(self, gap: Gap) -> bool:
        return await self._write_soon(gap)

    async def add_comparison(self, comparison: Comparison) -> bool:
        return await self._write_soon(comparison)

    async def _write_soon(self, record: Gap | Comparison) -> bool:
        """Join the batch being gathered (or start one); True once it is written."""
        if self._batch is None:
            self._batch = _Batch()
            self.spawn(self._write_batch())
        self._batch.records.append(record)
        return await asyncio.shield(self._batch.written)

    async def _write_batch(self) -> None:
        await asyncio.sleep(GROUP_COMMIT_SECONDS)
        batch, self._batch = self._batch, None
        assert batch is not None
        written = await self._guarded("write", lambda: self._insert_records(batch.records), False)
        batch.written.set_result(written)

    async def _insert_records(self, records: list[Gap | Comparison]) -> bool:
        keep_text = self.settings.store_question_text
        rows: dict[Table, list[dict[str, object]]] = {gaps: [], comparisons: []}
        async with self.engine.begin() as connection:
            for record in records:
                if isinstance(record, Gap):
                    user, team = await self._hashes(connection, record.user, record.team)
                    rows[gaps].append(record.row(user, team, keep_text))
                else:
                    user, _ = await self._hashes(connection, record.user, None)
                    rows[comparisons].append(record.row(user))
            for table, values in rows.items():
                if values:
                    await connection.execute(table.insert(), values)
        return True

    # --- reading, forgetting, purging --------------------------------------

    async def report(self, since_seconds: float, limit: int = 10) -> Report | None:
        async def work() -> Report:
            since = time.time() - since_seconds
            async with self.engine.connect() as connection:
                label = func.coalesce(gaps.c.text, gaps.c.parsed)
                gap_rows = await connection.execute(
                    select(
                        label.label("label"),
                        func.count().label("count"),
                        func.max(gaps.c.asked_at).label("last_seen"),
                        func.max(gaps.c.reason).label("reason"),
                    )
                    .where(gaps.c.asked_at >= since)
                    .group_by(label)
                    .order_by(func.count().desc(), func.max(gaps.c.asked_at).desc())
                    .limit(limit)
                )
                vote_rows = await connection.execute(
                    select(
                        votes.c.vote,
                        votes.c.reason,
                        votes.c.intent,
                        votes.c.meshes,
                        votes.c.features,
                    ).where(votes.c.created_at >= since)
                )
                compared = await connection.execute(
                    select(comparisons.c.meshes, func.count().label("count"))
                    .where(comparisons.c.asked_at >= since)
                    .group_by(comparisons.c.meshes)
                    .order_by(func.count().desc())
                    .limit(limit)
                )
                return build_report(
                    since,
                    [r._asdict() for r in gap_rows],
                    [r._asdict() for r in vote_rows],
                    [(json.loads(r.meshes), r.count) for r in compared],
                    limit,
                )

        return await self._guarded("report", work, None, timeout=30)

    async def forget_user(self, user: str) -> int | None:
        """Delete every row about one Slack user; the number of rows deleted."""

        async def work() -> int:
            async with self.engine.begin() as connection:
                hashed, _ = await self._hashes(connection, user, None)
                deleted = 0
                for table in (votes, gaps, comparisons):
                    result = await connection.execute(
                        delete(table).where(table.c.user_hash == hashed)
                    )
                    deleted += result.rowcount
            return deleted

        return await self._guarded("forget", work, None, timeout=30)

    async def purge(self) -> int | None:
        """Delete expired claims and what is older than the retention period."""

        async def work() -> int:
            now = time.time()
            cutoff = now - self.settings.retention_days * SECONDS_PER_DAY
            async with self.engine.begin() as connection:
                results = [
                    await connection.execute(delete(claims).where(claims.c.expires_at < now)),
                    await connection.execute(delete(votes).where(votes.c.created_at < cutoff)),
                    await connection.execute(delete(gaps).where(gaps.c.asked_at < cutoff)),
                    await connection.execute(
                        delete(comparisons).where(comparisons.c.asked_at < cutoff)
                    ),
                ]
            return sum(r.rowcount for r in results)

        return await self._guarded("purge", work, None, timeout=30)

    def purge_in_background(self, every_seconds: float = 300) -> None:
        """Purge now and then every few minutes, until `close()` (a timer, not a
        long-lived task, so shutdown never waits for it)."""

        def kick() -> None:
            self.spawn(self.purge())
            self._purge_timer = asyncio.get_running_loop().call_later(every_seconds, kick)

        kick()
