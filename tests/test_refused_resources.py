"""A mesh's configuration resource refused ("Gateway API for everything, no VirtualService") is
no API the team knows: the answer neither records it nor argues from it. A resource they use
still is. Through the public path (parse, then the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

REFUSED = [
    "Our architects mandate Gateway API for everything, no VirtualService. We're on AKS, 40 "
    "services, and managed would be nice. Which mesh?",
    "Gateway API only, VirtualServices are banned here. GKE, 60 services, which mesh?",
    "we standardised on HTTPRoute; no more VirtualServices. EKS, 80 svcs, mesh?",
    "platform rule: Gateway API instead of VirtualService everywhere. AKS, which mesh?",
    "we avoid VirtualService and use Gateway API. on-prem k8s, 100 services, recommendation?",
    "kubernetes gateway api for all routing, without DestinationRule or VirtualService. GKE, 40 "
    "services, which mesh?",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_refused_resource_is_no_api_the_team_knows(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "knows_api" not in intent.facts
    assert "gateway_api" in intent.facts.get("needs", [])
    out = render_terminal(engine.ask(text))
    assert "resources your team already knows" not in out
    assert "mesh configuration the team knows" not in out


@pytest.mark.parametrize(
    "text",
    [
        "our team writes VirtualServices and DestinationRules all day. EKS, 80 services, "
        "which mesh?",
        "we have hundreds of VirtualServices already. GKE, 120 services, which mesh?",
        "all our routing is MeshHTTPRoute today. EKS, 60 services, recommend a mesh",
    ],
)
def test_a_resource_they_use_is_still_theirs(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("knows_api") in ("istio", "kuma")
