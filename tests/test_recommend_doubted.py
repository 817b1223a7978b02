"""Whether a mesh is needed at all, read as an expert reads it: what it must do, how much
traffic there is between services, and whether a requirement is met already. Doubt ("do we
even need…", "should we enable…", "convince me either way") with nothing asked of a mesh
leans to none; a small team on ECS that wants what Service Connect's proxy does gets it. Each
goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# A few VMs whose only call is the app's to its database, a mesh asked about because someone
# read of one: no traffic between services for a mesh to carry.
NO_EAST_WEST = [
    "12 vms behind haproxy, php app + mysql + a couple of cron boxes. cto read a blog and asked "
    "if we should 'do consul connect'. 2 ops people. nothing talks to anything except app->db tbh",
    "we have 10 VMs behind an nginx load balancer running a rails app and postgres. our vp asked "
    "whether we should adopt consul connect. two sysadmins. services don't talk to each other, "
    "only the app to the db",
    "8 virtual machines, java app + oracle + a batch box. the cto saw a conference talk and wants "
    "to know if we should do istio. 2 ops people. nothing calls anything except the app hitting "
    "the database",
    "about 15 vms behind haproxy with a django app and mysql. boss read a blog post and asked if "
    "we should adopt a service mesh. one ops person. nothing talks to each other really, just app "
    "to db",
    "small shop: 6 VMs, php + mariadb + cron. our director asked if we should enable consul "
    "connect. there's no traffic between services, only the app to the db. team of 2",
    "12 vms, laravel monolith + mysql + redis. someone read a blog and now asks whether we should "
    "adopt linkerd. 2 ops folks. apps don't talk to each other",
]

# Consul run for discovery alone, no mTLS asked for, one datacenter: a mesh asked about only
# because Consul is there.
DISCOVERY_ONLY = [
    "nomad cluster, 8 services, consul used for service discovery only. no security ask for "
    "mtls, single dc, team of 3. manager asks 'should we enable a mesh since we have consul "
    "anyway?'",
    "nomad with 6 jobs, consul only for service discovery. no requirement for mtls, one "
    "datacenter, three engineers. should we turn on the mesh since consul is already there?",
    "nomad cluster with 9 services and consul used only for service discovery. mtls isn't needed, "
    "single region, 3 people on ops. do we even need a mesh?",
    "nomad, 7 services, consul for service discovery only, no mtls requirement, one dc, small "
    "team of 3. boss asks if we should enable a mesh since consul is there anyway",
    "8 nomad jobs, consul is used for discovery only. no security requirement for mtls. one data "
    "center. team of 4. should we add a mesh because we already run consul?",
]

# A few pods, a mesh doubted by name or in general, nothing asked of it.
DOUBTED_SMALL = [
    "gke standard, 15 pods, one namespace, one team of 5. latency budget is tight (p99 < 20ms). "
    "everything else is on cloud run. do we need cloud service mesh / anthos mesh thing?",
    "gke autopilot, 12 pods in one namespace, team of 6. p99 budget is tight. do we need cloud "
    "service mesh?",
    "we're on gke with 20 pods, single namespace, 5 engineers. latency sensitive app. do we even "
    "need a service mesh?",
    "gke standard cluster, ~18 pods, one team of 5, tight latency budget. manager asks should we "
    "adopt anthos service mesh. convince me either way",
    "gke, 10 pods, everything else runs on cloud run, team of 7. do we really need a mesh?",
    "GKE with 25 pods, one namespace, 6 devs, latency critical. is a service mesh overkill for us?",
]

# TLS at the load balancer and plaintext inside signed off by whoever sets the requirement.
SIGNED_OFF_INSIDE = [
    "eks, 25 pods, TLS terminates at the ALB, internal traffic stays in private subnets and our "
    "auditor signed off on that. one dev keeps pushing istio (resume driven dev lol). convince "
    "me either way",
    "eks, 20 pods, tls at the load balancer, internal traffic in private subnets, our auditors "
    "are fine with that. a dev wants linkerd. convince me either way",
    "we run eks with 30 pods, TLS terminates at the ALB and security signed off on plaintext "
    "inside the vpc. one engineer keeps pushing istio. talk me out of it",
    "eks, ~25 pods behind an alb that does tls, the auditor okayed plain http between pods in "
    "private subnets. colleague keeps pitching a mesh. change my mind",
    "EKS with 15 pods. tls ends at the alb; compliance signed off on internal traffic staying in "
    "private subnets. someone keeps pushing cilium. do we need a mesh?",
    "eks, 22 pods, tls at the edge (ALB). internal traffic is private and passed the audit. one "
    "dev is pushing istio. convince me either way",
]

# On ECS, what Service Connect's proxy does asked for, and Kubernetes ruled out in words.
ECS_WANTS_THE_PROXY = [
    "monolith → 12 services on ecs (ec2 launch type). team of 3. want svc discovery, retries, "
    "and basic metrics between them. no k8s plans ever, please don't say eks 🙏",
    "we split a monolith into 10 services on ecs (ec2). team of 2. we want service discovery, "
    "retries and basic metrics. no kubernetes ever, don't suggest eks",
    "ecs on ec2, 12 services, 3 engineers. need svc discovery, retries and request metrics "
    "between services. we will never run k8s, please don't recommend eks",
    "14 services on ecs with the ec2 launch type, small team of 3. want retries, timeouts and "
    "basic metrics between services. not going to kubernetes, don't say eks",
    "monolith broken into 9 ecs services (ec2 launch type). team of 3. looking for service "
    "discovery, retries and basic metrics. no k8s plans, do not suggest eks",
    "ecs ec2 launch type, 11 services after breaking up the monolith, 3 of us. want discovery, "
    "retries, metrics between them. no kubernetes, dont say eks please",
]


@pytest.mark.parametrize("text", NO_EAST_WEST)
def test_no_traffic_between_services_is_told_no_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["sync_calls"] == 0
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", DISCOVERY_ONLY)
def test_consul_for_discovery_alone_asks_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "multi_cluster" not in (facts.get("needs") or [])  # one datacenter spans nothing
    assert facts["spans_clusters"] is False
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", DOUBTED_SMALL)
def test_a_mesh_doubted_with_nothing_asked_of_it_is_told_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["mesh_doubted"] is True
    assert "needs" not in facts
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", SIGNED_OFF_INSIDE)
def test_plaintext_inside_signed_off_needs_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["east_west_accepted"] is True
    assert not facts.get("needs")  # "signed off" asks for no CA of their own
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", ECS_WANTS_THE_PROXY)
def test_on_ecs_retries_and_metrics_wanted_pick_service_connect(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["platform"] == ["ecs"]  # "don't say eks"
    assert verdict(engine, text).tied == ["amazon-ecs-service-connect"]


def test_a_mesh_doubted_but_asked_for_mtls_is_weighed_on_that_need(engine: AnswerEngine):
    text = "gke, 15 pods. do we even need a mesh? we need mtls and l7 authz between services"
    found = verdict(engine, text)
    assert "doubted-no-need" not in {r.id for r in found.fired}


def test_an_auditor_signing_off_on_mtls_accepts_nothing_as_it_is(engine: AnswerEngine):
    text = "eks, 40 services. our auditor signed off on mtls between services. which mesh?"
    assert "east_west_accepted" not in engine.parser.parse(text).facts
