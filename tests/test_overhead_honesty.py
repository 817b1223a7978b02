"""Overhead figures say what they are before anyone compares them: a third party's delay
carries its setup and the projects' own figures beside it, a per-proxy peak is called a peak,
a borrowed figure is called borrowed where it is first shown, and a vendor's sizing guidance
is never ranked as a measurement."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Chart
from bot.knowledge.models import Basis
from bot.render.plain import render_terminal


def lead(engine: AnswerEngine, text: str) -> str:
    return engine.ask(text).lead


@pytest.mark.parametrize(
    "text",
    [
        "added tail latency linkerd vs istio with sidecars",
        "how many ms of p99 does istio add over linkerd",
        "latency penalty of istio sidecars versus linkerd proxies at the 99th percentile",
        "is linkerd faster than istio? p99 overhead",
        "p99 hit from linkerd compared with istio sidecar mode",
    ],
)
def test_a_third_partys_delay_carries_its_setup_and_the_official_figure(engine, text):
    said = lead(engine, text)
    alike, own = said.split("The projects' own benchmarks", 1)
    # The setup sits in the same sentence as the 98 ms, before any figure.
    assert alike.index("no keep-alive") < alike.index("98.1 ms"), said
    assert "4x c5.large" in alike, said
    assert "2.7 ms" in own and "official benchmark" in own, said
    assert "No official latency figure for Linkerd" in own, said


@pytest.mark.parametrize(
    "text",
    [
        "istio ambient vs linkerd memory at 2000 pods",
        "ram footprint of ambient mode compared to linkerd at 2k pods",
        "how much memory would linkerd take against ambient for 2000 pods",
    ],
)
def test_a_peak_set_against_typical_figures_is_called_a_peak(engine, text):
    said = lead(engine, text)
    assert "Linkerd: peak under load" in said, said
    assert "ztunnel only, plus 60 MB per waypoint" in said, said


def test_every_linkerd_memory_figure_is_a_peak_so_the_headline_says_so(kb):
    figures = [f for f in kb.meshes["linkerd"].overhead if f.metric == "proxy_memory"]
    assert figures and all(f.basis == Basis.peak for f in figures)


@pytest.mark.parametrize(
    "text",
    [
        "which mesh is the lightest?",
        "smallest memory overhead service mesh",
        "what's the most lightweight mesh by ram",
        "lightest mesh that runs on ECS",
    ],
)
def test_sizing_guidance_is_never_ranked_as_a_measurement(engine, text):
    answer = engine.ask(text)
    bars = [b.label for p in answer.points if isinstance(p, Chart) for b in p.bars]
    assert bars and not any("ECS Service Connect" in b for b in bars), bars
    assert all("borrowed" in b for b in bars if b.startswith(("Consul", "Kuma", "Kong Mesh")))
    said = render_terminal(answer)
    if "ECS" in text:
        assert "sizing guidance for the proxy, not a measurement" in said, said


@pytest.mark.parametrize(
    "text",
    ["kuma vs consul for multi-zone", "compare kuma and consul", "consul or kong mesh?"],
)
def test_a_borrowed_memory_figure_is_called_borrowed_in_the_summary(engine, text):
    answer = engine.ask(text)
    decides = next(p for p in answer.points if p.heading.startswith("What decides"))
    for item in decides.items:
        if "Proxy memory" in item.text and item.label in ("Kuma", "Consul", "Kong Mesh"):
            assert "(borrowed: Istio)" in item.text, item.text


def test_ambient_has_the_projects_own_latency_figure(kb):
    own = [f for f in kb.meshes["istio-ambient"].overhead if "istio-perf-v1-23" in f.sources]
    assert {(f.metric.value, f.high) for f in own} == {("latency_p90", 0.17), ("latency_p99", 0.2)}
