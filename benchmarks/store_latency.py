"""Reply latency with the store on (SQLite, PostgreSQL) against the store off and a bare
Bolt app, side by side in one run (loopback only).

    python benchmarks/store_latency.py [--postgres postgresql://postgres@127.0.0.1:5432/test]
        [--seconds 10] [--clients 20] [--json]

Signed `/mesh compare istio linkerd` (each records a comparison, and with PostgreSQL
claims its signature in the ack path). With --postgres, a database of its own is
created on that server and dropped afterwards. Figures are ratios to the bare app and
to the store off, measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
from sqlalchemy import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.perf import BARE_APP, load, time_to_ready  # noqa: E402
from tests.support.processes import free_port  # noqa: E402
from tests.support.signing import SECRET  # noqa: E402
from tests.support.slack_standin import SlackStandIn  # noqa: E402


async def spawn(database_url: str | None, port: int, slack: SlackStandIn):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    env.update(
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack.api_url,
        MESHBOT_RATE_LIMIT="1000000",
        MESHBOT_LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    if database_url is None:
        args = [sys.executable, str(BARE_APP), str(port)]
    else:
        env["MESHBOT_DATABASE_URL"] = database_url
        args = [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return await asyncio.create_subprocess_exec(
        *args, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL
    )


async def measure(database_url: str | None, seconds: float, clients: int) -> dict[str, float]:
    slack = await SlackStandIn().start()
    port = free_port()
    process = await spawn(database_url, port, slack)
    try:
        await time_to_ready(port, time.perf_counter())
        await load(port, slack, 2.0, clients)  # warm-up
        return await load(port, slack, seconds, clients)
    finally:
        process.terminate()
        await process.wait()
        await slack.stop()


async def _admin(server: str, statement: str) -> None:
    dsn = make_url(server).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def main_async(postgres: str | None, seconds: float, clients: int) -> dict:
    variants: dict[str, str | None] = {"bare": None, "store_off": "off"}
    with tempfile.TemporaryDirectory() as tmp:
        variants["sqlite"] = f"sqlite:///{tmp}/bench.db"
        name = f"meshbot_bench_{uuid.uuid4().hex[:8]}"
        if postgres:
            await _admin(postgres, f'CREATE DATABASE "{name}"')
            variants["postgresql"] = (
                make_url(postgres).set(database=name).render_as_string(hide_password=False)
            )
        try:
            results = {k: await measure(url, seconds, clients) for k, url in variants.items()}
        finally:
            if postgres:
                await _admin(postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    bare, off = results["bare"]["p50_ms"], results["store_off"]["p50_ms"]
    for result in results.values():
        result["p50_vs_bare"] = result["p50_ms"] / bare
        result["p50_vs_store_off"] = result["p50_ms"] / off
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("MESHBOT_TEST_DATABASE_URL"))
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = asyncio.run(main_async(args.postgres, args.seconds, args.clients))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(f"{'variant':<12} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'vs bare':>8} {'vs off':>8}")
    for name, r in results.items():
        print(
            f"{name:<12} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['rps']:>8.0f} "
            f"{r['p50_vs_bare']:>8.2f} {r['p50_vs_store_off']:>8.2f}  errors={r['errors']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
