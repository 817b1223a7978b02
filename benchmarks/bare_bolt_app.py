"""The baseline: a bare slack-bolt AsyncApp on aiohttp that answers `/mesh` as Mesh
Advisor does, with an ack and then one POST to the command's response_url.

Same adapter, same signing check, same /readyz as meshbot serve, and the same way of
posting (one shared aiohttp session, slack_sdk's webhook client), so the difference
measured is what Mesh Advisor adds: parsing, answering, rendering, the store, its
guards and metrics.   python bare_bolt_app.py PORT
"""

from __future__ import annotations

import os
import sys

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

ANSWER = {"response_type": "ephemeral", "text": "Istio and Linkerd, compared."}

app = AsyncApp(
    client=AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]
    ),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
)
SESSION = web.AppKey("session", aiohttp.ClientSession)


@app.command("/mesh")
async def mesh(ack, command, context) -> None:
    await ack()
    webhook = AsyncWebhookClient(command["response_url"], session=context["session"])
    await webhook.send_dict(ANSWER)


async def slack_events(request: web.Request) -> web.Response:
    bolt_request = await to_bolt_request(request)
    bolt_request.context["session"] = request.app[SESSION]
    return await to_aiohttp_response(await app.async_dispatch(bolt_request))


async def readyz(_: web.Request) -> web.Response:
    return web.json_response({"ready": True})


async def session(web_app: web.Application):
    web_app[SESSION] = aiohttp.ClientSession()
    yield
    await web_app[SESSION].close()


if __name__ == "__main__":
    web_app = web.Application()
    web_app.cleanup_ctx.append(session)
    web_app.router.add_post("/slack/events", slack_events)
    web_app.router.add_get("/readyz", readyz)
    web.run_app(web_app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
