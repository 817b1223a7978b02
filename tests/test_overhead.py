"""Overhead answers for every current offering: a memory figure and a latency figure, each
one labelled where it was borrowed from another offering with the same proxy."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Metric, Status
from bot.render.html import render_answer_html
from bot.render.plain import render_terminal
from tests.conftest import KNOWLEDGE
from tests.support.knowledge_files import problems_of, read, write
from tests.support.walk import all_messages, block_text

LATENCY = {Metric.latency_p50, Metric.latency_p90, Metric.latency_p99}
# The one offering with no published latency figure: its data plane is AWS's, outside the cluster.
NO_LATENCY_FIGURE = {"amazon-vpc-lattice"}


def offerings() -> list[str]:
    """Every current offering (the no-mesh baseline is not one)."""
    from bot.knowledge.loader import load_knowledge

    kb = load_knowledge(KNOWLEDGE)
    return sorted(m.id for m in kb.current_meshes() if m.status == Status.active)


def ask(engine: AnswerEngine, kb: KnowledgeBase, text: str, mesh_id: str) -> str:
    answer = engine.ask(text)
    assert answer.intent.meshes == [mesh_id], (text, answer.intent.meshes)
    return render_terminal(answer)


def test_there_are_thirteen_current_offerings():
    assert len(offerings()) == 13


@pytest.mark.parametrize("mesh_id", offerings())
def test_cost_gives_a_memory_figure(kb, engine, mesh_id):
    mesh = kb.meshes[mesh_id]
    out = ask(engine, kb, f"cost 500 pods for {mesh.aliases[0]}", mesh_id)
    headline = out.split("PROXY MEMORY, ONE FIGURE PER MESH", 1)
    assert len(headline) == 2, out
    line = next(s for s in headline[1].splitlines() if s.startswith(f"- {mesh.name}"))
    assert "× 500 pods" in line or "nodes" in line, line
    figure = next(f for f in mesh.overhead if f.metric == Metric.proxy_memory)
    if figure.borrowed_from:
        lender = kb.meshes[figure.borrowed_from].name
        assert f"borrowed: measured for {lender}" in line


@pytest.mark.parametrize("mesh_id", offerings())
def test_latency_question_gives_a_latency_figure(kb, engine, mesh_id):
    mesh = kb.meshes[mesh_id]
    out = ask(engine, kb, f"latency overhead of {mesh.aliases[0]}", mesh_id)
    if mesh_id in NO_LATENCY_FIGURE:
        assert not any(f.metric in LATENCY for f in mesh.overhead)
        assert f"No published latency figure for {mesh.name}." in out
        lead = out.split("\n\n", 1)[0]  # the title and the lead
        assert "managed data plane, an AWS-run hop outside the" in " ".join(lead.split()), lead
        return
    latency = out.split("ADDED LATENCY", 1)
    assert len(latency) == 2, out
    lines = [s for s in latency[1].splitlines() if s.startswith(f"- {mesh.name}, latency")]
    assert lines and " ms per request path" in lines[0], out
    figure = next(f for f in mesh.overhead if f.metric in LATENCY)
    if figure.borrowed_from:
        assert "borrowed: measured for" in "\n".join(lines)


def test_vpc_lattice_runs_nothing_in_the_cluster_and_says_what_is_paid_instead(kb, engine):
    out = ask(engine, kb, "cost 500 pods for vpc lattice", "amazon-vpc-lattice")
    assert "Amazon VPC Lattice runs no proxy in your cluster: 0 MB of memory." in out
    assert "$0.025 an hour, $0.025 per GB" in out
    assert "https://aws.amazon.com/vpc/lattice/pricing/" in out


def test_compare_labels_a_borrowed_figure_and_does_not_call_it_one_benchmark(kb, engine):
    answer = engine.ask("compare istio consul")
    out = render_terminal(answer)
    consul = [s for s in out.splitlines() if s.startswith("- Consul, proxy memory")]
    assert consul and "borrowed: measured for Istio (sidecar mode)" in consul[0], out
    assert "in one benchmark" not in out  # the chart of one benchmark leaves borrowed figures out
    html = render_answer_html(answer, lambda intent: "#")
    assert "borrowed: measured for Istio (sidecar mode)" in html
    slack = " ".join(block_text(b) for m in all_messages(answer) for b in m["blocks"])
    assert "borrowed: measured for Istio (sidecar mode)" in slack


def test_a_distribution_s_inherited_figures_are_borrowed_from_its_base(kb):
    for mesh_id in ("aks-istio-addon", "openshift-service-mesh"):
        assert {f.borrowed_from for f in kb.meshes[mesh_id].overhead} == {"istio"}
    # Gloo Mesh runs either mode and gives both modes' figures itself, each borrowed.
    assert {f.borrowed_from for f in kb.meshes["gloo-mesh"].overhead} == {"istio", "istio-ambient"}
    # Kong Mesh inherits Kuma's figures, which Kuma borrowed from Istio: the lender stays Istio.
    assert {f.borrowed_from for f in kb.meshes["kong-mesh"].overhead} == {"istio"}
    assert not any(f.borrowed_from for f in kb.meshes["istio"].overhead)


def test_borrowed_from_must_name_another_mesh(kb_dir):
    consul = read(kb_dir / "meshes/consul.yaml")
    consul["overhead"][0]["borrowed_from"] = "envoy"
    consul["overhead"][1]["borrowed_from"] = "consul"
    write(kb_dir / "meshes/consul.yaml", consul)
    problems = problems_of(kb_dir)
    for n, lender in ((0, "envoy"), (1, "consul")):
        assert (
            f"meshes/consul.yaml: overhead[{n}].borrowed_from: '{lender}' is not another mesh"
            in " ".join(problems)
        ), problems


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("linkerd proxies sit at ~300Mi each on our 200 pods, expected?", "× the top of"),
        ("our linkerd sidecars use 10Mi apiece, is that typical?", "at or below"),
    ],
)
def test_a_proxy_memory_they_see_is_set_beside_the_measured_figure(engine, text, said):
    intent = engine.parser.parse(text)
    lead = engine.answer(intent).lead
    seen = intent.facts["pod_memory"]
    assert f"You see {seen} MiB a proxy: " in lead and said in lead
