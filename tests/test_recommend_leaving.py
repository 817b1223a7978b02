"""Setups that leave what they run, and why: the pain of the mesh they leave is no need of the
next, a paid edition's price leaves the edition (not its open-source project), sidecar memory
leaves the mode, and a must-not said as a preference gives way first. Each goes through the
public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# What hurt with the mesh they leave ("every istio upgrade is a week of pain") is why they
# leave, not a must-have (canary control-plane upgrades) that keeps the simpler meshes out.
LEFT_IN_PAIN = [
    "we want out of istio entirely. 2 of us on platform, 40 svcs on EKS. we actually use: "
    "mTLS, retries, timeouts. every istio upgrade is a week of pain. what's simpler",
    "we're getting off istio. 3 engineers, 30 services on GKE, we need mtls and retries. "
    "istio upgrades are a world of pain",
    "moving away from istio: every upgrade is weeks of pain and we're 2 people. AKS, 25 "
    "services, need mTLS and timeouts. what instead?",
    "we want to drop consul on k8s, upgrades are a pain in the neck with 2 of us. 35 services "
    "on EKS, mTLS + retries only",
    "rip out istio? each istio control plane upgrade is days of pain. 20 services, EKS, small "
    "team, need mtls and canaries",
]


@pytest.mark.parametrize("text", LEFT_IN_PAIN)
def test_the_pain_of_the_mesh_they_leave_is_no_need_of_the_next(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "revision_upgrades" not in intent.facts.get("needs", [])
    found = verdict(engine, text)
    assert found.pick == "linkerd", found.pick


# A paid offering's price complained of: they leave the paid edition for the open-source
# project under it (the configuration they have carries over), not for another vendor's.
PRICED_OUT = [
    (
        "our Gloo Mesh renewal quote roughly tripled. 4 EKS clusters, istio ambient already "
        "running under gloo, multicluster matters. keep the istio APIs",
        {"istio", "istio-ambient"},
    ),
    (
        "gloo mesh quoted us 3x for next year's renewal. we run istio sidecars under it on 3 "
        "EKS clusters and want to keep our VirtualServices. options?",
        {"istio", "istio-ambient"},
    ),
    (
        "our kong mesh licence renewal doubled. EKS, 300 services, 3 clusters. we want to keep "
        "the kuma policies. options?",
        {"kuma"},
    ),
    (
        "Kong Mesh licence fees went up again. 120 services on AKS, our policies are all "
        "MeshTrafficPermission. what should we move to?",
        {"kuma"},
    ),
    (
        "we run kong mesh on 200 VMs and k8s; kong's pricing went up 3x this year. what now",
        {"kuma"},
    ),
    (
        "the google cloud service mesh bill doubled this quarter, 600 pods on GKE, we could run "
        "istio ourselves. advice?",
        {"istio", "istio-ambient"},
    ),
]


@pytest.mark.parametrize(("text", "fits"), PRICED_OUT)
def test_a_paid_editions_price_leaves_the_edition_for_its_open_source_project(
    engine: AnswerEngine, text: str, fits: set[str]
):
    intent = engine.parser.parse(text)
    assert intent.facts.get("licence") == "open_source"
    found = verdict(engine, text)
    assert found.pick in fits, found.pick


def test_what_the_resources_cost_is_an_overhead_not_a_price(engine: AnswerEngine):
    text = "we run gloo mesh on EKS, the sidecars are too expensive in memory at 3000 pods"
    assert "licence" not in engine.parser.parse(text).facts


# The memory of the sidecars they run complained of: the same mesh without them, so their
# resources carry over.
SIDECAR_MEMORY = [
    "GKE standard, istio sidecar mode since 1.9, ~2k pods. the sidecar memory line on our "
    "bill is embarrassing. we must keep Istio APIs. we self-manage, OSS only",
    "AKS, we run istio sidecar mode on 3000 pods and the sidecar memory cost is ridiculous. "
    "we have hundreds of VirtualServices we can't rewrite",
    "bare metal k8s, istio sidecars on 1200 pods, sidecar memory overhead is embarrassing, "
    "we want to keep istio config",
    "EKS, istio with sidecars, ~1500 pods. the envoy sidecars eat a third of our node memory. "
    "we need to keep the istio APIs, open source only",
    "we're on the AKS istio add-on, 300 pods; sidecars eat half our memory, it's ridiculous. "
    "what now?",
]


@pytest.mark.parametrize("text", SIDECAR_MEMORY)
def test_sidecar_memory_complained_of_leaves_the_mode_not_the_mesh(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick == "istio-ambient"


# A must-not said as a preference is weighed, not screened: what they require decides.
PREFERRED = [
    "AKS, 4 clusters, ~300 svcs. procurement will NOT sign with a mesh vendor, so support has "
    "to come through Microsoft, that's non-negotiable. i'd personally prefer no sidecars but "
    "the support thing beats that. need mTLS, authz, canaries",
    "AKS, 200 services, must have Microsoft support. we'd prefer no sidecars if possible. "
    "which mesh?",
    "we need Microsoft support for the mesh on AKS (150 services); ideally no sidecars",
]


@pytest.mark.parametrize("text", PREFERRED)
def test_a_must_not_said_as_a_preference_gives_way_first(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.pick == "aks-istio-addon", found.pick
    assert "no-sidecars" not in found.relaxed
    assert engine.parser.parse(text).facts.get("sidecarless_preferred") is True


def test_a_must_not_said_outright_stays_harder_than_support(engine: AnswerEngine):
    text = "AKS, 200 services, must have Microsoft support. no sidecars. which mesh?"
    assert verdict(engine, text).pick != "aks-istio-addon"


# A managed control plane refused is not one merely not needed: what someone else runs is out.
SELF_RUN = [
    "GKE, istio, 800 pods, no managed control plane. which mesh",
    "GKE, 800 pods, we don't want a managed control plane. which mesh",
    "AKS, 300 services, a managed mesh is a no-go for us, need mtls",
    "we self-manage istio on GKE (no managed CP), 1000 pods, what should we run",
]


@pytest.mark.parametrize("text", SELF_RUN)
def test_a_managed_control_plane_refused_rules_the_managed_ones_out(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    assert found.pick not in {"google-cloud-service-mesh", "aks-istio-addon"}, found.pick
    assert engine.parser.parse(text).facts.get("managed_control_plane") is False


# A managed control plane said to be not required (or optional) is no requirement either
# way: the managed offerings are not refused, nor wanted.
MANAGED_NOT_REQUIRED = [
    "EKS, 80 services, need mTLS and retries. a managed control plane is not required. which mesh?",
    "GKE, 40 services, managed control plane optional. which mesh",
    "AKS, 120 services, a managed control plane isn't needed, we can go either way. recommend",
    "GKE 300 pods, managed control plane not a must. what should we use",
    "openshift? no, GKE. 60 services; managed cp is not a requirement. which mesh",
]


@pytest.mark.parametrize("text", MANAGED_NOT_REQUIRED)
def test_a_managed_control_plane_not_required_is_no_requirement(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "managed_control_plane" not in facts, facts
    assert "you want your own" not in render_terminal(engine.answer(engine.parser.parse(text)))
