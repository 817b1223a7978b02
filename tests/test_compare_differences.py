"""A comparison's "where they differ most" leads with the gaps that decide between meshes
(the features' `weight`: the data plane, L7 retries, VMs, JWT, multi-cluster), and never
with a row whose only gap is an unknown."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Matrix
from bot.knowledge.models import Level

QUESTIONS = [
    "consul connect vs istio",
    "cilium vs linkerd vs ambient vs kuma",
    "kuma vs kong mesh diff?",
    "aks addon or upstream istio, what do we give up",
    "istio vs linkerd",
    "linkerd vs cilium",
    "istio ambient vs sidecar",
    "compare istio linkerd cilium consul",
]


def key_rows(engine: AnswerEngine, question: str) -> list:
    answer = engine.ask(question)
    [matrix] = [p for p in answer.points if p.heading == "Where they differ most"]
    assert isinstance(matrix, Matrix)
    return matrix.rows


@pytest.mark.parametrize("question", QUESTIONS)
def test_no_headline_difference_is_only_an_unknown(engine: AnswerEngine, question: str) -> None:
    for row in key_rows(engine, question):
        known = {c for c in row.cells if c != Level.unknown}
        assert len(known) > 1, (question, row.label, row.cells)


@pytest.mark.parametrize(
    ("question", "deciding"),
    [
        # Cilium's retries are partial since 1.20 (at the gateway): no longer a yes/no gap
        ("cilium vs linkerd vs ambient vs kuma", {"sidecarless", "vm_workloads"}),
        ("linkerd vs cilium", {"sidecarless", "vm_workloads"}),
        ("istio vs linkerd", {"jwt_validation", "external_authz"}),
        ("aks addon or upstream istio, what do we give up", {"multi_cluster", "vm_workloads"}),
        ("istio ambient vs sidecar", {"sidecarless", "vm_workloads", "jwt_validation"}),
        ("compare istio linkerd cilium consul", {"jwt_validation", "vm_workloads"}),
    ],
)
def test_the_gaps_that_decide_are_among_the_headline_rows(
    engine: AnswerEngine, question: str, deciding: set[str]
) -> None:
    assert deciding <= {row.feature for row in key_rows(engine, question)}


def test_a_rarely_deciding_feature_leads_no_wide_comparison(engine: AnswerEngine) -> None:
    rows = key_rows(engine, "cilium vs linkerd vs ambient vs kuma")
    assert {r.feature for r in rows}.isdisjoint({"multi_mesh", "fault_injection"})
