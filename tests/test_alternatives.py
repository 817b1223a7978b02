"""Compare suggests the closest alternatives to add, and explain the closest ones to compare
with, not the next names in the alphabet or the default pair."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.answers.results import Matrix
from bot.intents.models import Intent, IntentKind
from bot.knowledge.models import Status
from bot.render.blocks import STEP_ACTION, build_message
from bot.render.button_values import decode
from bot.render.html import render_answer_html
from bot.render.plain import render_terminal
from tests.support import walk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import click_body, event_body


def added(engine, meshes: list[str], **facts) -> list[str]:
    """The meshes the compare answer's "Add …" buttons would add."""
    answer = engine.answer(Intent(kind=IntentKind.compare, meshes=meshes, facts=facts))
    return [
        c.intent.meshes[-1]
        for c in answer.next_steps
        if c.intent.kind == IntentKind.compare and c.intent.meshes[:-1] == meshes
    ]


def rows_differing(engine, a: str, b: str) -> int:
    """Rows of the "All features" difference table of a two-mesh compare."""
    answer = engine.answer(Intent(kind=IntentKind.compare, meshes=[a, b]))
    section = answer.section("features")
    assert section is not None
    return sum(len(p.rows) for p in section.parts if isinstance(p, Matrix))


@pytest.mark.parametrize(("meshes", "sibling"), [(["istio", "linkerd"], "istio-ambient")])
def test_the_sidecarless_sibling_comes_first(engine, meshes, sibling):
    assert added(engine, meshes)[0] == sibling
    assert added(engine, ["istio-ambient", "linkerd"])[0] == "istio"  # and back


def test_suggestions_are_not_the_alphabetically_first_meshes(engine, kb):
    suggested = added(engine, ["istio", "linkerd"])
    others = sorted(m.id for m in kb.current_meshes() if m.id not in ("istio", "linkerd"))
    assert suggested != others[: len(suggested)]
    assert not {"aks-istio-addon", "amazon-ecs-service-connect"} & set(suggested)


@pytest.mark.parametrize(
    "meshes", [["istio", "linkerd"], ["cilium", "linkerd"], ["kuma", "consul"]]
)
def test_the_nearest_mesh_differs_least_on_the_feature_matrix(engine, kb, meshes):
    suggested = added(engine, meshes)
    nearest = suggested[-1]  # after the sibling, if there is one

    def gap(candidate: str) -> int:
        return min(rows_differing(engine, m, candidate) for m in meshes)

    rivals = [
        m.id
        for m in kb.current_meshes()
        if m.id not in meshes + suggested
        and m.based_on is None  # distributions: see below
        and m.status != Status.baseline  # no mesh is not a mesh to switch to
    ]
    assert all(gap(nearest) <= gap(rival) for rival in rivals), nearest


@pytest.mark.parametrize(
    ("platform", "offering"),
    [
        ("aks", "aks-istio-addon"),  # Istio's distribution on AKS
        ("gke", "google-cloud-service-mesh"),
        ("openshift", "openshift-service-mesh"),
        ("eks", "amazon-vpc-lattice"),  # no Istio distribution: the provider's own offering
    ],
)
def test_the_users_platform_adds_its_distribution(engine, platform, offering):
    assert offering in added(engine, ["istio", "linkerd"], platform=platform)
    assert offering not in added(engine, ["istio", "linkerd"])


def test_a_platform_without_a_provider_adds_no_providers_offering(engine, kb):
    """VMs belong to nobody: Google's mesh also runs on VMs, but is not "VMs' own"."""
    suggested = added(engine, ["istio", "linkerd"], platform="vms")
    assert not [m for m in suggested if kb.meshes[m].fit and kb.meshes[m].fit.provider]


def test_a_full_comparison_suggests_nothing_to_add(engine):
    assert added(engine, ["istio", "linkerd", "cilium", "consul"]) == []


def test_a_platform_said_in_words_adds_its_distribution(engine):
    answer = engine.ask("compare istio and linkerd, we run on AKS")
    labels = [c.label for c in answer.next_steps]
    assert "Add AKS Istio-based service mesh add-on" in labels


# ---------------------------------------------------------------- explain's follow-ups


def compared_with(answer) -> list[str]:
    """The meshes an explain answer's "Compare …" steps put beside the explained one."""
    explained = answer.intent.meshes[0]
    return [
        c.intent.meshes[1]
        for c in answer.next_steps
        if c.intent.kind == IntentKind.compare and c.intent.meshes[0] == explained
    ]


@pytest.mark.parametrize(
    ("question", "sibling"),
    [("tell me about istio ambient", "istio"), ("what is istio", "istio-ambient")],
)
def test_explain_suggests_the_other_data_plane_first(engine, question, sibling):
    assert compared_with(engine.ask(question))[0] == sibling


@pytest.mark.parametrize("mesh", ["kuma", "linkerd", "cilium", "kong-mesh"])
def test_explain_suggests_the_offering_that_differs_least(engine, kb, mesh):
    suggested = compared_with(engine.answer(Intent(kind=IntentKind.explain, meshes=[mesh])))
    nearest = suggested[-1]
    rivals = [
        m.id
        for m in kb.current_meshes()
        if m.id not in [mesh, *suggested]
        and m.based_on is None  # distributions: platform rule
        and m.status != Status.baseline
    ]
    gap = rows_differing(engine, mesh, nearest)
    assert all(gap <= rows_differing(engine, mesh, r) for r in rivals), nearest


def test_explain_suggests_the_platforms_own_offering_and_keeps_the_platform(engine):
    answer = engine.ask("what is linkerd? we are on GKE")
    assert "google-cloud-service-mesh" in compared_with(answer)
    assert "google-cloud-service-mesh" not in compared_with(engine.ask("what is linkerd"))
    compares = [c for c in answer.next_steps if c.intent.kind == IntentKind.compare]
    assert all(c.intent.facts["platform"] == ["gke"] for c in compares)


def test_a_retired_mesh_suggests_its_successors(engine, kb):
    answer = engine.ask("explain open service mesh")
    assert compared_with(answer) == kb.meshes["open-service-mesh"].replaced_by[:2]


def test_explain_no_longer_suggests_the_default_pair(engine):
    """Kuma's closest alternative is Istio; Linkerd (the default pair's other half) is not."""
    assert "linkerd" not in compared_with(engine.ask("what is kuma"))


def test_every_renderer_offers_the_alternatives(engine):
    answer = engine.ask("tell me about istio ambient")
    label = "Compare Istio ambient mode and Istio (sidecar mode)"
    steps = walk.buttons(build_message(answer), STEP_ACTION)
    [button] = [b for b in steps if b["text"]["text"] == label]
    intent, _ = decode(button["value"])
    assert intent.kind == IntentKind.compare and intent.meshes == ["istio-ambient", "istio"]
    assert f">{label}</a>" in render_answer_html(answer, link_for=lambda intent: "#")
    assert f"TRY NEXT\n- {label}\n" in render_terminal(answer)


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def test_the_suggested_comparison_answers_in_slack(bot):
    event = {
        "type": "app_mention",
        "user": "U111",
        "channel": "C123",
        "ts": "1700000000.000700",
        "text": "<@UBOT> tell me about istio ambient",
    }
    await bot.post(event_body(event, "EvExplain"))
    [card] = await bot.slack.wait_for("chat.postMessage")
    [button] = [
        b
        for b in walk.buttons(card.body, STEP_ACTION)
        if b["text"]["text"] == "Compare Istio ambient mode and Istio (sidecar mode)"
    ]
    clicked = click_body(
        button,
        channel="C123",
        message_ts="1700000000.000800",
        thread_ts="1700000000.000700",
        response_url=bot.slack.response_url("cmp"),
    )
    assert (await bot.post(clicked)).status == 200
    [_, reply] = await bot.slack.wait_for("chat.postMessage", count=2)
    assert reply.body["text"].startswith("Istio ambient mode and Istio (sidecar mode) compared")


@pytest.mark.parametrize("mesh", ["cilium", "linkerd", "kuma", "istio-ambient"])
def test_no_mesh_is_never_offered_as_the_nearest_alternative(engine, mesh):
    """The baseline is an answer to "do we need a mesh", not a mesh to compare against."""
    assert "no-mesh" not in compared_with(engine.ask(f"what is {mesh}"))
    assert "no-mesh" not in added(engine, [mesh, "consul"])
