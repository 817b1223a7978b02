"""A rule-out cites what backs its reason: "no support contract from Microsoft" cites where who
sells the offering's support is documented (fit.support_sources), never its main page (the BUSL
blog for Consul, the CNI-chaining page for Cilium), and nothing where none is held. Through the
public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.checks import source_refs
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

SUPPORT_WANTED = [
    "We're on AKS with 60 services and 4 engineers. We need mTLS and canary releases, and we "
    "need support from Microsoft. Which mesh?",
    "GKE, 80 services, must have Google support for the mesh. recommendation?",
    "OpenShift 4.18 on-prem, 120 services, Red Hat support required. which mesh?",
    "EKS, 50 services, we need AWS support for whatever we run. mesh?",
    "AKS, 30 services, Microsoft-supported only please, need mtls",
]


@pytest.mark.parametrize("text", SUPPORT_WANTED)
def test_a_support_rule_out_cites_who_sells_support(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    checked = 0
    for screened in found.ruled_out:
        fit = screened.mesh.fit
        for finding in screened.reasons:
            if finding.constraint != "support" or fit is None:
                continue
            checked += 1
            assert set(finding.sources) <= set(fit.support_sources), (screened.mesh.id, finding)
    assert checked


def test_consul_and_cilium_no_longer_cite_their_main_pages(engine: AnswerEngine):
    found = verdict(engine, SUPPORT_WANTED[0])
    assert found.of("consul").reasons[0].sources == ["hashicorp-self-managed-support"]
    assert "cilium-cni-chaining" not in found.of("cilium").reasons[0].sources


# Must not change: a platform rule-out still cites the page it cited (now where its platforms
# are documented, fit.platform_sources).
def test_a_platform_rule_out_still_cites_the_main_page(engine: AnswerEngine):
    found = verdict(engine, SUPPORT_WANTED[0])
    lattice = found.of("amazon-vpc-lattice")
    assert lattice.reasons[0].text.startswith("doesn't run on AKS")
    assert lattice.reasons[0].sources[0] == "vpc-lattice-target-groups"
    assert lattice.reasons[0].sources[0] == lattice.mesh.fit.platform_sources[0]


# Every rule-out cites the offering's own pages (or a page no offering cites, such as a
# platform's docs), never another offering's: "doesn't run on EKS" for Google Cloud Service
# Mesh cited its Cloud Run page, and Red Hat's supported configurations were cited against it.
MANY_SETUPS = [
    "Can I run Google Cloud Service Mesh on EKS for 30 services with mTLS?",
    "We run 40 services on GKE Autopilot and 20 Compute Engine VMs, need mTLS, want a "
    "Google-managed mesh.",
    "EKS Fargate, 30 services, we need mTLS. Which mesh?",
    "AKS with Windows node pools, 40 services, mTLS, and Microsoft support. Which mesh?",
    "We must not use Envoy anywhere. 200 services on GKE Standard. Options?",
    "ECS Fargate, 10 services, 2 engineers, PCI needs encryption in transit. Mesh?",
    "OpenShift 4.16 with a Red Hat subscription, 100 services, mTLS, JWT and multi-cluster.",
    "Nomad on-prem with 60 services on VMs, no BUSL licences. Which mesh?",
    "AKS with Azure CNI powered by Cilium, 50 services, need mTLS and retries.",
    "GKE Autopilot, 40 services, no sidecars please, mTLS.",
    "EKS, 300 services, JWT, rate limiting, multi-cluster failover and 30 EC2 VMs.",
    "kubeadm on-prem, 80 services, CNCF graduated only, mTLS and circuit breaking.",
    "ECS on EC2 and EKS, 50 services, one mesh for both, mTLS.",
    "Lambda functions and EKS, 20 services, need mTLS between them.",
    "RKE2, 500 services, 4 teams, mTLS, JWT and multi-cluster failover, no sidecars.",
]


def _own(engine: AnswerEngine, mesh_id: str) -> set[str]:
    return {sid for _, sid in source_refs(engine.kb.meshes[mesh_id])}


def _anyones(engine: AnswerEngine) -> set[str]:
    return {sid for m in engine.kb.meshes.values() for _, sid in source_refs(m)}


@pytest.mark.parametrize("text", MANY_SETUPS)
def test_every_rule_out_cites_that_offerings_own_pages(engine: AnswerEngine, text: str):
    found, anyones = verdict(engine, text), _anyones(engine)
    checked = 0
    for screened in found.ruled_out:
        own = _own(engine, screened.mesh.id)
        for finding in screened.reasons:
            checked += 1
            others = [s for s in finding.sources if s in anyones and s not in own]
            assert not others, (screened.mesh.id, finding.text, others)
    assert checked


@pytest.mark.parametrize("text", MANY_SETUPS)
def test_a_platform_rule_out_cites_where_its_platforms_are_documented(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    for screened in found.ruled_out:
        fit = screened.mesh.fit
        for finding in screened.reasons:
            if finding.constraint == "platform" and fit is not None:
                assert set(finding.sources) <= set(fit.platform_sources), screened.mesh.id


def test_gcsm_off_gke_cites_its_supported_platforms_page(engine: AnswerEngine):
    found = verdict(engine, MANY_SETUPS[0])
    gcsm = found.of("google-cloud-service-mesh")
    assert gcsm.reasons[0].text.startswith("doesn't run on EKS")
    assert gcsm.reasons[0].sources[0] == "gcsm-supported-platforms"
    assert "gcsm-cloud-run" not in gcsm.reasons[0].sources[:1]


def test_the_vm_reason_against_gcsm_cites_google_not_red_hat(engine: AnswerEngine):
    text = render_terminal(engine.ask(MANY_SETUPS[1]))
    against = [line for line in text.splitlines() if line.startswith("- Against Google")]
    assert against and not any("Red Hat" in line for line in against)


def test_the_vm_reason_on_openshift_still_cites_red_hat(engine: AnswerEngine):
    """Must not change: on OpenShift the same reason cites Red Hat's own page."""
    found = verdict(
        engine,
        "OpenShift with a Red Hat subscription, 60 services plus 20 VMs to mesh, mTLS. Which mesh?",
    )
    ossm = found.of("openshift-service-mesh")
    assert not ossm.out
    assert "provider-support-stops-at-vms" in {r.id for r in found.fired}
