"""Figures and feature rows framed as asked: a capacity question answers each measure it
names and says what the default requests reserve beside what is used; a which-meshes answer
shows the partial and paid-only rows under the full ones; a row that lacks what the feature's
name promises reads no when asked by that name; a mode split into another entry is no
difference between a distribution and its upstream."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Matrix, Paragraph
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    "text",
    [
        "istio sidecars at 1500 pods",
        "memory bill for istio sidecars at 1,500 pods",
        "how much ram do istio proxies take for 1500 pods",
        "istio sidecar overhead with 1500 pods",
        "what does istio cost at 1500 pods",
    ],
)
def test_a_fleet_total_says_what_the_default_requests_reserve(engine: AnswerEngine, text):
    lead = engine.ask(text).lead
    assert "90 GB" in lead, lead
    assert "requests 128 MiB and 0.1 vCPU a pod by default" in lead, lead
    assert "1,500 pods reserve 188 GiB and 150 vCPU" in lead, lead


@pytest.mark.parametrize(
    "text",
    [
        "ztunnel overhead on 300 nodes? cpu + mem",
        "ambient ztunnel cpu and memory at 300 nodes",
        "what does ztunnel cost in cpu and ram on 300 nodes",
        "ztunnel mem + cpu for 300 nodes",
        "istio ambient memory and cpu across 300 nodes",
    ],
)
def test_a_capacity_question_answers_each_measure_it_names(engine: AnswerEngine, text):
    lead = engine.ask(text).lead
    assert "3.6 GB" in lead and "0.06 vCPU" in lead, lead
    assert "300 nodes reserve 150 GiB and 60 vCPU" in lead, lead


def test_a_control_plane_answer_gives_the_charts_replicas_once(engine: AnswerEngine):
    answer = engine.ask("istiod memory for 5000 pods, how many replicas?")
    said = render_terminal(answer)
    assert "one replica with a HorizontalPodAutoscaler from 1 to 5" in answer.lead
    assert said.count("HorizontalPodAutoscaler from 1 to 5") == 1, said
    assert "two by default" not in said


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "which meshes have FIPS validated crypto? fedramp project",
            "Enterprise only: Consul and",
        ),
        ("who offers fips 140 crypto in the mesh", "Enterprise only: Consul and"),
        ("meshes with fips compliant mtls?", "Enterprise only: Consul and"),
        ("which meshes do global rate limiting", "Partial: AKS Istio-based"),
        ("which service meshes support a global rate limit shared by all replicas", "Partial:"),
    ],
)
def test_the_first_view_lists_rows_short_of_full_support(engine: AnswerEngine, text, short):
    answer = engine.ask(text)
    lines = [p.text for p in answer.points if isinstance(p, Paragraph)]
    assert any(line.startswith("Short of full support") and short in line for line in lines), lines


@pytest.mark.parametrize(
    "text",
    [
        "vpc lattice mTLS between pods?",
        "does vpc lattice do mutual tls",
        "can amazon vpc lattice give us mtls",
        "vpc lattice mtls support?",
        "is there mTLS in VPC Lattice",
    ],
)
def test_a_row_short_of_what_the_name_promises_reads_no_by_that_name(engine, text):
    lead = engine.ask(text).lead
    assert "no, not as its name promises: SigV4 signing instead of mutual TLS (" in lead, lead
    assert "partial" not in lead.split(". ")[0], lead  # one verdict a line


@pytest.mark.parametrize(
    "text",
    [
        "OSSM 3 vs upstream istio - is it basically the same thing with a red hat sticker?",
        "compare openshift service mesh 3 and istio",
        "ossm3 or istio?",
        "red hat service mesh vs istio differences",
        "openshift service mesh 3 versus upstream istio",
    ],
)
def test_a_mode_described_apart_is_no_difference_from_upstream(engine, text):
    answer = engine.ask(text)
    rows = [r.label for p in answer.points if isinstance(p, Matrix) for r in p.rows]
    assert rows and "Sidecarless data plane" not in rows, rows


def test_a_delay_says_nothing_of_requests(engine: AnswerEngine):
    lead = engine.ask("linkerd vs istio ambient for a latency sensitive trading api, p99?").lead
    assert "requests" not in lead and "reserve" not in lead, lead
