"""Someone of the asker's who says or decides ("our OSPO says …") is no product's name; a
sentence of everyday words about another topic ("anyone know a good lunch place near the
office") is out of scope, while a stray phrase stays not understood."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind


@pytest.mark.parametrize(
    "text",
    [
        "our OSPO says cncf projects only. plain upstream k8s, 1k pods, need multi-cluster. "
        "which mesh do you recommend",
        "my CISO wants FIPS everywhere, eks 200 services, which mesh",
        "our SecOps insists on mtls between all services, gke 60 services. recommendation?",
        "our CCoE mandates a managed control plane; aks 90 services, which mesh?",
        "my VP wants fewer moving parts, 30 services on eks, do we even need a mesh",
    ],
)
def test_someone_of_theirs_is_no_unknown_name(engine, text):
    assert engine.parser.parse(text).unknown_names == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("has anyone tried Zephyrmesh? better than linkerd?", "zephyrmesh"),
        ("we're evaluating Halyard for ~80 services, thoughts?", "halyard"),
    ],
)
def test_a_product_named_is_still_unknown(engine, text, name):
    assert name in [n.lower() for n in engine.parser.parse(text).unknown_names]


@pytest.mark.parametrize(
    "text",
    [
        "anyone know a good lunch place near the office",
        "where can i park my bike near the office building",
        "who is bringing cake to the team offsite next friday",
        "recommend a good pizza place for the friday team lunch",
        "what time does the all hands meeting start tomorrow morning",
    ],
)
def test_a_sentence_about_something_else_is_out_of_scope(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize("text", ["asdf qwerty", "hmm", "does linkerd support retries"])
def test_not_a_sentence_of_another_topic_stays_as_read(engine, text):
    assert engine.parser.parse(text).kind != IntentKind.out_of_scope


@pytest.mark.parametrize(
    "text",
    [
        "hey meshbot what can you do? first week here and the wiki says to ask you before we "
        "pick anything",
        "lightest weight option overall? we just need the basics",
    ],
)
def test_help_or_a_ranking_beside_everyday_words_stays_mine(engine, text):
    assert engine.parser.parse(text).kind != IntentKind.out_of_scope


@pytest.mark.parametrize(
    "text",
    [
        "40 tenant teams, each needs its own isolated mesh, one control plane. open source for "
        "now, maybe enterprise support later.",
        "eks, 80 services, we want open source for the mesh. which one?",
        "gke with 30 services, closed source for the mesh is a no-go. recommendation?",
        "need the source code for the proxy to be auditable, aks 50 services, which mesh?",
        "open source for everything here. 120 services on openshift, which mesh do we pick?",
    ],
)
def test_source_in_a_licence_asks_for_no_source(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize(
    "text", ["source for the istio sidecar memory figure?", "citation for that latency number?"]
)
def test_a_source_asked_for_is_still_the_sources(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.sources
