"""A feature that cannot apply to an offering (native sidecars where no sidecar runs, a
Kubernetes API on ECS) reads "n/a" with its short reason in every renderer, within the
first card's budget; `kb check` wants the reason backed by a primary source."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.knowledge.models import PRIMARY_KINDS, Level
from bot.render import limits
from bot.render.adr import render_adr
from bot.render.blocks import build_message, build_view_message
from bot.render.button_values import View
from bot.render.html import render_answer_html
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import command_body

NATIVE = "Kubernetes native sidecars"


def table_row(card: dict, label: str) -> list[str]:
    """The cells of the first-card table row for `label` (Area, Feature, meshes…, Sources)."""
    [table] = [b for b in card["blocks"] if b["type"] == "table"]
    return next([c["text"] for c in row] for row in table["rows"] if row[1]["text"] == label)


def test_every_not_applicable_row_is_a_sourced_no(kb):
    marked = [(m, s) for m in kb.meshes.values() for s in m.features.values() if s.not_applicable]
    assert marked
    for mesh, support in marked:
        assert support.level == Level.no, mesh.id
        assert any(kb.sources[s].kind in PRIMARY_KINDS for s in support.sources), mesh.id


def test_the_compare_table_says_n_a_and_why_instead_of_a_bare_no(engine):
    answer = engine.ask("compare istio and istio ambient")
    # A feature that cannot apply is no headline difference: it is in the full table.
    card = build_view_message(answer, View(section="features"))
    row = table_row(card, NATIVE)
    assert row[2:4] == ["✅ yes", "➖ n/a: no sidecars"]
    assert NATIVE not in str(build_message(answer, share=True))


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("compare istio istio-ambient", "n/a: no sidecars"),
        ("compare cilium kuma", "n/a: no sidecars; Envoy per node"),
        ("compare amazon-vpc-lattice linkerd", "n/a: no proxy in pods"),
        ("compare amazon-ecs-service-connect consul istio", "n/a: ECS, not Kubernetes"),
        (
            "compare amazon-ecs-service-connect kuma gloo-mesh istio",
            "n/a: ECS, not Kubernetes",
        ),
    ],
)
def test_n_a_cells_keep_the_first_card_in_budget(engine, question, reason):
    """The card stays in budget; the n/a and its reason show wherever the row does (the
    headline rows are the ones that decide, so a rarely deciding n/a row may be in the full
    table only)."""
    answer = engine.ask(question)
    card = build_message(answer, share=True)
    assert len(card["blocks"]) <= 12 - 1, "one block is left for the feedback buttons"
    assert limits.visible_text(card) <= 2500
    assert limits.problems(card) == []
    features = build_view_message(answer, View(section="features"))
    [full] = [b for b in features["blocks"] if b["type"] == "table"]
    assert any(c["text"].endswith(reason) for row in full["rows"] for c in row)


def test_every_renderer_shows_n_a_with_its_reason(engine):
    answer = engine.ask("compare istio istio-ambient")
    terminal = render_terminal(answer)
    assert "✔ yes" in terminal and "– n/a: no sidecars" in terminal
    html = render_answer_html(answer, link_for=lambda intent: "#")
    assert '<td class="level-na">' in html and "n/a: no sidecars" in html
    assert "| yes | n/a: no sidecars |" in render_adr(answer)
    features = build_view_message(answer, View(section="features"))
    assert "➖ n/a: no sidecars" in str(features["blocks"])


def test_the_same_in_all_says_n_a_when_no_mesh_has_the_thing(engine):
    answer = engine.ask("compare istio-ambient cilium")
    [same] = [p for p in answer.section("features").parts if p.heading == "The same in all"]
    assert f"{NATIVE} (n/a)" in same.text


def test_a_feature_check_leads_with_n_a_and_keeps_the_note(engine):
    answer = engine.ask("does istio ambient support native sidecars")
    assert "n/a: no sidecars" in answer.lead
    assert "ztunnel runs per node" in answer.lead


def test_not_applicable_needs_level_no(kb_dir):
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    mesh["features"]["native_sidecars"]["not_applicable"] = "no sidecars"
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert any(
        p.startswith("meshes/linkerd.yaml: features.native_sidecars: ")
        and "not_applicable needs `level: no`" in p
        for p in problems_of(kb_dir)
    )


def test_not_applicable_is_a_few_words(kb_dir):
    mesh = read(kb_dir / "meshes/istio-ambient.yaml")
    mesh["features"]["native_sidecars"]["not_applicable"] = "x" * 41
    write(kb_dir / "meshes/istio-ambient.yaml", mesh)
    assert any(
        p.startswith("meshes/istio-ambient.yaml: features.native_sidecars.not_applicable: ")
        for p in problems_of(kb_dir)
    )


def test_not_applicable_needs_a_primary_source(kb_dir):
    mesh = read(kb_dir / "meshes/no-mesh.yaml")
    mesh["features"]["sidecarless"]["sources"] = ["seed-004"]  # a blog post
    mesh["features"]["sidecarless"]["not_applicable"] = "no data plane"
    write(kb_dir / "meshes/no-mesh.yaml", mesh)
    assert (
        "meshes/no-mesh.yaml: features.sidecarless.not_applicable: not applicable, but no "
        "primary source says why"
    ) in " ".join(problems_of(kb_dir))


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def test_slack_shows_n_a_on_the_card(bot):
    question = "compare amazon-ecs-service-connect linkerd"
    await bot.post(command_body(question, bot.slack.response_url("na")))
    [call] = await bot.slack.wait_for("response_url:na")
    row = table_row(call.body, "Kubernetes Gateway API")
    assert row[2:4] == ["➖ n/a: ECS, not Kubernetes", "✅ yes"]


def test_lacks_needs_a_partial_row(kb_dir):
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    mesh["features"]["mtls"]["lacks"] = "no client certificates"
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert any(
        p.startswith("meshes/linkerd.yaml: features.mtls: ") and "lacks needs `level: partial`" in p
        for p in problems_of(kb_dir)
    )


def test_lacks_needs_words_that_name_the_part(kb_dir):
    mesh = read(kb_dir / "meshes/amazon-ecs-service-connect.yaml")
    mesh["features"]["retries"]["lacks"] = "a retry policy of your own"
    write(kb_dir / "meshes/amazon-ecs-service-connect.yaml", mesh)
    assert (
        "meshes/amazon-ecs-service-connect.yaml: features.retries.lacks: lacks part of a feature "
        "that has no `named_by` words"
    ) in " ".join(problems_of(kb_dir))
