"""A small Slack Web API stand-in on loopback that records what the bot sends.

Answers auth.test, chat.*, views.publish, views.open, apps.connections.open,
conversations.replies (from what the bot posted in the thread, plus messages a test seeds),
conversations.history (the bot's own posts at the top of a conversation, newest first), serves
response_url endpoints and a Socket Mode websocket, and can inject faults. Like
Slack, it refuses messages that break Block Kit's limits (`invalid_blocks`) and
keeps them in `rejected`, which the fixtures check is empty after every test.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web
from slack_sdk.models.blocks import Block

from bot.render import limits

BOT_USER = "UBOT"
MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})


@dataclass
class Call:
    method: str
    body: dict[str, Any]


@dataclass
class Fault:
    """What to do instead of answering: a delay (then answer, unless more is asked), a
    status (with Retry-After), a reset, or an API error such as `not_in_channel`."""

    status: int | None = None
    error: str | None = None
    retry_after: int | None = None
    reset: bool = False
    delay: float = 0.0


@dataclass
class SlackStandIn:
    calls: list[Call] = field(default_factory=list)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    envelopes: list[dict] = field(default_factory=list)
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    acks: list[dict] = field(default_factory=list)
    seeded_replies: dict[str, list[dict]] = field(default_factory=dict)
    slowness: float = 0.0  # seconds every API and response_url call waits before answering
    url: str = ""
    _runner: web.AppRunner | None = None
    _changed: asyncio.Condition | None = None

    async def start(self) -> SlackStandIn:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # conversations.replies and friends
        app.router.add_post("/response/{name}", self._response_url)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.url}/response/{name}"

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posts(self) -> list[Call]:
        """Everything that put text in front of users."""
        return [
            c for c in self.calls if c.method != "auth.test" and c.method != "apps.connections.open"
        ]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        assert self._changed is not None

        async def enough() -> None:
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.of(method)) >= count)

        await asyncio.wait_for(enough(), timeout)
        return self.of(method)

    async def _record(self, method: str, body: dict[str, Any]) -> None:
        assert self._changed is not None
        async with self._changed:
            self.calls.append(Call(method, body))
            self._changed.notify_all()

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        raw = await request.text()
        if request.content_type == "application/json":
            return json.loads(raw or "{}")
        body: dict[str, Any] = {**request.query, **dict(parse_qsl(raw))}
        for key in ("blocks", "view"):
            if isinstance(body.get(key), str):
                body[key] = json.loads(body[key])
        return body

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        # Some methods (files.completeUploadExternal) send their arguments as query params.
        body = {**request.query, **await self._body(request)}
        faulted = await self._fault(method, request, body)
        if faulted is not None:
            return faulted
        if self._invalid(method, body):
            return web.json_response({"ok": False, "error": "invalid_blocks"})
        await self._record(method, body)
        if method == "auth.test":
            return web.json_response(
                {
                    "ok": True,
                    "user_id": BOT_USER,
                    "bot_id": "BBOT",
                    "team_id": "T1",
                    "user": "meshbot",
                    "url": self.url,
                }
            )
        if method == "views.open":
            return web.json_response({"ok": True, "view": {"id": "V1", **body.get("view", {})}})
        if method == "conversations.replies":
            return web.json_response({"ok": True, "messages": self.thread(body), "has_more": False})
        if method == "conversations.history":
            return web.json_response(
                {"ok": True, "messages": self.history(body), "has_more": False}
            )
        if method == "apps.connections.open":
            return web.json_response({"ok": True, "url": f"ws://{self.url[7:]}/socket"})
        if method == "files.getUploadURLExternal":
            return web.json_response(
                {"ok": True, "file_id": "F1", "upload_url": f"{self.url}/upload/F1"}
            )
        if method == "files.completeUploadExternal":
            return web.json_response({"ok": True, "files": [{"id": "F1"}]})
        if method == "conversations.open":
            return web.json_response({"ok": True, "channel": {"id": "D" + body.get("users", "U")}})
        return web.json_response(
            {"ok": True, "channel": body.get("channel", "C1"), "ts": "1700000000.000100"}
        )

    def thread(self, query: dict[str, Any]) -> list[dict[str, Any]]:
        """A thread as conversations.replies returns it: messages seeded by a test, then
        the bot's own posts in that thread (metadata only when asked for, as in Slack)."""
        ts, metadata = query.get("ts"), query.get("include_all_metadata") in ("1", "true", True)
        messages = [dict(m) for m in self.seeded_replies.get(ts, [])]
        for call in self.of("chat.postMessage"):
            if call.body.get("thread_ts") != ts:
                continue
            message = {"type": "message", "user": BOT_USER, "bot_id": "BBOT", "ts": ts}
            message["text"] = call.body.get("text", "")
            message["thread_ts"] = ts
            if metadata and call.body.get("metadata"):
                message["metadata"] = call.body["metadata"]
            messages.append(message)
        return messages

    def history(self, query: dict[str, Any]) -> list[dict[str, Any]]:
        """A conversation as conversations.history returns it: the bot's own posts outside
        any thread, newest first (metadata only when asked for, as in Slack)."""
        channel = query.get("channel")
        metadata = query.get("include_all_metadata") in ("1", "true", True)
        messages = []
        for call in self.of("chat.postMessage"):
            if call.body.get("channel") != channel or call.body.get("thread_ts"):
                continue
            message = {"type": "message", "user": BOT_USER, "bot_id": "BBOT"}
            message["text"] = call.body.get("text", "")
            if metadata and call.body.get("metadata"):
                message["metadata"] = call.body["metadata"]
            messages.append(message)
        return messages[::-1][: int(query.get("limit", 100))]

    async def _fault(
        self, method: str, request: web.Request, body: dict[str, Any]
    ) -> web.StreamResponse | None:
        """Play the next fault queued for `method` (recorded as `fault:<method>`), if any."""
        if self.slowness:
            await asyncio.sleep(self.slowness)
        queue = self.faults.get(method)
        if not queue:
            return None
        fault = queue.pop(0)
        await self._record(f"fault:{method}", body)
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.reset:
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        if fault.status:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after else {}
            return web.json_response(
                {"ok": False, "error": fault.error or "fault"}, status=fault.status, headers=headers
            )
        if fault.error:  # Slack's way: HTTP 200 with ok false
            return web.json_response({"ok": False, "error": fault.error})
        return None

    async def _upload(self, request: web.Request) -> web.Response:
        """A file's bytes, as files.slack.com takes them after files.getUploadURLExternal."""
        content = (await request.read()).decode("utf-8", "replace")
        await self._record(f"upload:{request.match_info['file_id']}", {"content": content})
        return web.Response(text="OK - 0")

    async def _response_url(self, request: web.Request) -> web.StreamResponse:
        name, body = f"response_url:{request.match_info['name']}", await self._body(request)
        faulted = await self._fault(name, request, body)
        if faulted is not None:
            return faulted
        if self._invalid(name, body):
            return web.Response(status=400, text="invalid_blocks")
        await self._record(name, body)
        return web.Response(text="ok")

    def _invalid(self, method: str, body: dict[str, Any]) -> bool:
        """Refuse messages Slack would refuse (and remember them), as Slack does."""
        if method not in MESSAGE_METHODS and not method.startswith("response_url:"):
            return False
        if body.get("delete_original"):
            return False
        problems = limits.problems(body)
        if (
            not problems
            and [b.to_dict() for b in Block.parse_all(body["blocks"])] != body["blocks"]
        ):
            problems = ["blocks do not round-trip through slack_sdk's Block.parse"]
        if problems:
            self.rejected.append((method, problems))
        return bool(problems)

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"type": "hello", "num_connections": 1})
        for envelope in self.envelopes:
            await ws.send_json(envelope)
        async for message in ws:
            if message.type == WSMsgType.TEXT:
                data = json.loads(message.data)
                self.acks.append(data)
                await self._record("socket_ack", data)
        return ws
