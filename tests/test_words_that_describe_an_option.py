"""A word that describes an offering named right after it is what the offering is, not a
requirement: "what should we move to, managed CSM or upstream Istio?" names two options to
choose between and asks for no managed control plane, so Istio is weighed, not ruled out.
Through the public path (parse, verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

OPTIONS_DESCRIBED = [
    "We're ex-Anthos Service Mesh users with the in-cluster control plane on GKE. Is that going "
    "away? What should we move to, managed CSM or upstream Istio?",
    "GKE, 50 services: should we go managed CSM or plain Istio?",
    "on GKE: migrating to managed Cloud Service Mesh or vanilla Istio, what do you recommend?",
    "we're on GKE and thinking of moving to managed cloud service mesh or vanilla istio. "
    "which one?",
    "GKE team here: switch to managed CSM, or upstream Istio? 120 services",
    "On GKE, do we migrate to managed csm or community istio?",
]


@pytest.mark.parametrize("text", OPTIONS_DESCRIBED)
def test_managed_names_the_option_not_a_requirement(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "managed_control_plane" not in intent.facts
    both = {"google-cloud-service-mesh", "istio"}
    assert set(intent.options) == both or (
        intent.kind == IntentKind.compare and set(intent.meshes) == both
    )
    assert not verdict(engine, text).of("istio").out


# Must not change: the move to managed asked with no offering named after it is the wish.
@pytest.mark.parametrize(
    "text",
    [
        "We're on GKE, 40 services. Should we go managed or run istio ourselves?",
        "EKS, 60 services, we want to move to managed. which mesh?",
        "AKS, 30 services: time to switch to the managed one?",
    ],
)
def test_the_move_to_managed_alone_is_still_the_wish(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    # asked as one option of two ("should we go managed or …?") it is weighed, not required
    assert facts.get("managed_control_plane") is True or facts.get("managed_preferred") is True
