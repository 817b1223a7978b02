"""Odd input, Slack faults, retries, redelivery, rate limits, reloads and shutdown."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
import yaml

from bot.render import limits
from tests.support.processes import spawn_serve, stop, wait_http
from tests.support.running import KNOWLEDGE, start_bot, stop_bot
from tests.support.signing import command_body, event_body, signed_headers
from tests.support.slack_standin import Fault

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
async def bot():
    running = await start_bot()
    yield running
    await stop_bot(running)


async def test_oversized_body_gets_413_and_nothing_posted(bot):
    body = command_body("x" * 300_000, bot.slack.response_url("big"))
    response = await bot.post(body)
    assert response.status == 413
    await asyncio.sleep(0.2)
    assert bot.slack.posts() == []


async def test_replayed_body_with_a_new_timestamp_is_refused(bot):
    body = command_body("help", bot.slack.response_url("replay"))
    old = signed_headers(body, timestamp=int(time.time()) - 60)
    replay = dict(old, **{"X-Slack-Request-Timestamp": str(int(time.time()))})
    response = await bot.post(body, headers=replay, signed=False)
    assert response.status == 401
    await asyncio.sleep(0.2)
    assert bot.slack.posts() == []


@pytest.mark.parametrize(
    "hostile",
    [
        "<!channel> zzqx",
        "<!here> zzqx",
        "<@U123> zzqx",
        "<https://evil.example|click> zzqx",
        "&lt;!channel&gt; zzqx",
        "<!subteam^S123> zzqx",
    ],
)
async def test_echoed_text_cannot_ping_or_link(bot, hostile):
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1.1",
        "text": f"<@UBOT> {hostile}",
    }
    await bot.post(event_body(event, f"EvInj{abs(hash(hostile))}"))
    [call] = await bot.slack.wait_for("chat.postMessage")
    dumped = json.dumps(call.body)
    for dangerous in ("<!channel>", "<!here>", "<@U123>", "<https://evil", "<!subteam"):
        assert dangerous not in dumped
    assert "zzqx" in dumped  # the text is echoed, as text


async def test_100kb_of_text_gets_a_short_note_fast(bot):
    started = time.perf_counter()
    await bot.post(command_body("istio linkerd " * 7_500, bot.slack.response_url("long")))
    [call] = await bot.slack.wait_for("response_url:long")
    assert "too long" in json.dumps(call.body)
    assert time.perf_counter() - started < 5


async def test_rate_limit_is_per_user_and_friendly():
    running = await start_bot({"MESHBOT_RATE_LIMIT": "3"})
    try:
        statuses = []
        for n in range(4):
            async with running.session.post(
                f"{running.url}/slack/events",
                data=(body := command_body("help", running.slack.response_url(f"a{n}"), user="U1")),
                headers=signed_headers(body),
            ) as response:
                statuses.append((response.status, await response.text()))
        assert "faster than I can keep up" in statuses[3][1]
        assert all("faster" not in text for _, text in statuses[:3])
        await running.post(command_body("help", running.slack.response_url("other"), user="U2"))
        await running.slack.wait_for("response_url:other")
        await asyncio.sleep(0.2)
        assert not running.slack.of("response_url:a3")
    finally:
        await stop_bot(running)


def mention(event_id: str, text: str = "<@UBOT> what is linkerd") -> str:
    return event_body(
        {
            "type": "app_mention",
            "user": "U111",
            "channel": "C123",
            "ts": "1700000000.000900",
            "text": text,
        },
        event_id,
    )


async def test_redelivered_event_is_answered_once(bot):
    await bot.post(mention("EvOnce"))
    await bot.post(
        mention("EvOnce"),
        headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
    )
    await bot.slack.wait_for("chat.postMessage")
    await asyncio.sleep(0.3)
    assert len(bot.slack.of("chat.postMessage")) == 1


@pytest.mark.parametrize(
    "faults",
    [
        [Fault(status=429, retry_after=1)],
        [Fault(status=500), Fault(status=503)],
        [Fault(reset=True)],
    ],
    ids=["429-retry-after", "500-then-503", "connection-reset"],
)
async def test_web_api_faults_are_retried(bot, faults):
    bot.slack.faults["chat.postMessage"] = list(faults)
    await bot.post(mention(f"EvFault{len(faults)}{faults[0].status}"))
    [call] = await bot.slack.wait_for("chat.postMessage", timeout=10)
    assert limits.problems(call.body) == []
    assert len(bot.slack.of("fault:chat.postMessage")) == len(faults)


async def test_persistent_faults_give_up_cleanly_and_the_next_request_works(bot):
    bot.slack.faults["chat.postMessage"] = [Fault(status=500)] * 3
    await bot.post(mention("EvDown1"))
    for _ in range(100):
        if len(bot.slack.of("fault:chat.postMessage")) == 3:
            break
        await asyncio.sleep(0.1)
    assert len(bot.slack.of("fault:chat.postMessage")) == 3  # one try and two retries
    await bot.post(mention("EvDown2"))
    [call] = await bot.slack.wait_for("chat.postMessage", timeout=10)
    assert "Linkerd" in json.dumps(call.body)
    _, metrics = await bot.get("/metrics")
    assert 'meshbot_errors_total{surface="event_callback"} 1.0' in metrics


async def test_slow_slack_times_out_without_retrying_or_breaking():
    running = await start_bot({"MESHBOT_SLACK_TIMEOUT": "1"})
    try:
        running.slack.faults["chat.postMessage"] = [Fault(delay=2.5)]
        await running.post(mention("EvSlow1"))
        await asyncio.sleep(1.6)
        await running.post(mention("EvSlow2"))
        [call] = await running.slack.wait_for("chat.postMessage", timeout=10)
        assert call.body["channel"] == "C123"
        await asyncio.sleep(1.5)
        assert len(running.slack.of("fault:chat.postMessage")) == 1  # the slow one, not retried
    finally:
        await stop_bot(running)


def _copy_knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


async def test_knowledge_reload_keeps_last_good_on_a_broken_edit(tmp_path, slack):
    knowledge = _copy_knowledge(tmp_path)
    process, port = await spawn_serve(
        slack.api_url, "--knowledge", str(knowledge), "--reload-knowledge"
    )
    url = f"http://127.0.0.1:{port}/readyz"
    try:
        _, first = await wait_http(url)
        meta = knowledge / "meta.yaml"
        meta.write_text(meta.read_text() + "\n# reviewed again\n")
        second = await _wait_ready_change(
            url, lambda r: r["knowledge_version"] != first["knowledge_version"]
        )
        assert second["last_reload_error"] is None
        linkerd = knowledge / "meshes" / "linkerd.yaml"
        data = yaml.safe_load(linkerd.read_text())
        data["features"]["mtls"]["level"] = "sometimes"
        linkerd.write_text(yaml.safe_dump(data))
        third = await _wait_ready_change(url, lambda r: r["last_reload_error"])
        assert third["ready"] and third["knowledge_version"] == second["knowledge_version"]
        assert "meshes/linkerd.yaml: features.mtls.level" in third["last_reload_error"]
    finally:
        code, err = await stop(process)
    assert code == 0 and "Traceback" not in err


async def _wait_ready_change(url: str, predicate, timeout: float = 15) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        _, body = await wait_http(url)
        if predicate(body):
            return body
        assert time.monotonic() < deadline, body
        await asyncio.sleep(0.2)


async def test_sigterm_finishes_requests_in_flight(slack):
    process, port = await spawn_serve(slack.api_url, "--knowledge", str(KNOWLEDGE))
    await wait_http(f"http://127.0.0.1:{port}/readyz")
    slack.faults["chat.postMessage"] = [Fault(delay=1.5)]
    body = mention("EvInflight")
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"http://127.0.0.1:{port}/slack/events",
            data=body,
            headers=signed_headers(body, timestamp=None, content_type="application/json"),
        ) as response,
    ):
        assert response.status == 200
    await asyncio.sleep(0.3)  # the answer is now waiting on the slow Slack
    code, err = await stop(process)
    assert code == 0, err
    assert len(slack.of("fault:chat.postMessage")) == 1  # the in-flight call completed


@pytest.mark.slow
def test_five_second_load_has_no_errors():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "load.py"),
            "--seconds",
            "5",
            "--clients",
            "10",
            "--warm-up",
            "1",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["requests"] > 50
    assert report["errors"] == 0
