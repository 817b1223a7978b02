"""Posting to a payload's response_url over one shared HTTP session.

Bolt's `respond()` opens a new HTTP session for every call; at load that is most
of the cost of an answer. This does the same POST with the app's session (and its
timeout) and slack_sdk's bounded retries (500 and 503 are retried, as Slack
documents for response_url), and raises when Slack still refuses, so the failure
reaches the user (see failures.py).
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.webhook.async_client import AsyncWebhookClient

log = logging.getLogger(__name__)
# slack_sdk logs each retry with the full URL at INFO unless its logger says otherwise;
# a response_url is a capability (anyone holding it can post), so keep it out of logs.
_quiet = logging.getLogger(f"{__name__}.webhook")
_quiet.setLevel(logging.WARNING)


class ResponseUrlError(Exception):
    """Slack refused a response_url post (after retries)."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"response_url answered {status}: {body[:200]}")
        self.status = status


class Responder:
    def __init__(
        self, session: aiohttp.ClientSession, retry_handlers: list[AsyncRetryHandler]
    ) -> None:
        self.session = session
        self.retry_handlers = retry_handlers

    async def send(self, response_url: str, **payload: Any) -> int:
        """POST `payload` to `response_url`; return the HTTP status, or raise
        ResponseUrlError when Slack refuses it."""
        client = AsyncWebhookClient(
            response_url,
            session=self.session,
            retry_handlers=self.retry_handlers,
            logger=_quiet,
        )
        response = await client.send_dict(payload)
        if response.status_code >= 400:
            raise ResponseUrlError(response.status_code, response.body or "")
        return response.status_code
