"""Posting to a payload's response_url over one shared HTTP session.

Bolt's `respond()` opens a new HTTP session for every call; at load that is most
of the cost of an answer. This does the same POST with the app's session and
slack_sdk's bounded retries, and logs a refusal instead of ignoring it.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.webhook.async_client import AsyncWebhookClient

log = logging.getLogger(__name__)


class Responder:
    def __init__(
        self, session: aiohttp.ClientSession, retry_handlers: list[AsyncRetryHandler], timeout: int
    ) -> None:
        self.session = session
        self.retry_handlers = retry_handlers
        self.timeout = timeout

    async def send(self, response_url: str, **payload: Any) -> int:
        """POST `payload` to `response_url`; return the HTTP status."""
        client = AsyncWebhookClient(
            response_url,
            session=self.session,
            timeout=self.timeout,
            retry_handlers=self.retry_handlers,
        )
        response = await client.send_dict(payload)
        if response.status_code >= 400:
            log.error("response_url answered %s: %s", response.status_code, response.body[:200])
        return response.status_code
