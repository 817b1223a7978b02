"""Structured logging with a request id on every line; secrets never logged."""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid

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
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return _SECRET.sub("[redacted]", json.dumps(entry, ensure_ascii=False))


def configure(log_format: str = "text", level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(_RequestIdFilter())
    handler.setFormatter(
        JsonFormatter()
        if log_format == "json"
        else _Redacting("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level if level in logging.getLevelNamesMapping() else "INFO")
