"""A platform note is said only where it applies: Istio ambient mode's EKS note is about the
VPC CNI's security groups for pods, so a cluster whose CNI is Cilium does not get it
(`on_platforms.*.not_with`). Through the public path (the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write

VPC_CNI_NOTE = "the VPC CNI's security groups for pods"

CILIUM_ON_EKS = [
    "We're on EKS with Cilium as our CNI. No sidecars, and we won't add a new CNI. Need mTLS. "
    "Which mesh?",
    "EKS cluster, cilium is already our cni, 60 services, no sidecars please, mtls needed",
    "eks + cilium cni (replaced aws-node). want sidecarless mTLS, 40 svcs. recommend",
    "our EKS clusters run Cilium as the CNI; we need mTLS without sidecars for 90 services",
    "does istio ambient run on EKS? we use cilium as our CNI",
]


@pytest.mark.parametrize("text", CILIUM_ON_EKS)
def test_no_vpc_cni_note_where_cilium_is_the_cni(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("cilium_cni") is True
    assert VPC_CNI_NOTE not in render_terminal(engine.ask(text))


# Must not change: on EKS with its own CNI the note stays.
@pytest.mark.parametrize(
    "text",
    [
        "We're on EKS. No sidecars. Need mTLS. Which mesh?",
        "does istio ambient run on EKS?",
    ],
)
def test_the_note_stays_on_the_vpc_cni(engine: AnswerEngine, text: str):
    assert VPC_CNI_NOTE in render_terminal(engine.ask(text))


def test_not_with_names_a_flag_fact(kb_dir):
    ambient = read(kb_dir / "meshes/istio-ambient.yaml")
    ambient["on_platforms"]["eks"]["not_with"] = ["no_such_flag"]
    write(kb_dir / "meshes/istio-ambient.yaml", ambient)
    assert any(
        "on_platforms.eks.not_with.no_such_flag: unknown fact" in p for p in problems_of(kb_dir)
    )
