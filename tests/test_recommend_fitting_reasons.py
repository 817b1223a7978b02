"""Reasons that fit the offering they are said of: an answer that names nobody on the
platform said ("From our cloud provider" on self-run Kubernetes or Nomad) is neither asked nor
weighed as what would change the pick; the maturity of a CNCF project is no reason for a
provider's own service on its APIs; a reason that weighs against the pick is said apart, never
under Why; and what a licence buys is said for the must-have asked. Each setup read through
the public path (parse, then the answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer, StatementList
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

CLOUD_PROVIDER = "From our cloud provider"
MATURITY = "Graduated CNCF projects"


def listed(answer: Answer, heading: str) -> list[str]:
    found = next((p for p in answer.points if getattr(p, "heading", "") == heading), None)
    if not isinstance(found, StatementList):
        return []
    return [f"{s.label}: {s.text}" for s in found.items]


# No platform with a provider of its own: the provider's support names nobody.
@pytest.mark.parametrize(
    "text",
    [
        "bare metal kubernetes, 80 services, we need Wasm plugins, global rate limiting and "
        "header-based routing. recommend?",
        "300 services across VMs, self-managed kubernetes and nomad. Need mTLS and L7 "
        "authorization. recommend?",
        "kubeadm on our own hardware, 60 services, mtls and retries. which mesh?",
        "nomad only, 40 jobs, mtls between them. recommend",
        "on-prem rke2, 120 services, need mtls and canary. recommend",
    ],
)
def test_the_providers_support_is_no_answer_where_no_platform_has_a_provider(
    engine: AnswerEngine, text: str
):
    said = render_terminal(engine.ask(text))
    assert CLOUD_PROVIDER not in said


# Near misses: on a provider's platform, or beside one, the answer is still offered.
@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("EKS, 80 services, need mtls and retries. recommend?", True),
        ("AKS, 50 services, small platform team. recommend?", True),
        ("self-managed kubernetes plus EKS, 90 services. recommend", True),
        ("bare metal kubernetes, 80 services. recommend", False),
        ("nomad and kubeadm clusters, 200 services. recommend", False),
    ],
)
def test_the_providers_support_is_offered_where_a_platform_has_a_provider(
    engine: AnswerEngine, text: str, offered: bool
):
    facts = engine.parser.parse(text).facts
    support = next(q for q in engine.kb.rules.questions if q.id == "support")
    assert (CLOUD_PROVIDER in [o.label for o in support.offered(facts)]) is offered


# A provider's own service on the project's APIs (Google's) is no build of the project's
# code: the project's maturity is no reason for it.
@pytest.mark.parametrize(
    "text",
    [
        "GKE shop, ~200 services across 3 clusters in two regions. Need multi-cluster and "
        "locality failover. We prefer a managed control plane. Recommend?",
        "GKE, 60 services, small team, we'd like google to run the control plane",
        "GKE autopilot, 60 services, 2 part-time devs, auditors want encryption in transit",
    ],
)
def test_a_projects_maturity_is_no_reason_for_a_providers_own_service(
    engine: AnswerEngine, text: str
):
    answer = engine.ask(text)
    for said in listed(answer, "Why") + listed(answer, "More reasons"):
        if MATURITY in said:
            assert "Google Cloud Service Mesh" not in said.split(":")[0]


# A small team's few hands said of the pick too (ambient mode, sidecars refused): the
# trade-off it carries, said apart, never as a reason for it.
@pytest.mark.parametrize(
    "text",
    [
        "EKS, 40 services, 3 platform engineers. We need mTLS and canary releases. no sidecars",
        "EKS, 40 services, team of 3, mtls and canary, we do not want sidecars. recommend",
        "eks, 50 svcs, 2 people run the platform, mtls, no sidecars please",
        "GKE standard, 60 services, small team of 3, no sidecar proxies, need mtls and retries",
        "EKS, 30 services, 3 engineers, sidecars are a no-go, mtls needed. which mesh?",
    ],
)
def test_a_reason_against_the_pick_is_never_said_under_why(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    pick = engine.kb.meshes[verdict(engine, text).tied[0]].name
    for said in listed(answer, "Why"):
        label = said.split(":")[0]
        assert not (label.startswith("Against") and pick in label.split(";")[0])
