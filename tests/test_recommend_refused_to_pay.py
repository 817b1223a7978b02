"""Setups whose management refused to pay for the builds they run ("mgmt said no to paying"):
open source only, or that vendor refused ("says no to paying buoyant"); with stable releases
wanted too, the mesh whose stable builds that vendor sells is out. Each goes through the
public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

SAID_NO_TO_PAYING = [
    "linkerd stable 2.14 on AKS, 60 services, 400 employees. buoyant wants a licence for stable "
    "builds; finance said no to paying and edge releases in prod are a no-go. what now?",
    "GKE, linkerd for 3 years, 120 svcs. the CFO says no to paying buoyant, and we won't run "
    "edge builds in production. alternatives?",
    "on-prem k8s running linkerd 2.14, 50 services, 250 people. management said no to paying "
    "for it and we need stable releases. where to?",
    "EKS with linkerd, ~70 svcs. we won't be paying buoyant. need stable releases, no edge in "
    "prod. what should we move to?",
    "linkerd on EKS, 80 services, leadership said no to paying for stable builds and we don't "
    "run edge releases in prod. where next?",
]


@pytest.mark.parametrize("text", SAID_NO_TO_PAYING)
def test_refusing_to_pay_with_stable_releases_wanted_leaves_linkerd(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    # paying at all refused is open source only; paying Buoyant refused closes its edition,
    # and leaves other vendors' builds open (Google's managed Istio on GKE)
    assert facts.get("licence") == "open_source" or facts.get("not_from") == ["buoyant"]
    result = verdict(engine, text)
    assert result.of("linkerd").out
    assert result.pick in {"istio", "istio-ambient", "kuma", "cilium", "google-cloud-service-mesh"}


def test_refusing_to_pay_for_support_leaves_the_licence_open(engine: AnswerEngine):
    facts = engine.parser.parse("EKS, 40 services, we won't be paying for support").facts
    assert facts.get("support") == "none"
    assert "licence" not in facts
