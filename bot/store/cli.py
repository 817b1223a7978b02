"""`meshbot db upgrade|purge`, `meshbot report [--since 30d] [--json]`, `meshbot forget`.

Registering the commands imports nothing of the store: SQLAlchemy and the settings are
imported when one of these commands runs, so `meshbot ask` never loads them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.store.report import Report
    from bot.store.store import Store

_DURATION = re.compile(r"^\s*(\d+)\s*([dhw]?)\s*$")
_UNIT_SECONDS = {"": 86_400, "d": 86_400, "h": 3_600, "w": 604_800}
_SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,20}$")


def duration(text: str) -> float:
    """'30d', '12h', '2w' or '30' (days) in seconds."""
    match = _DURATION.match(text.lower())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a duration: use e.g. 30d, 12h or 2w")
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def slack_user(text: str) -> str:
    if not _SLACK_USER.match(text.strip()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a Slack user id (like U0123ABCD)")
    return text.strip()


def register(commands: argparse._SubParsersAction) -> None:
    db = commands.add_parser("db", help="the store: apply migrations or purge old rows")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="DB_COMMAND")
    db_commands.add_parser("upgrade", help="apply the store's migrations (MESHBOT_DATABASE_URL)")
    db_commands.add_parser("purge", help="delete rows older than MESHBOT_RETENTION_DAYS now")
    db.set_defaults(run=run, store_command=_db)

    report = commands.add_parser("report", help="knowledge gaps and feedback from the store")
    report.add_argument("--since", type=duration, default=duration("30d"), help="e.g. 30d, 12h")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.set_defaults(run=run, store_command=_report)

    forget = commands.add_parser("forget", help="delete everything stored about one user")
    forget.add_argument("--user", type=slack_user, required=True, metavar="U123")
    forget.set_defaults(run=run, store_command=_forget)


def run(args: argparse.Namespace) -> int:
    """Run a store command: 0 done, 1 the database failed, 2 bad configuration."""
    import asyncio

    from bot.store.engine import DatabaseUrlError
    from bot.store.settings import StoreSettings, StoreSettingsError
    from bot.store.store import Store

    try:
        settings = StoreSettings.from_env()
        if not settings.enabled:
            print("The store is off (MESHBOT_DATABASE_URL=off): nothing to do.", file=sys.stderr)
            return 2
        store = Store(settings)
    except (StoreSettingsError, DatabaseUrlError) as exc:
        print(f"Configuration error: {exc}", file=sys.stderr)
        return 2
    return asyncio.run(_with_store(store, args.store_command, args))


async def _with_store(
    store: Store, command: Callable[[Store, argparse.Namespace], Awaitable[int]], args
) -> int:
    try:
        return await command(store, args)
    finally:
        await store.engine.dispose()


def _failed(store: Store, what: str) -> int:
    print(f"Could not {what}: {store.health.last_error}", file=sys.stderr)
    return 1


async def _db(store: Store, args: argparse.Namespace) -> int:
    if args.db_command == "upgrade":
        from bot.store.engine import upgrade

        try:
            await upgrade(store.engine)
        except Exception as exc:  # report the database's own words, never a traceback
            print(f"Could not apply migrations: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        print(f"Store migrated ({store.backend}).")
        return 0
    deleted = await store.purge()
    if deleted is None:
        return _failed(store, "purge")
    print(f"Deleted {deleted} expired rows.")
    return 0


async def _report(store: Store, args: argparse.Namespace) -> int:
    report = await store.report(args.since)
    if report is None:
        return _failed(store, "read the report (run `meshbot db upgrade` first?)")
    if args.json:
        print(report.model_dump_json(indent=2))
    else:
        print(render_text(report))
    return 0


async def _forget(store: Store, args: argparse.Namespace) -> int:
    deleted = await store.forget_user(args.user)
    if deleted is None:
        return _failed(store, f"forget {args.user}")
    print(f"Deleted {deleted} rows about {args.user}.")
    return 0


def render_text(report: Report) -> str:
    lines = [f"Mesh Advisor report since {report.since}", "", "Knowledge gaps:"]
    lines += [f"  {g.count:>4}  {g.text}  ({g.reason}, last {g.last_seen})" for g in report.gaps]
    lines += ["", "👎 rate per intent:"]
    lines += [
        f"  {v.intent:<16} {v.down}/{v.up + v.down} ({v.down_rate:.0%})" for v in report.feedback
    ]
    lines += ["", "👎 rate per mesh:"]
    lines += [
        f"  {v.mesh:<16} {v.down}/{v.up + v.down} ({v.down_rate:.0%})"
        for v in report.feedback_by_mesh
    ]
    lines += ["", "Facts most often shown with a 👎:"]
    lines += [f"  {f.down:>4}  {f.mesh} {f.feature or ''}".rstrip() for f in report.downvoted_facts]
    lines += ["", "Most asked comparisons:"]
    lines += [f"  {c.count:>4}  {' vs '.join(c.meshes)}" for c in report.comparisons]
    if report.down_reasons:
        lines += ["", "Why 👎: " + json.dumps(report.down_reasons)]
    return "\n".join(lines)
