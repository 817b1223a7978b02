"""Fresh readings of a setup, through the public path (parser.parse, AnswerEngine.answer):
whether a mesh would earn its keep asked in other words ("is there any point"); needs named
as done by a tool of theirs before it ("retries in our grpc client"); traffic between
services asked to be covered too ("Gateway API for north-south and east-west"), which no
edge alone meets; and a pick asked for by the words that close the question ("what's the
mesh?") but not by the same words asking of the mesh further on."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

# Someone else wants a mesh; whether it would earn its keep is asked, nothing of it is.
ANY_POINT = [
    "4 services on docker compose on two vms, no k8s. a colleague wants linkerd. "
    "is there any point?",
    "three services on nomad, our architect keeps saying we should get consul connect. what's the "
    "point, honestly",
    "small team, 6 services on one gke cluster. the new hire wants cilium mesh. is there even a "
    "point for us",
    "8 services on ECS... no wait, EKS, one cluster. my boss wants istio. would it be worth it?",
    "we run 5 apps on two AKS nodes. a consultant pitched kuma. would it buy us anything?",
    "one k3s box, 3 services. someone on the team wants istio ambient. is there a point",
]


@pytest.mark.parametrize("text", ANY_POINT)
def test_whether_it_earns_its_keep_is_doubt(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("mesh_doubted") is True
    assert "wanted_mesh" not in facts


@pytest.mark.parametrize("text", ANY_POINT[2:])
def test_doubt_with_nothing_asked_leans_to_none(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["no-mesh"]


# Needs named first, then the tool of theirs that does them.
DONE_IN_TOOL = [
    "we already do retries in the gRPC client. 10 services on gke, which mesh?",
    "retries and timeouts are handled in our client library. 20 services on eks. which mesh fits?",
    "timeouts live in our in house rpc framework; 15 services on aks. recommend a mesh",
    "we do retries via the grpc client lib, 12 services on kubernetes. what mesh should we use?",
    "retries and deadlines through our grpc clients. 30 services on gke. which mesh?",
]


@pytest.mark.parametrize("text", DONE_IN_TOOL)
def test_needs_done_in_their_tool_are_covered(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    covered = facts.get("covered")
    assert isinstance(covered, list) and {"retries", "timeouts"} & set(covered)
    assert "retries" not in (facts.get("needs") or [])


def test_a_need_said_of_a_mesh_stays_a_need(engine: AnswerEngine):
    facts = engine.parser.parse("we need retries in the mesh. 10 services on gke. which mesh?")
    assert "retries" in (facts.facts.get("needs") or [])


# Gateway API asked of traffic between services too: the mesh's part.
EAST_WEST = [
    "we want Gateway API for north-south and east-west so teams learn one API. k8s on bare metal, "
    "open source only. which mesh?",
    "gateway api everywhere: ingress plus GAMMA routes between services. self-managed kubernetes. "
    "recommend a mesh",
    "one set of HTTPRoutes for the edge and for routing between services, vanilla kubernetes, "
    "oss only. which mesh is best?",
    "standardise on gateway api crds for ingress and for east-west traffic too. kubeadm clusters. "
    "what mesh should we use",
    "k8s on hetzner, we want the gateway api for both ingress and service to service routing. "
    "which mesh fits?",
]


@pytest.mark.parametrize("text", EAST_WEST)
def test_east_west_routing_is_no_edge_only_need(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("east_west_asked") is True
    assert "no-mesh" not in verdict(engine, text).tied


EDGE_ONLY = [
    "we only need ingress with gateway api, east-west is fine as is. 10 services on gke",
    "there's no east west traffic, just north south through an ingress. which mesh, if any?",
    "hardly any east west traffic here; we need an ingress gateway. 5 services on eks",
]


@pytest.mark.parametrize("text", EDGE_ONLY)
def test_east_west_said_absent_is_not_asked(engine: AnswerEngine, text: str):
    assert "east_west_asked" not in engine.parser.parse(text).facts


# A pick asked for by the words closing the question.
CLOSING_PICK = [
    "OpenShift on-prem, need mTLS and authz policies. What's the mesh?",
    "Need mTLS and authz on EKS. so what's the mesh for us?",
    "gke, 40 services, need canary and mtls. whats the play?",
    "we need retries and mtls on aks, 3 clusters. what's the move",
    "20 services on eks, mtls required, zero-trust push from security. whats the mesh then",
]


@pytest.mark.parametrize("text", CLOSING_PICK)
def test_closing_words_ask_for_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend


ASKING_OF_THE_MESH = [
    "what's the mesh overhead at 200 pods?",
    "what's the mesh doing to our p99 latency with istio",
    "what's the mesh equivalent of a network policy",
]


@pytest.mark.parametrize("text", ASKING_OF_THE_MESH)
def test_the_same_words_asking_of_the_mesh_ask_no_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind != IntentKind.recommend


def test_red_hat_only_openshift_bank_gets_the_red_hat_mesh(engine: AnswerEngine):
    text = (
        "insurer on OpenShift 4.15, 10 clusters in our own DCs. everything in the cluster must be "
        "supported by Red Hat. we need mTLS, authorization policies and weighted routing for "
        "blue/green. what's the mesh?"
    )
    answer = engine.answer(engine.parser.parse(text))
    assert "OpenShift Service Mesh" in answer.title
