"""Bounded load on loopback: N concurrent clients send signed /mesh commands and
mentions to a real `meshbot serve` process wired to a Slack stand-in, for T seconds.

    python benchmarks/load.py --seconds 60 --clients 50
    python benchmarks/load.py --seconds 60 --rate 20 --slack-delay 10   # a slow Slack

Reports requests, errors, p50/p99 ack latency, answers delivered, and the server's
RSS after a warm-up at full concurrency (10 s by default), every 10 s, and at the end.
Loopback only; nothing reaches Slack.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.processes import spawn_serve, stop, wait_http  # noqa: E402
from tests.support.signing import command_body, event_body, signed_headers  # noqa: E402
from tests.support.slack_standin import SlackStandIn  # noqa: E402

QUESTIONS = [
    "compare istio linkerd for {n} services",
    "cost {n} pods",
    "recommend for {n} services, small team",
    "does linkerd support circuit breaking at {n} rps",
    "which meshes do JWT validation across {n} clusters",
    "explain ambient mode for {n} pods",
    "asdfgh {n}",
    "istio vs linkerd vs cilium at {n} pods",
]


def question(i: int) -> str:
    """The i-th question: the kinds take turns and each text is new (a size that counts up),
    so no answer comes from what the server remembers of a text asked before."""
    return QUESTIONS[i % len(QUESTIONS)].format(n=10 + i)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def sample_rss(pid: int, samples: list[float], every: float = 10) -> None:
    while True:
        await asyncio.sleep(every)
        samples.append(round(rss_mb(pid), 1))


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


async def client(
    n: int,
    url: str,
    slack: SlackStandIn,
    until: float,
    counter: itertools.count,
    latencies: list[float],
    errors: list[str],
) -> None:
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < until:
            i = next(counter)
            asked = question(i)
            if i % 2:
                body = command_body(asked, slack.response_url(f"load{i}"), user=f"U{n}")
                headers = signed_headers(body)
            else:
                body = event_body(
                    {
                        "type": "app_mention",
                        "user": f"U{n}",
                        "channel": "C1",
                        "ts": f"{i}.1",
                        "text": f"<@UBOT> {asked}",
                    },
                    f"Ev{i}",
                )
                headers = signed_headers(body, content_type="application/json")
            started = time.perf_counter()
            try:
                async with session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    if response.status != 200:
                        errors.append(f"status {response.status}")
            except aiohttp.ClientError as exc:
                errors.append(type(exc).__name__)
            latencies.append((time.perf_counter() - started) * 1000)


@dataclass
class Served:
    slack: SlackStandIn
    process: asyncio.subprocess.Process
    url: str
    exit_code: int = 0


@asynccontextmanager
async def serving(log_level: str) -> AsyncIterator[Served]:
    """`meshbot serve` wired to a Slack stand-in, ready; both stopped after (exit code kept)."""
    slack = await SlackStandIn().start()
    process, port = await spawn_serve(
        slack.api_url, MESHBOT_RATE_LIMIT="100000", MESHBOT_LOG_LEVEL=log_level
    )
    served = Served(slack, process, f"http://127.0.0.1:{port}/slack/events")
    try:
        await wait_http(f"http://127.0.0.1:{port}/readyz")
        yield served
    finally:
        served.exit_code, err = await stop(process)
        await slack.stop()
        if served.exit_code != 0:
            print(err, file=sys.stderr)


async def fixed_rate(
    url: str, slack: SlackStandIn, until: float, rate: float, statuses: dict[str, int]
) -> None:
    """Open loop: `rate` requests a second whatever the answers, as Slack sends them."""
    counter = itertools.count()
    pending: set[asyncio.Task] = set()
    async with aiohttp.ClientSession() as session:

        async def one(i: int) -> None:
            asked = question(i)
            body = command_body(asked, slack.response_url(f"load{i}"), user=f"U{i % 500}")
            try:
                async with session.post(url, data=body, headers=signed_headers(body)) as r:
                    text = await r.text()
                    kind = "slack is slow" if "answering slowly" in text else str(r.status)
            except aiohttp.ClientError as exc:
                kind = type(exc).__name__
            statuses[kind] = statuses.get(kind, 0) + 1

        while time.monotonic() < until:
            task = asyncio.create_task(one(next(counter)))
            pending.add(task)
            task.add_done_callback(pending.discard)
            await asyncio.sleep(1 / rate)
        await asyncio.gather(*pending)


async def run_slow_slack(seconds: float, rate: float, delay: float) -> dict:
    """RSS and refusals at a fixed request rate while every Slack call takes `delay` s."""
    statuses: dict[str, int] = {}
    async with serving("ERROR") as served:
        slack, pid = served.slack, served.process.pid
        slack.slowness = delay
        rss_start = rss_mb(pid)
        sampler = asyncio.create_task(sample_rss(pid, rss_samples := []))
        await fixed_rate(served.url, slack, time.monotonic() + seconds, rate, statuses)
        sampler.cancel()
        rss_end = rss_mb(pid)
    return {
        "seconds": seconds,
        "rate": rate,
        "slack_delay_s": delay,
        "answers": statuses,
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_end": round(rss_end, 1),
        "rss_mb_every_10s": rss_samples,
        "exit_code": served.exit_code,
    }


async def run(seconds: float, clients: int, warm_up: float) -> dict:
    async with serving("WARNING") as served:
        slack, process, url = served.slack, served.process, served.url
        # Warm up at full concurrency (buffers, caches, the event-id set fill to their
        # working size), then measure, sampling RSS as the run goes.
        warm_until = time.monotonic() + warm_up
        warm = itertools.count(10**9)
        await asyncio.gather(
            *(client(n, url, slack, warm_until, warm, [], []) for n in range(clients))
        )
        rss_start = rss_mb(process.pid)
        latencies: list[float] = []
        errors: list[str] = []
        counter = itertools.count()
        until = time.monotonic() + seconds
        sampler = asyncio.create_task(sample_rss(process.pid, rss_samples := []))
        await asyncio.gather(
            *(client(n, url, slack, until, counter, latencies, errors) for n in range(clients))
        )
        sampler.cancel()
        await asyncio.sleep(1)  # let answers after the acks land
        rss_end = rss_mb(process.pid)
        answered = len(
            [
                c
                for c in slack.calls
                if c.method.startswith(("response_url:load", "chat.postMessage"))
            ]
        )
    return {
        "seconds": seconds,
        "clients": clients,
        "requests": len(latencies),
        "errors": len(errors) + (served.exit_code != 0),
        "error_kinds": sorted(set(errors)),
        "answers_posted": answered,
        "ack_ms_p50": round(statistics.median(latencies), 2) if latencies else 0,
        "ack_ms_p99": round(percentile(latencies, 99), 2),
        "rss_mb_start": round(rss_start, 1),
        "rss_mb_end": round(rss_end, 1),
        "rss_growth_pct": round((rss_end - rss_start) / rss_start * 100, 1) if rss_start else 0,
        "rss_mb_every_10s": rss_samples,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--warm-up", type=float, default=10, help="seconds, at full concurrency")
    parser.add_argument("--rate", type=float, help="requests a second (open loop) instead")
    parser.add_argument("--slack-delay", type=float, default=10, help="with --rate: seconds")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.rate:
        report = asyncio.run(run_slow_slack(args.seconds, args.rate, args.slack_delay))
    else:
        report = asyncio.run(run(args.seconds, args.clients, args.warm_up))
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>16}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
