"""Real meshbot processes for tests and benchmarks: spawn, wait until ready, stop."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time

import aiohttp

from tests.support.signing import SECRET

MESHBOT = [sys.executable, "-m", "bot"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def spawn(*args: str, env: dict[str, str]) -> asyncio.subprocess.Process:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    full_env.update(env)
    return await asyncio.create_subprocess_exec(
        *MESHBOT,
        *args,
        env=full_env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop(process: asyncio.subprocess.Process) -> tuple[int, str]:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(process.communicate(), 20)
    return process.returncode, err.decode()


async def wait_http(url: str, timeout: float = 20) -> tuple[int, dict]:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(url) as response:
                    return response.status, await response.json()
            except aiohttp.ClientConnectionError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)


async def spawn_serve(
    api_url: str, *args: str, **env: str
) -> tuple[asyncio.subprocess.Process, int]:
    """`meshbot serve` on a free loopback port, wired to a Slack stand-in at `api_url`."""
    port = free_port()
    process = await spawn(
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *args,
        env={
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url,
            **env,
        },
    )
    return process, port
