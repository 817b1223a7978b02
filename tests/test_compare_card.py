"""A comparison's first card leads with what decides (architecture, licence and governance,
release and support model, one overhead headline), then the feature differences, within
the card budget for 2, 3 and 4 meshes: through the Block Kit renderer and through Slack."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.render import limits
from bot.render.blocks import build_message, build_view_message
from bot.render.mrkdwn import escape
from bot.slack.values import decode
from tests.support import walk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import command_body

COMPARES = [
    "compare istio linkerd",
    "cilium vs istio",
    "compare istio linkerd cilium",
    "compare consul kuma cilium",
    "compare istio-ambient linkerd kuma",
    "compare istio linkerd cilium consul",
    "compare istio-ambient linkerd cilium kuma",
    "compare istio aks-istio-addon google-cloud-service-mesh openshift-service-mesh",
    "compare gloo-mesh kong-mesh istio consul",
]


def card_texts(card: dict) -> list[str]:
    return [walk.block_text(b) for b in card["blocks"]]


@pytest.mark.parametrize("question", COMPARES)
def test_first_card_leads_with_what_decides_then_differences_within_budget(engine, question):
    answer = engine.ask(question)
    assert 2 <= len(answer.intent.meshes) <= 4
    card = build_message(answer, share=True)
    assert len(card["blocks"]) <= 12 - 1, "one block is left for the feedback buttons"
    assert limits.visible_text(card) <= 2500
    assert limits.problems(card) == []
    kinds = [b["type"] for b in card["blocks"]]
    texts = card_texts(card)
    assert texts[1].startswith(escape(answer.lead))  # the architecture line leads
    for mesh_id in answer.intent.meshes:
        mesh = engine.kb.meshes[mesh_id]
        assert mesh.data_plane.summary in texts[1], mesh_id
        assert f"*{mesh.name}*" in texts[2], mesh_id  # each mesh's deciding facts
    assert texts[2].startswith("*What decides")
    differences = texts.index("*Where they differ most*")
    assert kinds[differences + 1] == "table" and differences > 2


def test_differences_that_do_not_fit_are_one_click_away(engine):
    answer = engine.ask("compare gloo-mesh kong-mesh linkerd cilium")
    card = build_message(answer)
    assert limits.visible_text(card) <= 2500 and card_texts(card)[2].startswith("*What decides")
    [more] = [
        b for b in walk.buttons(card, "mesh_details") if b["text"]["text"] == "More of this answer"
    ]
    _, view = decode(more["value"])
    rest = card_texts(build_view_message(answer, view))
    assert "*Where they differ most*" in rest


def test_istio_linkerd_says_envoy_against_the_rust_micro_proxy_and_vendor_only_stables(engine):
    card = build_message(engine.ask("compare istio linkerd"))
    lead, decides = card_texts(card)[1:3]
    assert "Envoy (C++) sidecar" in lead and "Rust micro-proxy" in lead
    assert "stable releases come only from vendors" in decides
    assert "Apache-2.0, CNCF graduated" in decides
    assert "Proxy memory 26.3 MB per pod (Linkerd project (Buoyant) 2021, vendor-run)" in decides
    assert "not comparable" in decides  # Istio's figure comes from another source


def test_cilium_against_istio_says_ebpf(engine):
    lead = card_texts(build_message(engine.ask("cilium vs istio")))[1]
    assert lead.startswith("Cilium Service Mesh: eBPF in the kernel")
    assert "no sidecars" in lead


def test_a_distribution_says_which_upstream_it_ships_against_the_current_one(engine, kb):
    answer = engine.ask("compare istio openshift-service-mesh")
    ossm, istio = kb.meshes["openshift-service-mesh"], kb.meshes["istio"]
    decides = answer.points[0]
    item = next(i for i in decides.items if i.label == ossm.name)
    assert (
        f"Ships {istio.name} {ossm.distribution.upstream_version} while upstream is at "
        f"{istio.version.current}" in item.text
    )
    assert set(ossm.distribution.sources) <= set(item.sources)
    assert answer.lead == f"All: {istio.data_plane.summary}."


def test_every_deciding_fact_is_cited(engine, kb):
    answer = engine.ask("compare istio linkerd cilium consul")
    assert answer.lead_sources == [
        s for m in ("istio", "linkerd", "cilium", "consul") for s in kb.meshes[m].data_plane.sources
    ]
    for item in answer.points[0].items:
        assert item.sources, item.label
        assert set(item.sources) <= set(answer.source_numbers)


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def test_four_meshes_fit_the_card_in_slack(bot):
    question = "compare istio aks-istio-addon google-cloud-service-mesh openshift-service-mesh"
    await bot.post(command_body(question, bot.slack.response_url("four")))
    [call] = await bot.slack.wait_for("response_url:four")
    assert len(call.body["blocks"]) <= 12
    assert limits.visible_text(call.body) <= 2500
    assert any(b["type"] == "table" for b in call.body["blocks"])
    assert card_texts(call.body)[1].startswith("All: Envoy (C++) sidecar in every pod.")
