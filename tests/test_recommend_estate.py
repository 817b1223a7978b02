"""Reading the estate: platforms a mesh must reach (AWS Lambda), counts bound to their own
unit ("one service-to-service layer" counts no services; "all 4" totals the clusters), node
memory said bare ("2gb ram"), a mesh said to be needed, and what charts reserve on small
nodes. Through the public path: parse, answer, render."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _facts(engine: AnswerEngine, text: str) -> dict:
    return dict(engine.parser.parse(text).facts)


def _verdict(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    return scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes)).verdict


RELATION_COUNTS = [
    "ecs for the old apps and 1 eks cluster, want one service-to-service layer over both",
    "we need a single service to service auth layer across ecs and eks",
    "looking for one pod-to-pod encryption policy on our gke cluster",
    "one node-to-node tunnel between the racks, 3 clusters",
    "want one service-to-service identity story for everything on eks",
]


@pytest.mark.parametrize("text", RELATION_COUNTS)
def test_a_unit_at_one_end_of_a_relation_is_not_counted(engine: AnswerEngine, text: str):
    facts = _facts(engine, text)
    assert facts.get("services") != 1 and facts.get("pods") != 1 and facts.get("nodes") != 1


def test_a_relation_beside_a_real_count_keeps_the_count(engine: AnswerEngine):
    assert _facts(engine, "one service to service layer over 12 services")["services"] == 12


MESH_NEEDED = [
    "we run nomad but legal flagged hashicorp's BUSL. need a mesh for nomad that isn't consul",
    "nomad shop, no BUSL allowed by legal: we need a service mesh that is not consul",
    "our scheduler is nomad; looking for a mesh, licence must not be BUSL, consul is out",
    "we need a mesh for our nomad jobs; legal says no BUSL, so consul is out",
    "hashicorp nomad here. I need a service mesh for it, apache licensed, not consul",
]


@pytest.mark.parametrize("text", MESH_NEEDED)
def test_a_mesh_said_to_be_needed_never_gets_no_mesh(engine: AnswerEngine, text: str):
    assert _facts(engine, text).get("mesh_asked") is True
    verdict = _verdict(engine, text)
    assert verdict.pick not in ("no-mesh", "consul") and "no-mesh" not in verdict.tied
    answer = engine.answer(engine.parser.parse(text))
    assert "No mesh meets everything you require" not in render_terminal(answer)


@pytest.mark.parametrize(
    "text",
    [
        "do we need a mesh for mtls between 12 services?",
        "not sure we need a mesh for 10 services on eks",
        "i don't think we need a mesh for this, 8 services",
        "we don't need a mesh for our 5 services, right?",
    ],
)
def test_a_mesh_asked_about_or_denied_is_not_needed(engine: AnswerEngine, text: str):
    assert "mesh_asked" not in _facts(engine, text)


LAMBDA_ESTATES = [
    "eks + a pile of lambda and ec2 stuff across 4 aws accounts, need service to service auth "
    "between all of it. what should we use",
    "we have EKS, some EC2 boxes and lots of Lambda functions; authz between all of them?",
    "lambdas calling services on eks and back, need access control between them. options?",
    "EKS cluster plus AWS Lambda functions. which mesh covers both with service auth?",
    "eks for the apis and lambda functions for async jobs, want service-to-service authz",
]


@pytest.mark.parametrize("text", LAMBDA_ESTATES)
def test_lambda_in_the_estate_screens_out_in_cluster_meshes(engine: AnswerEngine, text: str):
    assert "lambda" in _facts(engine, text)["platform"]
    verdict = _verdict(engine, text)
    assert verdict.pick in ("amazon-vpc-lattice", "consul")
    answer = engine.answer(engine.parser.parse(text))
    shown = render_terminal(answer)
    assert "doesn't run on AWS Lambda" in shown


def test_lambda_adds_no_cluster(engine: AnswerEngine):
    assert "clusters" not in _facts(engine, "eks and lambda functions, need authz between them")


NODE_MEMORY = [
    ("k3s on raspberry pis at 40 retail stores, 4-6 pods each, 2gb ram. do we need a mesh?", 2048),
    ("pis in every shop, a handful of pods each, 4gb ram, need mtls", 4096),
    ("edge boxes, 6 pods apiece, 1gb memory. mesh or not?", 1024),
    ("k3s at 20 sites, about 5 pods on each, 2 gb ram. mtls needed", 2048),
    ("small fleet: 3 pods per site, 512mb ram, is a mesh sane?", 512),
]


@pytest.mark.parametrize(("text", "mib"), NODE_MEMORY)
def test_memory_said_bare_is_the_machines_not_a_pods(engine: AnswerEngine, text: str, mib: int):
    facts = _facts(engine, text)
    assert facts.get("node_memory") == mib and "pod_memory" not in facts


def test_memory_said_of_a_pod_is_still_the_pods(engine: AnswerEngine):
    assert _facts(engine, "our pods can spare 20mb ram each for a proxy")["pod_memory"] == 20


SMALL_NODES = [
    "k3s at the edge, nodes are 1 vcpu/2gb, need mtls between ~20 services and memory is tight. "
    "lightest option?",
    "2gb nodes on k3s, 15 services, mtls only, smallest mesh please",
    "raspberry pi cluster, 2 GB RAM nodes, 10 services, need mutual tls",
    "arm boards with 2gb each running k3s; 12 services need mtls, what's lightest",
    "our nodes have 1.5gb memory (k3s), need encryption between 20 services, tight on ram",
]


@pytest.mark.parametrize("text", SMALL_NODES)
def test_small_nodes_weigh_what_the_charts_reserve(engine: AnswerEngine, text: str):
    verdict = _verdict(engine, text)
    assert verdict.pick not in ("istio", "istio-ambient", "gloo-mesh")
    answer = engine.answer(engine.parser.parse(text))
    assert "istiod's chart requests 2 GiB a replica" in render_terminal(answer)


CLUSTER_TOTALS = [
    ("gke standard in 2 regions plus 2 on-prem k8s clusters, want a single mesh spanning all 4", 4),
    ("eks in 3 regions and 2 on-prem clusters, one mesh across all 5", 5),
    ("two gke regions + 1 on-prem cluster, a mesh spanning all three", 3),
    ("aks in 2 regions, 2 clusters on prem. need all 4 in one mesh", 4),
    ("3 regions of eks plus 3 rke2 clusters; one mesh over all of the 6", 6),
]


@pytest.mark.parametrize(("text", "clusters"), CLUSTER_TOTALS)
def test_all_n_totals_the_clusters_counted(engine: AnswerEngine, text: str, clusters: int):
    assert _facts(engine, text)["clusters"] == clusters


def test_all_n_of_another_unit_counts_that_unit(engine: AnswerEngine):
    facts = _facts(engine, "3 clusters and 40 services, mtls across all 40 services")
    assert facts["clusters"] == 3 and facts["services"] == 40


PLATFORM_LICENCE = [
    "we run nomad but legal flagged hashicorp's BUSL. need a mesh for nomad that isn't consul",
    "nomad cluster, our policy is open source only. which mesh?",
    "we're on hashicorp nomad and can't use BUSL software. mesh options?",
    "nomad + no source-available licences allowed. what mesh would you pick",
    "open source only shop running nomad on vms, need mtls between jobs",
]


@pytest.mark.parametrize("text", PLATFORM_LICENCE)
def test_a_licence_policy_reaches_a_platform_under_that_licence(engine: AnswerEngine, text: str):
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "YOUR PLATFORM'S OWN LICENCE" in shown.upper() and "BUSL-1.1" in shown
    assert "nomad/blob/main/LICENSE" in shown


@pytest.mark.parametrize(
    "text",
    ["we run nomad, need mtls between jobs. which mesh?", "eks, no BUSL allowed. which mesh?"],
)
def test_no_platform_licence_note_without_a_policy_that_reaches_it(engine: AnswerEngine, text: str):
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "PLATFORM'S OWN LICENCE" not in shown.upper()


CENTRAL_SITE = [
    "k3s on raspberry pis at 40 retail stores, 4-6 pods each, 2gb ram. do we need a mesh for "
    "mtls back to hq?",
    "each shop runs a tiny k3s box with 5 pods, 2gb ram; do we need a mesh to encrypt traffic "
    "back to headquarters?",
    "small k3s clusters in our warehouses, 6 pods on each, 2 gb memory. mesh for mtls to head "
    "office, or overkill?",
    "pis in 30 clinics, 4 pods apiece, 1gb ram, only need mtls back to the datacenter. mesh?",
    "k3s per branch office, a handful of pods, 2gb ram boxes, need mtls back to hq. mesh or not?",
]


@pytest.mark.parametrize("text", CENTRAL_SITE)
def test_traffic_back_to_hq_is_weighed_as_leaving_the_site(engine: AnswerEngine, text: str):
    assert _facts(engine, text).get("to_central_site") is True
    assert "to-central-site" in {r.id for r in _verdict(engine, text).fired}
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "leaves each site for HQ" in shown


def test_the_pi_fleet_asking_about_mtls_to_hq_leans_to_no_mesh(engine: AnswerEngine):
    assert _verdict(engine, CENTRAL_SITE[0]).pick == "no-mesh"


def test_one_mesh_across_the_sites_is_not_second_guessed(engine: AnswerEngine):
    text = "k3s at 12 stores and hq, want one mesh spanning all sites and hq for mtls back to hq"
    assert "to-central-site" not in {r.id for r in _verdict(engine, text).fired}
