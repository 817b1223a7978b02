"""Needs a team meets already (a tool in the app, an APM, the edge) and what that leaves for a
mesh to do; each setup read through the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine


def verdict(engine: AnswerEngine, text: str) -> scoring.Verdict:
    intent = engine.parser.parse(text)
    return scoring.evaluate(engine.kb, intent.facts, scoring.candidates(engine.kb, intent.meshes))


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
