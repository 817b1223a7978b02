"""Recommendation reasoning from the second blind user test, through the public path:
- the mesh they run ruled out (by the vendor they must buy support from) makes the pick a
  migration, and the answer says so;
- support from one vendor given up keeps support from some vendor;
- "is there something lighter?" wishes for low overhead;
- the runner-up is the offering an answer to the question asked next would pick."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

MIGRATION = "this is a migration, not a switch"


def shown(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text)))


LINKERD_TO_ADD_ON = [
    "We run Linkerd on AKS today, about 40 services. Management now wants Microsoft support. "
    "Should we move to the AKS Istio add-on?",
    "we're on linkerd in aks and leadership now insists on support from microsoft. what mesh?",
    "we use linkerd on AKS for 60 services; procurement says mesh support must come from "
    "Microsoft. which mesh should we use?",
    "AKS shop already running Linkerd. New rule: vendor support must come from Microsoft. "
    "Which mesh?",
    "currently using linkerd on aks, 25 services, need microsoft support going forward. "
    "recommendation?",
]


@pytest.mark.parametrize("text", LINKERD_TO_ADD_ON)
def test_a_ruled_out_incumbent_makes_the_pick_a_migration(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.pick == "aks-istio-addon"
    assert any(r.id == "incumbent-ruled-out" for r in found.fired)
    assert MIGRATION in shown(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "We're a Nomad + Consul shop running Consul Connect for years. Stay or switch?",
        "we run istio on eks with 80 services. should we move to ambient?",
        "we run linkerd on eks, 40 services. any reason to switch?",
    ],
)
def test_an_incumbent_left_in_is_no_migration(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert not any(r.id == "incumbent-ruled-out" for r in found.fired)
    assert MIGRATION not in shown(engine, text)


MICROSOFT_AND_FAILOVER = [
    "AKS, 50 services, 3 clusters, we need cross-cluster failover and support from Microsoft",
    "we must have Microsoft support. AKS across 3 clusters with failover between them",
    "three AKS clusters, one mesh spanning them, microsoft support required",
    "AKS in 2 regions, multi-cluster failover needed, support has to come from Microsoft",
    "need support from microsoft for the mesh; 4 aks clusters and cross-cluster failover",
]


@pytest.mark.parametrize("text", MICROSOFT_AND_FAILOVER)
def test_support_from_one_vendor_given_up_keeps_support_from_some(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.loosened["support"] == ("microsoft", "any")
    left = [engine.kb.meshes[m] for m in found.survivors]
    assert all(m.fit and m.fit.support_from for m in left)  # every one left has a vendor
    assert "kuma" not in found.survivors and "no-mesh" not in found.survivors
    assert "keeping vendor support from any vendor" in shown(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "openshift cluster at a bank. fips 140 validated crypto is mandatory and purchasing "
        "only buys from red hat",
        "AKS, 50 services, support from Microsoft, need mTLS",
    ],
)
def test_a_vendor_met_is_neither_given_up_nor_loosened(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.loosened == {} and "support" not in found.relaxed


LIGHTER = [
    "12 services on GKE Autopilot, 2 engineers. Istio seems heavy - is there something lighter?",
    "istio feels like a lot for 20 services on eks. anything lighter?",
    "we need mtls on aks for 40 services. is there a lighter option than istio?",
    "looking for a lighter mesh than istio for our 30 gke services",
    "eks, 25 services, mtls needed. any lighter alternative to istio sidecars?",
]


@pytest.mark.parametrize("text", LIGHTER)
def test_something_lighter_asked_wishes_for_low_overhead(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("low_overhead") is True


def test_lighter_argued_for_a_rival_is_no_wish(engine: AnswerEngine):
    intent = engine.parser.parse("someone keeps pushing linkerd bc it's lighter. openshift.")
    assert intent.facts.get("rival_argued") is True


TURNING_RUNNER_UP = [
    "EKS, 30 services. We need mTLS and golden metrics. What mesh should we use?",
    "eks cluster with 40 services, need mtls plus golden metrics, which mesh?",
    "we're on EKS, ~35 services, want mTLS and golden metrics. recommendation?",
    "mtls and golden metrics for 30 services on eks - what mesh?",
    "EKS with 50 services; must have mTLS and golden metrics. suggest a mesh",
]


@pytest.mark.parametrize("text", TURNING_RUNNER_UP)
def test_the_runner_up_is_what_the_next_answer_would_pick(engine: AnswerEngine, text: str):
    card = shown(engine, text)
    runner = card.split("RUNNER-UP")[1].strip().split("\n")[0]
    asked = card.split("NEXT QUESTION: ")[1].split("\n")[0]
    assert f"The pick if your answer to “{asked}” is" in runner
