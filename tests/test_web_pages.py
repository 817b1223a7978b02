"""The pages over real HTTP on 127.0.0.1: content, caching, security headers, bad input."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest
from aiohttp import web
from multidict import CIMultiDict

from bot.advisor import Advisor
from bot.web.command import build_app
from bot.web.links import page_url
from tests.conftest import KNOWLEDGE
from tests.support.processes import free_port


class Elements(HTMLParser):
    """Collects tags with their attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(html: str) -> Elements:
    elements = Elements()
    elements.feed(html)
    return elements


@asynccontextmanager
async def serving(advisor: Advisor) -> AsyncIterator[str]:
    """The pages of `meshbot web` on a free loopback port."""
    runner = web.AppRunner(build_app(advisor))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@pytest.fixture
async def site() -> AsyncIterator[str]:
    advisor = Advisor(KNOWLEDGE)
    assert advisor.reload()
    async with serving(advisor) as url:
        yield url


async def get(url: str, **headers: str) -> tuple[int, CIMultiDict[str], str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as r:
        return r.status, CIMultiDict(r.headers), await r.text()


async def test_index_lists_every_mesh_with_its_page(site: str, kb) -> None:
    status, _, html = await get(site + "/")
    assert status == 200
    links = {a["href"] for a in parse(html).all("a")}
    for mesh_id in kb.meshes:
        assert f"/meshes/{mesh_id}" in links


async def test_comparison_has_the_full_matrix_charts_cost_and_resolving_citations(
    site: str, kb
) -> None:
    status, _, html = await get(site + "/compare?mesh=istio&mesh=linkerd&pods=1000&rps=2000")
    assert status == 200
    page = parse(html)
    row_headers = [a for t, a in page.tags if t == "th" and a.get("scope") == "row"]
    assert len(row_headers) >= len(kb.features)
    assert len(page.all("svg")) >= 1
    assert all(svg.get("role") == "img" and svg.get("aria-labelledby") for svg in page.all("svg"))
    text = " ".join(page.text)
    assert "1,000 pods" in text
    targets = {a["id"] for _, a in page.tags if a.get("id", "") and a["id"].startswith("source-")}
    cited = {a["href"][1:] for a in page.all("a") if (a.get("href") or "").startswith("#source-")}
    assert cited and cited <= targets, "every citation mark points at a listed source"
    assert targets <= cited, "every listed source is cited on the page"


async def test_vendor_figures_are_marked_in_text_not_only_colour(site: str) -> None:
    _, _, html = await get(site + "/compare?meshes=istio,linkerd")
    assert "vendor figure" in html
    assert "blog claim" in html
    assert "hatched bars are vendor figures or blog claims" in html


async def test_mesh_page_of_a_retired_mesh_names_its_successor(site: str, kb) -> None:
    retired = next(m for m in kb.meshes.values() if not m.is_current and m.replaced_by)
    status, _, html = await get(site + f"/meshes/{retired.id}")
    assert status == 200
    successor = kb.meshes[retired.replaced_by[0]]
    assert f'href="/meshes/{successor.id}"' in html
    assert retired.status.value.capitalize() in html


async def test_pages_carry_a_strict_csp_and_an_etag_by_knowledge_version(site: str) -> None:
    status, headers, html = await get(site + "/meshes/istio")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert not re.search(
        r"""(src|href)=["']https?://(?!127\.0\.0\.1)""", html.split('<ol class="sources">')[0]
    )
    again, _, _ = await get(site + "/meshes/istio", **{"If-None-Match": headers["ETag"]})
    assert again == 304
    _, other_headers, _ = await get(site + "/meshes/linkerd")
    assert other_headers["ETag"] != headers["ETag"]


async def test_etag_changes_when_the_knowledge_changes(kb_dir: Path) -> None:
    advisor = Advisor(kb_dir)
    assert advisor.reload()
    async with serving(advisor) as url:
        _, before, _ = await get(url + "/meshes/istio")
        meta = kb_dir / "meta.yaml"
        meta.write_text(meta.read_text() + "\n# edited\n")
        assert advisor.reload()
        status, after, _ = await get(url + "/meshes/istio", **{"If-None-Match": before["ETag"]})
    assert status == 200
    assert after["ETag"] != before["ETag"]


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/compare?meshes=istio,foomesh", 404, "I don't have “foomesh”"),
        ("/compare?meshes=istoi,linkerd", 404, "Istio"),
        ("/compare?mesh=istio", 400, "needs 2 to 4 meshes"),
        ("/compare?meshes=istio,linkerd,cilium,consul,kuma", 400, "this asked for 5"),
        ("/compare?meshes=istio,linkerd&pods=-5", 400, "whole number from 1 to"),
        ("/compare?meshes=istio,linkerd&pods=99999999999", 400, "whole number from 1 to"),
        ("/meshes/nope", 404, "I don't have “nope”"),
        ("/ask?i=%7Bbroken", 400, "That link is broken"),
        ("/ask?q=" + "x" * 600, 413, "at most 500 characters"),
        ("/compare?meshes=" + "istio," * 200, 414, "too long"),
    ],
)
async def test_bad_input_gets_a_helpful_page_not_a_trace(
    site: str, path: str, status: int, says: str
) -> None:
    got, headers, html = await get(site + path)
    assert got == status
    assert says in unescape(html)
    assert "Traceback" not in html
    assert "Content-Security-Policy" in headers


async def test_user_text_is_escaped_everywhere(site: str) -> None:
    hostile = "<script>alert(1)</script> compare <img src=x onerror=alert(2)>"
    for path in ("/ask?q=", "/compare?meshes=istio,", "/meshes/"):
        _, _, html = await get(site + path + aiohttp.helpers.quote(hostile, safe=""))
        assert "<script>" not in html and "<img src=x" not in html


async def test_ask_page_answers_with_html_and_follow_up_links(site: str) -> None:
    status, _, html = await get(site + "/ask?q=should+we+use+a+mesh+for+80+services")
    assert status == 200
    page = parse(html)
    follow = [a["href"] for a in page.all("a") if (a.get("href") or "").startswith("/ask?i=")]
    assert follow
    status, _, html = await get(site + follow[0])
    assert status == 200 and "<article" in html


async def test_decision_record_downloads_as_markdown(site: str) -> None:
    status, headers, text = await get(site + "/adr?q=recommend+for+80+services+small+team")
    assert status == 200
    assert headers["Content-Type"].startswith("text/markdown")
    assert "attachment" in headers["Content-Disposition"]
    for heading in ("# ADR:", "## Context", "## Decision", "## Consequences", "## Sources"):
        assert heading in text
    assert "services: 80" in text


@pytest.mark.parametrize("question", ["what laptop should new SREs get", "does linkerd do retries"])
async def test_decision_record_needs_a_decision(site: str, question: str) -> None:
    status, _, html = await get(site + "/adr?" + urlencode({"q": question}))
    assert status == 400 and "Nothing to write up" in html and "# ADR" not in html


@pytest.mark.parametrize(
    "question",
    [
        "compare istio and linkerd for 1000 pods",
        "tell me about linkerd",
        "recommend for 80 services",
    ],
)
async def test_slack_links_open_a_page_showing_that_answer(
    site: str, engine, question: str
) -> None:
    answer = engine.ask(question)
    url = page_url(site, answer)
    status, _, html = await get(url)
    assert status == 200
    for mesh_id in answer.intent.meshes:
        assert engine.kb.meshes[mesh_id].name in unescape(html)
