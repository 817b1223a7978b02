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


# Auth asked of the calls between services: authorization between them, not an outside
# decision service.
WITH_AUTH = [
    "our services on eks need to call each other with auth. which mesh?",
    "half on ECS, half on EKS; they call one another with auth and some routing. recommend",
    "we need service to service auth between 20 services on gke. which mesh fits?",
    "apps on aks must talk to each other with auth. what should we use",
    "auth between services is the main ask, 30 services on eks. which mesh?",
]


@pytest.mark.parametrize("text", WITH_AUTH)
def test_auth_between_services_is_service_authorization(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "l7_authorization" in intent.features
    assert "external_authz" not in intent.features


def test_an_outside_decision_service_stays_external_authz(engine: AnswerEngine):
    assert (
        "external_authz" in engine.parser.parse("we want external authz with opa on gke").features
    )


# A data path the provider runs leaves them no proxy to run: kept, with a caveat.
NO_PROXIES_TO_RUN = [
    "EKS and ECS on EC2 plus Lambdas across 12 AWS accounts, IAM auth between them. we'd rather "
    "not run any proxies or control planes. mesh or something else?",
    "ecs and eks in 4 aws accounts, services call each other with iam auth. we'd prefer not to "
    "run any proxies or a control plane ourselves. what fits?",
    "lambdas, ecs tasks and eks pods across accounts; IAM-authorised calls between them; no "
    "proxies of any kind for us to run and no control plane. recommend something",
    "aws only: eks + ecs, several accounts, need authz between services, we won't run any proxies "
    "or control planes. which option?",
    "multi-account AWS, EKS and ECS on EC2, IAM-based auth between services, we really don't want "
    "any proxies whatsoever or control planes to operate. mesh or not?",
]


@pytest.mark.parametrize("text", NO_PROXIES_TO_RUN)
def test_a_provider_run_data_path_fits_no_proxies_to_run(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["amazon-vpc-lattice"]


def test_no_proxies_still_rules_out_sidecar_meshes(engine: AnswerEngine):
    text = "eks, 20 services, mtls needed, no proxies at all. which mesh?"
    screened = {s.mesh.id: s for s in verdict(engine, text).screened}
    assert screened["linkerd"].out and screened["istio"].out


# Windows workloads said to be VMs: a row lacking only Windows pods meets them, while a
# paid edition's Windows VM support that loads on Windows Server 2025 alone weighs against it
# where the release is unsaid.
WINDOWS_VMS = [
    "big fleet of Windows Server VMs running IIS and .NET Framework plus some linux services. "
    "need mtls and discovery between them. commercial support is fine",
    "hundreds of windows server vms (.net framework) and a few linux boxes; mTLS between them, "
    "vendor support welcome. which mesh?",
    "our estate: windows VMs with IIS, some linux VMs and a k8s cluster. need mtls everywhere. "
    "happy to pay for support. recommend a mesh",
    "legacy .NET apps on windows server vms, linux microservices beside them. mutual tls between "
    "all of them; paid support ok. what can do windows?",
    "we run 80 windows server VMs and 20 linux services; need mtls and service discovery across "
    "both. budget for a vendor exists. which mesh?",
]


@pytest.mark.parametrize("text", WINDOWS_VMS)
def test_windows_vms_of_unsaid_release_lean_to_consul(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["consul"]


def test_windows_server_2025_vms_keep_linkerd_in_the_running(engine: AnswerEngine):
    text = (
        "legacy IIS apps on windows server 2025 VMs + linux k8s cluster. need mTLS between the "
        "windows VMs and the k8s services. paying a vendor is fine"
    )
    assert verdict(engine, text).scores["linkerd"] >= verdict(engine, text).scores["consul"]
