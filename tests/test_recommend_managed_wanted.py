"""Setups that want the provider to run the control plane, said as what they won't do ("absolutely
not running istiod ourselves"), as the toil of upgrading their own ("every upgrade is a
weekend"), or as the move asked about ("should we go managed or move off google's thing?", a
question of options, not a refusal of the vendor). Each goes through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

NOT_RUNNING_IT_OURSELVES = [
    (
        "GKE Autopilot, 30 services, 2 platform engineers. need mtls and golden metrics, "
        "absolutely not running istiod ourselves",
        "google-cloud-service-mesh",
    ),
    (
        "GKE standard, 40 services, want mTLS and metrics, we are not running istiod ourselves",
        "google-cloud-service-mesh",
    ),
    (
        "on gke with ~25 services and a tiny platform team; definitely not operating the "
        "control plane ourselves, need mtls",
        "google-cloud-service-mesh",
    ),
    (
        "GKE, 50 services, need mTLS. we are not hosting the control plane ourselves",
        "google-cloud-service-mesh",
    ),
    (
        "AKS, 30 services, mtls needed, under no circumstances running istiod ourselves",
        "aks-istio-addon",
    ),
]


@pytest.mark.parametrize(("text", "pick"), NOT_RUNNING_IT_OURSELVES)
def test_a_control_plane_they_wont_run_wants_a_managed_one(
    engine: AnswerEngine, text: str, pick: str
):
    assert engine.parser.parse(text).facts.get("managed_control_plane") is True
    assert verdict(engine, text).pick == pick


UPGRADE_WEEKENDS = [
    "gke, 3 clusters, ~120 services on ASM with the in-cluster istiod; each upgrade takes a "
    "weekend. go managed or leave google's mesh?",
    "We're on GKE running istio ourselves, 80 services, upgrades eat our weekends. should we "
    "switch to managed or move off google entirely?",
    "gke 2 clusters 50 svcs, in-cluster Anthos Service Mesh control plane, every upgrade takes "
    "a weekend, thinking of moving to managed",
    "4 GKE clusters, 150 services, self-run cloud service mesh. every upgrade is a weekend. "
    "should we go managed?",
    "GKE, ~90 services, we run istiod in-cluster for csm and upgrades take all weekend. "
    "what should we do?",
]


@pytest.mark.parametrize("text", UPGRADE_WEEKENDS)
def test_weekends_lost_to_upgrades_lead_to_the_managed_control_plane(
    engine: AnswerEngine, text: str
):
    # A lost weekend is upgrade toil (weighed); "go managed" also asks for a managed one.
    intent = engine.parser.parse(text)
    assert intent.facts.get("managed_control_plane") or intent.facts.get("upgrade_toil")
    assert "google" not in intent.facts.get("not_from", [])
    assert verdict(engine, text).pick == "google-cloud-service-mesh"


def test_an_aks_estate_with_upgrade_weekends_goes_to_the_aks_add_on(engine: AnswerEngine):
    text = "AKS, self-managed istio, 60 services, every upgrade is a weekend. should we go managed?"
    assert verdict(engine, text).pick == "aks-istio-addon"
