"""Setups that run a mesh today and ask whether to stay, get support for it or leave it. A
vendor's build of the project they run is where support comes without a migration; each goes
through the public path (parse, then the verdict and the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# The mesh they run said with its major line ("kuma 2.x in prod"), wanting a support contract:
# Kong Mesh, Kong's supported build of Kuma, keeps what they run.
KUMA_WANTING_SUPPORT = [
    "kuma 2.x in production across 3 zones, 200 services. leadership wants a vendor support "
    "contract now. stay or move?",
    "we run kuma 2.9 on eks, 120 services, and the CTO wants a support contract. what should "
    "we do?",
    "kuma in prod on 2 clusters, ~90 services. procurement now requires a support contract. "
    "options?",
    "kuma 2.x in prod, 60 services on aks. do we need a mesh with paid support?",
    "Kuma 2.x live in production, multi-zone, 4 clusters. we need a support contract from a "
    "vendor now. switch or stay?",
]


@pytest.mark.parametrize("text", KUMA_WANTING_SUPPORT)
def test_support_wanted_for_the_mesh_they_run_is_its_vendors_build(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("incumbent") == "kuma"
    assert verdict(engine, text).pick == "kong-mesh"
    shown = render_terminal(engine.answer(intent))
    assert "A vendor's build of the open-source mesh you run" in shown
    assert "For Kong Mesh: You already run it" not in shown


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("linkerd 2.x in prod, 80 services on eks. which mesh?", "linkerd"),
        ("istio 1.24.x in production on gke, 300 svcs. stay or switch?", "istio"),
    ],
)
def test_a_release_line_written_with_x_reads_as_the_mesh_they_run(
    engine: AnswerEngine, text: str, running: str
):
    assert engine.parser.parse(text).facts.get("incumbent") == running


def test_a_compare_of_two_meshes_in_prod_stays_a_compare(engine: AnswerEngine):
    intent = engine.parser.parse("kuma in prod vs istio in prod, which is easier to run?")
    assert intent.kind.value == "compare"
    assert set(intent.meshes) == {"kuma", "istio"}


def test_the_mesh_they_run_keeps_its_own_reason(engine: AnswerEngine):
    text = "we run kuma on eks, 120 services. stay or switch?"
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert verdict(engine, text).pick == "kuma"
    assert "For Kuma: You already run it" in shown
