"""Needs a team meets already (a tool in the app, an APM, the edge) and what that leaves for a
mesh to do; each setup read through the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("gke, 9 services, latency and error rates come from datadog already", "golden_metrics"),
        ("we already use Datadog APM for traces. 15 svcs on eks, need a mesh?", "golden_metrics"),
        ("timeouts are handled in the app with polly. 6 services on aks", "timeouts"),
        ("retries happen in code with resilience4j; 10 svcs on k8s, mesh?", "retries"),
    ],
)
def test_an_apm_or_a_resilience_library_they_run_covers_its_jobs(
    engine: AnswerEngine, text: str, covered: str
):
    facts = engine.parser.parse(text).facts
    assert covered in facts["covered"]


def test_a_canary_only_at_the_public_api_with_apm_metrics_needs_no_mesh(engine: AnswerEngine):
    text = (
        "small team, one gke cluster, 10 services. we'd like weighted canaries only for the "
        "public api, and the request metrics we already get from datadog. do we need a mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("edge_only") is True and facts["needs"] == []
    assert verdict(engine, text).tied == ["no-mesh"]


def test_a_retired_mesh_kept_only_for_metrics_with_retries_in_the_app_is_replaced_by_none(
    engine: AnswerEngine,
):
    text = (
        "we still run traefik mesh on a plain k8s cluster, 6 services. honestly we only used "
        "it for request metrics, nobody needs mTLS, retries are done in the app with polly. "
        "what now?"
    )
    facts = engine.parser.parse(text).facts
    assert "retries" not in facts["needs"]
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "we inherited a linkerd install on gke, 30 services, and nobody understands it. "
        "we use mtls and retries. what should a team of 2 run instead?",
        "we inherited istio on aks (50 svcs) from an agency; upgrades are scary and "
        "the config is way too complex. only mtls and retries in use. what next?",
    ],
)
def test_an_inherited_mesh_nobody_understands_is_one_they_run_and_it_hurts(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts.get("incumbent") and facts.get("hurts") is True
    assert "revision_upgrades" not in facts["needs"]


def test_an_inherited_istio_that_scares_a_small_team_moves_to_a_lighter_mesh(
    engine: AnswerEngine,
):
    text = (
        "we inherited an istio install on eks, about 45 services, from a consultancy. "
        "upgrades are scary and nobody really understands it. we only rely on mtls and "
        "retries. we want something 3 people can run"
    )
    facts = engine.parser.parse(text).facts
    assert facts["engineers"] == 3
    assert set(verdict(engine, text).tied) <= {"linkerd", "istio-ambient"}


@pytest.mark.parametrize(
    ("text", "built_on"),
    [
        ("we run kuma on 4 eks clusters. we are not moving away from kuma, need support", "kuma"),
        ("istio on gke, 300 svcs. we won't switch away from istio, want a vendor", "istio"),
    ],
)
def test_a_mesh_they_deny_leaving_is_kept_and_built_on(
    engine: AnswerEngine, text: str, built_on: str
):
    facts = engine.parser.parse(text).facts
    assert "leaving" not in facts and facts["built_on"] == built_on


def test_istio_kept_with_a_vendor_wanted_over_many_clusters_is_an_enterprise_istio(
    engine: AnswerEngine,
):
    text = (
        "we run istio across 18 gke and eks clusters, ~6k pods. keeping it upgraded is "
        "a nightmare. we want vendor support and a multi-cluster management plane. "
        "not moving away from istio"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == "recommend"
    assert verdict(engine, text).tied == ["gloo-mesh"]


def test_kong_meshs_opa_policies_authorize_requests_in_full(engine: AnswerEngine):
    text = (
        "12 teams share our eks clusters; we need an authorization policy between services "
        "down to path and method, and a vendor's support. 300 services"
    )
    assert "l7_authorization" in engine.parser.parse(text).facts["needs"]
    kong = verdict(engine, text).of("kong-mesh")
    assert not kong.out and not kong.caveats


def test_windows_pods_that_must_be_meshed_go_to_the_one_mesh_that_meshes_them(
    engine: AnswerEngine,
):
    text = (
        "aks, mostly windows server nodes running .net framework containers, 25 services; "
        "security wants mtls between the windows pods. what mesh?"
    )
    result = verdict(engine, text)
    assert result.tied == ["linkerd"]
    assert any("enterprise" in c.text.lower() for c in result.of("linkerd").caveats)
