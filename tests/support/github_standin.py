"""A GitHub releases API stand-in on loopback, answering from recorded release and tag lists."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

RECORDED = json.loads((Path(__file__).parent / "github_releases.json").read_text())


@dataclass
class GitHubStandIn:
    """Serves `GET /repos/{owner}/{repo}/releases` and the tag refs under
    `/git/matching-refs/tags/{prefix}`; records each request's headers."""

    releases: dict[str, list[dict]] = field(
        default_factory=lambda: {k: v for k, v in RECORDED.items() if not k.startswith("_")}
    )
    tags: dict[str, list[dict]] = field(default_factory=lambda: dict(RECORDED["_tags"]))
    status: int = 200  # set to 403 to answer like GitHub's rate limit
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""
    _runner: web.AppRunner | None = None

    async def start(self) -> GitHubStandIn:
        app = web.Application()
        app.router.add_get("/repos/{owner}/{repo}/releases", self._releases)
        app.router.add_get("/repos/{owner}/{repo}/git/matching-refs/tags/{prefix}", self._tags)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        host, port = self._runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def _releases(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.headers) | {"path": request.path_qs})
        if self.status != 200:
            return web.json_response({"message": "API rate limit exceeded"}, status=self.status)
        repo = f"{request.match_info['owner']}/{request.match_info['repo']}"
        if repo not in self.releases:
            return web.json_response({"message": "Not Found"}, status=404)
        return web.json_response(self.releases[repo])

    async def _tags(self, request: web.Request) -> web.Response:
        """Like GitHub: every tag ref that starts with the prefix (an empty list if none)."""
        self.requests.append(dict(request.headers) | {"path": request.path_qs})
        if self.status != 200:
            return web.json_response({"message": "API rate limit exceeded"}, status=self.status)
        repo = f"{request.match_info['owner']}/{request.match_info['repo']}"
        wanted = f"refs/tags/{request.match_info['prefix']}"
        refs = [r for r in self.tags.get(repo, []) if r["ref"].startswith(wanted)]
        return web.json_response(refs)
