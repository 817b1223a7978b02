"""Sources are what they claim: no search-result links, rules cite primary sources."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import SOURCES_KEY
from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.knowledge.models import SourceKind
from bot.render.blocks import build_message, build_view_message
from bot.render.button_values import View
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write


@pytest.mark.parametrize(
    "url",
    [
        "https://duckduckgo.com/?q=%22Linkerd+vs+Istio%22",
        "https://www.google.com/search?q=linkerd+vs+istio",
        "https://www.google.co.uk/url?q=https://example.org/post",
        "https://www.bing.com/search?q=istio",
        "https://search.yahoo.com/search?p=istio",
    ],
)
def test_search_engine_urls_are_rejected_with_a_fix(kb_dir, url):
    data = read(kb_dir / "sources.yaml")
    data["sources"][2]["url"] = url
    write(kb_dir / "sources.yaml", data)
    found = next(p for p in problems_of(kb_dir) if p.startswith("sources.yaml: sources[2].url: "))
    assert "is a search-engine result, not the source itself" in found
    assert "Fix: link the source's own page; if it has none, remove url" in found


def test_a_vendor_docs_page_on_a_search_company_host_is_fine(kb_dir):
    data = read(kb_dir / "sources.yaml")
    data["sources"][2]["url"] = "https://cloud.google.com/service-mesh/docs/overview?hl=en"
    write(kb_dir / "sources.yaml", data)
    load_knowledge(kb_dir)


def test_a_rule_citing_no_primary_source_is_reported(kb_dir):
    data = read(kb_dir / "rules.yaml")
    data["rules"][0]["sources"] = ["seed-004", "seed-002"]  # a blog and vendor marketing
    write(kb_dir / "rules.yaml", data)
    rule_id = data["rules"][0]["id"]
    assert any(
        p.startswith(f"rules.yaml: rules[0].sources: rule '{rule_id}' cites no primary source")
        and "official_docs" in p
        for p in problems_of(kb_dir)
    )


def test_shipped_seed_articles_have_no_link_and_say_what_they_are(kb):
    for seed in ("seed-000", "seed-001"):
        source = kb.sources[seed]
        assert source.url is None
        assert "seed article" in source.publisher


def _ids_cited(data: object) -> Iterator[str]:
    """Every string in a dumped model, outside `seen_in` (where a claim was read, not its
    support)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "seen_in":
                yield from _ids_cited(value)
    elif isinstance(data, (list, tuple)):
        for value in data:
            yield from _ids_cited(value)
    elif isinstance(data, str):
        yield data


def test_no_fact_rests_on_a_source_without_a_public_address(kb):
    linkless = {s.id for s in kb.sources.values() if s.url is None}
    dumped = [kb.rules.model_dump(), *(m.model_dump() for m in kb.meshes.values())]
    dumped += [f.model_dump() for f in kb.features.values()]
    cited = {s for d in dumped for s in _ids_cited(d)}
    assert linkless and not linkless & cited


def test_a_rule_that_cites_a_blog_says_its_opinion_is_practitioner_judgement(kb):
    for rule in kb.rules.rules:
        if any(kb.sources[s].kind == SourceKind.blog for s in rule.sources):
            assert "practitioner" in rule.because, rule.id


def test_a_source_without_a_link_renders_without_one(kb_dir):
    # A rule citing a seed post with no address beside its primary sources.
    data = read(kb_dir / "rules.yaml")
    jwt = next(r for r in data["rules"] if r["id"] == "jwt")
    jwt["sources"] = ["seed-000", *jwt["sources"]]
    write(kb_dir / "rules.yaml", data)
    kb = load_knowledge(kb_dir)
    answer = AnswerEngine(kb).ask("we need jwt validation, 40 services, recommend a mesh")
    assert "seed-000" in [s.id for s in answer.sources]
    terminal = render_terminal(answer)
    line = next(ln for ln in terminal.splitlines() if "Which Service Mesh Should You Use" in ln)
    assert line.endswith("(no public link)")
    sources_page = build_view_message(answer, View(section=SOURCES_KEY))
    assert "None" not in json.dumps(build_message(answer, share=False))
    message = json.dumps(sources_page)
    assert "None" not in message
    start = message.index("Which Service Mesh Should You Use")
    assert "<" not in message[start - 12 : start]  # a title, not a link


def test_export_writes_null_for_a_source_without_a_link(capsys):
    assert main(["kb", "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 2
    assert data["sources"]["seed-000"]["url"] is None
    assert data["sources"]["istio-perf"]["url"].startswith("https://istio.io/")
