"""Cost reads and cost turns (blind user test s13, problems 1, 8 and 9), through the public
paths: the parser and engine (`meshbot ask`) and a conversation (`meshbot chat`, Slack threads).

- A size given per node or cluster counts pods times the nodes or clusters; the node count
  stays the node count (bot/intents/apiece.py, rules.yaml `apiece:`).
- A count per service said in a reply counts the thread's services.
- What the pick costs, asked in so many words, is its cost, not the recommendation again.
- What a paid edition costs, asked by its own name, is its price as held, never memory.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk


def _lead(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.ask(text)).split("\n\n")[0]


def _sizes(engine: AnswerEngine, text: str) -> dict:
    facts = engine.parser.parse(text).facts
    return {k: facts[k] for k in ("pods", "nodes", "clusters") if k in facts}


# ---------------------------------------------------------------- pods per node (#1)


@pytest.mark.parametrize(
    ("text", "sizes"),
    [
        (
            "What does Istio cost per node if we run 25 pods per node on 120 nodes?",
            {"pods": 3000, "nodes": 120},
        ),
        ("istio sidecar memory at 40 pods/node, 60 nodes", {"pods": 2400, "nodes": 60}),
        ("each of our 30 nodes runs ~50 pods, what would istio cost?", {"pods": 1500, "nodes": 30}),
        ("120 nodes with 25 pods each, how much memory for istio?", {"pods": 3000, "nodes": 120}),
        (
            "we run 60 nodes at 40 pods a node, what's the linkerd overhead?",
            {"pods": 2400, "nodes": 60},
        ),
        (
            "how much memory would istio take at 35 pods on each node across 80 nodes?",
            {"pods": 2800, "nodes": 80},
        ),
        ("linkerd memory with 200 pods per cluster on 3 clusters", {"pods": 600, "clusters": 3}),
    ],
)
def test_pods_per_node_count_pods_times_the_nodes(engine: AnswerEngine, text: str, sizes: dict):
    assert engine.parser.parse(text).kind == IntentKind.cost
    assert _sizes(engine, text) == sizes


def test_pods_per_node_are_costed_at_the_whole_estate(engine: AnswerEngine):
    lead = _lead(engine, "What does Istio cost per node if we run 25 pods per node on 120 nodes?")
    assert "At 3,000 pods on 120 nodes" in lead and "180 GB" in lead
    # the 25 are said only as the count apiece they are
    assert lead.count("25 pods") == 1 and "120 nodes × 25 pods = 3,000 pods" in lead


@pytest.mark.parametrize(
    ("text", "sizes"),
    [
        ("cost 1000 pods 20 nodes", {"pods": 1000, "nodes": 20}),
        ("ambient cost at 2,000 pods on 60 nodes", {"pods": 2000, "nodes": 60}),
        ("cost for 3 clusters, ~150 pods each", {"pods": 450, "clusters": 3}),
        ("max pods per node on eks is 110, istio memory at 500 pods?", {"pods": 500}),
        ("cost 3 replicas", {"pods": 3}),
    ],
)
def test_sizes_said_whole_keep_their_reading(engine: AnswerEngine, text: str, sizes: dict):
    assert _sizes(engine, text) == sizes


def test_replicas_per_service_still_multiply_the_services(engine: AnswerEngine):
    facts = engine.parser.parse("istio memory for 50 services x 3 replicas").facts
    assert (facts["services"], facts["replicas"], facts["pods"]) == (50, 3, 150)


def test_each_of_a_count_that_is_no_holder_counts_no_pods(engine: AnswerEngine):
    facts = engine.parser.parse("each of our teams runs 5 services, which mesh?").facts
    assert facts["services"] == 5 and "pods" not in facts


# ---------------------------------------------------------------- replicas in a thread (#1, #2)

OSM = "We're migrating off OSM on AKS, 70 services, we use SMI traffic splits and OPA. Which mesh?"


@pytest.mark.parametrize(
    "reply",
    [
        "what would it cost in memory with 3 replicas per service?",
        "and at 3 replicas per service?",
        "memory if every service runs 3 replicas each?",
        "how much memory with 3 replicas a service?",
        "what's the overhead at 3 replicas apiece?",
    ],
)
def test_replicas_said_in_a_reply_count_the_threads_services(kb, reply):
    conversation = talk(kb, OSM, "We need vendor support", "From our cloud provider", reply)
    assert conversation.question.kind == IntentKind.cost
    assert conversation.question.facts["pods"] == 210
    assert "At 210 pods" in render_terminal(conversation.answer)


@pytest.mark.parametrize(
    ("reply", "pods"),
    [
        ("what about 200 services with 3 replicas each?", 600),  # services of its own
        ("what would it cost at 500 pods?", 500),  # pods of its own
    ],
)
def test_a_reply_with_its_own_size_keeps_it(kb, reply, pods):
    assert talk(kb, OSM, reply).question.facts["pods"] == pods


# ---------------------------------------------------------------- the pick's cost (#9)

EKS = "EKS, 45 services, need mTLS and canary, team of 3. Which mesh?"


@pytest.mark.parametrize(
    "reply",
    [
        "What does the pick cost at 45 services with 4 replicas each?",
        "what would that cost us, 45 services × 4 replicas",
        "and what would your pick cost with 4 replicas per service?",
        "ok, cost of the pick at 4 replicas per service?",
        "how much memory would that take with 4 replicas per service?",
        "what would it cost at 45 services, 4 replicas each?",
    ],
)
def test_the_picks_cost_asked_after_a_pick_is_its_cost(kb, reply):
    conversation = talk(kb, EKS, "sidecars are fine", reply)
    assert conversation.question.kind == IntentKind.cost
    assert conversation.question.meshes == ["linkerd"]
    lead = render_terminal(conversation.answer).split("\n\n")[0]
    assert "180 pods" in lead and "Recommendation" not in lead


@pytest.mark.parametrize(
    "text", ["what's the pick? 45 services on EKS", "your pick for 45 services on eks?"]
)
def test_the_pick_asked_for_is_still_a_recommendation(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend


# ---------------------------------------------------------------- a paid edition's price (#8)


@pytest.mark.parametrize(
    "text",
    [
        "How much does Buoyant Enterprise cost for 200 nodes?",
        "what does BEL cost us at 200 nodes?",
        "how much would buoyant enterprise for linkerd cost for 3 clusters?",
        "how much is buoyant enterprise for 40 nodes?",
        "what does the buoyant enterprise edition cost per cluster?",
    ],
)
def test_a_paid_editions_cost_is_its_price_as_held(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain and intent.aspect.value == "price"
    lead = _lead(engine, text)
    assert "Buoyant Enterprise for Linkerd" in lead and "under 50 employees" in lead
    assert "I hold no price list" in lead and "GB" not in lead


@pytest.mark.parametrize(
    "text",
    [
        "how much memory does buoyant enterprise use at 200 nodes?",
        "what does linkerd cost at 200 nodes?",
        "linkerd proxy cpu at 200 nodes?",
    ],
)
def test_overhead_asked_of_linkerd_stays_a_cost(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.cost
