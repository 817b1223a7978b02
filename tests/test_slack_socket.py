"""Socket Mode against the loopback stand-in's websocket: a payload is answered once,
however often it arrives, under its own envelope id or another, on one replica or two."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.advisor import Advisor
from bot.slack.app import build_app, build_session
from bot.slack.metrics import Metrics
from bot.slack.settings import Mode, Settings
from bot.store.settings import StoreSettings
from bot.store.store import Store
from tests.conftest import KNOWLEDGE
from tests.support.databases import empty_tables
from tests.support.slack_standin import SlackStandIn


def command(slack: SlackStandIn, name: str, trigger: str) -> dict:
    return {
        "team_id": "T1",
        "channel_id": "C123",
        "user_id": "U111",
        "command": "/mesh",
        "text": "what is linkerd",
        "response_url": slack.response_url(name),
        "trigger_id": trigger,
        "api_app_id": "A1",
    }


def envelope(envelope_id: str, payload: dict) -> dict:
    return {
        "envelope_id": envelope_id,
        "type": "slash_commands",
        "payload": payload,
        "accepts_response_payload": True,
    }


@dataclass
class Replica:
    metrics: Metrics

    def replayed(self) -> float:
        value = self.metrics.registry.get_sample_value(
            "meshbot_rejected_total", {"reason": "replayed"}
        )
        return value or 0.0


@asynccontextmanager
async def replica(slack: SlackStandIn, store: Store | None = None) -> AsyncIterator[Replica]:
    """The Socket Mode app as `meshbot socket` builds it, connected to the stand-in."""
    env = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_APP_TOKEN": "xapp-test",
        "SLACK_API_URL": slack.api_url,
    }
    settings = Settings.from_env(Mode.socket, env)
    advisor = Advisor(KNOWLEDGE)
    advisor.reload()
    metrics = Metrics()
    session = build_session(settings, metrics)
    app = build_app(settings, advisor, metrics, session, store)
    handler = AsyncSocketModeHandler(app, "xapp-test")
    await handler.connect_async()
    try:
        yield Replica(metrics)
    finally:
        await handler.close_async()
        await session.close()


async def eventually(check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition never held"
        await asyncio.sleep(0.05)


async def test_a_replayed_envelope_or_payload_is_acked_and_answered_once(slack):
    original = command(slack, "sock", "1.2")
    slack.envelopes = [
        envelope("env-1", original),
        envelope("env-1", original),  # the same envelope again
        envelope("env-2", original),  # its payload again, under a new envelope id
        envelope("env-3", command(slack, "other", "3.4")),  # another command
    ]
    async with replica(slack) as one:
        await slack.wait_for("socket_ack", 4)
        await slack.wait_for("response_url:other")
        await slack.wait_for("response_url:sock")
        await eventually(lambda: one.replayed() == 2)
    assert len(slack.of("response_url:sock")) == 1
    assert sorted(a["envelope_id"] for a in slack.acks) == ["env-1", "env-1", "env-2", "env-3"]


async def test_two_replicas_on_one_database_answer_an_envelope_once(postgres_url, slack):
    """The stand-in sends every envelope on every connection, as a redelivery to another
    replica would arrive: the shared store lets only one of them answer."""
    store = Store(StoreSettings(database_url=postgres_url))
    assert await store.start(migrate=True)
    await empty_tables(store)
    slack.envelopes = [envelope("env-shared", command(slack, "shared", "5.6"))]
    try:
        async with replica(slack, store) as one, replica(slack, store) as two:
            await slack.wait_for("socket_ack", 2)
            await slack.wait_for("response_url:shared")
            await eventually(lambda: one.replayed() + two.replayed() == 1)
    finally:
        await store.close()
    assert len(slack.of("response_url:shared")) == 1
