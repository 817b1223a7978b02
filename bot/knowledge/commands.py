"""`meshbot kb …`: the maintainer's knowledge commands (check, export, releases)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.freshness import DEFAULT_MAX_AGE, MaxAge, stale_dates
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError


def register(commands: argparse._SubParsersAction) -> None:
    """Add `kb` and its subcommands to the `meshbot` parser."""
    kb = commands.add_parser("kb", help="check or export the knowledge base")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = kb_commands.add_parser("check", help="validate a knowledge directory")
    check.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    check.add_argument(
        "--max-age",
        type=MaxAge.parse,
        default=DEFAULT_MAX_AGE,
        metavar="AGE",
        help="warn about live meshes' dates older than this: 6m, 180d, 26w, 1y (default 6m)",
    )
    check.set_defaults(kb_run=_check)
    export = kb_commands.add_parser("export", help="print the knowledge base as JSON")
    export.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    export.set_defaults(kb_run=_export)
    compile_ = kb_commands.add_parser(
        "compile",
        help="validate and write the snapshot that serving loads without re-validating",
    )
    compile_.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    compile_.set_defaults(kb_run=_compile)
    releases = kb_commands.add_parser(
        "releases",
        help="compare recorded current versions with the latest GitHub releases",
        description="Exit 0 when every recorded version is current, 1 on drift, "
        "2 when releases could not be read. GITHUB_TOKEN (optional) raises the rate "
        "limit; MESHBOT_GITHUB_API_URL changes the API base URL.",
    )
    releases.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    releases.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="per request (default 10)"
    )
    releases.set_defaults(kb_run=_releases)


def run(args: argparse.Namespace) -> int:
    """Run the `kb` subcommand `args` names; the exit status."""
    return args.kb_run(args)


def _load(directory: Path | None, snapshot: bool = True) -> KnowledgeBase | None:
    try:
        return load_knowledge(directory, snapshot=snapshot)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return None


def _check(args: argparse.Namespace) -> int:
    kb = _load(args.dir, snapshot=False)
    if kb is None:
        return 1
    print(f"Knowledge base OK: {kb.summary()}.")
    warnings = stale_dates(kb, args.max_age, dt.date.today())
    for warning in warnings:
        print(f"Warning: {warning}")
    if warnings:
        print(f"{len(warnings)} warning(s): dates older than {args.max_age} (not errors).")
    return 0


def _export(args: argparse.Namespace) -> int:
    from bot.knowledge.export import export_knowledge

    kb = _load(args.dir)
    if kb is None:
        return 1
    json.dump(export_knowledge(kb), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def _compile(args: argparse.Namespace) -> int:
    from bot.knowledge.loader import default_knowledge_dir
    from bot.knowledge.snapshot import fingerprint, write_snapshot

    root = args.dir or default_knowledge_dir()
    kb = _load(root, snapshot=False)
    if kb is None:
        return 1
    path = write_snapshot(kb, root, fingerprint(root))
    if path is None:
        print(f"Cannot write the snapshot into {root}: make it writable.", file=sys.stderr)
        return 1
    print(f"Snapshot of knowledge version {kb.version} written to {path}.")
    return 0


def _releases(args: argparse.Namespace) -> int:
    import asyncio

    from bot.knowledge.releases import (
        DEFAULT_API_URL,
        ApiUnreachable,
        Drift,
        check_releases,
        drift_table,
    )

    kb = _load(args.dir)
    if kb is None:
        return 1
    api_url = os.environ.get("MESHBOT_GITHUB_API_URL") or DEFAULT_API_URL
    token = os.environ.get("GITHUB_TOKEN") or None
    try:
        checks = asyncio.run(check_releases(kb, api_url, token, args.timeout))
    except ApiUnreachable as exc:
        print(
            f"The GitHub releases API at {api_url} is unreachable ({exc}); nothing was "
            "compared. Check the network or MESHBOT_GITHUB_API_URL and run it again.",
            file=sys.stderr,
        )
        return 2
    print(drift_table(checks))
    drifted = [c for c in checks if c.outcome == Drift.drift]
    failed = [c for c in checks if c.outcome == Drift.error]
    if drifted:
        print(
            f"{len(drifted)} mesh(es) behind their latest release: update version.current, "
            "as_of and sources in their files, then run meshbot kb check."
        )
        return 1
    if failed:
        print(f"{len(failed)} repository(ies) could not be read; see the status column.")
        return 2
    print(f"All {len(checks)} recorded versions match the latest releases.")
    return 0
