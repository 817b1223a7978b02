"""Serving, timed as the user waits: a signed `/mesh compare istio linkerd for N services`
(N counting up, so every text is new and nothing comes from a memo of a text read before)
until its answer arrives at the response_url (the ack plus the POST).

Two loads: 8 clients at once, each sending its next question when it has both the ack
and the answer (closed loop: throughput, and latency at saturation); and a fixed rate
that every variant sustains (open loop: latency at the same load). In the closed loop
a server that acks sooner is sent more work: bare Bolt's ack waits on a 10 ms poll of
its listener, which paces its clients, so compare latencies at the fixed rate too.

The variants run one after the other in one run, against a Slack side of our own
(auth.test and response_url endpoints that note when each answer arrives):

    bare          benchmarks/bare_bolt_app.py: ack, then one POST of a fixed answer
    meshbot       meshbot serve with the store on, as by default (a SQLite file)
    store_off     meshbot serve, MESHBOT_DATABASE_URL=off
    postgresql    meshbot serve on PostgreSQL (only with --postgres)
"""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import asyncpg
from aiohttp import web
from sqlalchemy import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import percentile, rss_mb  # noqa: E402
from tests.support.processes import free_port  # noqa: E402
from tests.support.signing import SECRET, command_body, signed_headers  # noqa: E402

BARE_APP = Path(__file__).resolve().parent / "bare_bolt_app.py"
QUESTION = "compare istio linkerd for {n} services"
ASKED = itertools.count(10)


def question() -> str:
    """The next question: the same work each time, never the same text."""
    return QUESTION.format(n=next(ASKED))


CLIENTS = 8
PACED_RATE = 100  # requests a second, well below every variant's capacity
ANSWER_TIMEOUT_SECONDS = 10


class SlackSide:
    """Answers auth.test and takes response_url posts, noting when each one arrives."""

    def __init__(self) -> None:
        self.url = ""
        self._waiting: dict[str, asyncio.Future[float]] = {}
        self._names = itertools.count()
        self._runner: web.AppRunner | None = None

    async def start(self) -> SlackSide:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_post("/response/{name}", self._response)
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

    def expect(self) -> tuple[str, asyncio.Future[float]]:
        """A fresh response_url and the time its answer arrives."""
        name = f"r{next(self._names)}"
        future = self._waiting[name] = asyncio.get_running_loop().create_future()
        return f"{self.url}/response/{name}", future

    async def _api(self, request: web.Request) -> web.Response:
        await request.read()
        return web.json_response(
            {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1", "url": self.url}
        )

    async def _response(self, request: web.Request) -> web.Response:
        arrived = time.perf_counter()
        await request.read()
        future = self._waiting.pop(request.match_info["name"], None)
        if future is not None and not future.done():
            future.set_result(arrived)
        return web.Response(text="ok")


def _environment(slack: SlackSide, database_url: str | None, state: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    env.update(
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=f"{slack.url}/api/",
        MESHBOT_RATE_LIMIT="1000000",
        MESHBOT_LOG_LEVEL="WARNING",
        XDG_STATE_HOME=state,  # the default store: a SQLite file of this run's own
        PYTHONPATH=str(ROOT),
    )
    if database_url:
        env["MESHBOT_DATABASE_URL"] = database_url
    return env


async def spawn(
    variant: str, port: int, slack: SlackSide, database_url: str | None, state: str
) -> asyncio.subprocess.Process:
    if variant == "bare":
        args = [sys.executable, str(BARE_APP), str(port)]
    else:
        args = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return await asyncio.create_subprocess_exec(
        *args,
        env=_environment(slack, database_url, state),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def time_to_ready(port: int, started: float) -> float:
    async with aiohttp.ClientSession() as session:
        while True:
            try:
                async with session.get(f"http://127.0.0.1:{port}/readyz") as response:
                    if response.status == 200:
                        return (time.perf_counter() - started) * 1000
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.005)


async def load(port: int, slack: SlackSide, seconds: float, clients: int) -> dict[str, float]:
    """Each client asks, waits for the ack, then for the answer at the response_url."""
    url = f"http://127.0.0.1:{port}/slack/events"
    acks: list[float] = []
    answers: list[float] = []
    errors = 0

    async def one_client(n: int, until: float) -> None:
        nonlocal errors
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < until:
                response_url, arrived = slack.expect()
                body = command_body(question(), response_url, user=f"U{n}")
                started = time.perf_counter()
                async with session.post(url, data=body, headers=signed_headers(body)) as r:
                    await r.read()
                    acked = time.perf_counter()
                    errors += r.status != 200
                try:
                    answered = await asyncio.wait_for(arrived, ANSWER_TIMEOUT_SECONDS)
                except TimeoutError:
                    errors += 1
                    continue
                acks.append((acked - started) * 1000)
                answers.append((answered - started) * 1000)

    until = time.monotonic() + seconds
    began = time.perf_counter()
    await asyncio.gather(*(one_client(n, until) for n in range(clients)))
    elapsed = time.perf_counter() - began
    return {
        "answer_p50_ms": statistics.median(answers),
        "answer_p99_ms": percentile(answers, 99),
        "ack_p50_ms": statistics.median(acks),
        "ack_p99_ms": percentile(acks, 99),
        "answers_per_s": len(answers) / elapsed,
        "errors": errors,
    }


async def paced(port: int, slack: SlackSide, seconds: float, rate: float) -> dict[str, float]:
    """Requests at a fixed rate whatever the answers (as Slack sends them): answer times."""
    url = f"http://127.0.0.1:{port}/slack/events"
    answers: list[float] = []
    errors = 0

    async def one(session: aiohttp.ClientSession, n: int) -> None:
        nonlocal errors
        response_url, arrived = slack.expect()
        body = command_body(question(), response_url, user=f"U{n % 50}")
        started = time.perf_counter()
        async with session.post(url, data=body, headers=signed_headers(body)) as r:
            await r.read()
            errors += r.status != 200
        try:
            answers.append(
                (await asyncio.wait_for(arrived, ANSWER_TIMEOUT_SECONDS) - started) * 1000
            )
        except TimeoutError:
            errors += 1

    async with aiohttp.ClientSession() as session:
        tasks = []
        began = time.perf_counter()
        for n in range(int(seconds * rate)):
            tasks.append(asyncio.create_task(one(session, n)))
            await asyncio.sleep(max(0.0, began + (n + 1) / rate - time.perf_counter()))
        await asyncio.gather(*tasks)
    return {
        "paced_answer_p50_ms": statistics.median(answers),
        "paced_answer_p99_ms": percentile(answers, 99),
        "paced_errors": errors,
    }


async def variant_bench(
    variant: str,
    database_url: str | None,
    seconds: float,
    starts: int,
    clients: int = CLIENTS,
) -> dict[str, float]:
    """Load and RSS from one process, then the median start-up over `starts` fresh ones."""
    slack = await SlackSide().start()
    with tempfile.TemporaryDirectory() as state:
        port = free_port()
        process = await spawn(variant, port, slack, database_url, state)
        try:
            await time_to_ready(port, time.perf_counter())
            await load(port, slack, 2.0, clients)  # warm-up
            result = await load(port, slack, seconds, clients)
            result |= await paced(port, slack, seconds, PACED_RATE)
            result["rss_mb"] = rss_mb(process.pid)
        finally:
            process.terminate()
            await process.wait()
        times = []
        for _ in range(starts):  # the store's database exists and is migrated, as on a restart
            port = free_port()
            started = time.perf_counter()
            process = await spawn(variant, port, slack, database_url, state)
            times.append(await time_to_ready(port, started))
            process.terminate()
            await process.wait()
        result["startup_ms"] = statistics.median(times)
    await slack.stop()
    return result


async def _admin(server: str, statement: str) -> None:
    dsn = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@asynccontextmanager
async def postgres_database(server: str | None) -> AsyncIterator[str | None]:
    """A database of this run's own on `server`, dropped afterwards (None without one)."""
    if not server:
        yield None
        return
    name = f"meshbot_bench_{uuid.uuid4().hex[:8]}"
    await _admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        await _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def serving_bench(seconds: float, starts: int, postgres: str | None) -> dict[str, dict]:
    """Every variant, then the ratios: against the bare app, and the store's cost
    against the store off."""
    async with postgres_database(postgres) as postgres_url:
        variants: dict[str, str | None] = {"bare": None, "meshbot": None, "store_off": "off"}
        if postgres_url:
            variants["postgresql"] = postgres_url
        results = {
            name: await variant_bench(name, url, seconds, starts) for name, url in variants.items()
        }
    bare, mesh, off = results["bare"], results["meshbot"], results["store_off"]
    results["ratios"] = {
        "answer_p50": mesh["answer_p50_ms"] / bare["answer_p50_ms"],
        "answer_p99": mesh["answer_p99_ms"] / bare["answer_p99_ms"],
        "paced_answer_p50": mesh["paced_answer_p50_ms"] / bare["paced_answer_p50_ms"],
        "paced_answer_p99": mesh["paced_answer_p99_ms"] / bare["paced_answer_p99_ms"],
        "ack_p50": mesh["ack_p50_ms"] / bare["ack_p50_ms"],
        "throughput": mesh["answers_per_s"] / bare["answers_per_s"],
        "rss": mesh["rss_mb"] / bare["rss_mb"],
        "startup": mesh["startup_ms"] / bare["startup_ms"],
    }
    results["store_cost"] = {
        name: {
            "answer_p50_vs_store_off": results[name]["answer_p50_ms"] / off["answer_p50_ms"],
            "paced_answer_p50_vs_store_off": results[name]["paced_answer_p50_ms"]
            / off["paced_answer_p50_ms"],
            "throughput_vs_store_off": results[name]["answers_per_s"] / off["answers_per_s"],
        }
        for name in ("meshbot", "postgresql")
        if name in results
    }
    return results


def print_serving(report: dict[str, dict]) -> None:
    asked = QUESTION.format(n="N")
    print(f"\nServing: signed /mesh {asked}, {CLIENTS} clients; answer = ack + response_url")
    for name, r in report.items():
        if name in ("ratios", "store_cost"):
            continue
        print(
            f"  {name:<10} answer p50 {r['answer_p50_ms']:6.2f} p99 {r['answer_p99_ms']:6.2f} ms"
            f"  ack p50 {r['ack_p50_ms']:6.2f} p99 {r['ack_p99_ms']:6.2f} ms"
            f"  {r['answers_per_s']:5.0f} answers/s  errors {r['errors']}"
            f"  RSS {r['rss_mb']:5.1f} MB  start-up {r['startup_ms']:5.0f} ms"
        )
        print(
            f"  {'':<10} at {PACED_RATE}/s: answer p50 {r['paced_answer_p50_ms']:6.2f}"
            f" p99 {r['paced_answer_p99_ms']:6.2f} ms  errors {r['paced_errors']}"
        )
    print("Ratios, meshbot (store on, SQLite by default) / bare Bolt")
    for key, value in report["ratios"].items():
        print(f"  {key:<11} {value:.2f}")
    print("The store's cost, against the store off")
    for name, cost in report["store_cost"].items():
        label = "sqlite" if name == "meshbot" else name
        print(
            f"  {label:<11} answer p50 {cost['answer_p50_vs_store_off']:.2f}x"
            f"  at {PACED_RATE}/s {cost['paced_answer_p50_vs_store_off']:.2f}x"
            f"  throughput {cost['throughput_vs_store_off']:.2f}x"
        )
