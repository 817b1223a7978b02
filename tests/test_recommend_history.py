"""Setups that carry their history and their setting: where a mesh must work (IPv6-only
clusters), a mesh that hurt them before, the mesh they run and its upgrades. Each goes through
the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# Where a mesh must work is no job a mesh does: no mesh "meets" IPv6-only clusters only by
# doing nothing, so a mesh asked for on them is still a mesh.
IPV6_SETUPS = [
    "we're rolling out ipv6-only kubernetes clusters on bare metal next quarter, some stay "
    "dual-stack. which mesh copes with that? ~120 services",
    "network team is moving our on-prem k8s to dual stack and eventually v6 only. 80 "
    "microservices. need a service mesh that handles ipv6 properly",
    "Dual-stack clusters (IPv4+IPv6) in our own DC, around 90 services. What mesh should we "
    "use that actually works with IPv6?",
    "ipv6-only clusters incoming. ~150 svcs on self-managed kubernetes. mesh recommendation "
    "that won't break on ipv6?",
    "about 70 services, kubernetes on our own hardware, and the network folks mandate IPv6 "
    "single stack for new clusters. which service mesh is safe to pick?",
]


@pytest.mark.parametrize("text", IPV6_SETUPS)
def test_a_mesh_asked_for_on_ipv6_clusters_is_a_mesh_that_runs_there(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert found.pick in {"istio", "linkerd", "cilium", "kuma"}, found.pick
    assert engine.kb.meshes[found.pick].features["ipv6_dual_stack"].level.value == "yes"
