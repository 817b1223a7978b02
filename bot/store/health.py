"""The store's health: failures are logged once a minute with their cause and count,
counted in metrics, and shown in /readyz; after a failure the database is left alone
for a few seconds."""

from __future__ import annotations

import logging
import time

from prometheus_client import CollectorRegistry, Counter, Gauge

from bot.repeated_warnings import RepeatedWarnings

log = logging.getLogger("bot.store")
RETRY_AFTER_SECONDS = 5.0


class StoreHealth:
    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.last_error: str | None = None
        self.failing_since: float | None = None
        self._retry_at = 0.0
        self._repeated = RepeatedWarnings(log)
        self.failures = Counter(
            "meshbot_store_failures",
            "Store operations that failed (answers went on without the store)",
            ["operation"],
            registry=None,
        )
        self.up = Gauge(
            "meshbot_store_up", "1 when the last store operation succeeded", registry=None
        )
        self.up.set(1)

    def register(self, registry: CollectorRegistry) -> None:
        """Show the store's metrics in an app's /metrics."""
        registry.register(self.failures)
        registry.register(self.up)

    @property
    def usable(self) -> bool:
        """False for a few seconds after a failure, so requests do not wait on a dead DB."""
        return self.failing_since is None or time.monotonic() >= self._retry_at

    def failed(self, operation: str, error: BaseException) -> None:
        now = time.monotonic()
        cause = f"{type(error).__name__}: {error}".strip()[:300]
        self.failures.labels(operation).inc()
        self.up.set(0)
        if self.failing_since is None:
            self.failing_since = now
        self.last_error = cause
        self._retry_at = now + RETRY_AFTER_SECONDS
        self._repeated.warn(
            "store failures",
            "store (%s) unavailable during %s: %s; answering without it",
            self.backend,
            operation,
            cause,
            level=logging.ERROR,
        )

    def succeeded(self) -> None:
        if self.failing_since is not None:
            log.info("store (%s) reachable again", self.backend)
            self.failing_since = None
        self.up.set(1)

    def status(self) -> dict[str, object]:
        return {
            "backend": self.backend,
            "ok": self.failing_since is None,
            "last_error": self.last_error,
            "failing_for_seconds": (
                round(time.monotonic() - self.failing_since, 1) if self.failing_since else None
            ),
        }
