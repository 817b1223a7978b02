"""Repeated warnings, summarised: one line per kind per minute, with a count.

Under a flood (replayed requests, a user over the rate limit, a database that is
down) a line per request tells nothing new and costs the server its logging. The
first warning of a kind is logged at once; the ones after it within the minute are
counted, and when the minute ends one line says how many there were and what the
latest said. A quiet minute ends the summary: the next warning is logged at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

EVERY_SECONDS = 60.0


@dataclass
class _Window:
    level: int
    until: float
    count: int = 0
    latest: str = ""


class RepeatedWarnings:
    def __init__(
        self,
        logger: logging.Logger,
        every: float = EVERY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.logger = logger
        self.every = every
        self.clock = clock
        self._windows: dict[str, _Window] = {}

    def warn(self, kind: str, message: str, *args: object, level: int = logging.WARNING) -> None:
        """Log `message` if it is the first of `kind` this minute; else count it."""
        now = self.clock()
        window = self._windows.get(kind)
        if window is not None and now >= window.until:
            self.flush(kind)
            window = self._windows.get(kind)
        if window is not None:
            window.count += 1
            window.latest = message % args if args else message
            return
        self.logger.log(level, f"{message} (repeats are counted: one line a minute)", *args)
        self._windows[kind] = _Window(level, now + self.every)
        self._flush_later(kind)

    def flush(self, kind: str) -> None:
        """Log the count of `kind` so far (if any) and start a new minute; a minute
        without repeats ends the summary."""
        window = self._windows.get(kind)
        if window is None:
            return
        if window.count == 0:
            del self._windows[kind]
            return
        self.logger.log(
            window.level,
            "%s: %d more in the last %.0f s; the latest: %s",
            kind,
            window.count,
            self.every,
            window.latest,
        )
        self._windows[kind] = _Window(window.level, self.clock() + self.every)
        self._flush_later(kind)

    def _flush_later(self, kind: str) -> None:
        """On an event loop, log the count when the minute ends even if no warning comes."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop: the next warning of this kind flushes
            return
        loop.call_later(self.every, self._flush_if_due, kind)

    def _flush_if_due(self, kind: str) -> None:
        window = self._windows.get(kind)
        if window is not None and self.clock() >= window.until:
            self.flush(kind)
