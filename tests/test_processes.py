"""The real `meshbot socket` and `meshbot serve` processes, against the loopback stand-in."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal

import aiohttp

from tests.conftest import KNOWLEDGE
from tests.support.processes import free_port, spawn, spawn_serve, stop, wait_http
from tests.support.signing import command_body, event_body, signed_headers


async def test_socket_mode_acks_envelopes_and_posts_answers(slack):
    command = {
        "team_id": "T1",
        "channel_id": "C123",
        "user_id": "U111",
        "command": "/mesh",
        "text": "compare istio linkerd",
        "response_url": slack.response_url("sock"),
        "trigger_id": "1.2",
        "api_app_id": "A1",
    }
    event = json.loads(
        event_body(
            {
                "type": "app_mention",
                "user": "U111",
                "channel": "C123",
                "ts": "1700000000.000700",
                "text": "<@UBOT> what is linkerd",
            },
            "EvSock",
        )
    )
    slack.envelopes = [
        {
            "envelope_id": "env-cmd",
            "type": "slash_commands",
            "payload": command,
            "accepts_response_payload": True,
        },
        {
            "envelope_id": "env-evt",
            "type": "events_api",
            "payload": event,
            "accepts_response_payload": False,
        },
    ]
    process = await spawn(
        "socket",
        "--knowledge",
        str(KNOWLEDGE),
        env={
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_APP_TOKEN": "xapp-test",
            "SLACK_API_URL": slack.api_url,
        },
    )
    try:
        await slack.wait_for("socket_ack", 2, timeout=20)
        [answer] = await slack.wait_for("response_url:sock", timeout=10)
        [mention] = await slack.wait_for("chat.postMessage", timeout=10)
    finally:
        code, err = await stop(process)
    assert {a["envelope_id"] for a in slack.acks} == {"env-cmd", "env-evt"}
    assert "compared" in json.dumps(answer.body)
    assert mention.body["thread_ts"] == "1700000000.000700"
    assert code == 0, err
    assert "xoxb-test" not in err and "xapp-test" not in err


async def test_socket_mode_refuses_to_start_without_app_token():
    process = await spawn("socket", env={"SLACK_BOT_TOKEN": "xoxb-test"})
    _, raw = await asyncio.wait_for(process.communicate(), 20)
    code, err = process.returncode, raw.decode()
    assert code == 2
    assert "SLACK_APP_TOKEN is not set: it should look like xapp-" in err
    assert "Traceback" not in err


async def test_serve_starts_answers_and_stops_cleanly_on_sigterm(slack):
    process, port = await spawn_serve(
        slack.api_url, MESHBOT_LOG_FORMAT="json", MESHBOT_KNOWLEDGE_DIR=str(KNOWLEDGE)
    )
    try:
        status, ready = await wait_http(f"http://127.0.0.1:{port}/readyz")
        assert status == 200 and ready["ready"] and ready["knowledge_version"]
        body = command_body("cost 1000 pods", slack.response_url("serve"))
        async with (
            aiohttp.ClientSession() as session,
            session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers=signed_headers(body)
            ) as response,
        ):
            assert response.status == 200
        await slack.wait_for("response_url:serve", timeout=10)
    finally:
        code, err = await stop(process)
    assert code == 0, err
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert lines and all({"time", "level", "request_id", "message"} <= set(x) for x in lines)
    assert "Traceback" not in err


async def probe_and_stop(
    process: asyncio.subprocess.Process, port: int
) -> tuple[int, dict, int, int, str]:
    """/readyz (status and body) and /healthz status, then SIGTERM: exit code and stderr."""
    try:
        status, ready = await wait_http(f"http://127.0.0.1:{port}/readyz")
        health, _ = await wait_http(f"http://127.0.0.1:{port}/healthz")
    finally:
        code, err = await stop(process)
    return status, ready, health, code, err


async def test_serve_with_bad_settings_stays_up_but_not_ready():
    port = free_port()
    process = await spawn(
        "serve", "--host", "127.0.0.1", "--port", str(port), env={"SLACK_BOT_TOKEN": "not-a-token"}
    )
    status, ready, health, code, err = await probe_and_stop(process, port)
    assert status == 503 and health == 200
    assert "SLACK_BOT_TOKEN is malformed" in ready["config_error"]
    assert "SLACK_SIGNING_SECRET is not set" in ready["config_error"]
    assert "configuration error: SLACK_BOT_TOKEN is malformed" in err
    assert "Traceback" not in err and code == 0


async def test_serve_with_bad_knowledge_is_not_ready_and_says_why(tmp_path, slack):
    (tmp_path / "meta.yaml").write_text("as_of: 2020-01-01\n")
    process, port = await spawn_serve(slack.api_url, "--knowledge", str(tmp_path))
    try:
        status, ready = await wait_http(f"http://127.0.0.1:{port}/readyz")
    finally:
        code, err = await stop(process)
    assert status == 503 and "sources.yaml: file is missing" in ready["last_reload_error"]
    assert "knowledge base: sources.yaml: file is missing" in err
    assert "Traceback" not in err and code == 0


async def test_socket_mode_with_health_port_stays_up_unready_on_bad_config():
    port = free_port()
    process = await spawn(
        "socket", "--health-port", str(port), env={"SLACK_BOT_TOKEN": "xoxb-test"}
    )
    status, ready, health, code, err = await probe_and_stop(process, port)
    assert status == 503 and health == 200
    assert "SLACK_APP_TOKEN is not set" in ready["config_error"]
    assert "not connecting to Slack" in err and "Traceback" not in err and code == 0


async def test_sighup_reloads_the_knowledge_base(tmp_path, slack):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    process, port = await spawn_serve(slack.api_url, "--knowledge", str(knowledge))
    url = f"http://127.0.0.1:{port}/readyz"
    try:
        _, before = await wait_http(url)
        meta = knowledge / "meta.yaml"
        meta.write_text(meta.read_text() + "\n# reviewed once more\n")
        process.send_signal(signal.SIGHUP)
        for _ in range(100):
            _, after = await wait_http(url)
            if after["knowledge_version"] != before["knowledge_version"]:
                break
            await asyncio.sleep(0.1)
    finally:
        code, err = await stop(process)
    assert after["knowledge_version"] != before["knowledge_version"]
    assert code == 0, err
