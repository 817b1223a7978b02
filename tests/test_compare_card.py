"""A comparison's first card leads with the architecture line; for two meshes, what decides
(licence and governance, release and support model, one overhead headline) then the feature
differences; past two, whose what-decides grows by a paragraph each, the differences first,
so the table stays on the card. Within the card budget for 2, 3 and 4 meshes: through the
Block Kit renderer and through Slack."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.render import limits
from bot.render.blocks import build_message, build_view_message
from bot.render.button_values import decode
from bot.render.mrkdwn import escape
from tests.support import walk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import command_body

# The differences fit on the first card for these (the questions the issue names, and a
# spread of 3- and 4-mesh compares with distributions).
ON_THE_CARD = [
    "compare istio linkerd",
    "cilium vs istio",
    "compare istio linkerd cilium",
    "compare consul kuma cilium",
    "compare istio-ambient linkerd kuma",
    "compare istio linkerd cilium consul",
    "compare istio aks-istio-addon google-cloud-service-mesh openshift-service-mesh",
    "compare gloo-mesh kong-mesh istio consul",
]
# Four meshes with long release lines: the differences may be one click away instead.
LONGEST = [
    "compare google-cloud-service-mesh openshift-service-mesh istio-ambient linkerd",
    "compare gloo-mesh kong-mesh linkerd cilium",
]


def card_texts(card: dict) -> list[str]:
    return [walk.block_text(b) for b in card["blocks"]]


def check_card(engine, question: str) -> tuple[list[str], list[str], dict, object]:
    """The budget, and what leads: the architecture line, then each mesh's deciding facts
    (two meshes) or the differences (more)."""
    answer = engine.ask(question)
    assert 2 <= len(answer.intent.meshes) <= 4
    card = build_message(answer, share=True)
    assert len(card["blocks"]) <= 12 - 1, "one block is left for the feedback buttons"
    assert limits.visible_text(card) <= 2500
    assert limits.problems(card) == []
    texts = card_texts(card)
    assert texts[1].startswith(escape(answer.lead))
    for mesh_id in answer.intent.meshes:
        assert engine.kb.meshes[mesh_id].data_plane.summary in texts[1], mesh_id
    return texts, [b["type"] for b in card["blocks"]], card, answer


def what_decides(engine, answer, card) -> str:
    """The what-decides text: on the card, or behind its "More of this answer"."""
    texts = card_texts(card)
    if not any(t.startswith("*What decides") for t in texts):
        [more] = [
            b
            for b in walk.buttons(card, "mesh_details")
            if b["text"]["text"] == "More of this answer"
        ]
        texts = card_texts(build_view_message(answer, decode(more["value"])[1]))
    return next(t for t in texts if t.startswith("*What decides"))


@pytest.mark.parametrize("question", ON_THE_CARD)
def test_first_card_shows_the_differences_and_what_decides(engine, question):
    texts, kinds, card, answer = check_card(engine, question)
    differences = texts.index("*Where they differ most*")
    assert kinds[differences + 1] == "table"
    if len(answer.intent.meshes) == 2:
        assert texts[2].startswith("*What decides") and differences == 3
    else:
        assert differences == 2
    decides = what_decides(engine, answer, card)
    for mesh_id in answer.intent.meshes:
        assert f"*{engine.kb.meshes[mesh_id].name}*" in decides, mesh_id


@pytest.mark.parametrize("question", LONGEST)
def test_the_longest_four_stay_in_budget_with_the_differences_on_or_one_click_away(
    engine, question
):
    texts, _, card, answer = check_card(engine, question)
    if "*Where they differ most*" in texts:
        return
    [more] = [
        b for b in walk.buttons(card, "mesh_details") if b["text"]["text"] == "More of this answer"
    ]
    _, view = decode(more["value"])
    assert "*Where they differ most*" in card_texts(build_view_message(answer, view))


@pytest.mark.parametrize(
    ("question", "landing"),
    [
        (
            "we're stuck on osm, which got archived. kuma vs linkerd as where we land?",
            ["kuma", "linkerd"],
        ),
        (
            "we're on app mesh today and gotta move off it. service connect or lattice?",
            ["amazon-ecs-service-connect", "amazon-vpc-lattice"],
        ),
        (
            "app mesh was retired under us. lattice vs istio vs linkerd, how do they differ?",
            ["amazon-vpc-lattice", "istio", "linkerd"],
        ),
    ],
)
def test_the_retired_mesh_they_leave_is_a_note_not_a_column(engine, question, landing):
    answer = engine.ask(question)
    assert answer.intent.meshes == landing
    assert any("(what you run today)" in n for n in answer.intent.unread)
    texts = card_texts(build_message(answer, share=True))
    assert any(t.startswith("*What decides") for t in texts)


def test_istio_linkerd_says_envoy_against_the_rust_micro_proxy_and_vendor_only_stables(engine):
    card = build_message(engine.ask("compare istio linkerd"))
    lead, decides = card_texts(card)[1:3]
    assert "Envoy (C++) sidecar" in lead and "Rust micro-proxy" in lead
    assert "stable releases come only from vendors" in decides
    assert "Apache-2.0, CNCF graduated" in decides
    said = "Proxy memory 26.3 MB per pod (peak, Linkerd project (Buoyant) 2021, vendor-run)"
    assert said in decides
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
        f"Ships Istio {ossm.distribution.upstream_version}; upstream Istio is at "
        f"{istio.version.current}" in item.text
    )
    assert "newest being" not in item.text  # the newest is upstream's, not the distribution's
    assert set(ossm.distribution.sources) <= set(item.sources)
    # OSSM runs ambient mode too, so its architecture is its own, not Istio (sidecar mode)'s
    assert answer.lead == (
        f"{istio.name}: {istio.data_plane.summary}; {ossm.name}: {ossm.data_plane.summary}."
    )


def test_every_deciding_fact_is_cited(engine, kb):
    answer = engine.ask("compare istio linkerd cilium consul")
    cited = [
        s for m in ("istio", "linkerd", "cilium", "consul") for s in kb.meshes[m].data_plane.sources
    ]
    assert answer.lead_sources == list(dict.fromkeys(cited))  # a shared source is cited once
    [decides] = [p for p in answer.points if p.heading.startswith("What decides")]
    for item in decides.items:
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
