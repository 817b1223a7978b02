"""An earlier line of an offering is a product of its own: leaving Linkerd 1.x (the JVM
Linkerd) or OpenShift Service Mesh 2 (Maistra) is no move off Linkerd or OSSM 3, which
succeed them; the answer says what the line they leave is. A release of the current line is
still the mesh they leave. Through the public path (parse, verdict, rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

LEAVING_LINKERD_1 = [
    "We're replacing Linkerd 1.x on Kubernetes. 120 services. Team of 4. Want something simple, "
    "open source, no vendor lock-in. What should we move to?",
    "moving off linkerd 1.7.5 (the old JVM one) on k8s, 60 services, what now?",
    "migrating away from Linkerd v1. EKS, 80 services, what's a good replacement?",
    "we want to get off linkerd 1.x, it fronts 40 services on GKE. simplest option?",
    "time to ditch linkerd 1.x. 150 services on EKS, 5 engineers, mtls + retries. recommendation?",
    "Replacing Linkerd 1.x on AKS, 30 services, team of 2, need mTLS. Which mesh?",
]


@pytest.mark.parametrize("text", LEAVING_LINKERD_1)
def test_leaving_linkerd_1_is_no_move_off_linkerd(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["leaving"] == "linkerd" and facts["leaving_line"] == 1
    assert not verdict(engine, text).of("linkerd").out
    out = render_terminal(engine.ask(text))
    assert "Linkerd 1.x, which you move off, is not today's Linkerd" in out
    assert "moving off: Linkerd 1.x" in out
    assert "the mesh you want to move off" not in out


def test_the_simple_successor_is_picked(engine: AnswerEngine):
    assert verdict(engine, LEAVING_LINKERD_1[0]).pick == "linkerd"


def test_leaving_ossm_2_is_no_move_off_ossm_3(engine: AnswerEngine):
    text = "We're replacing OSSM 2.x on OpenShift, 100 services. What should we move to?"
    assert engine.parser.parse(text).facts["leaving_line"] == 2
    found = verdict(engine, text)
    assert not found.of("openshift-service-mesh").out
    assert not found.of("istio").out
    assert "Red Hat OpenShift Service Mesh 2, which you move off" in render_terminal(
        engine.ask(text)
    )


# Must not change: a release of the current line, or no release, leaves the mesh itself.
@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("We run linkerd 2.14 and want to move off it. What should we use?", "linkerd"),
        ("we're moving off linkerd, 60 services on EKS, what now?", "linkerd"),
        ("we're replacing istio 1.18 on EKS, 250 services. what should we move to?", "istio"),
        ("moving off OSSM 3 to something else, 80 services on openshift. options?", None),
    ],
)
def test_the_current_line_is_still_the_mesh_they_leave(
    engine: AnswerEngine, text: str, mesh: str | None
):
    facts = engine.parser.parse(text).facts
    assert "leaving_line" not in facts
    if mesh:
        assert verdict(engine, text).of(mesh).out
