"""A check that carries a setup ("does kuma cover gateway api + canary? eks, 45 svcs, 3
engineers, apache-2 only") is answered as the check, then ends on where the checked mesh
stands for that setup and the pick among every offering, with a button asking for the
recommendation on the same setup; a check with no setup ends on the check alone."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal

SETUP_CHECKS = [
    "does kuma cover gateway api + canary with header matching? eks, 45 svcs, 3 engineers. "
    "policy is apache-2 licensed only",
    "does kuma cover multi-zone failover + VMs? we have about 60 services across two k8s "
    "clusters (on-prem rancher)",
    "does linkerd do jwt validation? we're on aks with 80 services and a team of 4",
    "can cilium do retries and timeouts? 30 services on gke, 2 engineers",
    "does consul support the gateway api? 200 services on eks, strictly open source",
]


@pytest.mark.parametrize("text", SETUP_CHECKS)
def test_a_check_with_a_setup_ends_on_the_pick_for_it(engine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    answer = engine.answer(intent)
    shown = render_terminal(answer)
    assert "FOR YOUR SETUP" in shown and "for what you said" in shown
    asked = next(c for c in answer.next_steps if c.label == "Recommend for this setup")
    assert asked.intent.kind == IntentKind.recommend
    assert set(intent.features) <= set(asked.intent.facts["needs"])


def test_the_button_picks_what_the_paragraph_names(engine):
    answer = engine.ask(SETUP_CHECKS[0])
    asked = next(c for c in answer.next_steps if c.label == "Recommend for this setup")
    pick = engine.answer(asked.intent)
    assert pick.title.removeprefix("Recommendation: ") in render_terminal(answer)


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd support retries",
        "does kuma do rate limiting?",
        "does istio support wasm at 500 pods",
    ],
)
def test_a_check_with_no_setup_ends_on_the_check(engine, text):
    answer = engine.ask(text)
    assert "FOR YOUR SETUP" not in render_terminal(answer)
    assert all(c.label != "Recommend for this setup" for c in answer.next_steps)
