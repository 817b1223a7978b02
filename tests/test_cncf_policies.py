"""A CNCF policy reads maturity levels: "graduated or incubating projects only" leaves the
sandbox out (Kuma), and running no mesh, made of graduated CNCF projects (Kubernetes,
cert-manager, OpenTelemetry), is never out for not being one. Each goes through the public
path (parse, then the verdict or the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

UPPER_LEVELS = [
    "We're on GKE and we're a CNCF-only shop (graduated or incubating projects only). Team of "
    "3, need mTLS and retries. Which mesh?",
    "policy: only CNCF incubating or graduated projects. 60 services on EKS, which mesh?",
    "our OSPO allows CNCF projects at incubating or above. AKS, 40 services, recommend a mesh",
    "no sandbox projects allowed, cncf graduated and incubating are fine. on-prem k8s, 80 "
    "services, need mtls",
    "we may only adopt cncf projects that are at least incubating. GKE, 30 svcs, mesh?",
    "CNCF only, and sandbox projects excluded. EKS, 50 services, which service mesh?",
]


@pytest.mark.parametrize("text", UPPER_LEVELS)
def test_graduated_or_incubating_leaves_the_sandbox_out(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["licence"] == "cncf_incubating"
    found = verdict(engine, text)
    assert found.of("kuma").out
    assert "a CNCF sandbox project" in found.of("kuma").reasons[0].text
    assert found.pick != "kuma"


@pytest.mark.parametrize(
    "text",
    [
        "cncf projects only. GKE, 12 services, we only need mTLS",
        "CNCF graduated projects only, 10 services on EKS, mtls is all we need",
        "graduated or incubating CNCF projects only. AKS, 15 services, team of 2, just mTLS",
    ],
)
def test_no_mesh_is_made_of_cncf_projects(engine: AnswerEngine, text: str):
    screened = verdict(engine, text).of("no-mesh")
    assert not any("CNCF" in f.text for f in screened.reasons), screened.reasons
    assert "not a CNCF project" not in render_terminal(engine.ask(text)).split("No mesh")[1][:80]


def test_the_policy_is_said_as_read(engine: AnswerEngine):
    text = UPPER_LEVELS[0]
    out = render_terminal(engine.ask(text))
    assert "licence policy: CNCF graduated or incubating projects only" in out
    assert "RUNNER-UP\nKuma" not in out


# Must not change: any CNCF level keeps the sandbox; graduated only leaves incubating out too;
# an aside describing a tool they run ("a datadog shop (traces and metrics)") stays the tool's.
def test_cncf_only_still_takes_the_sandbox(engine: AnswerEngine):
    text = "cncf projects only, on-prem k8s, 80 services"
    assert engine.parser.parse(text).facts["licence"] == "cncf"
    assert not verdict(engine, text).of("kuma").out


def test_graduated_only_is_stricter_still(engine: AnswerEngine):
    text = "We're a CNCF-only shop (graduated projects only). GKE, which mesh?"
    assert engine.parser.parse(text).facts["licence"] == "cncf_graduated"
    assert "not graduated" in verdict(engine, text).of("kuma").reasons[0].text


def test_an_aside_about_a_tool_they_run_is_still_the_tools(engine: AnswerEngine):
    facts = engine.parser.parse("we're a datadog shop (traces and metrics). EKS, which mesh?").facts
    assert "distributed_tracing" in facts.get("covered", [])
    assert "needs" not in facts
