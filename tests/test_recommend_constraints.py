"""Hard requirements said the way teams say them (who takes the tickets, who runs the thing,
what the auditor insists on, what they will not pay for), each read through the public path:
the text parsed, then every current offering screened and weighed."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    ("text", "support", "pick"),
    [
        (
            "AKS, 45 services, moving off OSM; we need mTLS and a vendor: microsoft will take "
            "a support ticket for the add-on, right? what do we move to?",
            "microsoft",
            "aks-istio-addon",
        ),
        (
            "we're on GKE with 30 services and want to open tickets with google when the mesh "
            "breaks. which mesh?",
            "google",
            "google-cloud-service-mesh",
        ),
    ],
)
def test_tickets_a_provider_takes_are_that_providers_support(
    engine: AnswerEngine, text: str, support: str, pick: str
):
    assert engine.parser.parse(text).facts["support"] == support
    assert verdict(engine, text).tied == [pick]


def test_the_provider_asked_to_run_the_thing_is_a_managed_control_plane(engine: AnswerEngine):
    text = (
        "EKS, 70 services. we'd like amazon to run the thing for us and to authorise calls "
        "between services with IAM. which should we pick?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["managed_control_plane"] is True
    assert verdict(engine, text).tied == ["amazon-vpc-lattice"]


def test_mutual_tls_an_auditor_insists_on_rules_out_one_way_tls(engine: AnswerEngine):
    text = (
        "about 50 services on ECS with Fargate; compliance insists on mutual TLS between the "
        "tasks, we can pay for support. no kubernetes ever. what would you go with?"
    )
    assert "mtls" in engine.parser.parse(text).facts["in_full"]
    found = verdict(engine, text)
    service_connect = found.of("amazon-ecs-service-connect")
    assert service_connect.out
    assert any("Mutual TLS" in r.text for r in service_connect.reasons)
    assert found.tied and "amazon-ecs-service-connect" not in found.tied


def test_a_named_vendors_support_refused_is_no_support_wanted(engine: AnswerEngine):
    text = "AKS with 300 pods; we don't need microsoft support for the mesh. what should we run?"
    assert engine.parser.parse(text).facts["support"] == "none"


def test_no_licence_budget_is_open_source_only(engine: AnswerEngine):
    text = (
        "three AKS clusters, 900 pods, azure cni stays as it is, sidecars are out and there "
        "is no licence budget at all. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["licence"] == "open_source"
    found = verdict(engine, text)
    assert found.of("gloo-mesh").out
    assert found.tied == ["istio-ambient"]


def test_a_vendor_with_slas_is_support_wanted(engine: AnswerEngine):
    text = (
        "EKS and GKE, 6 clusters, one mesh spanning them, sidecars are out and the CNI stays. "
        "we need a vendor with SLAs. recommendations?"
    )
    assert engine.parser.parse(text).facts["support"] == "any"
    assert verdict(engine, text).tied == ["gloo-mesh"]


def test_a_per_pod_memory_cap_rules_out_sidecars_heavier_in_every_measurement(
    engine: AnswerEngine,
):
    text = (
        "GKE, 1200 pods, the budget is 30 MiB per pod for the proxy and no more. we need mtls "
        "and retries. which mesh should we run?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["pod_memory"] == 30
    found = verdict(engine, text)
    istio = found.of("istio")
    assert istio.out and any("a pod" in r.text for r in istio.reasons)
    assert not found.of("linkerd").out
    assert not found.of("istio-ambient").out  # its proxy sits on the node, not in the pod


def test_failover_said_of_clusters_asks_for_one_mesh_across_them(engine: AnswerEngine):
    facts = engine.parser.parse(
        "EKS, 4 clusters, we need proper cross-cluster failover. which mesh?"
    ).facts
    assert facts["needs"] == ["multi_cluster"]
    assert facts["in_full"] == ["multi_cluster"]


def test_a_need_nobody_has_asked_for_is_none_and_a_tiny_nomad_estate_needs_no_mesh(
    engine: AnswerEngine,
):
    text = (
        "four nomad jobs behind an haproxy, one private subnet, nobody has asked for mTLS. "
        "should we bother with consul connect, or any mesh?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert intent.facts["services"] == 4
    assert intent.facts["not_needed"] == ["mtls"]
    assert verdict(engine, text).tied == ["no-mesh"]


def test_a_mesh_run_today_is_the_incumbent_and_its_paid_edition_keeps_its_policies(
    engine: AnswerEngine,
):
    text = (
        "we operate kuma today across kubernetes and VMs. compliance now wants FIPS crypto and "
        "a vendor support contract. what should we do?"
    )
    assert engine.parser.parse(text).facts["incumbent"] == "kuma"
    assert verdict(engine, text).tied == ["kong-mesh"]


def test_off_busl_on_nomad_a_mesh_with_a_vm_mode_runs_beside_nomad_with_a_caveat(
    engine: AnswerEngine,
):
    text = (
        "our jobs run on nomad with consul connect. the business source licence is now "
        "forbidden, open source only, and kubernetes comes next year: we need mTLS across "
        "the nomad VMs and the clusters together. what now?"
    )
    found = verdict(engine, text)
    assert found.of("consul").out
    assert found.of("linkerd").out  # no VM mode outside Kubernetes to run beside Nomad with
    kuma = found.of("kuma")
    assert not kuma.out and any("Nomad integration" in c.text for c in kuma.caveats)
    assert found.tied == ["kuma"]


@pytest.mark.parametrize(
    ("text", "engineers"),
    [
        ("a central team of 3 looks after every cluster. 25 services on GKE, which mesh?", 3),
        ("GKE, 25 services, run by a crew of two. pick a mesh for us", 2),
    ],
)
def test_a_team_of_n_is_the_people_running_the_platform(
    engine: AnswerEngine, text: str, engineers: int
):
    facts = engine.parser.parse(text).facts
    assert facts["engineers"] == engineers
    assert facts["team_size"] == "small"


def test_a_team_of_n_services_counts_services_not_people(engine: AnswerEngine):
    facts = engine.parser.parse("one team of 12 services on EKS, which mesh?").facts
    assert facts["services"] == 12 and "engineers" not in facts
