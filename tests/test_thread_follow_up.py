"""How a reply in a thread reads against the thread's question (the Slack round trip is in
test_slack_thread.py; these are the cases around it)."""

from __future__ import annotations

import pytest

from bot.answers.thread import follow_up
from bot.intents.models import IntentKind
from bot.intents.parser import IntentParser

CASES = [
    # thread's question, reply, kind answered, meshes answered
    (
        "compare consul kuma and cilium",
        "what if we had 500 pods?",
        IntentKind.cost,
        ["consul", "kuma", "cilium"],
    ),
    ("tell me about linkerd", "and at 2,000 pods?", IntentKind.cost, ["linkerd"]),
    ("does linkerd do retries", "what about 300 pods", IntentKind.cost, ["linkerd"]),
    # after a recommendation, its pick
    ("recommend a mesh for 60 services", "what if we had 500 pods?", IntentKind.cost, ["linkerd"]),
    (
        "what does linkerd cost at 1,000 pods",
        "what if we had 500 pods?",
        IntentKind.cost,
        ["linkerd"],
    ),
    # a new size for a question that is already about size keeps the question
    (
        "what's the lightest mesh for 2,000 pods?",
        "what if we had 500 pods?",
        IntentKind.lightest,
        [],
    ),
    # not a size: the comparison goes on
    (
        "compare consul kuma and cilium",
        "what if we had 200 services?",
        IntentKind.compare,
        ["consul", "kuma", "cilium"],
    ),
    (
        "compare istio and linkerd",
        "and cilium?",
        IntentKind.compare,
        ["istio", "linkerd", "cilium"],
    ),
]


@pytest.mark.parametrize(("question", "reply", "kind", "meshes"), CASES)
def test_reply_reads_against_the_threads_question(kb, question, reply, kind, meshes):
    parser = IntentParser(kb)
    intent = follow_up(kb, parser, reply, parser.parse(question))
    assert (intent.kind, intent.meshes) == (kind, meshes)


def test_the_new_size_replaces_the_old_one_and_other_facts_stay(kb):
    parser = IntentParser(kb)
    thread = parser.parse("compare istio and linkerd for 40 services at 1,000 pods")
    intent = follow_up(kb, parser, "what if we had 500 pods?", thread)
    assert intent.kind == IntentKind.cost
    assert intent.facts == {**thread.facts, "pods": 500}


@pytest.mark.parametrize("reply", ["where did that number come from?", "source for that?"])
def test_a_source_asked_in_a_thread_is_for_the_threads_figures(kb, reply):
    parser = IntentParser(kb)
    thread = parser.parse("how much latency does linkerd add at 300 pods")
    intent = follow_up(kb, parser, reply, thread)
    assert intent.kind == IntentKind.sources
    assert intent.meshes == ["linkerd"] and intent.measure == thread.measure
