"""Wishes said the way setups say them: mesh machinery refused as their own to run ("without
running any mesh infra ourselves") wants it managed; a second control plane refused beside
the CNI they run wants as few new parts as possible; leaving a retired mesh that encrypted
on a small estate asks which maintained mesh takes over, not whether to run one."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from tests.support.verdicts import verdict


def _picked(engine, text: str) -> tuple[dict, list[str]]:
    """The facts read and the offerings picked (several in a tie)."""
    return engine.parser.parse(text).facts, verdict(engine, text).tied


@pytest.mark.parametrize(
    "text",
    [
        "just EC2 instances in autoscaling groups across 4 aws accounts, want authenticated "
        "calls between them without running any mesh infra ourselves",
        "ec2 fleet, no containers. we need service-to-service auth but won't run the mesh "
        "ourselves",
        "plain EC2 VMs in several aws accounts; authn between services, no mesh infrastructure "
        "to operate on our side please",
        "we do not want to host the mesh. ec2 only, couple of aws accounts, need service auth",
        "aws ec2 only (no k8s, no ecs). service auth between apps, without operating the mesh",
    ],
)
def test_mesh_machinery_refused_wants_it_managed(engine, text):
    facts, tied = _picked(engine, text)
    assert facts.get("managed_control_plane") is True
    assert tied == ["amazon-vpc-lattice"]


@pytest.mark.parametrize(
    "text",
    [
        "bare metal k8s, cilium is already our CNI and the team loves hubble. want l7 "
        "visibility + policy and some encryption between services. really don't want to run "
        "a second control plane",
        "on-prem kubernetes with cilium as cni. we need l7 policy and mtls but no extra control "
        "plane please",
        "cilium cni everywhere. adding another control plane is a non-starter, we want l7 "
        "policy and encryption",
        "we run cilium for networking; want mtls + l7 policy without one more control plane",
        "self-managed k8s, cilium as the CNI. l7 visibility and mtls, and no additional "
        "control plane to babysit",
    ],
)
def test_no_second_control_plane_beside_cilium_keeps_cilium(engine, text):
    facts, tied = _picked(engine, text)
    assert facts.get("few_new_parts") is True
    assert tied == ["cilium"]


def test_a_control_plane_not_refused_is_no_such_wish(engine):
    facts, _ = _picked(engine, "cilium cni, want mtls and l7 policy, 80 services, 3 clusters")
    assert "few_new_parts" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "is nginx service mesh still a good option for our k8s cluster? if not what. 25 svcs, "
        "strictly open source only",
        "we run osm on a plain k8s cluster with 12 services, it's archived, what replaces it?",
        "nginx service mesh on 20 services, it's dead apparently. where to?",
        "still on open service mesh, ~18 services on self-managed kubernetes. options?",
        "our 10 services run on nginx service mesh. replacement?",
    ],
)
def test_leaving_a_retired_mesh_that_encrypted_picks_a_mesh(engine, text):
    _, tied = _picked(engine, text)
    assert tied and "no-mesh" not in tied


@pytest.mark.parametrize(
    "text",
    [
        "we still run traefik mesh on 12 services, do we need to replace it or just drop it?",
        "traefik mesh on 8 services, abandoned upstream. replace or drop?",
    ],
)
def test_leaving_one_that_never_encrypted_can_drop_it(engine, text):
    _, tied = _picked(engine, text)
    assert tied == ["no-mesh"]


def test_a_small_estate_with_no_mesh_today_still_weighs_none(engine):
    _, tied = _picked(engine, "12 services on eks, 2 engineers, which mesh?")
    assert "no-mesh" in tied


@pytest.mark.parametrize(
    "text",
    [
        "2 clusters, 300 pods in all: what's the memory bill for linkerd incl the control plane?",
        "how much memory does the control plane take for istio at 500 pods",
        "we don't want to run the control plane ourselves, aks 40 services",
    ],
)
def test_the_control_plane_named_is_no_second_one_refused(engine, text):
    assert "few_new_parts" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "two q's: is traefik mesh still maintained? and for our 6 services on docker swarm... "
        "do we need anything at all?",
        "is nginx service mesh dead? for our 8 services, do we need anything like it at all?",
        "traefik mesh still alive? we have 5 services, do we need it at all?",
        "is osm maintained still? with 10 services on aks, do we need any of it?",
        "is traefik mesh abandoned? and honestly for 7 services do we need anything at all?",
    ],
)
def test_a_status_then_a_doubt_of_any_mesh_is_a_pick(engine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("mesh_doubted") is True


def test_a_status_with_its_reason_stays_the_status(engine):
    intent = engine.parser.parse("is osm still maintained? we have it in two aks clusters")
    assert intent.kind == IntentKind.lifecycle


@pytest.mark.parametrize(
    "text",
    [
        "still running traefik mesh on DigitalOcean k8s (DOKS), 35 services, 3 eng. heard it's "
        "dead? we just want mtls + golden metrics, open source, low effort",
        "we still run osm on aks. is it archived? we need mtls and canaries",
        "still running nginx service mesh on eks, 60 services. is it dead? we just want mtls and "
        "retries, open source",
        "we're on traefik mesh in k3s. abandoned? we'd need mtls and metrics from whatever's next",
        "we still run open service mesh on 3 aks clusters. end of life? just need mtls + golden "
        "metrics",
    ],
)
def test_wants_said_beside_a_retired_mesh_they_run_ask_for_a_pick(engine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("retired_mesh")


@pytest.mark.parametrize(
    "text",
    [
        "is osm still maintained? we have it in two aks clusters",
        "is traefik mesh dead? does it support mtls?",
        "how long is each linkerd release supported? planning upgrade cadence",
    ],
)
def test_a_status_with_no_wants_of_the_next_stays_as_read(engine, text):
    assert engine.parser.parse(text).kind != IntentKind.recommend
