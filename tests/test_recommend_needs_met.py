"""Setups that say what a tool they run covers, what they refuse with a filler word after
it, who should host the control plane and what the team has run before; each read through
the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


def test_a_sidecar_model_said_to_be_a_dealbreaker_refuses_sidecars(engine: AnswerEngine):
    text = (
        "eks, 70 services, vpc cni stays. the whole sidecar model is a dealbreaker after "
        "the last outage. we need mtls and per-path authz. what should we run?"
    )
    assert engine.parser.parse(text).facts["no_sidecars"] is True
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    "text",
    [
        "gke, 12 services, every service already has the opentelemetry sdk and sends spans "
        "to jaeger. we want latency per call and a dependency graph. do we need a mesh?",
        "eks, 45 services. each service already has otel and ships traces to honeycomb; we "
        "want a service map and per hop latency. mesh or not?",
    ],
)
def test_telemetry_every_service_already_has_needs_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "distributed_tracing" in facts["covered"]
    assert verdict(engine, text).tied == ["no-mesh"]


def test_tls_terminating_at_the_providers_load_balancer_is_no_need_of_a_mesh(
    engine: AnswerEngine,
):
    text = (
        "gke, 5 services, tls terminates at our gclb, nothing regulated. all we want is "
        "request metrics and traces per service. do we actually need a mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["covered"] == ["ingress_gateway"]
    assert "ingress_gateway" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "ecs on fargate, 15 services, we want tls between services and traffic metrics, "
        "nothing self hosted please. what should we use?",
        "ecs, 25 svcs, need tls between svcs, no self-managed control plane. recommendation?",
    ],
)
def test_no_self_hosted_control_plane_on_ecs_is_service_connect(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["managed_control_plane"] is True
    assert "mtls" in facts["needs"]
    assert verdict(engine, text).tied == ["amazon-ecs-service-connect"]


def test_iam_based_authorization_across_accounts_is_vpc_lattice(engine: AnswerEngine):
    text = "ec2 and ecs services across 4 aws accounts, iam based authorization, no sidecars. pick?"
    facts = engine.parser.parse(text).facts
    assert facts["needs"] == ["l7_authorization"]
    assert verdict(engine, text).tied == ["amazon-vpc-lattice"]


def test_a_team_that_ran_istio_before_leans_to_istio_over_linkerd(engine: AnswerEngine):
    text = (
        "k8s on openstack, 3 clusters, 90 services. need mtls, retries and a canary split, "
        "no vendor lock-in. most of us ran istio at our previous company. which one?"
    )
    assert engine.parser.parse(text).facts["envoy_experience"] is True
    assert set(verdict(engine, text).tied) <= {"istio", "istio-ambient"}


def test_wasm_filters_weigh_for_sidecar_istio_where_ambient_has_them_only_in_alpha(
    engine: AnswerEngine,
):
    text = (
        "self-hosted k8s, 250 services, apache-licensed software only. we depend on a custom "
        "wasm filter for request signing and want to shadow traffic to a new version. pick one"
    )
    chosen = verdict(engine, text)
    assert chosen.tied == ["istio"]
    caveats = [c.text for c in chosen.of("istio-ambient").caveats]
    assert caveats == ["WebAssembly extensions partial (alpha)"]


def test_a_monolith_on_a_few_vms_needs_no_mesh(engine: AnswerEngine):
    text = (
        "our whole product is a django monolith and 2 background workers on 4 VMs, no "
        "kubernetes. an auditor mentioned zero trust. do we need a service mesh?"
    )
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    ("text", "engineers", "employees"),
    [
        (
            "our ops team is 2 fairly junior sres, the company is about 35 people. which mesh?",
            2,
            35,
        ),
        ("a 120 person company, 4 people run the platform. which mesh should we pick?", 4, 120),
        ("startup of 25 folks, 1 senior sre on call. what mesh?", 1, 25),
    ],
)
def test_people_count_for_the_team_or_the_company_by_the_nearest_word(
    engine: AnswerEngine, text: str, engineers: int, employees: int
):
    facts = engine.parser.parse(text).facts
    assert (facts.get("engineers"), facts.get("employees")) == (engineers, employees)


def test_a_junior_team_at_a_small_company_spanning_two_datacentres_gets_linkerd(
    engine: AnswerEngine,
):
    text = (
        "kubeadm on bare metal in two datacentres, 2 clusters, 50 services. need failover "
        "between clusters, canary splits and mtls. the team is 2 fairly junior sres and the "
        "company is ~30 people; open source only, no busl. what's safest?"
    )
    assert verdict(engine, text).tied == ["linkerd"]


@pytest.mark.parametrize(
    "text",
    [
        "we've run open source istio for a year and now need fips and 24/7 vendor support. "
        "keep our VirtualServices please. what next?",
        "the open source project only ships edge releases now and we need a vendor with "
        "support. eks, 80 services. which mesh?",
    ],
)
def test_open_source_naming_what_they_run_is_no_licence_policy(engine: AnswerEngine, text: str):
    assert "licence" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "gke, 60 services, must be free and open source. which mesh?",
        "bare metal k8s, needs to be open source, 100 services. which mesh?",
    ],
)
def test_open_source_said_as_a_requirement_is_a_licence_policy(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["licence"] == "open_source"


def test_open_source_kuma_they_run_moves_to_its_enterprise_build_for_fips_and_support(
    engine: AnswerEngine,
):
    text = (
        "two years on open source kuma across k8s and vms, multizone. a bank customer now "
        "needs fips 140 and a vendor with 24/7 support; our policies are MeshTrafficPermission "
        "and we'd rather not migrate. what now?"
    )
    assert verdict(engine, text).tied == ["kong-mesh"]


def test_sidecars_said_to_be_a_share_of_node_spend_move_an_istio_team_to_ambient(
    engine: AnswerEngine,
):
    text = (
        "istio with sidecars on a single eks cluster, 600 pods. the envoy sidecars are about "
        "a quarter of our compute bill. most workloads only need mtls, a couple of teams use "
        "L7 authz. we want to keep our istio configs. what should we do?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["low_overhead"] is True
    assert facts["knows_api"] == "istio"
    assert "custom_proxy_config" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    ("text", "incumbent"),
    [
        (
            "istio 1.22 on gke for about 3 years, 90 services, no complaints. should we switch?",
            "istio",
        ),
        ("kuma across two zones for a few years now, 50 services on eks. stay or move?", "kuma"),
        ("we've been evaluating istio for a few months. which mesh for 40 services on eks?", None),
        (
            "piloting linkerd for 2 months on one cluster. which mesh should we pick for 30 svcs?",
            None,
        ),
    ],
)
def test_a_mesh_said_with_how_long_it_has_run_is_the_incumbent(
    engine: AnswerEngine, text: str, incumbent: str | None
):
    assert engine.parser.parse(text).facts.get("incumbent") == incumbent


def test_a_small_company_happy_on_linkerd_for_years_stays(engine: AnswerEngine):
    text = (
        "25-person company, linkerd on eks for 3 years, 20 services, the team likes it. we "
        "read that stable releases now come from buoyant. should we move to something else?"
    )
    assert verdict(engine, text).tied == ["linkerd"]


def test_the_lightest_ranks_by_the_overhead_named_where_it_is_asked(engine: AnswerEngine):
    text = (
        "800 pods on aks. all we need is mtls and golden metrics (error rate, latency, "
        "throughput). which mesh is cheapest in cpu?"
    )
    intent = engine.parser.parse(text)
    assert (intent.kind.value, intent.measure.value if intent.measure else None) == (
        "lightest",
        "cpu",
    )
