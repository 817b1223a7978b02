"""Money and licence answers a budget owner can act on: an extra charge asked of an offering
whose pricing row is held gets that row, and a question about one mesh's kind of licence is
never kept as a licence policy that rules out the next mesh asked of."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.render.plain import render_terminal


def _lead(answer) -> str:
    return render_terminal(answer).split("\n\n")[0]


@pytest.mark.parametrize(
    "text",
    [
        "do we have to pay extra for ossm?",
        "do we need to pay anything extra for ossm?",
        "does ossm cost extra on top of our openshift subscription?",
        "is there a separate charge for OSSM or do we have to pay for it on top?",
        "is openshift service mesh billed separately?",
    ],
)
def test_an_extra_charge_asked_of_ossm_gets_its_pricing_row(engine: AnswerEngine, text: str):
    lead = _lead(engine.ask(text))
    assert "included with OpenShift Container Platform" in lead
    assert "for a quote" not in lead and "I hold no reading" not in lead


def test_pay_extra_for_it_in_an_openshift_thread(engine: AnswerEngine):
    talk = Conversation(engine)
    talk.say("we run openshift 4.16, need red hat support, kiali and multi-cluster. which mesh?")
    lead = _lead(talk.say("do we have to pay extra for it?"))
    assert "No separate charge" in lead


@pytest.mark.parametrize(
    "text",
    [
        "do we need to pay for linkerd in production? we are 300 people",
        "consul is BUSL now, can we still use it internally?",
    ],
)
def test_licence_questions_of_open_or_source_available_meshes_stay_licence(
    engine: AnswerEngine, text: str
):
    assert "Pricing of" not in _lead(engine.ask(text))


@pytest.mark.parametrize("first", ["is gloo mesh open source?", "is kong mesh open source?"])
def test_a_licence_asked_of_one_mesh_is_no_policy_for_the_next(engine: AnswerEngine, first):
    talk = Conversation(engine)
    assert "Not open source" in _lead(talk.say(first))
    lead = _lead(talk.say("what licence is consul under and can I use it in production for free?"))
    assert "Under that policy" not in lead and "BUSL-1.1" in lead and "production use" in lead


def test_a_stated_policy_still_rules_consul_out(engine: AnswerEngine):
    talk = Conversation(engine)
    talk.say("EKS + EC2 VMs + nomad, 60 services, need mTLS, legal says no BUSL")
    assert "Under that policy, no" in _lead(talk.say("can we use consul in production for free?"))


@pytest.mark.parametrize(
    "text",
    [
        "what does service connect cost?",
        "how much does ecs service connect cost us?",
        "do i pay extra for ecs service connect?",
        "service connect pricing?",
        "is ecs service connect billed separately?",
    ],
)
def test_service_connect_pricing_names_the_private_ca_tls_needs(engine: AnswerEngine, text):
    lead = _lead(engine.ask(text))
    assert "No charge of its own" in lead and "AWS Private CA" in lead and "$400" in lead


@pytest.mark.parametrize(
    "text",
    [
        "what about egress costs?",
        "how do we cut cross az data transfer costs?",
        "how much are cross-az data transfer costs with a mesh?",
        "what's the egress bill for traffic across regions?",
        "how do we reduce our egress costs with a mesh?",
    ],
)
def test_data_transfer_cost_is_the_clouds_pricing_and_locality_keeps_it_down(
    engine: AnswerEngine, text: str
):
    lead = _lead(engine.ask(text))
    assert "data-transfer rates, not by the mesh" in lead and "locality-aware routing" in lead


@pytest.mark.parametrize(
    "text", ["can istio restrict egress traffic?", "which meshes have an egress gateway?"]
)
def test_egress_control_asked_stays_a_feature_question(engine: AnswerEngine, text: str):
    assert "data-transfer" not in _lead(engine.ask(text))


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("cost 2000 pods 40 nodes ambient with 10 waypoints", "1.1 GB in all"),
        ("ambient cost for 500 pods, 20 nodes and 3 waypoint proxies", "420 MB in all"),
        ("istio ambient memory at 2000 pods on 40 nodes with 10 waypoints", "1.1 GB in all"),
    ],
)
def test_waypoints_counted_are_added_to_ambients_estimate(engine: AnswerEngine, text, total):
    assert total in _lead(engine.ask(text))


@pytest.mark.parametrize(
    "text", ["istio ambient memory at 2000 pods on 40 nodes", "cost of istio ambient at 1000 pods"]
)
def test_an_ambient_estimate_says_waypoints_come_on_top_for_l7(engine: AnswerEngine, text):
    assert "per waypoint deployed where L7 features are needed" in _lead(engine.ask(text))


@pytest.mark.parametrize(
    "text",
    [
        "what does google cloud service mesh cost?",
        "how much is gcsm?",
        "is cloud service mesh billed separately?",
        "gcsm pricing?",
        "does gcsm cost extra on gke?",
    ],
)
def test_gcsm_pricing_gives_the_gke_enterprise_rate(engine: AnswerEngine, text: str):
    assert "$0.00822 per cluster vCPU per hour" in _lead(engine.ask(text))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("kuma licence?", "Apache-2.0"),
        ("what licence is kuma under?", "Apache-2.0"),
        ("consul license?", "BUSL-1.1"),
        ("what's the license on linkerd", "Apache-2.0"),
        ("kong mesh licensing?", "Commercial"),
    ],
)
def test_a_licence_named_of_one_mesh_leads_with_its_licence(engine: AnswerEngine, text, said):
    answer = engine.ask(text)
    assert said in _lead(answer) and "licence" in _lead(answer)


@pytest.mark.parametrize(
    "text", ["is kuma any good? we run 40 services", "tell me about linkerd", "what is consul"]
)
def test_no_licence_word_keeps_the_overview(engine: AnswerEngine, text):
    assert engine.ask(text).intent.aspect is None
