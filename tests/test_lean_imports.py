"""Each command imports what it needs: `ask` no store, pages or server; serving no Alembic
when the database is at the shipped head, and no Jinja before the first page request."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import aiohttp
from alembic.script import ScriptDirectory

from bot.store.engine import HEAD_REVISION, alembic_config
from tests.support.processes import MESHBOT, free_port, wait_http
from tests.support.signing import SECRET

NOT_FOR_ASK = {"sqlalchemy", "alembic", "jinja2", "aiohttp", "mako"}


def imported(importtime_log: str) -> set[str]:
    """Top-level packages named in a `-X importtime` log."""
    names = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            module = line.rsplit("|", 1)[1].strip()
            names.add(module.split(".")[0])
    return names


def test_ask_imports_neither_the_store_nor_the_pages_nor_the_server():
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *MESHBOT[1:], "ask", "does linkerd support retries"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "Linkerd" in done.stdout
    modules = imported(done.stderr)
    assert "bot" in modules and "pydantic" in modules, "the log lists what was imported"
    assert modules & NOT_FOR_ASK == set()


def test_the_shipped_head_constant_is_alembics_head():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    return env | extra


async def test_serving_a_migrated_store_skips_alembic_and_loads_jinja_on_the_first_page(
    tmp_path: Path, slack
):
    url = f"sqlite:///{tmp_path / 'meshbot.db'}"
    migrated = subprocess.run(
        [*MESHBOT, "db", "upgrade"], env=_env(MESHBOT_DATABASE_URL=url), capture_output=True
    )
    assert migrated.returncode == 0, migrated.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    env = _env(
        MESHBOT_DATABASE_URL=url,
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=slack.api_url,
        PYTHONPROFILEIMPORTTIME="1",
    )
    with log.open("w") as stderr:
        process = await asyncio.create_subprocess_exec(
            *MESHBOT, "serve", "--host", "127.0.0.1", "--port", str(port), env=env, stderr=stderr
        )
        try:
            status, ready = await wait_http(f"http://127.0.0.1:{port}/readyz")
            assert status == 200 and ready["store"]["ok"]
            at_start = imported(log.read_text())
            async with (
                aiohttp.ClientSession() as session,
                session.get(f"http://127.0.0.1:{port}/") as page,
            ):
                assert page.status == 200 and "Istio" in await page.text()
        finally:
            process.terminate()
            await process.wait()
    assert "sqlalchemy" in at_start, "the store is on, as by default"
    assert {"alembic", "mako", "jinja2"} & at_start == set()
    assert "jinja2" in imported(log.read_text())
