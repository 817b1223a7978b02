"""A question about a concept, a licence or who can do something is answered as asked, never
turned into an unasked-for recommendation (blind user test round 2, problems 1 and 11)."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect, IntentKind


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        (
            "PERMISSIVE vs STRICT peerauthentication - what's the difference and when do we "
            "flip it",
            "mtls_modes",
        ),
        ("whats the difference between permissive and strict mtls in istio", "mtls_modes"),
        ("when should we switch peer authentication from permissive to strict?", "mtls_modes"),
        ("is strict mode better than permissive?", "mtls_modes"),
        ("what is a trust domain and should two clusters share one?", "trust_domain"),
        ("explain trust domains to me, do our 3 clusters need the same one?", "trust_domain"),
        ("what's a trust domain in spiffe terms", "trust_domain"),
    ],
)
def test_a_concept_asked_about_is_defined_first_and_nothing_is_picked(engine, kb, text, concept):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.parts[:1]) == (IntentKind.explain, [concept])
    _, defined = kb.concept(concept)
    assert engine.answer(intent).lead.startswith(defined.explanation[:60])


@pytest.mark.parametrize(
    "text",
    [
        "we need strict mtls between 200 services on eks, what should we use?",
        "does istio support strict mtls",
        "which meshes support permissive mode",
    ],
)
def test_a_concept_said_beside_a_setup_a_check_or_a_list_keeps_that_reading(engine, text):
    assert engine.parser.parse(text).kind != IntentKind.explain


@pytest.mark.parametrize(
    "text",
    [
        "consul is BUSL now right? can we use it inside our SaaS product",
        "consul went BSL? are we still allowed to run it for our internal platform",
        "hashicorp relicensed consul. so can we keep using it in house",
        "is consul's license a problem? we embed it in our product",
    ],
)
def test_what_a_licence_permits_is_answered_from_its_terms(engine, kb, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.explain,
        ["consul"],
        Aspect.licence,
    )
    terms = kb.meshes["consul"].license_terms
    assert terms and engine.answer(intent).lead.startswith(terms.use[:40])


@pytest.mark.parametrize(
    "text",
    [
        "who can mesh VMs outside k8s? we have ~60 legacy VMs",
        "which meshes can bring our 60 legacy VMs in?",
        "who has JWT validation at the mesh?",
    ],
)
def test_who_can_do_something_lists_the_meshes(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.which_meshes
