"""The HTTP app on 127.0.0.1 wired to a Slack stand-in, for tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiohttp import web

from bot.advisor import Advisor
from bot.slack.app import build_app, build_session
from bot.slack.metrics import Metrics
from bot.slack.server import build_web_app
from bot.slack.settings import Mode, Settings
from bot.store.runtime import STORE
from bot.store.store import Store
from tests.support.signing import SECRET, signed_headers
from tests.support.slack_standin import SlackStandIn

KNOWLEDGE = Path(__file__).resolve().parent.parent.parent / "knowledge"


@dataclass
class Bot:
    url: str
    slack: SlackStandIn
    session: aiohttp.ClientSession
    advisor: Advisor
    runner: web.AppRunner
    outgoing: aiohttp.ClientSession

    async def post(
        self, body: str, headers: dict[str, str] | None = None, signed: bool = True, **sign
    ) -> aiohttp.ClientResponse:
        content_type = (
            "application/json" if body.startswith("{") else ("application/x-www-form-urlencoded")
        )
        all_headers = (
            signed_headers(body, content_type=content_type, **sign)
            if signed
            else {"Content-Type": content_type}
        )
        all_headers.update(headers or {})
        async with self.session.post(
            f"{self.url}/slack/events", data=body.encode(), headers=all_headers
        ) as response:
            await response.read()
            return response

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(self.url + path) as response:
            return response.status, await response.text()


async def start_bot(
    env_extra: dict[str, str] | None = None, knowledge: Path = KNOWLEDGE, store: Store | None = None
) -> Bot:
    slack = await SlackStandIn().start()
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        **(env_extra or {}),
    }
    settings = Settings.from_env(Mode.http, env)
    advisor = Advisor(knowledge)
    advisor.reload()
    metrics = Metrics()
    outgoing = build_session(settings, metrics)
    app = build_web_app(
        advisor, metrics, build_app(settings, advisor, metrics, outgoing, store), settings
    )
    app[STORE] = store
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    session = aiohttp.ClientSession()
    return Bot(f"http://{host}:{port}", slack, session, advisor, runner, outgoing)


async def stop_bot(running: Bot) -> None:
    await running.session.close()
    await running.runner.cleanup()
    await running.outgoing.close()
    await running.slack.stop()
    assert running.slack.rejected == [], "Slack would have refused these messages"
