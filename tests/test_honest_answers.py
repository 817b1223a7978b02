"""Answers that rest only on what the user said and answer the question asked: a comparison
never calls a mesh it shows lacking an asked row a fit; paying a vendor asked about is no
vendor they buy from; a release model asked about is answered for the setup told; a mesh
asked for goes to an offering with workload mTLS; a tie is said as a tie. Every case goes
through the public path (parse, then the answer or the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.blocks import build_message
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


def _answer(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text)))


def _setup(engine: AnswerEngine, text: str) -> str:
    """The comparison's For your setup paragraph."""
    answer = _answer(engine, text)
    return (
        answer.split("FOR YOUR SETUP", 1)[1].split("\n\n", 1)[0]
        if "FOR YOUR SETUP" in answer
        else ""
    )


# 1. A comparison over VMs: the one with no VM support is out, never "Each fits".
VMS_COMPARED = [
    "Consul vs Istio vs Linkerd vs Cilium for a hybrid estate of EKS plus 200 EC2 VMs",
    "compare consul, istio and cilium: we run EKS and 150 EC2 VMs that must join",
    "istio vs cilium for EKS plus 80 ec2 vms",
    "consul or cilium? EKS cluster plus 300 EC2 VMs joining the mesh",
    "Cilium vs Linkerd vs Istio, EKS and 50 EC2 VMs",
]


@pytest.mark.parametrize("text", VMS_COMPARED)
def test_compared_mesh_lacking_an_asked_row_is_out_not_a_fit(engine: AnswerEngine, text: str):
    said = _setup(engine, text)
    assert "Cilium Service Mesh is out" in said
    assert "Each fits what you said" not in said


def test_compared_without_a_row_asked_keeps_its_reading(engine: AnswerEngine):
    said = _setup(engine, "istio vs linkerd on EKS, 40 services")
    assert " is out" not in said


# 2. Paying a vendor asked about ("what do I get for paying Kong") is no customer fact.
PAYING_ASKED = [
    "Kuma vs Kong Mesh - what do I actually get for paying Kong?",
    "is it worth paying Solo for Gloo Mesh over plain istio",
    "why should we pay Kong when Kuma is free",
    "if we paid red hat, would OSSM beat upstream istio on openshift",
    "kuma or kong mesh: what would we get for paying kong",
]


@pytest.mark.parametrize("text", PAYING_ASKED)
def test_paying_asked_about_is_no_vendor_they_buy_from(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "vendor" not in intent.facts
    assert "You already buy from this vendor" not in _answer(engine, text)


CUSTOMERS = [
    ("we pay kong for the gateway, which mesh on EKS", "kong"),
    ("we already pay Kong for their gateway; kuma vs kong mesh?", "kong"),
    ("we buy from red hat already, openshift, 50 services", "red-hat"),
]


@pytest.mark.parametrize(("text", "vendor"), CUSTOMERS)
def test_a_vendor_they_pay_stays_one(engine: AnswerEngine, text: str, vendor: str):
    assert engine.parser.parse(text).facts.get("vendor") == vendor


# 3. Linkerd's release model asked with no vendor contract: edge releases in production.
RELEASES_ASKED = [
    "Open source only, no vendor contracts, EKS, 60 services, small team. Is Linkerd OK "
    "given the stable-release situation?",
    "Open source only, no vendor contracts. Is Linkerd OK given the stable releases situation?",
    "we must stay open source, no vendor contract. linkerd ok given the stable release story?",
    "We're open source only on GKE, is linkerd fine given stable releases come from vendors now?",
    "no vendor contract, open source only - does linkerd still ship stable releases?",
]


@pytest.mark.parametrize("text", RELEASES_ASKED)
def test_release_model_answered_for_the_setup(engine: AnswerEngine, text: str):
    answer = _answer(engine, text)
    assert "only edge releases" in answer
    assert "Buoyant Enterprise for Linkerd" in answer
    assert "edge releases in production" in answer


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd still ship stable releases?",
        "we are 30 people, open source only: is linkerd ok given the stable release situation?",
    ],
)
def test_release_model_without_a_closed_edition_says_no_more(engine: AnswerEngine, text: str):
    assert "edge releases in production" not in _answer(engine, text)


# 4. A mesh asked for, no sidecars, no Envoy: not a service without workload mTLS.
MESH_ASKED = [
    "We want a mesh but absolutely no sidecars and no Envoy. EKS, 100 services.",
    "we want a service mesh on EKS, no sidecars please, and no envoy",
    "EKS, 60 services: we need a mesh, but no sidecars and nothing Envoy-based",
    "looking for a service mesh for our EKS cluster without sidecars or envoy, about 80 services",
    "we want a mesh, no sidecars, no envoy",
]


@pytest.mark.parametrize("text", MESH_ASKED)
def test_mesh_asked_goes_to_one_with_workload_mtls(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick == "istio-ambient"


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("we need a mesh on EKS and want AWS support, no sidecars, no envoy", "amazon-vpc-lattice"),
        ("EKS, 100 services, no sidecars, no envoy", "amazon-vpc-lattice"),
        (
            "ECS fargate, 25 services, we need a mesh for discovery and retries",
            "amazon-ecs-service-connect",
        ),
    ],
)
def test_mesh_core_weighs_only_a_mesh_asked(engine: AnswerEngine, text: str, pick: str):
    assert verdict(engine, text).pick == pick


# 5. Level offerings that no stated count separates are a tie, not a pick listed first.
TIES = [
    "ECS on EC2, 60 services, we need mTLS everywhere. what mesh?",
    "ECS + EKS, 100 services, mTLS across both",
    "App Mesh on ECS Fargate with mTLS, 30 services: what now?",
    "we run ECS with 40 services and need mutual TLS between them, which mesh",
    "ECS on EC2 and mTLS between all 80 services: recommend a mesh",
]


@pytest.mark.parametrize("text", TIES)
def test_level_offerings_are_said_as_a_tie(engine: AnswerEngine, text: str):
    answer = _answer(engine, text)
    assert "listed first" not in answer or "answers my open questions could get" in answer


# 6. A length asked for: the summary and one line of source, in the terminal and on Slack.
LENGTH_ASKED = [
    "Explain Istio ambient mode in two sentences",
    "tl;dr: istio vs linkerd",
    "what is a waypoint proxy, one-liner please",
    "short version: does linkerd support circuit breaking?",
    "explain cilium service mesh briefly",
]


@pytest.mark.parametrize("text", LENGTH_ASKED)
def test_length_asked_gives_the_short_form(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.brief
    answer = engine.answer(intent)
    said = render_terminal(answer)
    assert answer.lead in said
    assert said.count("Source: ") == 1
    assert len(said.splitlines()) <= 8
    card = build_message(answer)
    shown = " ".join(str(b) for b in card["blocks"])
    assert "More of this answer" in shown or not answer.points


@pytest.mark.parametrize(
    "text",
    [
        "Explain Istio ambient mode",
        "istio vs linkerd",
        "does linkerd support circuit breaking?",
        "we want one line of config per service, which mesh on EKS?",
    ],
)
def test_no_length_asked_keeps_the_whole_answer(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert not intent.brief
    assert "Source: " not in render_terminal(engine.answer(intent))
