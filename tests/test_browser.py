"""The pages in a real browser: headless Chromium driven by Playwright.

Uses Debian's chromium (MESHBOT_TEST_CHROMIUM, else `chromium` on PATH). Without
one the tests skip and say so; when MESHBOT_TEST_CHROMIUM is set (CI) a missing
browser is a failure, not a skip. Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.processes import free_port

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artifacts" / "browser"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    wanted = os.environ.get("MESHBOT_TEST_CHROMIUM", "")
    if wanted:
        assert Path(wanted).exists(), f"MESHBOT_TEST_CHROMIUM={wanted} does not exist"
        return wanted
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip(
            "no Chromium here: install Debian's chromium package or set MESHBOT_TEST_CHROMIUM"
        )
    return found


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MESHBOT_"))}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "meshbot web did not start"
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None
        ),
    )
    yield page
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert outside == [], "the pages made third-party requests"


def test_comparison_renders_the_matrix_and_an_svg_chart(site: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(site + "/compare?mesh=istio&mesh=linkerd&pods=1000")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Linkerd")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    matrix = page.locator("table.matrix")
    expect(matrix).to_be_visible()
    expect(matrix.get_by_role("columnheader", name="Linkerd")).to_be_visible()
    expect(matrix.get_by_role("rowheader", name="Mutual TLS (mTLS)")).to_be_visible()
    chart = page.locator("svg.range-chart").first
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 40
    assert chart.locator("rect").count() >= 2


def test_a_source_mark_leads_to_its_entry(site: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(site + "/meshes/linkerd")
    mark = page.locator("table.matrix a.cite").first
    target = mark.get_attribute("href")
    mark.click()
    assert page.url.endswith(target)
    entry = page.locator(target)
    expect(entry).to_be_in_viewport()
    expect(entry.get_by_role("link")).to_have_attribute("href", re.compile(r"^https?://.+"))


def test_the_ask_form_renders_the_engines_answer(site: str, page) -> None:
    from playwright.sync_api import expect

    page.goto(site + "/ask")
    page.get_by_label("Your question").fill("does linkerd support circuit breaking")
    page.get_by_role("button", name="Ask").click()
    expect(page.locator("article.answer h2")).to_be_visible()
    expect(page.locator("article.answer")).to_contain_text("Linkerd")


def test_a_hostile_query_stays_inert(site: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    page.goto(site + "/ask?q=" + urllib.request.quote(hostile))
    page.wait_for_load_state("load")
    assert page.get_by_label("Your question").input_value() == hostile
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert dialogs == []
