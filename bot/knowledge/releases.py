"""Release drift: each mesh's recorded current version against its latest GitHub release.

Uses GitHub's public REST API (`GET /repos/{owner}/{repo}/releases`). A token is
optional (`GITHUB_TOKEN`, for the higher rate limit); the API base URL is configurable
(`MESHBOT_GITHUB_API_URL`) so tests point it at a stand-in on loopback.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from enum import StrEnum

import aiohttp

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh

DEFAULT_API_URL = "https://api.github.com"
_NUMBERS = re.compile(r"\d+(?:\.\d+)*")


class Drift(StrEnum):
    current = "current"
    drift = "DRIFT"
    error = "error"


@dataclass(frozen=True)
class ReleaseCheck:
    """One mesh's recorded version against its repository's latest release."""

    mesh_id: str
    repo: str
    recorded: str
    latest: str | None
    outcome: Drift
    detail: str = ""


class ApiUnreachable(Exception):
    """The releases API could not be reached at all (network, DNS, timeout)."""


def version_numbers(text: str) -> tuple[int, ...]:
    """(1, 31) for '1.31', (2, 14, 7) for 'v2.14.7'; () when there are no numbers."""
    match = _NUMBERS.search(text)
    return tuple(int(n) for n in match.group().split(".")) if match else ()


def matches(recorded: str, latest: str) -> bool:
    """Whether the recorded version names the latest release ('1.31' covers '1.31.2')."""
    want, have = version_numbers(recorded), version_numbers(latest)
    return bool(want) and have[: len(want)] == want


def latest_release(releases: list[dict], tag_pattern: str) -> str | None:
    """The highest published, non-prerelease version whose tag matches `tag_pattern`.

    Highest by version, not newest by date: a patch to an older line (1.29.9) is
    often published after the newest line (1.31.0).
    """
    rx = re.compile(tag_pattern)
    versions = []
    for release in releases:
        if release.get("draft") or release.get("prerelease"):
            continue
        found = rx.search(str(release.get("tag_name", "")))
        if found and version_numbers(found.group(1)):
            versions.append(found.group(1))
    return max(versions, key=version_numbers, default=None)


async def check_releases(
    kb: KnowledgeBase, api_url: str, token: str | None, timeout: float = 10.0
) -> list[ReleaseCheck]:
    """Check every mesh that records a release repository; raise ApiUnreachable."""
    meshes = [m for m in kb.meshes.values() if m.releases]
    headers = {
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "meshbot-kb-releases",
    }
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with aiohttp.ClientSession(
        base_url=api_url.rstrip("/") + "/",
        headers=headers,
        timeout=aiohttp.ClientTimeout(total=timeout),
    ) as session:
        fetches = await asyncio.gather(
            *(_fetch(session, m) for m in meshes), return_exceptions=True
        )
    failures = [f for f in fetches if isinstance(f, ApiUnreachable)]
    if failures and len(failures) == len(fetches):
        raise failures[0]
    return [
        _compare(mesh, fetched)
        if not isinstance(fetched, BaseException)
        else ReleaseCheck(
            mesh.id, mesh.releases.repo, mesh.version.current, None, Drift.error, str(fetched)
        )
        for mesh, fetched in zip(meshes, fetches, strict=True)
    ]


async def _fetch(session: aiohttp.ClientSession, mesh: Mesh) -> list[dict] | str:
    """The repository's recent releases (or its tags with `tag_prefix`, shaped like releases),
    or why they could not be read."""
    assert mesh.releases
    repo, prefix = mesh.releases.repo, mesh.releases.tag_prefix
    path, params = (
        (f"repos/{repo}/git/matching-refs/tags/{prefix}", {})
        if prefix
        else (f"repos/{repo}/releases", {"per_page": "100"})
    )
    try:
        async with session.get(path, params=params) as response:
            if response.status == 200:
                body = await response.json(content_type=None)
                if not isinstance(body, list):
                    return "unexpected answer (not a list)"
                return [_as_release(ref) for ref in body] if prefix else body
            if response.status in (403, 429):
                return f"HTTP {response.status}: rate-limited; set GITHUB_TOKEN and retry"
            return f"HTTP {response.status} for {mesh.releases.repo}"
    except (aiohttp.ClientConnectionError, TimeoutError) as exc:
        raise ApiUnreachable(f"{type(exc).__name__}: {exc}") from exc


def _as_release(ref: dict) -> dict:
    """A git tag ref ({"ref": "refs/tags/version-2.20"}) read as a published release."""
    return {"tag_name": str(ref.get("ref", "")).removeprefix("refs/tags/")}


def _compare(mesh: Mesh, fetched: list[dict] | str) -> ReleaseCheck:
    assert mesh.releases
    repo, recorded = mesh.releases.repo, mesh.version.current
    if isinstance(fetched, str):
        return ReleaseCheck(mesh.id, repo, recorded, None, Drift.error, fetched)
    latest = latest_release(fetched, mesh.releases.tag_pattern)
    if latest is None:
        return ReleaseCheck(
            mesh.id, repo, recorded, None, Drift.error, "no release tag matches tag_pattern"
        )
    outcome = Drift.current if matches(recorded, latest) else Drift.drift
    return ReleaseCheck(mesh.id, repo, recorded, latest, outcome)


def drift_table(checks: list[ReleaseCheck]) -> str:
    """A plain-text table: mesh, repository, recorded, latest, status."""
    rows = [("mesh", "repository", "recorded", "latest", "status")]
    rows += [
        (
            c.mesh_id,
            c.repo,
            c.recorded,
            c.latest or "?",
            f"{c.outcome}: {c.detail}" if c.detail else str(c.outcome),
        )
        for c in checks
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in rows
    )
