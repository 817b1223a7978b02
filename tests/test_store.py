"""The store on SQLite and PostgreSQL: migrations, claims, votes, gaps, the report,
forgetting, retention, the command line, and a database that is not there."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
from sqlalchemy import inspect, select

from bot.store.engine import DatabaseUrlError, async_url, current_revision
from bot.store.records import Comparison, Gap, GapReason, Vote
from bot.store.settings import StoreSettings, StoreSettingsError
from bot.store.store import Store
from bot.store.tables import gaps, metadata, votes

DEAD_POSTGRES = "postgresql://postgres@127.0.0.1:1/nothing"


@pytest.mark.parametrize(
    ("raw", "driver"),
    [
        ("postgresql://user@db.example:5432/mesh", "postgresql+asyncpg"),
        ("postgres://user@db.example/mesh", "postgresql+asyncpg"),
        ("postgresql+psycopg2://user@db.example/mesh", "postgresql+asyncpg"),
        ("sqlite:///var/lib/meshbot.db", "sqlite+aiosqlite"),
        ("sqlite+aiosqlite:///x.db", "sqlite+aiosqlite"),
    ],
)
def test_plain_urls_get_an_async_driver(raw, driver):
    assert async_url(raw).drivername == driver


def test_sslmode_becomes_asyncpg_ssl():
    url = async_url("postgresql://u@h/db?sslmode=require")
    assert url.query == {"ssl": "require"}


@pytest.mark.parametrize("raw", ["mysql://u@h/db", "not a url", "redis://h"])
def test_unsupported_urls_are_named_with_a_fix(raw):
    with pytest.raises(DatabaseUrlError, match="MESHBOT_DATABASE_URL"):
        async_url(raw)


def test_settings_read_admins_and_name_bad_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("MESHBOT_ADMINS", "U1, U2;W3")
    settings = StoreSettings.from_env()
    assert settings.admins == ["U1", "U2", "W3"]
    assert settings.database_url == f"sqlite:///{tmp_path / 'meshbot' / 'meshbot.db'}"
    assert settings.retention_days == 90 and settings.store_question_text
    monkeypatch.setenv("MESHBOT_RETENTION_DAYS", "0")
    with pytest.raises(StoreSettingsError, match="MESHBOT_RETENTION_DAYS is malformed"):
        StoreSettings.from_env()


async def test_migrations_run_up_from_empty(database_url):
    fresh = Store(StoreSettings(database_url=database_url))
    assert await fresh.start(migrate=True)
    assert await current_revision(fresh.engine) == "0001"
    async with fresh.engine.connect() as connection:
        names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    assert set(metadata.tables) <= names
    assert await fresh.start(migrate=True), "upgrading twice is a no-op"
    await fresh.close()


async def test_the_default_sqlite_file_is_created_on_first_run(tmp_path):
    path = tmp_path / "new" / "dir" / "meshbot.db"
    fresh = Store(StoreSettings(database_url=f"sqlite:///{path}"))
    assert await fresh.start(migrate=True)
    await fresh.close()
    assert path.is_file()


async def test_a_claim_is_won_once_until_it_expires(store):
    assert await store.claim("event:Ev1", 60) is True
    assert await store.claim("event:Ev1", 60) is False
    assert await store.claim("event:Ev2", -1) is True  # already expired
    assert await store.claim("event:Ev2", 60) is True
    assert [await store.count("rate:u:1", 60) for _ in range(3)] == [1, 2, 3]


async def test_votes_gaps_and_comparisons_make_the_report(store):
    down = Vote(vote="down", intent="compare", meshes=["istio", "linkerd"], user="U1", team="T1")
    assert await store.add_vote(down)
    explained = down.model_copy(update={"reason": "outdated", "comment": "see <@U9> <http://x>"})
    assert await store.explain_vote(explained)
    assert await store.add_vote(
        Vote(vote="down", intent="feature_check", meshes=["kuma"], features=["mtls"], user="U2")
    )
    assert await store.add_vote(Vote(vote="up", intent="compare", meshes=["istio"], user="U2"))
    for text in ("What about <@U123> Frobnicator?", "what about   frobnicator? <https://x.io|x>"):
        gap = Gap(reason=GapReason.unknown, text=text, parsed='{"kind":"unknown"}', user="U1")
        assert await store.add_gap(gap)
    assert await store.add_comparison(Comparison(meshes=["linkerd", "istio"], user="U3"))
    assert await store.add_comparison(Comparison(meshes=["istio", "linkerd"], user="U1"))

    report = await store.report(3600)
    assert [(g.text, g.count) for g in report.gaps] == [("what about frobnicator?", 2)]
    by_intent = {v.intent: (v.up, v.down) for v in report.feedback}
    assert by_intent == {"compare": (1, 1), "feature_check": (0, 1)}
    assert {(f.mesh, f.feature) for f in report.downvoted_facts} == {
        ("istio", None),
        ("linkerd", None),
        ("kuma", "mtls"),
    }
    assert report.down_reasons == {"outdated": 1, "not given": 1}
    assert [(c.meshes, c.count) for c in report.comparisons] == [(["istio", "linkerd"], 2)]
    async with store.engine.connect() as connection:
        rows = (await connection.execute(select(votes.c.user_hash, votes.c.comment))).all()
    assert all("U1" not in row.user_hash and len(row.user_hash) == 32 for row in rows)
    assert "see" in {row.comment for row in rows if row.comment}.pop()


async def test_without_question_text_only_the_parsed_form_is_kept(database_url):
    settings = StoreSettings(database_url=database_url, store_question_text=False)
    quiet = Store(settings)
    assert await quiet.start(migrate=True)
    gap = Gap(reason=GapReason.unknown_mesh, text="is zorbmesh good", parsed='{"kind":"unknown"}')
    assert await quiet.add_gap(gap)
    async with quiet.engine.connect() as connection:
        texts = (await connection.execute(select(gaps.c.text))).scalars().all()
    assert None in texts and "is zorbmesh good" not in texts
    report = await quiet.report(3600)
    assert "(parsed) unknown" in [g.text for g in report.gaps]
    await quiet.close()


async def test_forget_deletes_only_that_users_rows(store):
    for user in ("U1", "U2"):
        await store.add_vote(Vote(vote="up", intent="compare", user=user))
        await store.add_gap(Gap(reason=GapReason.unknown, text="x", parsed="{}", user=user))
        await store.add_comparison(Comparison(meshes=["a", "b"], user=user))
    assert await store.forget_user("U1") == 3
    report = await store.report(3600)
    assert [(v.up, v.down) for v in report.feedback] == [(1, 0)]
    assert [g.count for g in report.gaps] == [1]


async def test_retention_purges_old_rows(store, monkeypatch):
    await store.add_vote(Vote(vote="up", intent="compare", user="U1"))
    await store.claim("event:old", -1)
    import time

    later = time.time() + 91 * 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    assert await store.purge() == 2
    monkeypatch.undo()
    assert (await store.report(10**9)).feedback == []


async def test_an_unreachable_database_degrades_and_logs_once_a_minute(caplog):
    dead = Store(StoreSettings(database_url=DEAD_POSTGRES))
    with caplog.at_level(logging.ERROR, logger="bot.store"):
        assert await dead.start(migrate=True) is False
        assert await dead.claim("event:x", 60) is None  # skipped: just failed
        dead.health._retry_at = 0  # the few seconds' pause is over
        assert await dead.claim("event:x", 60) is None
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.store"]
    assert len(lines) == 1 and "ConnectionRefusedError" in lines[0]
    status = dead.status()
    assert status["ok"] is False and "Connect call failed" in status["last_error"]
    assert dead.health.failures.labels("claim")._value.get() == 1
    await dead.close()


def _meshbot(*args: str, url: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MESHBOT_")}
    env["MESHBOT_DATABASE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], env=env, capture_output=True, text=True, timeout=60
    )


async def test_command_line_upgrade_report_and_forget(database_url):
    assert "Store migrated" in _meshbot("db", "upgrade", url=database_url).stdout
    writer = Store(StoreSettings(database_url=database_url))
    assert await writer.start(migrate=False)
    await writer.add_gap(Gap(reason=GapReason.out_of_scope, text="best pizza?", parsed="{}"))
    await writer.add_vote(Vote(vote="down", intent="cost", meshes=["istio"], user="U777"))
    await writer.close()

    shown = _meshbot("report", "--since", "30d", "--json", url=database_url)
    report = json.loads(shown.stdout)
    assert {k: v for k, v in report["gaps"][0].items() if k in ("text", "count")} == {
        "text": "best pizza?",
        "count": 1,
    }
    assert "last_seen" in report["gaps"][0]
    assert {"intent": "cost", "up": 0, "down": 1} in report["feedback"]
    assert "Knowledge gaps" in _meshbot("report", url=database_url).stdout
    assert (
        "Deleted 1 rows about U777" in _meshbot("forget", "--user", "U777", url=database_url).stdout
    )
    bad = _meshbot("report", "--since", "soon", url=database_url)
    assert bad.returncode == 2 and "not a duration" in bad.stderr


def test_command_line_names_a_bad_url_and_a_dead_database():
    bad = _meshbot("db", "upgrade", url="mysql://x/y")
    assert bad.returncode == 2 and "only sqlite and postgresql" in bad.stderr
    dead = _meshbot("report", url=DEAD_POSTGRES)
    assert dead.returncode == 1 and "Connect call failed" in dead.stderr
    assert "Traceback" not in dead.stderr + bad.stderr
