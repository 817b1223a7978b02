"""Structured logging with a request id on every line; secrets never logged.

Logging never blocks the event loop: the loop only puts records on a bounded queue
(a QueueHandler) and a QueueListener thread writes them to stderr. When stderr does
not keep up (a pipe nobody reads, a slow log driver), records past the queue's bound
are dropped and counted, and the count is written once stderr drains.
"""

from __future__ import annotations

import atexit
import contextvars
import json
import logging
import queue
import re
import sys
import uuid
from logging.handlers import QueueHandler, QueueListener
from typing import TextIO

QUEUE_SIZE = 10_000
STOP_WAIT_SECONDS = 2.0
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# Tokens, and response_urls (capabilities: whoever holds one can post for the app).
_SECRET = re.compile(r"xox[abpr]-[\w-]+|xapp-[\w-]+|https://hooks\.slack\.com/[^\s'\"]+")


def new_request_id() -> str:
    rid = uuid.uuid4().hex[:12]
    request_id.set(rid)
    return rid


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class _Redacting(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return _SECRET.sub("[redacted]", super().format(record))


class JsonFormatter(_Redacting):
    """One JSON object a line: time, level, logger, request_id, message."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["error"] = record.exc_text
        return _SECRET.sub("[redacted]", json.dumps(entry, ensure_ascii=False))


class _Enqueue(QueueHandler):
    """Puts records on the bounded queue without waiting; counts what does not fit."""

    def __init__(self, records: queue.Queue) -> None:
        super().__init__(records)
        self.dropped = 0

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """A copy that crosses threads: the message rendered now, the traceback as text."""
        prepared = logging.makeLogRecord(record.__dict__)
        prepared.msg, prepared.args = record.getMessage(), None
        if record.exc_info:
            prepared.exc_text = record.exc_text or _TRACEBACKS.formatException(record.exc_info)
            prepared.exc_info = None
        return prepared

    def enqueue(self, record: logging.LogRecord) -> None:
        try:
            if self.dropped:
                self.queue.put_nowait(self._drop_note())
            self.queue.put_nowait(record)
        except queue.Full:
            self.dropped += 1

    def _drop_note(self) -> logging.LogRecord:
        note = logging.makeLogRecord(
            {
                "name": __name__,
                "levelno": logging.WARNING,
                "levelname": "WARNING",
                "msg": f"{self.dropped} log lines dropped: stderr was not keeping up",
                "request_id": "-",
            }
        )
        self.dropped = 0
        return note


class _Stderr(logging.StreamHandler):
    """Writes to the process's stderr as it is when writing (tests swap sys.stderr)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


class _Listener(QueueListener):
    def stop_within(self, seconds: float) -> None:
        """Write what is queued, waiting at most `seconds` (stderr may never drain)."""
        self.enqueue_sentinel()
        if self._thread is not None:
            self._thread.join(seconds)
            self._thread = None


_TRACEBACKS = logging.Formatter()
_listener: _Listener | None = None


def configure(log_format: str = "text", level: str = "INFO") -> None:
    """Log through the queue to stderr, as text or JSON, at `level`."""
    global _listener
    writer = _Stderr()
    writer.setFormatter(
        JsonFormatter()
        if log_format == "json"
        else _Redacting("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
    )
    records: queue.Queue = queue.Queue(QUEUE_SIZE)
    handler = _Enqueue(records)
    handler.addFilter(_RequestIdFilter())  # on the loop's side: the request's context
    listener = _Listener(records, writer)
    listener.start()
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level if level in logging.getLevelNamesMapping() else "INFO")
    stop()  # the previous configuration's writer, after its last record
    _listener = listener


@atexit.register
def stop() -> None:
    """Write out what is queued (bounded wait) and stop the writer thread."""
    global _listener
    if _listener is not None:
        _listener.stop_within(STOP_WAIT_SECONDS)
        _listener = None
