"""Why a mesh that fits is behind the pick (blind test s16a P7): "why not cilium?" after a
list on the thread's setup says what puts Cilium behind, not only "ranks 8th of 8": the
must-haves it meets only partly where the pick meets more, else the trade-off that weighs
for the pick over it. The pick itself, and a mesh ruled out (its reason is said), get no
such clause."""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal
from tests.support.conversation import talk

IPV6 = "IPv6-only EKS cluster, 60 services, need mTLS and L7 routing"
LIST = "which of those supports ipv6 dual stack?"


BEHIND = "behind Linkerd: Mutual TLS (mTLS) partial (beta); Header-based routing partial"


@pytest.mark.parametrize(
    "reply",
    [
        "why not cilium?",
        "what about cilium then, why not that?",
        "does cilium support ipv6 dual stack?",
        "and cilium?",
        "what about cilium?",
        "how come not cilium?",
        "why isn't cilium the pick?",
    ],
)
def test_a_mesh_behind_the_pick_says_what_puts_it_behind(kb: KnowledgeBase, reply: str) -> None:
    text = render_terminal(talk(kb, IPV6, LIST, reply).answer)
    assert f"Cilium Service Mesh fits and ranks 8th of the 8 options left, {BEHIND}." in text


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        (
            "does kuma cover gateway api? eks, 45 svcs, 3 engineers, apache-2 only",
            "behind Linkerd: Kubernetes Gateway API partial",
        ),
        (
            "does istio support mtls? eks, 40 services, small team, no vendor",
            "behind Linkerd: A small team has few hands",
        ),
    ],
)
def test_a_check_on_a_setup_says_why_behind(kb: KnowledgeBase, question: str, clause: str) -> None:
    assert clause in render_terminal(talk(kb, question).answer)


@pytest.mark.parametrize(
    "question",
    [
        "does linkerd support mtls? eks, 40 services, small team, no vendor",  # the pick
        "does consul do retries? we're on EKS, 50 services, open source only",  # ruled out
    ],
)
def test_the_pick_or_a_mesh_ruled_out_has_no_behind(kb: KnowledgeBase, question: str) -> None:
    assert ", behind " not in render_terminal(talk(kb, question).answer)
