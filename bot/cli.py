"""The `meshbot` command line: ask, chat, kb check/export, serve, socket.

Each subcommand imports what it needs when it runs: `meshbot ask` loads neither
the store (SQLAlchemy, Alembic), the pages (Jinja2) nor the Slack server (aiohttp).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.knowledge import commands as kb_commands
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError
from bot.store import cli as store_cli
from bot.web import command as web_command


def _knowledge_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="DIR",
        help="knowledge directory (default: the one shipped with meshbot)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="meshbot", description="Mesh Advisor: sourced answers to service-mesh questions."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer one question in the terminal (no Slack needed)")
    ask.add_argument("text", nargs="+", help='the question, e.g. "compare istio linkerd"')
    ask.add_argument("--json", action="store_true", help="print the Slack message payload")
    ask.add_argument(
        "--format",
        choices=("text", "json", "adr"),
        default="text",
        help="text (default), json (the Slack payload) or adr (a Markdown decision record)",
    )
    ask.add_argument(
        "--full",
        action="store_true",
        help="every section of the answer (by default the first view, as Slack shows it)",
    )
    _knowledge_arg(ask)

    chat = commands.add_parser("chat", help="an interactive conversation in the terminal")
    _knowledge_arg(chat)

    kb_commands.register(commands)

    serve = commands.add_parser("serve", help="run the Slack app over HTTP (production)")
    serve.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    serve.add_argument("--port", type=int, default=3000, help="port (default 3000)")
    serve.add_argument(
        "--reload-knowledge",
        action="store_true",
        help="re-read the knowledge directory when its files change",
    )
    _knowledge_arg(serve)

    socket = commands.add_parser("socket", help="run the Slack app in Socket Mode (local testing)")
    socket.add_argument(
        "--health-port",
        type=int,
        default=None,
        metavar="PORT",
        help="also serve /healthz, /readyz and /metrics on this port",
    )
    _knowledge_arg(socket)
    store_cli.register(commands)
    web_command.register(commands)
    return parser


def _kb(args: argparse.Namespace) -> int:
    """`meshbot kb …`; `kb compile` also writes the parser's English word list, so that
    no process has to decode wordfreq's file (bot/intents/lexicon.py)."""
    status = kb_commands.run(args)
    if status == 0 and args.kb_command == "compile":
        from bot.intents import lexicon

        lexicon.load()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "run"):
        return args.run(args)
    if args.command == "kb":
        return _kb(args)
    if args.command in ("ask", "chat"):
        from bot import terminal

        try:
            kb = load_knowledge(args.knowledge)
        except KnowledgeError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        if args.command == "ask":
            # One answer, then the process ends: spare it the collector's last pass over every
            # object of the knowledge base and the parser (~25 ms), whose memory exit frees.
            atexit.register(gc.freeze)
            fmt = "json" if args.json else args.format
            try:
                return terminal.ask(kb, " ".join(args.text), fmt=fmt, full=args.full)
            except BrokenPipeError:  # the reader stopped early (`| head`): not our error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 1
        return terminal.chat(kb)
    from bot.slack import run

    if args.command == "serve":
        return run.serve(args.host, args.port, args.knowledge, args.reload_knowledge)
    return run.socket_mode(args.knowledge, args.health_port)
