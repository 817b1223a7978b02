"""A recommendation answers what the question says: a choice between named offerings is made
among them; a refusal of the mesh they run is a move off it; a complaint is no must-have; a
worry about a project's releases is weighed; a need that fixes sidecars is met with no
sidecar at all; an egress gateway wanted weighs the meshes that run one. Every case goes
through the public path (parse, then the verdict or the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

NAMED_CHOICE = [
    (
        "we're considering Kuma vs Kong Mesh. on-prem k8s + VMs, 100 services, want enterprise "
        "support. which one?",
        "kong-mesh",
    ),
    ("which is better for us, Kuma or Kong Mesh? we want enterprise support", "kong-mesh"),
    ("kuma or kong mesh for us? 30 services on GKE, no budget for licences", "kuma"),
    ("we run istio, should we move to linkerd or cilium? EKS", "linkerd"),
    ("should we go with consul or kuma? VMs and k8s, 80 services", "kuma"),
    ("help me choose: kong mesh or kuma, EKS with 60 services and a Kong contract", "kong-mesh"),
]


@pytest.mark.parametrize(("text", "pick"), NAMED_CHOICE)
def test_a_choice_between_named_offerings_is_made_among_them(
    engine: AnswerEngine, text: str, pick: str
):
    intent = engine.parser.parse(text)
    assert verdict(engine, text).pick in intent.meshes
    answer = render_terminal(engine.ask(text))
    assert answer.startswith(f"Recommendation: {engine.kb.meshes[pick].name}")


def test_the_leader_outside_the_named_is_a_note(engine: AnswerEngine):
    answer = render_terminal(engine.ask(NAMED_CHOICE[0][0]))
    assert "BEYOND THE ONES YOU NAMED" in answer
    assert "Among every offering, Consul would rank first" in answer


def test_named_offerings_that_are_all_ruled_out_leave_the_whole_field(engine: AnswerEngine):
    found = verdict(engine, "istio or linkerd on ECS with 20 services, which one?")
    assert found.pick == "amazon-ecs-service-connect"


REFUSED_INCUMBENT = [
    "istio upgrades took down prod, no istio again. what should we use? GKE 80 services",
    "our istio upgrades broke production. no more istio. EKS, 60 services, what now?",
    "we're on istio; upgrades took prod down. we don't want istio anymore. what should we do?",
    "we run istio on EKS, 150 services. after two outages from upgrades the team refuses istio",
    "we're running istio. management vetoed istio after the last outage from an upgrade. EKS "
    "40 services, what next?",
    "istio is off the table after the last upgrade outage, we run it today on AKS, 90 services",
]


@pytest.mark.parametrize("text", REFUSED_INCUMBENT)
def test_a_refused_incumbent_is_left(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("incumbent") != "istio"
    assert "revision_upgrades" not in facts.get("needs", [])  # what hurt is no must-have
    found = verdict(engine, text)
    assert found.pick is not None
    assert engine.kb.meshes[found.pick].api_family != "istio"


UPGRADE_TOIL = [
    "we're on Istio and our team of 2 can't keep up with upgrades. what's the lowest-effort "
    "option on EKS?",
    "we run istio, just two of us on the platform team and we cannot keep up with its "
    "upgrades. EKS, what now?",
    "our 2-person team is struggling to keep up with istio upgrades on EKS, 80 services. "
    "least effort option?",
    "we use istio and the upgrade cadence is too much for our tiny team, EKS. what should we do?",
    "istio on AKS, we're always behind on upgrades with a team of two. lowest maintenance option?",
]


@pytest.mark.parametrize("text", UPGRADE_TOIL)
def test_upgrades_they_cannot_keep_up_with_are_no_must_have(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "revision_upgrades" not in facts.get("needs", [])
    found = verdict(engine, text)
    assert not found.of("linkerd").out
    # less to run, run for them, or Istio's sidecarless mode, a move made in place
    assert found.pick in {"linkerd", "aks-istio-addon", "istio-ambient"}


def test_upgrade_toil_weighs_a_managed_control_plane(engine: AnswerEngine):
    found = verdict(engine, UPGRADE_TOIL[4])
    assert found.pick == "aks-istio-addon"
    assert "upgrade-toil" in {r.id for r in found.fired}


STABLE_WORRY = [
    "we run Linkerd but the new stable release policy (no OSS stable builds) worries us. what "
    "should we do? EKS 300 pods",
    "linkerd user here, GKE 40 services: there are no open source stable releases anymore. "
    "options?",
    "we're on linkerd and worried now that they stopped publishing stable releases. AKS, what "
    "should we do?",
    "we use linkerd on EKS; the stable releases policy change (no free stable builds) concerns "
    "management. what now?",
    "running linkerd, 200 pods. no more stable releases for open source users, should we move?",
]


@pytest.mark.parametrize("text", STABLE_WORRY)
def test_a_worry_about_stable_builds_is_weighed(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("stable_releases") is True
    answer = render_terminal(engine.ask(text))
    assert "Buoyant Enterprise for Linkerd" in answer


NATIVE_SIDECARS = [
    "need native sidecars support (k8s 1.29+) because our jobs hang with sidecars. EKS, 200 "
    "services.",
    "our cronjobs never finish because of the proxy; we need native sidecar containers. GKE, "
    "100 services",
    "must support kubernetes native sidecars, batch jobs hang on the sidecar today. AKS 80 "
    "services",
    "we need native sidecars so jobs complete. on-prem k8s, 150 services",
    "jobs hang with sidecars, so native sidecar support is a must. EKS 60 services",
]


@pytest.mark.parametrize("text", NATIVE_SIDECARS)
def test_native_sidecars_are_met_with_no_sidecar_at_all(engine: AnswerEngine, text: str):
    assert "native_sidecars" in engine.parser.parse(text).facts.get("needs", [])
    found = verdict(engine, text)
    assert not found.of("istio-ambient").out
    assert not found.of("istio").out


EGRESS_GATEWAY = [
    "we need egress control — all outbound traffic to the internet must go through a "
    "controlled gateway. EKS, 120 services.",
    "all egress must leave through a gateway we control, GKE 50 services",
    "security wants a dedicated egress gateway for internet calls. AKS, 80 services",
    "we need to funnel outbound internet traffic through egress nodes. on-prem k8s 200 services",
    "outbound calls must exit through a gateway so we can audit them; EKS 30 services",
    "single egress point for all traffic to external APIs, 60 services on EKS",
]


@pytest.mark.parametrize("text", EGRESS_GATEWAY)
def test_an_egress_gateway_weighs_the_meshes_that_run_one(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("egress_gateway") is True
    found = verdict(engine, text)
    assert found.pick is not None
    assert engine.kb.meshes[found.pick].api_family == "istio"
    assert "egress-gateway" in {r.id for r in found.fired}


def test_the_must_haves_say_where_no_sidecar_runs(engine: AnswerEngine):
    answer = render_terminal(engine.ask(NATIVE_SIDECARS[0]))
    assert "Istio ambient mode" in answer.split("YOUR MUST-HAVES")[1].split("\n\n")[0]
    assert "run no sidecar, so Kubernetes native sidecars is no concern there" in answer
