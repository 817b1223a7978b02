"""The `meshbot` command line: ask, chat, kb check/export, serve, socket."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError
from bot.store import cli as store_cli


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
    _knowledge_arg(ask)

    chat = commands.add_parser("chat", help="an interactive conversation in the terminal")
    _knowledge_arg(chat)

    kb = commands.add_parser("kb", help="check or export the knowledge base")
    kb_commands = kb.add_subparsers(dest="kb_command", required=True, metavar="KB_COMMAND")
    check = kb_commands.add_parser("check", help="validate a knowledge directory")
    check.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")
    export = kb_commands.add_parser("export", help="print the knowledge base as JSON")
    export.add_argument("dir", nargs="?", type=Path, default=None, help="knowledge directory")

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
    return parser


def _kb_check(directory: Path | None) -> int:
    try:
        kb = load_knowledge(directory)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Knowledge base OK: {kb.summary()}.")
    return 0


def _kb_export(directory: Path | None) -> int:
    from bot.knowledge.export import export_knowledge

    try:
        kb = load_knowledge(directory)
    except KnowledgeError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    json.dump(export_knowledge(kb), sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if hasattr(args, "store_command"):
        return store_cli.run(args)
    if args.command == "kb":
        return _kb_check(args.dir) if args.kb_command == "check" else _kb_export(args.dir)
    if args.command in ("ask", "chat"):
        from bot import terminal

        try:
            kb = load_knowledge(args.knowledge)
        except KnowledgeError as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        if args.command == "ask":
            return terminal.ask(kb, " ".join(args.text), as_json=args.json)
        return terminal.chat(kb)
    from bot.slack import run

    if args.command == "serve":
        return run.serve(args.host, args.port, args.knowledge, args.reload_knowledge)
    return run.socket_mode(args.knowledge, args.health_port)
