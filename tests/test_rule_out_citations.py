"""A rule-out cites what backs its reason: "no support contract from Microsoft" cites where who
sells the offering's support is documented (fit.support_sources), never its main page (the BUSL
blog for Consul, the CNI-chaining page for Cilium), and nothing where none is held. Through the
public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
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


# Must not change: a platform rule-out still cites the offering's main page.
def test_a_platform_rule_out_still_cites_the_main_page(engine: AnswerEngine):
    found = verdict(engine, SUPPORT_WANTED[0])
    lattice = found.of("amazon-vpc-lattice")
    assert lattice.reasons[0].text.startswith("doesn't run on AKS")
    assert lattice.reasons[0].sources[0] == lattice.mesh.fit.sources[0]
