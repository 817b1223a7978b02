"""Moving off a mesh that carries VMs first-class (Consul, its licence refused) while the VMs
must stay meshed: the successors that carry them the same way (Kuma and its build) lead over
meshes of Kubernetes that add VMs as an expansion. Where the mesh left meshes no VMs, where
no VMs are to be meshed, or where nothing is left, the rule weighs nothing.

A count ends at a full stop ("off it in 12 months. VMs still …" counts no VMs), and VMs said
"still" to need the mesh are a requirement, no doubt of a mesh."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick, verdict

KUMA_FAMILY = {"kuma", "kong-mesh"}


@pytest.mark.parametrize(
    "text",
    [
        "We run Consul (community edition) service mesh on EKS for ~150 services plus ~40 "
        "services on EC2 VMs. Legal just flagged the BUSL change and wants us off it in 12 "
        "months. VMs still need to be in the mesh. Where do we go?",
        "we're on consul community across GKE plus some VMs, 80 services. BUSL is a problem "
        "for our lawyers. need to keep the VM workloads meshed. recommend a replacement",
        "we're moving off consul because of BUSL. today it meshes 120 services on EKS plus 40 "
        "VMs, and the VMs must stay in the mesh. where to?",
        "we've run consul on GKE and some VMs for 3 years, 90 services. legal now bans BUSL. "
        "the VM workloads need to stay in the mesh. what should replace it?",
        "running consul mesh on eks, 150 services + 60 services on ec2 vms. BUSL is not "
        "allowed anymore. VMs need mesh too. recommend a replacement",
        "we run consul on eks and 40 VMs, 150 services. legal flagged BUSL, wants us off it, "
        "VMs stay meshed. where do we go?",
    ],
)
def test_leaving_consul_with_vms_keeps_them_first_class(engine, text):
    facts, tied = facts_and_pick(engine, text)
    assert "vm_workloads" in facts["needs"]
    assert not facts.get("mesh_doubted")
    assert "vms" not in facts or facts["vms"] != 12
    assert tied and set(tied) <= KUMA_FAMILY


@pytest.mark.parametrize(
    "text",
    [
        # the mesh left meshes no VMs
        "we run istio on eks, 150 services, plus 40 services on VMs that need to join the "
        "mesh. which mesh?",
        # no VMs to mesh
        "we run consul on eks, 150 services. legal flagged BUSL, wants us off it. where do we go?",
        # nothing left to move off
        "150 services on EKS plus 40 on EC2 VMs, no mesh yet, must mesh the VMs, no BUSL. "
        "which mesh?",
        # staying is open: the mesh they run is left, no move
        "we run consul on eks and 40 VMs, 150 services, VMs stay meshed. what should we run?",
    ],
)
def test_near_misses_weigh_nothing_for_it(engine, text):
    result = verdict(engine, text)
    assert "vms-kept-as-meshed" not in {rule.id for rule in result.fired}


def test_a_period_ends_a_count(engine):
    facts, _ = facts_and_pick(
        engine, "legal wants us off consul in 12 months. VMs still need to be in the mesh."
    )
    assert "vms" not in facts and "nodes" not in facts
    facts, _ = facts_and_pick(engine, "40 .NET framework pods on 3 k8s clusters")
    assert facts["pods"] == 40 and facts["clusters"] == 3


@pytest.mark.parametrize(
    ("text", "doubted"),
    [
        ("consul on eks plus 40 VMs; the VMs still need to be in the mesh. what next?", False),
        ("we run istio on GKE, and our VMs also need to be in the mesh. which mesh?", False),
        # asked whether they belong in it at all: still a doubt of the mesh for them
        ("do the batch jobs need to be in the service mesh?", True),
        ("our VMs don't need to be in the mesh, 50 services on eks. which mesh?", False),
    ],
)
def test_vms_said_to_still_need_the_mesh_are_no_doubt(engine, text, doubted):
    facts, _ = facts_and_pick(engine, text)
    assert bool(facts.get("mesh_doubted")) is doubted
