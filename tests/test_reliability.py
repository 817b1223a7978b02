"""Odd input, Slack faults, retries, redelivery, rate limits, reloads and shutdown."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import aiohttp
import pytest
import yaml

from bot.render import limits
from bot.render.blocks import FOLLOW_UP_ACTION
from bot.slack import logs
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


# --- broken input: 400 for a bad body, 401 for bad signature headers, nothing posted ---

VIEW_GARBAGE = json.dumps({"type": "view_submission", "view": "garbage", "user": "nobody"})
BROKEN = {
    "invalid JSON": (b'{"type": "event_callback", "event": ', "application/json", 400),
    "broken payload field": (b"payload=%7Bnot+json", "application/x-www-form-urlencoded", 400),
    "invalid UTF-8": (
        b"command=/mesh&text=\xff\xfe&user_id=U1",
        "application/x-www-form-urlencoded",
        400,
    ),
    "50k-deep JSON": (b"[" * 50_000 + b"]" * 50_000, "application/json", 400),
    "JSON but not an object": (b"[1, 2]", "application/json", 400),
    "wrong content type": (event_body({"type": "app_mention"}).encode(), "text/plain", 400),
    "garbage view_submission": (
        f"payload={quote(VIEW_GARBAGE)}".encode(),
        "application/x-www-form-urlencoded",
        400,
    ),
    "command without response_url": (
        b"command=%2Fmesh&text=help&user_id=U1&channel_id=C1",
        "application/x-www-form-urlencoded",
        400,
    ),
}


async def post_raw(bot, raw: bytes, headers: dict[str, str]) -> tuple[int, str]:
    async with bot.session.post(f"{bot.url}/slack/events", data=raw, headers=headers) as r:
        return r.status, await r.text()


def rejected_and_errors(metrics: str) -> tuple[dict[str, float], float]:
    rejected = {
        line.split('"')[1]: float(line.split()[-1])
        for line in metrics.splitlines()
        if line.startswith("meshbot_rejected_total{")
    }
    errors = sum(
        float(line.split()[-1])
        for line in metrics.splitlines()
        if line.startswith("meshbot_errors_total{")
    )
    return rejected, errors


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
async def test_a_signed_broken_body_gets_400_and_nothing_is_posted(bot, case, caplog):
    raw, content_type, status = BROKEN[case]
    headers = signed_headers(raw, content_type=content_type)
    assert (await post_raw(bot, raw, headers))[0] == status
    await asyncio.sleep(0.3)
    assert bot.slack.posts() == []
    rejected, errors = rejected_and_errors((await bot.get("/metrics"))[1])
    assert rejected == {"bad_body": 1.0} and errors == 0
    [line] = [r for r in caplog.records if r.levelname != "DEBUG" and r.name == "bot.http"]
    assert line.getMessage().startswith("rejected a request (400): ")
    assert not any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize(
    "change",
    [
        {"X-Slack-Request-Timestamp": "soon"},
        {"X-Slack-Request-Timestamp": ""},
        {"X-Slack-Signature": ""},
        {"X-Slack-Signature": "v0=" + "0" * 64},
    ],
    ids=["non-numeric timestamp", "no timestamp", "no signature", "wrong signature"],
)
async def test_bad_signature_headers_get_401_even_with_a_broken_body(bot, change, caplog):
    raw = b"payload=%7Bnot+json"
    headers = signed_headers(raw) | change
    assert (await post_raw(bot, raw, headers))[0] == 401
    await asyncio.sleep(0.2)
    assert bot.slack.posts() == []
    rejected, errors = rejected_and_errors((await bot.get("/metrics"))[1])
    assert rejected == {"bad_signature": 1.0} and errors == 0
    assert not any(r.exc_info for r in caplog.records)


# --- MESHBOT_SLACK_TIMEOUT and the bound on calls in flight ---


async def test_a_hanging_response_url_times_out_and_the_user_is_told():
    running = await start_bot({"MESHBOT_SLACK_TIMEOUT": "1"})
    try:
        running.slack.faults["response_url:hang"] = [Fault(delay=4)]
        await running.post(command_body("what is linkerd", running.slack.response_url("hang")))
        [note] = await running.slack.wait_for("response_url:hang", timeout=10)
        assert "didn't answer in time" in json.dumps(note.body)
        assert note.body["response_type"] == "ephemeral"
        assert len(running.slack.of("fault:response_url:hang")) == 1  # not retried
        _, metrics = await running.get("/metrics")
        assert "meshbot_slack_calls_in_flight 0.0" in metrics
    finally:
        await stop_bot(running)


async def test_a_hanging_web_api_times_out_and_the_user_is_told_ephemerally():
    running = await start_bot({"MESHBOT_SLACK_TIMEOUT": "1"})
    try:
        running.slack.faults["chat.postMessage"] = [Fault(delay=4)]
        await running.post(mention("EvHang"))
        [note] = await running.slack.wait_for("chat.postEphemeral", timeout=10)
        assert note.body["user"] == "U111" and note.body["channel"] == "C123"
        assert "didn't answer in time" in json.dumps(note.body)
    finally:
        await stop_bot(running)


async def wait_metric(running, line: str, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while line not in (await running.get("/metrics"))[1]:
        assert time.monotonic() < deadline, f"{line} never appeared"
        await asyncio.sleep(0.05)


async def test_when_slack_is_slow_new_work_is_refused_clearly_until_it_catches_up():
    running = await start_bot({"MESHBOT_MAX_IN_FLIGHT": "2"})
    try:
        await running.post(command_body("help", running.slack.response_url("warm")))
        await running.slack.wait_for("response_url:warm")  # auth.test done
        running.slack.faults["chat.postMessage"] = [Fault(delay=2), Fault(delay=2)]
        await running.post(mention("EvBusy1"))
        await running.post(mention("EvBusy2"))
        await wait_metric(running, "meshbot_slack_calls_in_flight 2.0")
        body = command_body("help", running.slack.response_url("shed"))
        async with running.session.post(
            f"{running.url}/slack/events", data=body, headers=signed_headers(body)
        ) as response:
            assert response.status == 200
            assert "Slack is answering slowly" in (await response.json())["text"]
        event = mention("EvBusy3")
        async with running.session.post(
            f"{running.url}/slack/events",
            data=event,
            headers=signed_headers(event, content_type="application/json"),
        ) as response:
            assert response.status == 503 and response.headers["Retry-After"] == "60"
        await running.slack.wait_for("chat.postMessage", 2, timeout=10)
        await wait_metric(running, "meshbot_slack_calls_in_flight 0.0")
        await running.post(mention("EvBusy3"))  # Slack's redelivery is answered
        await running.slack.wait_for("chat.postMessage", 3, timeout=10)
        assert not running.slack.of("response_url:shed")
        rejected, _ = rejected_and_errors((await running.get("/metrics"))[1])
        assert rejected == {"slack_slow": 2.0}
    finally:
        await stop_bot(running)


# --- ack first; failures after the ack reach the user ---


def click(running, drop: str = "", n: int = 0) -> str:
    """A follow-up button click on a channel message; `drop` removes a container field.
    Each `n` is another click (its own trigger_id), not a replay of the same request."""
    container = {"type": "message", "message_ts": "1.2", "channel_id": "C123"}
    container.pop(drop, None)
    payload = {
        "type": "block_actions",
        "user": {"id": "U111"},
        "team": {"id": "T1"},
        "api_app_id": "A1",
        "token": "x",
        "trigger_id": f"1.2.{n}",
        "container": container,
        "channel": {"id": "C123"},
        "message": {"ts": "1.2"},
        "response_url": running.slack.response_url("click"),
        "actions": [
            {
                "type": "button",
                "action_id": f"{FOLLOW_UP_ACTION}_0",
                "block_id": "b1",
                "value": "",
                "action_ts": "1700000001.0",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


async def test_a_listener_failing_right_after_its_ack_still_acks_and_the_user_hears(bot):
    bot.slack.faults["chat.postMessage"] = [Fault(error="channel_not_found")]
    body = click(bot)
    async with bot.session.post(
        f"{bot.url}/slack/events", data=body, headers=signed_headers(body)
    ) as response:
        assert response.status == 200
    [note] = await bot.slack.wait_for("response_url:click")
    assert "/invite @Mesh Advisor" in json.dumps(note.body)
    assert note.body["response_type"] == "ephemeral"


async def test_a_listener_failing_within_ms_of_its_ack_is_still_acked(bot):
    """Bolt resets an ack when the listener fails before its 10 ms poll saw it (then
    answers 404 after 3 s); a warm answer cache makes the failure that fast, and eight
    tries hit the race (about one in two) without ack_first."""
    for n, (name, drop) in enumerate([("warm", "")] + [("fails", "channel_id")] * 8):
        body = click(bot, drop=drop, n=n)
        async with bot.session.post(
            f"{bot.url}/slack/events", data=body, headers=signed_headers(body)
        ) as response:
            assert response.status == 200, name
    notes = await bot.slack.wait_for("response_url:click", 8)
    assert all("something went wrong" in json.dumps(n.body) for n in notes)
    assert "request id" in json.dumps(notes[0].body)


async def test_a_mention_that_cannot_be_posted_is_explained_ephemerally(bot):
    bot.slack.faults["chat.postMessage"] = [Fault(error="msg_too_long")]
    await bot.post(mention("EvRefused"))
    [note] = await bot.slack.wait_for("chat.postEphemeral")
    assert "Slack refused the answer (msg_too_long)" in json.dumps(note.body)
    assert note.body["user"] == "U111"


async def test_a_refused_response_url_is_explained_in_the_channel(bot):
    bot.slack.faults["response_url:gone"] = [Fault(status=404)]
    await bot.post(command_body("what is linkerd", bot.slack.response_url("gone")))
    [note] = await bot.slack.wait_for("chat.postEphemeral")
    assert "HTTP 404" in json.dumps(note.body) and "ask again" in json.dumps(note.body)
    assert (note.body["channel"], note.body["user"]) == ("C123", "U111")


async def test_response_url_500_and_503_are_retried_and_answered_once(bot, caplog):
    caplog.set_level(logging.INFO)
    url = bot.slack.response_url("flaky-capability-xyz")
    bot.slack.faults["response_url:flaky-capability-xyz"] = [Fault(status=500), Fault(status=503)]
    await bot.post(command_body("what is linkerd", url))
    [answer] = await bot.slack.wait_for("response_url:flaky-capability-xyz", timeout=10)
    assert "Linkerd" in json.dumps(answer.body)
    assert len(bot.slack.of("fault:response_url:flaky-capability-xyz")) == 2
    await asyncio.sleep(0.2)
    assert not bot.slack.of("chat.postEphemeral")
    assert not [r for r in caplog.records if "flaky-capability-xyz" in r.getMessage()]


async def test_a_transient_auth_test_failure_does_not_say_reinstall(bot):
    bot.slack.faults["auth.test"] = [Fault(status=500)] * 3
    body = command_body("help", bot.slack.response_url("auth1"))
    async with bot.session.post(
        f"{bot.url}/slack/events", data=body, headers=signed_headers(body)
    ) as response:
        text = await response.text()
    assert response.status == 200
    assert "try again in a minute" in text and "reinstall" not in text
    await bot.post(command_body("help", bot.slack.response_url("auth2")))  # auth.test again
    await bot.slack.wait_for("response_url:auth2", timeout=10)


def test_response_urls_and_tokens_never_reach_a_log_line(capsys):
    logs.configure("json")
    logging.getLogger("probe").warning(
        "retrying POST https://hooks.slack.com/commands/T1/123/abcSECRET with xoxb-1-2-SECRET"
    )
    logs.configure()
    err = capsys.readouterr().err
    assert "SECRET" not in err and "[redacted]" in err


# --- the HTTP server's own limits, through `meshbot serve` ---


async def raw_connection(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port)


async def closed_by_server(reader: asyncio.StreamReader, within: float = 10) -> bytes:
    """What the server sent before closing the connection (fails if it stays open)."""
    return await asyncio.wait_for(reader.read(), within)


async def test_server_closes_silent_half_sent_and_stalled_requests(slack):
    process, port = await spawn_serve(
        slack.api_url,
        "--knowledge",
        str(KNOWLEDGE),
        MESHBOT_HTTP_IDLE_TIMEOUT="1",
        MESHBOT_HTTP_BODY_TIMEOUT="1",
    )
    try:
        await wait_http(f"http://127.0.0.1:{port}/healthz")
        silent, _ = await raw_connection(port)
        assert await closed_by_server(silent) == b""
        half, half_writer = await raw_connection(port)
        half_writer.write(b"POST /slack/events HTTP/1.1\r\nHost: x\r\n")  # headers never end
        assert await closed_by_server(half) == b""
        slow, slow_writer = await raw_connection(port)
        slow_writer.write(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 100\r\n\r\n{"
        )
        assert (await closed_by_server(slow)).startswith(b"HTTP/1.1 408")
    finally:
        code, err = await stop(process)
    assert code == 0 and "Traceback" not in err


async def test_connections_past_the_limit_get_503_and_the_server_recovers(slack):
    process, port = await spawn_serve(
        slack.api_url, "--knowledge", str(KNOWLEDGE), MESHBOT_MAX_CONNECTIONS="3"
    )
    try:
        await wait_http(f"http://127.0.0.1:{port}/healthz")
        await asyncio.sleep(0.5)  # the probe's connection is closed and forgotten
        held = [await raw_connection(port) for _ in range(3)]
        await asyncio.sleep(0.5)  # the server has accepted them
        surplus, _ = await raw_connection(port)
        assert (await closed_by_server(surplus)).startswith(b"HTTP/1.1 503")
        for _, writer in held:
            writer.close()
        await asyncio.sleep(0.5)
        status, _ = await wait_http(f"http://127.0.0.1:{port}/healthz")
        assert status == 200
    finally:
        code, err = await stop(process)
    assert code == 0 and "Traceback" not in err


async def test_idle_keep_alive_connections_do_not_hold_shutdown(slack):
    process, port = await spawn_serve(slack.api_url, "--knowledge", str(KNOWLEDGE))
    await wait_http(f"http://127.0.0.1:{port}/readyz")
    async with aiohttp.ClientSession() as session:  # keeps its connections open
        for _ in range(3):
            async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 200
        process.send_signal(signal.SIGTERM)
        # the grace period is 10 s; idle connections must not use it up
        await asyncio.wait_for(process.wait(), 5)
    code, err = await stop(process)
    assert code == 0 and "Traceback" not in err


# --- the knowledge watcher survives its directory ---


async def test_watcher_survives_a_dangling_lock_file_and_clears_a_restored_error(tmp_path, slack):
    knowledge = _copy_knowledge(tmp_path)
    process, port = await spawn_serve(
        slack.api_url, "--knowledge", str(knowledge), "--reload-knowledge"
    )
    url = f"http://127.0.0.1:{port}/readyz"
    try:
        _, first = await wait_http(url)
        assert first["knowledge_watcher"]["running"]
        (knowledge / "meshes" / ".#linkerd.yaml").symlink_to("alex@host.1234:1700000000")
        skipping = await _wait_ready_change(url, lambda r: r["knowledge_watcher"]["skipped"])
        assert list(skipping["knowledge_watcher"]["skipped"]) == ["meshes/.#linkerd.yaml"]
        meta = knowledge / "meta.yaml"
        meta.write_text(meta.read_text() + "\n# edited while the lock exists\n")
        edited = await _wait_ready_change(
            url, lambda r: r["knowledge_version"] != first["knowledge_version"]
        )
        assert edited["last_reload_error"] is None and edited["knowledge_watcher"]["running"]
        linkerd = knowledge / "meshes" / "linkerd.yaml"
        original = linkerd.read_bytes()
        linkerd.write_text("features: [unclosed\n")
        broken = await _wait_ready_change(url, lambda r: r["last_reload_error"])
        assert broken["knowledge_version"] == edited["knowledge_version"]
        linkerd.write_bytes(original)  # restored exactly: same version as before
        restored = await _wait_ready_change(url, lambda r: r["last_reload_error"] is None)
        assert restored["knowledge_version"] == edited["knowledge_version"]
        assert restored["knowledge_watcher"]["running"] and restored["ready"]
    finally:
        code, err = await stop(process)
    assert code == 0 and "Traceback" not in err
    assert "knowledge watcher: skipped meshes/.#linkerd.yaml" in err
