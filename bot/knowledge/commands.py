"""`meshbot kb …`: check, export (and the maintainer's other knowledge commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError


def register(commands: argparse._SubParsersAction) -> None:
    """Add `kb` and its subcommands to the `meshbot` parser."""
    kb = commands.add_parser("kb", help="check or export the knowledge base")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = kb_commands.add_parser("check", help="validate a knowledge directory")
    check.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    check.set_defaults(kb_run=_check)
    export = kb_commands.add_parser("export", help="print the knowledge base as JSON")
    export.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    export.set_defaults(kb_run=_export)


def run(args: argparse.Namespace) -> int:
    """Run the `kb` subcommand `args` names; the exit status."""
    return args.kb_run(args)


def _check(args: argparse.Namespace) -> int:
    try:
        kb = load_knowledge(args.dir)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Knowledge base OK: {kb.summary()}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    from bot.knowledge.export import export_knowledge

    try:
        kb = load_knowledge(args.dir)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    json.dump(export_knowledge(kb), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0
