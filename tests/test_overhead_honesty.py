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


def test_a_worst_case_delay_is_set_apart_with_its_setup_behind_the_steady_figures(engine):
    said = lead(engine, "added tail latency linkerd vs istio with sidecars")
    steady, worst = said.split("Worst case, apart", 1)
    # No percentile asked: a setup that opens a new connection for every request never
    # headlines: the 98 ms comes after the steady-state figures, labelled, with its setup.
    assert "98.1 ms" not in steady and "98.1 ms" in worst, said
    assert "no keep-alive" in worst and "4x c5.large" in worst, said
    assert "Istio project" in steady and "No official latency figure for Linkerd" in steady, said


@pytest.mark.parametrize(
    "text",
    [
        "how many ms of p99 does istio add over linkerd",
        "latency penalty of istio sidecars versus linkerd proxies at the 99th percentile",
        "is linkerd faster than istio? p99 overhead",
        "p99 hit from linkerd compared with istio sidecar mode",
    ],
)
def test_the_percentile_asked_leads_with_steady_state_and_calls_the_worst_case_one(engine, text):
    said = lead(engine, text)
    # p99 asked, held alike only in a no-keep-alive run: the steady-state run that measured
    # both alike (at p50) leads, then the order the p99 run gives and each project's own
    # figure; the p99 values follow with their setup, called a worst case.
    first, rest = said.split("The projects' own benchmarks", 1)
    assert "at p50" in first and "Least added latency first" in first, said
    assert "98.1 ms" not in first and "98.1 ms" in rest and "no keep-alive" in rest, said
    assert "That is a worst case" in rest, said
    assert "No official latency figure for Linkerd" in rest, said


def test_three_meshes_worst_cases_follow_the_projects_own_figures(engine):
    said = lead(engine, "and latency p99 for istio vs linkerd vs ambient?")
    own, rest = said.split("Worst case", 1)
    assert "The projects' own benchmarks" in own and "98.1 ms" not in own, said
    assert "98.1 ms" in rest and "That is a worst case" in rest, said


@pytest.mark.parametrize(
    "text",
    [
        "what p99 latency does cilium mesh add",
        "how much tail latency does cilium service mesh add",
        "cilium mesh latency overhead?",
        "p99 hit from cilium's mesh",
        "does cilium add much latency per request",
    ],
)
def test_a_worst_case_that_is_the_only_delay_held_is_called_one(engine, text):
    said = lead(engine, text)
    assert "95.2 ms" in said and "no keep-alive" in said, said
    assert "worst case, not steady state" in said, said


def test_the_asked_percentile_picks_the_projects_own_figure(engine):
    said = lead(engine, "how many ms of p99 does istio add over linkerd")
    assert "2.7 ms per request path at p99 (Istio 1.12.3 official benchmark" in said, said


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


@pytest.mark.parametrize(
    "text",
    [
        "gloo mesh vs istio ambient - is gloo worth paying for?",
        "compare solo gloo mesh with ambient istio",
        "gloo or istio ambient for 800 pods?",
    ],
)
def test_gloo_mesh_is_described_with_both_of_its_modes(engine, text):
    answer = engine.ask(text)
    assert "sidecar or ambient mode" in answer.lead, answer.lead
    assert "Envoy (C++) sidecar in every pod" not in answer.lead.split(";")[0], answer.lead


def test_gloo_mesh_memory_says_what_ambient_mode_would_take(engine):
    said = lead(engine, "how much memory does gloo mesh use at 600 pods")
    assert "in ztunnel mode instead, 240 MB" in said, said


@pytest.mark.parametrize(
    "text",
    [
        "Can VPC Lattice be used with ECS services?",
        "does vpc lattice work with ecs",
        "is amazon vpc lattice supported for ECS fargate services",
        "will vpc lattice work for services running on ECS?",
        "does VPC lattice support ECS tasks",
    ],
)
def test_lattice_on_ecs_is_a_yes_with_how(engine, text):
    answer = engine.ask(text)
    assert answer.lead.startswith("Yes: Amazon VPC Lattice runs on ECS"), answer.lead
    assert "November 2024" in answer.lead and "ecs-vpc-lattice-create-service" in (
        answer.lead_sources
    )


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("does linkerd run on ECS?", "No. Linkerd: doesn't run on ECS"),
        ("can consul be used with ECS services?", "Yes: Consul runs on ECS"),
        (
            "is kuma supported on nomad",
            "Yes, with caveats: Kuma runs on Nomad (no Nomad integration",
        ),
    ],
)
def test_a_mesh_on_a_platform_is_answered_first(engine, text, opening):
    assert lead(engine, text).startswith(opening)


@pytest.mark.parametrize(
    "text",
    [
        "is app mesh really dead? when does it end?",
        "when is aws app mesh being shut down",
        "app mesh end of life date?",
    ],
)
def test_a_retired_mesh_status_cites_its_own_sources(engine, text):
    answer = engine.ask(text)
    status = next(p for p in answer.points if p.heading == "AWS App Mesh status")
    assert "app-mesh-end-of-support" in status.sources, status
    assert any(s.id == "app-mesh-end-of-support" for s in answer.sources)


def test_a_partial_row_short_of_its_name_reads_alike_kept_or_ruled_out(engine):
    out = render_terminal(engine.ask("AKS, 40 services, need mTLS, want Microsoft support"))
    kept = render_terminal(engine.ask("8 services on EKS, we only need encryption in transit"))
    gap = "(SigV4 signing instead of mutual TLS)"
    assert f"no Mutual TLS (mTLS) {gap}" in out
    assert f"Mutual TLS (mTLS) partial {gap}" in kept


@pytest.mark.parametrize(
    "text",
    [
        "does TSB support ambient mode?",
        "does tetrate service bridge support ambient?",
        "can Tetrate Service Bridge run istio without sidecars",
        "what is tetrate service bridge",
    ],
)
def test_a_product_mentioned_but_not_covered_says_what_is_known(engine, text):
    answer = engine.ask(text)
    assert "not an offering I cover" in answer.lead, answer.lead
    assert "in my knowledge base, so I won't guess" not in answer.lead, answer.lead
    note = next(p for p in answer.points if p.heading == "What I know of Tetrate Service Bridge")
    assert "TSB 1.12.1" in note.text and "tetrate-tsb-ambient" in note.sources
    assert any(s.id == "tetrate-tsb-ambient" for s in answer.sources)


@pytest.mark.parametrize(
    "text",
    [
        "lightest mesh",
        "which service mesh uses the least memory?",
        "smallest footprint mesh at 2000 pods",
        "what's the most lightweight mesh by ram",
        "which mesh has the lowest memory overhead per pod",
    ],
)
def test_the_lightest_ranking_says_up_front_what_is_not_like_for_like(engine, text):
    """A peak under load ranked against typical values is said to be so in the lead, with
    what one source found measuring both alike; borrowed figures are not ranked."""
    answer = engine.ask(text)
    assert "is a peak under load and the others' are typical values" in answer.lead
    assert "Linkerd 26.3 MB per pod against Istio (sidecar mode) 156" in answer.lead
    assert "Not ranked on their own: " not in answer.lead  # it follows
    assert "reuse Istio (sidecar mode)'s figure for the same proxy" in render_terminal(answer)
    bars = [b.label for p in answer.points if isinstance(p, Chart) for b in p.bars]
    assert bars and not any("borrowed" in b for b in bars), bars


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Is Tetrate Istio Subscription a good choice for FIPS?", "Tetrate Istio Subscription"),
        ("is TIS worth paying for if we need FIPS?", "Tetrate Istio Subscription"),
        ("is Tetrate Istio Distro good for FIPS?", "Tetrate Istio Distro"),
        ("should we run TID in prod?", "Tetrate Istio Distro"),
        ("is Kiali a good mesh for a small team?", "Kiali"),
        ("should we use kiali as our service mesh?", "Kiali"),
        ("is kiali the right mesh for us?", "Kiali"),
    ],
)
def test_a_product_outside_the_kb_is_never_answered_as_another(engine, text, product):
    intent = engine.parser.parse(text)
    assert intent.meshes == [] and intent.kind.value != "recommend", intent
    answer = engine.ask(text)
    assert "not an offering I cover" in answer.lead, answer.lead
    assert any(p.heading == f"What I know of {product}" for p in answer.points)


@pytest.mark.parametrize(
    ("text", "kind", "meshes"),
    [
        ("does istio support kiali?", "feature_check", ["istio"]),
        ("which meshes have kiali?", "which_meshes", []),
        ("does istio support fips?", "feature_check", ["istio"]),
    ],
)
def test_a_feature_named_by_a_product_name_stays_the_feature(engine, text, kind, meshes):
    intent = engine.parser.parse(text)
    assert intent.kind.value == kind and intent.meshes == meshes and not intent.unknown_names
