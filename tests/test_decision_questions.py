"""A setup and needs stated, then a decision asked ("do we?", "thoughts?", "does cilium cover
it?", "istio or linkerd?"): the answer is a recommendation over every offering that says how
the named ones fare; a plain comparison or feature question stays what it was."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind as K
from bot.render.plain import render_terminal

DECISIONS = [
    "two of us run the platform, 8 services on eks. a contractor keeps telling us we need "
    "linkerd. do we?",
    "we're on gke with 3 clusters and 90 services and keep going back and forth between kuma "
    "and linkerd. any thoughts?",
    "self-managed k8s where cilium is our cni already. we need header routing and mtls and "
    "would rather not run another project. does cilium cover it?",
    "small team, 6 services on aks. kuma or linkerd? all we want is per-service error rates",
    "our sidecars eat a third of the memory on 2k pods and we like the istio apis. what now?",
    # A retired mesh named is one they run: a decision over it needs no other setup.
    "so traefik mesh is basically abandoned. any suggestions then?",
    "app mesh is being shut down under us... what do we do next",
    # A pick asked for in the closing clause, whatever kind its words resemble.
    "gke, 25 services, we want mtls and retries and it has to be open source. which one?",
    "two eks clusters, ~90 services, our kuma upgrades keep failing and we want off kuma. "
    "what should we switch to?",
    "rke2 only, fips validated crypto is mandatory and we need a vendor on support. which "
    "meshes would make the cut?",
    "4 services on aks and the apps already do tls. our vp saw a talk and wants a mesh. "
    "what's the right call here?",
    "on aks with 600 pods, memory is tight and we want ambient mode. self-managed is fine. "
    "which one?",
]

NOT_DECISIONS = [
    ("istio or linkerd for 200 svcs, tl;dr", K.compare),
    ("linkerd or cilium mesh for us? we already run cilium as the CNI", K.compare),
    ("10 services on k8s, kuma or linkerd? how do they differ on mtls", K.compare),
    ("we're on gke. google cloud service mesh vs running upstream istio, thoughts?", K.compare),
    ("we need fips validated crypto for fedramp, does linkerd have that", K.feature_check),
    ("does istio rotate certs or do we need a cronjob", K.feature_check),
    ("thoughts on linkerd?", K.explain),
    ("is traefik mesh abandoned these days?", K.lifecycle),
    ("we're on eks. which meshes support fips?", K.which_meshes),
]


@pytest.mark.parametrize("text", DECISIONS)
def test_a_decision_asked_over_a_setup_is_a_recommendation(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    answer = engine.answer(intent)
    assert answer.kind == K.recommend
    assert answer.title.startswith("Recommendation")


@pytest.mark.parametrize(("text", "kind"), NOT_DECISIONS)
def test_a_comparison_or_feature_question_stays_one(engine: AnswerEngine, text, kind):
    assert engine.ask(text).kind == kind


def test_the_named_meshes_are_weighed_with_every_offering_and_said_how_they_fare(
    engine: AnswerEngine,
):
    intent = engine.parser.parse(
        "one sre, 4 services on k8s. istio or kuma? all we want is error rates per service"
    )
    assert intent.kind == K.recommend
    assert intent.meshes == ["istio", "kuma"]
    kb = engine.kb
    weighed = scoring.candidates(kb, intent.meshes)
    assert {m.id for m in weighed} == {m.id for m in kb.current_meshes()}
    pick = scoring.evaluate(kb, intent.facts, weighed).pick
    assert pick not in intent.meshes
    text = render_terminal(engine.answer(intent))
    named = text.split("THE ONES YOU NAMED", 1)[1].split("\n\n", 1)[0]
    assert "Istio (sidecar mode) fits every requirement" in named and "Kuma fits" in named
    assert named.count(" ranks ") == 2


def test_a_decision_about_the_field_wins_over_another_topic_in_the_setup(
    engine: AnswerEngine,
):
    asked = engine.ask("we mostly talk over rabbitmq between 10 services, do we need a mesh?")
    assert asked.kind == K.recommend
    for text in (
        "how many partitions should our kafka topic have?",
        "which cni should we pick for our mesh",
    ):
        assert engine.ask(text).kind == K.out_of_scope


def test_a_decision_closing_a_message_about_a_mesh_is_ours_whatever_else_it_names(
    engine: AnswerEngine,
):
    text = (
        "we're one rails monolith with redis and mysql behind a load balancer. a vendor "
        "pitched us a service mesh last week. should we?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == K.recommend
    kb = engine.kb
    assert scoring.evaluate(kb, intent.facts, scoring.candidates(kb, [])).tied == ["no-mesh"]
    assert engine.ask("best mesh office chair for the team? should we?").kind == K.out_of_scope


@pytest.mark.parametrize(
    "text",
    ["we have 20 services on gke. should we use istio or linkerd?", "can we run linkerd on aks?"],
)
def test_a_mesh_asked_about_is_not_one_they_run(engine: AnswerEngine, text):
    assert "incumbent" not in engine.parser.parse(text).facts


def test_a_pick_asked_over_a_retired_mesh_never_picks_it(engine: AnswerEngine):
    answer = engine.ask(
        "nginx service mesh went end of life on us, where should we head from here?"
    )
    assert answer.kind == K.recommend
    assert answer.lead.startswith("NGINX Service Mesh is retired")
    assert "NGINX Service Mesh" not in answer.title
