"""Logging never blocks the server, and a flood of one warning is one line a minute."""

from __future__ import annotations

import asyncio
import logging
import os

import aiohttp
import pytest

from bot.repeated_warnings import RepeatedWarnings
from tests.support.processes import MESHBOT, free_port, wait_http
from tests.support.signing import SECRET, command_body, signed_headers

REPLAYS = 2_000


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_repeats_of_a_kind_are_one_line_a_minute_with_a_count(caplog):
    clock = Clock()
    repeated = RepeatedWarnings(logging.getLogger("probe"), clock=clock)
    with caplog.at_level(logging.WARNING, logger="probe"):
        for n in range(5):
            repeated.warn("replayed", "request %d replayed", n)
        repeated.warn("rate_limited", "over the limit")
        clock.now += 61
        repeated.warn("replayed", "request %d replayed", 5)
        repeated.flush("rate_limited")
        clock.now += 61
        repeated.flush("replayed")
        clock.now += 61
        repeated.flush("replayed")  # a quiet minute ends the summary
        repeated.warn("replayed", "request %d replayed", 6)
    assert [r.getMessage() for r in caplog.records] == [
        "request 0 replayed (repeats are counted: one line a minute)",
        "over the limit (repeats are counted: one line a minute)",
        "replayed: 4 more in the last 60 s; the latest: request 4 replayed",
        "replayed: 1 more in the last 60 s; the latest: request 5 replayed",
        "request 6 replayed (repeats are counted: one line a minute)",
    ]


async def test_on_a_loop_the_count_is_logged_when_the_minute_ends(caplog):
    repeated = RepeatedWarnings(logging.getLogger("probe"), every=0.05)
    with caplog.at_level(logging.WARNING, logger="probe"):
        for _ in range(3):
            repeated.warn("replayed", "replayed")
        await asyncio.sleep(0.3)
    assert [r.getMessage() for r in caplog.records][1:] == [
        "replayed: 2 more in the last 0 s; the latest: replayed"
    ]


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
async def test_a_stderr_nobody_reads_never_stops_the_server(slack, level):
    """2,000 exact replays with stderr on a pipe that is never read (DEBUG writes
    several lines a request: the pipe fills), then /healthz still answers at once."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    env |= {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.api_url,
        "MESHBOT_LOG_LEVEL": level,
    }
    process = await asyncio.create_subprocess_exec(
        *MESHBOT,
        *("serve", "--host", "127.0.0.1", "--port", str(port)),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,  # never read while it runs
    )
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_http(f"{base}/readyz")
        body = command_body("help", slack.response_url("flood"))
        headers = signed_headers(body)
        connector = aiohttp.TCPConnector(limit=20)
        stuck = aiohttp.ClientTimeout(total=30)  # a blocked server fails the test, not hangs it
        async with aiohttp.ClientSession(connector=connector, timeout=stuck) as session:

            async def replay() -> int:
                async with session.post(f"{base}/slack/events", data=body, headers=headers) as r:
                    return r.status

            statuses = await asyncio.gather(*(replay() for _ in range(REPLAYS)))
            assert set(statuses) == {200}
            async with asyncio.timeout(1), session.get(f"{base}/healthz") as health:
                assert health.status == 200
        await slack.wait_for("response_url:flood")
        await asyncio.sleep(0.3)
        assert len(slack.of("response_url:flood")) == 1, "answered once, replays refused"
    finally:
        process.kill()
        await process.communicate()
