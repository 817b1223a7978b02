"""`meshbot web`: the pages alone, with no Slack settings at all.

Registering the command imports no web framework; `run` does.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

    from bot.advisor import Advisor


def register(commands: argparse._SubParsersAction) -> None:
    web_cmd = commands.add_parser("web", help="serve the comparison pages (no Slack needed)")
    web_cmd.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    web_cmd.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    web_cmd.add_argument(
        "--knowledge",
        type=Path,
        default=None,
        metavar="DIR",
        help="knowledge directory (default: the one shipped with meshbot)",
    )
    web_cmd.set_defaults(run=run)


def build_app(advisor: Advisor) -> web.Application:
    from aiohttp import web

    from bot.web.routes import add_web_routes

    app = web.Application()
    add_web_routes(app, advisor)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive", "knowledge_version": advisor.version})

    app.router.add_get("/healthz", healthz)
    return app


def run(args: argparse.Namespace) -> int:
    import logging

    from aiohttp import web

    from bot.advisor import Advisor

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    advisor = Advisor(args.knowledge)
    if not advisor.reload():
        print(advisor.last_error)
        return 1
    print(f"Mesh Advisor pages on http://{args.host}:{args.port}/", flush=True)
    web.run_app(build_app(advisor), host=args.host, port=args.port, print=None)
    return 0
