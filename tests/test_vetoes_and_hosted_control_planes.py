"""A veto read as a refusal, a control plane sold as a service (or wanted so they don't run
it) read as a managed one and one refused as a control plane of their own, and Gateway API
asked between services needing a mesh: read through the public path (parse, answer,
render)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _answer(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    return intent, engine.answer(intent)


@pytest.mark.parametrize(
    "text",
    [
        "eks, aws vpc cni. security wants mtls + l7 authz but the app teams have vetoed "
        "sidecars. recommendation?",
        "eks, 40 services, need mtls and l7 authz. sidecars were vetoed by the dev teams. "
        "what mesh?",
        "the app teams vetoed sidecars, we need mtls on gke. which mesh",
        "devs put a veto on sidecar injection. need mtls + authz on eks, recommend",
        "we need mtls between services on aks, sidecars got vetoed last quarter, recommend "
        "something",
    ],
)
def test_a_veto_refuses_sidecars(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert intent.facts.get("no_sidecars") is True
    assert "Istio (sidecar mode)" not in answer.title
    assert "Linkerd" not in answer.title


@pytest.mark.parametrize(
    "text",
    [
        "security vetoed the plan to skip mtls; need mtls + l7 authz on eks, recommend a mesh",
        "app teams had veto power over the mesh choice and were fine with sidecars. eks, mtls, "
        "recommend",
    ],
)
def test_a_veto_of_something_else_refuses_no_sidecars(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert intent.facts.get("no_sidecars") is not True


@pytest.mark.parametrize(
    "text",
    [
        "we're split between eks (prod) and gke (ml stuff). want a mesh spanning both with a "
        "managed / saas control plane so we're not running it ourselves. recommend one?",
        "eks and gke clusters, need one mesh across them, want a saas control plane, recommend",
        "two clouds (eks, gke), spanning mesh, looking for control plane as a service, which mesh",
        "eks and gke, one mesh across both, pick something so we don't have to run the control "
        "plane ourselves",
        "eks and aks, one mesh across them, want a hosted saas control plane, mtls. recommend",
    ],
)
def test_a_control_plane_as_a_service_across_clouds(engine: AnswerEngine, text: str):
    """Read as wanting a managed control plane; nothing managed spans EKS and GKE, so the answer
    says what it gave up."""
    intent, answer = _answer(engine, text)
    assert intent.facts.get("managed_control_plane") is True
    assert "gave up" in answer.lead or "Nothing" in answer.lead or "nothing" in answer.lead


@pytest.mark.parametrize(
    "text",
    [
        "we run a saas product on eks, 40 services, need mtls, which mesh",
        "we're a saas company, 3 gke clusters, want mtls, which mesh?",
        "eks, 30 services, we're not running a mesh today, need mtls. recommend",
    ],
)
def test_saas_as_their_business_wants_nothing_managed(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert "managed_control_plane" not in intent.facts


@pytest.mark.parametrize(
    "text",
    [
        "eks, 20 svcs, 3 person platform team. we're standardizing on gateway api for everything "
        "(ingress + east-west via GAMMA). staying on vpc cni. which mesh fits best?",
        "15 services on gke, small team, we want httproutes for service to service routing too, "
        "not just ingress. which mesh?",
        "aks, 25 services, want gateway api for both north-south and east-west traffic. "
        "recommend a mesh",
        "we want to use GAMMA routes between our services, 12 services on eks, 2 engineers. what "
        "should we use?",
        "on-prem k8s, 18 svcs, gateway api for mesh routing (east west), tiny team. which mesh",
    ],
)
def test_gateway_api_between_services_needs_a_mesh(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert intent.facts.get("gamma_routes_asked") is True
    assert "No mesh" not in answer.title
    assert "no mesh to apply Gateway API routes between services (GAMMA)" in render_terminal(answer)


@pytest.mark.parametrize(
    "text",
    [
        "eks, 20 services, small team, we need gateway api for ingress only. do we need a mesh?",
        "eks, 20 svcs, 2 people, gateway api at the edge, east west traffic is fine as is. "
        "which mesh?",
    ],
)
def test_gateway_api_at_the_edge_alone_needs_no_mesh(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert "gamma_routes_asked" not in intent.facts


@pytest.mark.parametrize(
    "text",
    [
        "on-prem k8s (kubeadm + calico). we used traefik mesh because it was dead simple but its "
        "basically abandoned. 20ish svcs, 2 engineers. want something equally low maintenance, "
        "pick for us?",
        "we run traefik mesh on 15 services, it's dead now. 2 engineers. need something just as "
        "simple to replace it",
        "traefik mesh is abandoned; 25 svcs on eks, small team. looking for a similar mesh, "
        "recommend one",
        "moving off traefik mesh (inactive). 18 services, 3 people. suggest a replacement mesh "
        "that's as lightweight",
        "open service mesh is archived, we had it on 20 services aks, want something equally "
        "simple",
    ],
)
def test_a_mesh_like_the_retired_one_is_asked_for(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert intent.facts.get("replacement_asked") is True
    assert "No mesh" not in answer.title


@pytest.mark.parametrize(
    "text",
    [
        "traefik mesh is abandoned, 20 services, 2 engineers. do we even need something similar "
        "or can we just drop it?",
        "we used traefik mesh on 20 services but it's dead. do we need to replace it?",
    ],
)
def test_whether_to_replace_it_still_weighs_running_none(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert "replacement_asked" not in intent.facts
    assert "No mesh" in answer.title


@pytest.mark.parametrize(
    "text",
    [
        "german public sector, ~200 svcs on-prem k8s. rules: no us-hosted saas control planes. "
        "need mtls and multi-cluster. what would you recommend",
        "EKS, 50 services, we don't want a saas control plane. which mesh",
        "GKE, 300 pods, no SaaS control planes allowed by policy, recommend",
        "on-prem, 80 services: hosted control planes are banned here. which mesh?",
        "AKS 120 svcs, control plane as a service is a no-go for compliance. pick one",
    ],
)
def test_a_hosted_control_plane_refused_is_a_control_plane_of_their_own(
    engine: AnswerEngine, text: str
):
    intent, _ = _answer(engine, text)
    assert intent.facts.get("managed_control_plane") is False, intent.facts
