"""Check a request to /slack/events before Bolt sees it.

Bolt answers 500 with a traceback for a signed body it cannot read. Here a request
is refused with 401 when its signature headers are missing, malformed or wrong, and
with 400 when its body is not what Slack sends (content type, UTF-8, JSON, the
`payload` field, the shape of the parts Bolt reads), each with one short reason.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, ValidationError

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
MAX_AGE_SECONDS = 5 * 60  # Slack's replay window for request timestamps


class Rejected(Exception):
    """The request is refused: `status`, a metric `reason`, and a short `detail`."""

    def __init__(self, status: int, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.reason, self.detail = status, reason, detail


class _Payload(BaseModel):
    """The parts of an event or interactivity payload Bolt reads without checking types."""

    model_config = ConfigDict(extra="allow")

    type: str
    event: dict[str, Any] | None = None
    user: dict[str, Any] | None = None
    team: dict[str, Any] | None = None
    channel: dict[str, Any] | None = None
    container: dict[str, Any] | None = None
    view: dict[str, Any] | None = None
    message: dict[str, Any] | None = None
    actions: list[dict[str, Any]] | None = None
    authorizations: list[dict[str, Any]] | None = None


class _Command(BaseModel):
    command: str
    user_id: str
    channel_id: str
    response_url: str


@dataclass(frozen=True)
class Inbound:
    """A signed, readable Slack request: its text and what Slack sent."""

    text: str
    body: dict[str, Any]

    @property
    def is_command(self) -> bool:
        return "command" in self.body


def check_signature(secret: bytes, raw: bytes, headers: Any) -> None:
    """Slack's v0 signature over the raw bytes. (slack_sdk's SignatureVerifier decodes the
    body as UTF-8 first and raises on anything else, so a body that is not UTF-8 could
    not be told apart from an unsigned one.)"""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not timestamp.isdigit() or not signature:
        raise Rejected(401, "bad_signature", "missing or malformed signature headers")
    base = b"v0:" + timestamp.encode() + b":" + raw
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - int(timestamp)) <= MAX_AGE_SECONDS
    if not (fresh and hmac.compare_digest(expected, signature)):
        raise Rejected(401, "bad_signature", "invalid or stale signature")


def read_body(raw: bytes, content_type: str) -> Inbound:
    """Decode and parse a signed body the way Slack sends it, or raise Rejected(400)."""
    if content_type not in (FORM, JSON):
        raise Rejected(400, "bad_body", f"unexpected content type {content_type[:40]!r}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Rejected(400, "bad_body", "body is not valid UTF-8") from None
    if content_type == JSON:
        return Inbound(text, _payload(_json(text, "body")))
    form = dict(parse_qsl(text, keep_blank_values=True))
    if "payload" in form:
        return Inbound(text, _payload(_json(form["payload"], "payload field")))
    if "command" in form:
        try:
            _Command.model_validate(form)
        except ValidationError as exc:
            missing = ", ".join(str(e["loc"][0]) for e in exc.errors())
            raise Rejected(400, "bad_body", f"command without {missing}") from None
    return Inbound(text, form)


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise Rejected(400, "bad_body", f"{what} is nested too deeply") from None
    except ValueError:
        raise Rejected(400, "bad_body", f"{what} is not valid JSON") from None


def _payload(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Rejected(400, "bad_body", "payload is not a JSON object")
    try:
        _Payload.model_validate(value)
    except ValidationError as exc:
        fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors()[:3])
        raise Rejected(400, "bad_body", f"payload has the wrong shape ({fields})") from None
    return value
