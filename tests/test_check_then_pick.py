"""A check whose question goes on to ask for a pick ("does linkerd do that or which mesh
should we use?") asks for the pick, with the check answered after it; with no setup to pick
for, or with the other mesh named ("… or should we use istio?"), the check stays as read."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        (
            "we're on EKS with 50 services and need JWT validation at the mesh. does linkerd do "
            "that or which mesh should we use?",
            "jwt_validation",
        ),
        (
            "eks, 120 svcs, must have rate limiting. does kuma support it? if not what should we "
            "pick",
            "rate_limiting",
        ),
        (
            "need wasm filters, 80 services on gke. does linkerd do wasm, or what would you "
            "recommend instead?",
            "wasm_extensions",
        ),
        (
            "aks, 40 services, we need traffic mirroring. can linkerd mirror traffic? otherwise "
            "which mesh do you recommend",
            "traffic_mirroring",
        ),
        (
            "3 clusters on gke, 200 services, fault injection is a must. does cilium do fault "
            "injection, or else what should we use?",
            "fault_injection",
        ),
    ],
)
def test_a_check_going_on_to_a_pick_is_the_pick_with_the_check_after(engine, text, feature):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert feature in intent.facts.get("needs", [])
    text = render_terminal(engine.answer(intent))
    # the check answered: after the pick, or where the meshes named are weighed
    checked = engine.kb.meshes[intent.also.meshes[0] if intent.also else intent.meshes[0]]
    assert "YOU ALSO ASKED" in text or "THE ONES YOU NAMED" in text or checked.name in text


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd support retries? if not which mesh should we use",
        "does linkerd support wasm or should we use istio?",
        "does kuma do rate limiting?",
        "can linkerd mirror traffic, or is that istio only?",
    ],
)
def test_a_check_with_nothing_to_pick_for_stays_a_check(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.feature_check
