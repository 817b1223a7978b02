"""Segmentation alone ("which service may reach which, L3/L4", "only network policies",
"allow-lists between namespaces") is what Kubernetes NetworkPolicies (or the CNI's own policy)
do: said as the whole ask, it is a need the platform meets without a mesh (rules.yaml
`without_mesh: l4_policy`), so the answer is no mesh; beside a need only a mesh meets (mTLS,
L7 authorization, retries) it keeps the meshes in."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import facts_and_pick

ONLY_SEGMENTATION = [
    "EKS, 30 services. Security only asked for east-west segmentation (which service can talk "
    "to which, L3/L4). No encryption requirement. Do we need a mesh for this?",
    "EKS, 30 services. We only need network policies between namespaces, nothing else. Do we "
    "need a mesh?",
    "GKE, 40 services. All security wants is micro-segmentation between services, no mTLS "
    "requirement. Mesh or not?",
    "AKS, 25 services: we just need allow-lists between namespaces (who can reach whom at L4). "
    "Do we need a mesh?",
    "EKS, 50 services. The only ask is east-west segmentation at L3/L4. Do we need a service mesh?",
    "EKS, 30 svcs. Security wants network segmentation only, restricting which pods can reach "
    "which on which ports. mesh?",
    "we need firewall rules between our services, nothing more. 60 services on EKS. do we "
    "need istio?",
]


@pytest.mark.parametrize("text", ONLY_SEGMENTATION)
def test_segmentation_alone_is_met_without_a_mesh(engine: AnswerEngine, text: str):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("l4_policy") is True
    assert tied == ["no-mesh"]
    assert "NetworkPolicies" in render_terminal(engine.ask(text))


BESIDE_A_MESH_NEED = [
    "EKS, 30 services, need segmentation between teams' namespaces and mTLS. Which mesh?",
    "EKS, 40 services. we need network segmentation plus retries and tracing. mesh?",
    "EKS, 300 services, need namespace isolation between teams and mTLS and L7 authz. Which mesh?",
]


@pytest.mark.parametrize("text", BESIDE_A_MESH_NEED)
def test_segmentation_beside_a_need_only_a_mesh_meets_keeps_a_mesh(engine: AnswerEngine, text: str):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("l4_policy") is True
    assert "no-mesh" not in tied


NOT_SEGMENTATION = [
    # which service may call which paths: L7 authorization, a mesh's job
    "EKS, 30 services. Security wants L7 authorization: which service can call which paths. "
    "Which mesh?",
    # a release channel's "edge" and a segment of customers are no network segmentation
    "EKS, 30 services, we need mTLS for our customer segments. Which mesh?",
]


@pytest.mark.parametrize("text", NOT_SEGMENTATION)
def test_near_misses_ask_no_segmentation(engine: AnswerEngine, text: str):
    facts, tied = facts_and_pick(engine, text)
    assert "l4_policy" not in facts
    assert "no-mesh" not in tied
