"""Figures set side by side say whether they were measured alike: delays from separate
releases are called that with each one's setup and date, worst cases are grouped by the run
that measured them, and a mesh whose agent is also the CNI is costed for its mesh part
(saying so), with the whole agent beside it."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Chart


@pytest.mark.parametrize(
    "text",
    [
        "p99 latency istio ambient vs sidecar",
        "how much tail latency does ambient add compared with sidecars at p99",
        "istio sidecar or ambient, which adds less p99 latency",
        "p99 overhead: ambient mode vs sidecar mode in istio",
        "ambient vs sidecar p99 latency",
        "compare p99 latency of istio ambient and istio sidecar",
        "istio ambient or sidecar: p99 added latency",
    ],
)
def test_ambient_and_sidecar_delays_from_separate_releases_are_called_that(
    engine: AnswerEngine, text: str
) -> None:
    lead = engine.ask(text).lead
    steady, worst = lead.split("Worst case, apart", 1)
    # The project's own figures come from Istio 1.22 (2024) and 1.12.3 (2021): said plainly.
    assert "Not like for like" in steady, lead
    assert "Istio 1.22" in steady and "Istio 1.12.3" in steady, lead
    assert "2024-05" in steady and "2021-11" in steady, lead
    # The one run that measured both modes alike leads the worst cases, with its setup.
    alike, separate = worst.split("A separate run", 1)
    assert "measured alike in one run" in alike and "June 2024" in alike, lead
    assert "25 ms" in alike and "45.1 ms" in alike, lead
    assert "98.1 ms" in separate and "98.1 ms" not in alike, lead


def test_a_delay_pair_from_one_benchmark_is_not_called_unlike(engine: AnswerEngine) -> None:
    lead = engine.ask("istio vs linkerd latency").lead
    assert "measured alike in one benchmark" in lead and "Not like for like" not in lead, lead


@pytest.mark.parametrize(
    "text",
    [
        "what does cilium mesh cost per node",
        "cilium service mesh memory per node",
        "how much ram does cilium's mesh take on each node",
        "memory overhead of cilium mesh",
        "cilium mesh proxy memory",
        "cilium vs linkerd memory",
    ],
)
def test_cilium_memory_is_its_mesh_part_with_the_whole_agent_beside_it(
    engine: AnswerEngine, text: str
) -> None:
    lead = engine.ask(text).lead
    assert "cilium-envoy, mesh part only" in lead and "15.2 MB per node" in lead, lead
    assert "131 MB per node" not in lead.split("(with it", 1)[0], lead


def test_the_lightest_ranking_says_which_part_of_cilium_it_ranks(engine: AnswerEngine) -> None:
    answer = engine.ask("lightest mesh?")
    bars = [b for p in answer.points if isinstance(p, Chart) for b in p.bars]
    cilium = next(b for b in bars if b.label.startswith("Cilium"))
    assert "mesh part only" in cilium.label and cilium.high < 1000, cilium


@pytest.mark.parametrize(
    "text",
    [
        "fips in kong mesh — enterprise only or does plain kuma have it too?",
        "does kuma support fips",
        "kuma fips 140-2 build?",
        "is FIPS only in Kong Mesh or in open source Kuma as well",
        "kong mesh vs kuma fips",
    ],
)
def test_kuma_has_fips_only_as_kong_mesh(engine: AnswerEngine, text: str) -> None:
    said = engine.ask(text)
    text_all = " ".join([said.lead, *(str(p) for p in said.points)])
    # Kong Mesh, Kuma's paid edition, is its own entry: Kuma's row is "no", saying where it is.
    assert "Only in Kong Mesh" in text_all and "Kuma: enterprise" not in text_all, text_all
