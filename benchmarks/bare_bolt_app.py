"""The baseline: a bare slack-bolt AsyncApp on aiohttp whose /mesh only acks.

Same adapter, same signing check, same /readyz as meshbot serve, so the
difference measured is what Mesh Advisor adds.   python bare_bolt_app.py PORT
"""

from __future__ import annotations

import os
import sys

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

app = AsyncApp(
    client=AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]
    ),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
)


@app.command("/mesh")
async def mesh(ack) -> None:
    await ack()


async def slack_events(request: web.Request) -> web.Response:
    return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))


async def readyz(_: web.Request) -> web.Response:
    return web.json_response({"ready": True})


if __name__ == "__main__":
    web_app = web.Application()
    web_app.router.add_post("/slack/events", slack_events)
    web_app.router.add_get("/readyz", readyz)
    web.run_app(web_app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
