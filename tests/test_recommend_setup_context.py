"""What a setup says about where things run and what runs there, read right: well-known
infrastructure is context (no unknown product), a mesh said to run somewhere "today" is the
one they run, a CNI named is not its mesh run, VMs in their own data centre rule out a
provider's cloud offerings, "without Consul" refuses it, counts joined add up, a VM-heavy
estate stays with the meshes built for VMs, and a licence that buys a must-have is not argued
against. Every case goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

INFRASTRUCTURE = [
    "we have 5 services on ECS Fargate and they just talk over ALB. do we need Service Connect "
    "or a mesh at all?",
    "our 6 ECS services just talk over NLB. do we need a mesh at all?",
    "8 services on EKS that talk via API Gateway, is a mesh overkill?",
    "AKS, 10 services, they go through Application Gateway. do we need a mesh at all?",
    "GKE, 7 services that just talk through Cloud Load Balancing. need a mesh?",
    "ECS with 4 services using Cloud Map and an ALB, mesh or not?",
]


@pytest.mark.parametrize("text", INFRASTRUCTURE)
def test_well_known_infrastructure_is_no_unknown_product(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).unknown_names == []
    assert "in my knowledge base" not in render_terminal(engine.ask(text))


RUN_TODAY = [
    "Consul on VMs today for service discovery, moving to EKS over 2 years. need mesh across "
    "VMs and k8s during transition.",
    "we have Consul for service discovery on our VMs today; EKS migration starting. mesh "
    "spanning both?",
    "Consul is on our vms today; half the apps move to eks over 18 months. recommend a mesh",
    "hashicorp consul on rhel vms at the moment, k8s (EKS) coming. which mesh for the transition?",
    "consul across 200 vms right now, adding 2 eks clusters next year. which mesh should we use?",
]


@pytest.mark.parametrize("text", RUN_TODAY)
def test_a_mesh_said_to_run_somewhere_now_is_the_one_they_run(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("incumbent") == "consul"
    assert verdict(engine, text).pick == "consul"


@pytest.mark.parametrize(
    "text",
    [
        "evaluating consul on vms today, also eks. which mesh?",
        "we want to move to istio on eks in production next year",
    ],
)
def test_a_mesh_weighed_or_planned_is_not_run(engine: AnswerEngine, text: str):
    assert "incumbent" not in engine.parser.parse(text).facts


CNI_NAMED = [
    "we're already on cilium CNI on EKS, 400 pods. want mTLS and L7 metrics.",
    "we already use the cilium cni plugin on gke, 200 pods, need mtls",
    "already running Cilium CNI in EKS with 60 services. which mesh for mTLS?",
    "we use cilium cni on bare metal k8s, 300 pods, want mtls + retries",
    "our EKS clusters are on Cilium CNI already; 500 pods, need mTLS and golden metrics",
]


@pytest.mark.parametrize("text", CNI_NAMED)
def test_a_cni_named_is_not_its_mesh_run(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("cilium_cni") is True
    assert "incumbent" not in facts
    assert "already running: Cilium" not in render_terminal(engine.ask(text))


def test_its_mesh_named_is_run(engine: AnswerEngine):
    facts = engine.parser.parse("we run cilium service mesh on eks, want mtls").facts
    assert facts.get("incumbent") == "cilium"


ON_PREMISES = [
    "bank, on-prem VMware VMs only (no k8s), 60 services, need mTLS + L7 authz + vendor support",
    "no k8s here: just vms on-prem, 80 services, want mtls + retries, managed control plane "
    "would be nice",
    "everything runs on VMs in our colo, 30 services, mtls needed, paid support required",
    "we are VMs only on openstack (private cloud), 100 services, need mTLS and authz with "
    "enterprise support",
    "only vms, on premises, 50 services. which mesh? need mtls",
]


@pytest.mark.parametrize("text", ON_PREMISES)
def test_vms_in_their_own_data_centre_rule_out_cloud_offerings(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("cloud") == "own"
    found = verdict(engine, text)
    assert found.of("google-cloud-service-mesh").out
    assert found.of("amazon-vpc-lattice").out
    assert "Google Cloud Service Mesh" not in render_terminal(engine.ask(text)).split(
        "WHAT WOULD CHANGE"
    )[-1].split("TRY NEXT")[0] or "WHAT WOULD CHANGE" not in render_terminal(engine.ask(text))


NOMAD_ALONE = [
    "on Nomad without Consul, can we get a mesh?",
    "nomad without consul, 40 services, need mtls. which mesh?",
    "we run nomad but no consul. mesh options?",
    "Nomad w/o Consul, 25 jobs, want mTLS between them. recommend something",
    "we're on nomad, without consul. which service mesh could work?",
]


@pytest.mark.parametrize("text", NOMAD_ALONE)
def test_nomad_without_consul_refuses_consul(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("refused_mesh") == "consul"
    assert verdict(engine, text).pick != "consul"


@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("2 OpenShift clusters + 3 EKS clusters, want one mesh across all of them", 5),
        ("we run 2 openshift clusters and 3 eks clusters. one mesh?", 5),
        ("3 GKE clusters plus 2 on-prem clusters, one mesh", 5),
        ("2 eks clusters + 1 aks cluster, 300 services, need multi-cluster mesh", 3),
        ("4 prod clusters & 2 staging clusters on EKS, one mesh for all?", 6),
    ],
)
def test_counts_joined_add_up(engine: AnswerEngine, text: str, clusters: int):
    assert engine.parser.parse(text).facts.get("clusters") == clusters


def test_counts_said_apart_do_not_add_up(engine: AnswerEngine):
    assert (
        engine.parser.parse("50 services in prod and 200 services in staging").facts.get("services")
        == 50
    )


VM_HEAVY = [
    "we have 300 VMs and a small EKS cluster. need one mesh with mTLS across both. which mesh?",
    "~400 VMs in our DC plus one EKS cluster, need mTLS everywhere. recommend a mesh",
    "hybrid: 250 linux VMs and a small AKS cluster, one mesh with mtls please",
    "mostly VMs, about 500 VMs and one GKE cluster, need a mesh across both with mTLS",
    "200 VMs + 1 small k8s cluster, mtls between everything. which mesh?",
]


@pytest.mark.parametrize("text", VM_HEAVY)
def test_a_vm_heavy_estate_stays_with_the_vm_first_meshes(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick in {"consul", "kuma", "kong-mesh"}
    assert "30 to 150: the pick becomes Linkerd" not in render_terminal(engine.ask(text))


FIPS = [
    "FedRAMP moderate on EKS, FIPS 140-2 validated crypto is a hard requirement, 400 pods. "
    "which mesh?",
    "we need FIPS 140 validated crypto in the mesh data plane, EKS, 300 pods",
    "fedramp: fips-validated mtls required, eks, ~600 pods. what should we run?",
    "FIPS 140-3 crypto mandatory for the mesh. EKS, 250 services",
    "gov workload on EKS, FIPS validated crypto for all service-to-service traffic, 500 pods",
]


@pytest.mark.parametrize("text", FIPS)
def test_a_licence_that_buys_a_must_have_is_not_argued_against(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    said = render_terminal(engine.ask(text))
    if found.of("istio").out:  # the open-source base lacks it: the licence buys FIPS builds
        assert f"Against {engine.kb.meshes[found.pick].name}: A licensed edition" not in said


NO_MESH_NEEDED = [
    "we have a monolith plus 2 services on EKS. do we need a mesh?",
    "just a monolith and 2 small services. do we even need a service mesh?",
    "3 services on GKE, do we need istio?",
    "startup with 6 services on AKS, is a mesh worth it?",
    "tiny app: 4 microservices on k3s. service mesh or not?",
]


@pytest.mark.parametrize("text", NO_MESH_NEEDED + INFRASTRUCTURE[:1])
def test_no_mesh_picked_asks_next_about_needs_not_the_meshs_shape(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick == "no-mesh"
    said = render_terminal(engine.ask(text))
    asked = said.split("NEXT QUESTION:")[1].splitlines()[0]
    for shape in ("support contract", "control plane", "licence", "sidecar", "memory", "CNI"):
        assert shape not in asked
