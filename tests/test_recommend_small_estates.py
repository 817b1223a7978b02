"""Small estates an expert reads as such: everything on one machine, an edge the team already
routes through, a company too small for a platform team, a small Kubernetes-only team that
would run Consul's servers for reach it never uses. Each read through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "we've got a single server with docker compose: 6 containers (web, api, queue, cache, db, "
        "proxy). my manager wants a service mesh, which one?",
        "everything lives on 1 vm, compose file with 3 containers. do we want a mesh?",
    ],
)
def test_everything_on_one_machine_is_told_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["nodes"] == 1
    assert verdict(engine, text).tied == ["no-mesh"]


def test_several_clusters_of_one_node_are_no_single_machine(engine: AnswerEngine):
    text = "40 clusters, 1 node each, mTLS required between services. which mesh?"
    assert "no-mesh" not in verdict(engine, text).tied


def test_an_ingress_the_api_already_goes_through_covers_the_edge(engine: AnswerEngine):
    text = (
        "4 person company, linode kubernetes, 15 services. we want weighted canaries for our "
        "api, which already goes through traefik. adopt a mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["covered"] == ["ingress_gateway"]
    assert facts["team_size"] == "small"  # a company this small has no platform team
    assert not {"consul", "istio", "istio-ambient"} & set(verdict(engine, text).tied)


def test_a_small_kubernetes_team_is_not_sent_to_run_consul_servers(engine: AnswerEngine):
    text = (
        "self-hosted k8s on hetzner, 30 services, 2 developers, no budget for licenses. need "
        "mTLS and a service graph UI. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["developers"] == 2 and facts["team_size"] == "small"
    assert facts["support"] == "none"
    tied = verdict(engine, text).tied
    assert "consul" not in tied
    assert set(tied) <= {"kuma", "linkerd", "istio-ambient"}


def test_consul_keeps_its_place_where_vms_join_the_mesh(engine: AnswerEngine):
    text = (
        "small team, 3 engineers. 40 services on EKS plus 60 VMs outside kubernetes that must "
        "join the same mesh. which mesh?"
    )
    assert "consul" in verdict(engine, text).survivors


def test_cost_weighs_a_service_billed_by_use_below_a_light_mesh(engine: AnswerEngine):
    text = "EKS, roughly 3000 pods. cost matters most to us, what mesh?"
    facts = engine.parser.parse(text).facts
    assert facts["low_cost"] is True
    found = verdict(engine, text)
    assert "cost-billed-by-use" in {r.id for r in found.fired}
    assert "amazon-vpc-lattice" not in found.tied
    plain = verdict(engine, "EKS, roughly 3000 pods, what mesh?")
    assert "cost-billed-by-use" not in {r.id for r in plain.fired}


def test_a_liked_project_with_a_vendor_contract_picks_its_vendor_edition(engine: AnswerEngine):
    text = (
        "the team loves istio and we really like kuma too, but we need a vendor contract, and "
        "we run on ECS and EKS. which one?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "any"
    text = "we really like kuma, procurement wants a vendor contract. ECS plus EKS. which mesh?"
    assert verdict(engine, text).tied == ["kong-mesh"]


def test_commercial_licences_accepted_lift_the_busl_ban(engine: AnswerEngine):
    text = (
        "300 VMs and one k8s cluster in one mesh, vendor support required; no problem with "
        "commercial licences incl. BUSL. which mesh?"
    )
    assert engine.parser.parse(text).facts["licence"] == "any"
    assert not verdict(engine, text).of("consul").out


def test_a_team_new_to_kubernetes_is_not_handed_istio_sidecars(engine: AnswerEngine):
    text = "we're new to kubernetes, about 25 services going onto EKS soon. which mesh hurts least?"
    facts = engine.parser.parse(text).facts
    assert facts["team_size"] == "small"
    assert "istio" not in verdict(engine, text).tied


# ------------------------------------------------------------------ a small estate on ECS


@pytest.mark.parametrize(
    "text",
    [
        "6 services on ecs fargate, one small team. we want retries and request metrics per "
        "service and nothing new to babysit",
        "ecs with about 9 services; looking for timeouts and per-service traffic metrics, "
        "which way should we go",
    ],
)
def test_on_ecs_what_service_connects_proxy_does_beats_coding_it_into_each_service(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert "ecs-built-in-needs" in {r.id for r in found.fired}
    assert found.tied == ["amazon-ecs-service-connect"]


def test_on_ecs_needs_the_apps_meet_already_are_told_no_mesh(engine: AnswerEngine):
    text = (
        "7 grpc services on ecs, we already use grpc retries and deadlines plus otel for "
        "metrics; no mtls needed. is service connect worth it?"
    )
    facts = engine.parser.parse(text).facts
    assert {"retries", "timeouts", "golden_metrics"} <= set(facts["covered"])
    assert verdict(engine, text).tied == ["no-mesh"]


def _lead(engine: AnswerEngine, text: str) -> str:
    """The recommendation's first lines as the terminal shows them."""
    answer = engine.answer(engine.parser.parse(text))
    return render_terminal(answer).split("NEXT QUESTION")[0]


@pytest.mark.parametrize(
    "text",
    [
        "fargate tasks on ecs, 8 services, mtls is the only driver. do we even need a mesh?",
        "we're on amazon ecs with 10 services, a team of two, and mtls is our only reason to "
        "look at this. is a mesh overkill?",
    ],
)
def test_no_mesh_on_ecs_is_described_by_ecs_own_means(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["no-mesh"]
    lead = _lead(engine, text)
    assert "security groups" in lead
    assert "NetworkPolicies" not in lead and "cert-manager" not in lead


def test_no_mesh_on_kubernetes_keeps_the_kubernetes_tools(engine: AnswerEngine):
    text = "gke, 9 services, mtls is the only reason we'd add anything. do we need a mesh?"
    assert verdict(engine, text).tied == ["no-mesh"]
    lead = _lead(engine, text)
    assert "cert-manager" in lead and "security groups" not in lead
