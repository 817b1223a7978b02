"""Recommendation reasoning an expert would call wrong, each through the public path:
- a must-have met only partly keeps an offering in (with its caveat) before a vendor said as hard
  ("procurement only buys from red hat") is given up;
- upgrade toil ("every upgrade is a weekend") weighs managed control planes and long-support
  builds, and screens nothing out (on EKS no provider runs Istio's control plane);
- a mesh argued for by what it beats ("pushing linkerd bc it's lighter") asks which mesh, not
  whether to have one."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

RED_HAT_ONLY_FIPS = [
    "openshift cluster at a bank. fips 140 validated crypto is mandatory and purchasing only "
    "buys from red hat",
    "we're a bank on OCP. FIPS 140 validated crypto is non-negotiable; support must come from "
    "Red Hat, nobody else",
    "regulated insurer on openshift, fips 140 validated crypto is a hard requirement, vendor "
    "support from red hat only",
    "OpenShift 4.18, need FIPS 140 validated crypto, no exceptions. only red hat support is "
    "acceptable",
    "openshift, 200 services, FIPS 140 validated crypto is a must, we can only buy support "
    "from red hat",
]


@pytest.mark.parametrize("text", RED_HAT_ONLY_FIPS)
def test_a_partial_must_have_gives_way_before_a_hard_vendor(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.pick == "openshift-service-mesh"
    assert "support" not in found.relaxed
    kept = next(s for s in found.screened if s.mesh.id == "openshift-service-mesh")
    assert any("FIPS" in f.text for f in kept.findings)  # the partial row shown as a caveat
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Recommendation: Red Hat OpenShift Service Mesh 3" in shown
    assert "FIPS 140 validated crypto partial" in shown


def test_a_full_must_have_met_somewhere_still_rules_out_partial_rows(engine: AnswerEngine):
    # Nothing given up while something meets it in full: in full still means in full.
    found = verdict(engine, "on-prem k8s, FIPS 140 validated crypto is mandatory, vendor support")
    assert found.relaxed == []
    assert found.pick != "istio"


EKS_UPGRADE_TOIL = [
    "EKS, 80 services, every upgrade is a weekend",
    "we run eks with about 120 services and upgrades take all weekend",
    "eks, 60 svcs. each upgrade eats a weekend for our team. which mesh",
    "three eks clusters, ~200 services; every upgrade costs us a weekend",
    "EKS platform, 90 services, mesh upgrades eat our weekends. recommendation?",
]


@pytest.mark.parametrize("text", EKS_UPGRADE_TOIL)
def test_upgrade_weekends_on_eks_weigh_rather_than_screen(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("upgrade_toil") is True
    assert "managed_control_plane" not in intent.facts
    found = verdict(engine, text)
    assert found.pick != "amazon-vpc-lattice"
    left = [s.mesh.id for s in found.screened if not s.out]
    assert {"istio", "linkerd", "gloo-mesh"} <= set(left)
    assert "gloo-mesh" in found.tied or found.pick == "gloo-mesh" or found.runner_up == "gloo-mesh"


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("AKS, 80 services, every upgrade is a weekend", "aks-istio-addon"),
        ("aks with 150 services, upgrades take all weekend", "aks-istio-addon"),
        ("GKE, 80 services, every upgrade is a weekend", "google-cloud-service-mesh"),
        ("gke, ~100 svcs, each upgrade eats a weekend", "google-cloud-service-mesh"),
    ],
)
def test_upgrade_weekends_on_aks_and_gke_lead_to_the_providers_managed_istio(
    engine: AnswerEngine, text: str, pick: str
):
    assert verdict(engine, text).pick == pick


RIVAL_ARGUED = [
    'openshift shop, a colleague keeps pushing linkerd because "it\'s lighter". we pay red hat. '
    "opinions?",
    "on openshift with red hat subscriptions; one dev keeps pushing linkerd since it is lighter. "
    "thoughts",
    "OCP platform team, RH subs, somebody keeps pushing linkerd bc its simpler. what do you think",
    "openshift, we have red hat subscriptions, the new hire keeps pushing cilium cause it's "
    "faster. thoughts?",
    "openshift estate with RH support; our lead keeps pitching linkerd because it's leaner. "
    "your take?",
]


@pytest.mark.parametrize("text", RIVAL_ARGUED)
def test_a_mesh_argued_for_by_what_it_beats_asks_which_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("rival_argued") is True
    assert "mesh_doubted" not in intent.facts
    found = verdict(engine, text)
    assert found.pick == "openshift-service-mesh"
    assert found.runner_up != "no-mesh"
    shown = render_terminal(engine.answer(intent))
    assert "under ~30 services" not in shown.split("WHAT WOULD CHANGE")[0]
    assert "whether to have a mesh at all" not in shown


def test_a_mesh_pushed_under_an_open_doubt_still_asks_whether(engine: AnswerEngine):
    intent = engine.parser.parse("the CTO keeps pushing istio. do we even need a mesh?")
    assert intent.facts.get("mesh_doubted") is True


ZERO_TRUST_DOUBTS = [
    'mgmt wants a mesh for "zero trust". 12 services, networkpolicies in place. convince me '
    "either way",
    "leadership says zero trust means a service mesh. we run 10 services with network "
    "policies. talk me out of it",
    "14 services, NetworkPolicies already, security asks for mtls. do we even need a mesh?",
    "we have 9 services and network policies; the CTO wants mtls everywhere. mesh or no mesh?",
    "small estate, 15 services, netpols done. is a service mesh worth it for mtls?",
]


@pytest.mark.parametrize("text", ZERO_TRUST_DOUBTS)
def test_a_close_call_and_the_runner_up_name_the_same_rival(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    if found.lean and len(found.level) > 1:
        rival = engine.kb.meshes[found.runner_up].name
        assert found.runner_up in found.level
        assert f"A close call: {rival}" in shown
        if "RUNNER-UP" in shown:
            assert shown.split("RUNNER-UP")[1].strip().startswith(rival)


OBSERVABILITY_ONLY = [
    "400 services across 6 teams, nobody knows who calls whom. is a mesh worth it just for "
    "observability?",
    "300 services, 5 teams. would a mesh be worth it just for metrics?",
    "we have ~250 services; is a service mesh worth it purely for observability",
    "is a mesh overkill just for golden metrics? 500 services, 8 teams",
    "200 microservices, want a mesh just for observability, nothing else",
]


@pytest.mark.parametrize("text", OBSERVABILITY_ONLY)
def test_observability_asked_weighs_ambients_l4_only_metrics(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "golden_metrics" in intent.facts.get("needs", [])
    found = verdict(engine, text)
    shown = render_terminal(engine.answer(intent))
    if found.pick == "istio-ambient":
        assert "Golden metrics partial" in shown
    ambient = found.of("istio-ambient")
    assert any("Golden metrics" in f.text for f in ambient.findings)


RHEL_VMS = [
    "openshift plus a few RHEL VMs with old java apps that must join the mesh with mtls",
    "OCP cluster and 12 rhel 8 vms that need to be in the mesh. which one",
    "we run openshift and some red hat enterprise linux VMs that need mtls into the mesh",
    "openshift + ~20 rocky linux VMs that have to be meshed, need mtls. recommendation?",
    "openshift, 80 services, plus a handful of RHEL boxes (VMs) to bring into the mesh",
]


@pytest.mark.parametrize("text", RHEL_VMS)
def test_an_os_name_is_no_unknown_mesh_and_vms_outside_vendor_support_count(
    engine: AnswerEngine, text: str
):
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "in my knowledge base" not in shown
    found = verdict(engine, text)
    assert found.pick != "openshift-service-mesh"


def test_vms_with_red_hat_support_required_keep_ossm_with_its_caveat(engine: AnswerEngine):
    text = "openshift, 60 services, a few RHEL VMs to mesh, support must come from red hat"
    found = verdict(engine, text)
    assert found.pick == "openshift-service-mesh"
    assert any("VMs" in f.text for f in found.of("openshift-service-mesh").findings)
