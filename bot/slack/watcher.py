"""`--reload-knowledge`: poll the knowledge directory and reload when a file changes.

The watcher survives anything in the directory: a file it cannot stat (a dangling
symlink such as an editor's `.#linkerd.yaml`, a permission error) is skipped and
logged once, a reload that fails keeps the last good knowledge base, and an error of
the watcher itself is logged and retried on the next poll. `/readyz` shows its state.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

from bot.advisor import Advisor

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0

Snapshot = tuple[tuple[str, int, int], ...]


class KnowledgeWatcher:
    def __init__(self, advisor: Advisor, directory: Path, every: float = POLL_SECONDS) -> None:
        self.advisor = advisor
        self.directory = directory
        self.every = every
        self.running = False
        self.polls = 0
        self.skipped: dict[str, str] = {}  # file (relative) -> why it was skipped
        self.last_error: str | None = None
        self._last: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """(file, mtime, size) of every YAML file that can be stat'ed; the rest skipped."""
        seen, skipped = [], {}
        for path in self.directory.rglob("*.yaml"):
            name = path.relative_to(self.directory).as_posix()
            try:
                info = path.stat()
            except OSError as exc:
                skipped[name] = exc.strerror or type(exc).__name__
                continue
            seen.append((name, info.st_mtime_ns, info.st_size))
        for name in skipped.keys() - self.skipped.keys():
            log.warning("knowledge watcher: skipped %s (%s)", name, skipped[name])
        self.skipped = skipped
        return tuple(sorted(seen))

    async def run(self) -> None:
        """Poll until cancelled; no error ends the loop."""
        self.running = True
        self._last = self._poll(reload=False)
        try:
            while True:
                await asyncio.sleep(self.every)
                self.polls += 1
                self._poll(reload=True)
        finally:
            self.running = False

    def _poll(self, reload: bool) -> Snapshot | None:
        try:
            current = self.snapshot()
            if reload and current != self._last:
                self._last = current
                log.info("knowledge files changed; reloading")
                self.advisor.reload()
        except Exception as exc:  # the directory vanished, or a reload broke: try again
            error = f"{type(exc).__name__}: {exc}"
            if error != self.last_error:
                log.error("knowledge watcher: %s (trying again every %s s)", error, self.every)
            self.last_error = error
            return None
        self.last_error = None
        return current

    def state(self) -> dict[str, Any]:
        return {
            "running": self.running,
            "directory": str(self.directory),
            "polls": self.polls,
            "skipped": self.skipped,
            "error": self.last_error,
        }
