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
    lead = engine.answer(intent).lead
    assert terms and terms.use[:40] in lead
    assert lead.startswith("Not open source: Consul is licensed BUSL-1.1")  # said first


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


@pytest.mark.parametrize(
    ("text", "mesh", "vendor"),
    [
        (
            "who do we call for support if istio ambient breaks in prod at 3am",
            "istio-ambient",
            "Solo.io",
        ),
        ("is there enterprise support for istio ambient?", "istio-ambient", "Tetrate"),
        ("cilium service mesh license and who sells support", "cilium", "Isovalent"),
        ("who sells support for cilium service mesh?", "cilium", "Isovalent"),
        ("can we get 24x7 support for linkerd?", "linkerd", "Buoyant"),
        ("who offers commercial support for kuma", "kuma", "Kong Mesh (Kong)"),
    ],
)
def test_who_sells_support_names_the_vendors_never_a_pick_or_a_feature(engine, text, mesh, vendor):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.explain,
        [mesh],
        Aspect.support,
    )
    assert not intent.features  # "breaks" is no circuit breaking
    lead = engine.answer(intent).lead
    assert vendor in lead and "Licence:" in lead


def test_a_mode_lists_only_the_supported_builds_that_include_it(engine):
    lead = engine.ask("is there enterprise support for istio ambient?").lead
    assert "Red Hat OpenShift Service Mesh 3 (Red Hat)" in lead
    assert "AKS Istio-based service mesh add-on" not in lead  # no ambient in the add-on


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "we're on linkerd stable-2.14.10, are we out of support? what's the upgrade path",
            "gets no more fixes from the project: its last stable release of its own was "
            "stable-2.14.10",
        ),
        ("is linkerd 2.14 still supported", "Linkerd 2.14 gets no more fixes"),
        ("is linkerd 2.18 supported", "ships no stable 2.18 of its own"),
        (
            "we're on istio 1.22 still, is that supported? how far behind are we",
            "It is 10 minor releases behind the newest, 1.32.",
        ),
    ],
)
def test_a_release_asked_about_is_answered_for_that_release(engine, text, said):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle and intent.version
    lead = engine.answer(intent).lead
    assert said in lead and not lead.startswith("Yes")


@pytest.mark.parametrize(
    "text",
    [
        "is osm still maintained? we're on aks",
        "traefik mesh still a thing?",
        "is kuma still alive?",
    ],
)
def test_a_status_lead_lists_no_maintained_offerings(engine, kb, text):
    lead = engine.ask(text).lead
    assert "Maintained:" not in lead
    assert sum(m.name in lead for m in kb.current_meshes()) <= 3
