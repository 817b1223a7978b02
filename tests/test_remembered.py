"""What answering remembers (tables derived once per knowledge base, fuzzy lookups, screening
checks, patterns compiled when first needed) never changes an answer or a reading."""

from __future__ import annotations

import pickle

from bot.answers.engine import AnswerEngine
from bot.intents.extract import find_mentions
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase
from bot.render.blocks import build_message
from bot.render.plain import render_terminal

QUESTIONS = [
    "pick a mesh for 25 services on EKS, two platform people, mTLS is a must",
    "we run linkerd today on 3 clusters, upgrades keep hurting, what should we move to?",
    "open source only, no envoy please, about 400 pods",
    "linkerd vs kuma for a team that knows istio's APIs",
    "what does istio ambient cost at 900 pods",
    "does cilium do retries",
    "which meshes can do rate limiting",
    "explain spiffe",
]


def _texts(engine: AnswerEngine, questions: list[str]) -> list[str]:
    return [render_terminal(engine.ask(q)) for q in questions]


def test_a_fresh_knowledge_base_and_a_warm_one_answer_alike(
    engine: AnswerEngine, kb: KnowledgeBase
):
    warm = _texts(engine, QUESTIONS)
    assert _texts(engine, QUESTIONS) == warm  # asked again, from what was remembered
    fresh = AnswerEngine(pickle.loads(pickle.dumps(kb)))  # as from a snapshot: nothing kept
    assert _texts(fresh, QUESTIONS[::-1]) == warm[::-1]


def test_a_fresh_parser_reads_the_long_requirement_phrases(kb: KnowledgeBase):
    parser = IntentParser(kb)
    assert "managed_control_plane" not in parser.parse("compare istio and linkerd").facts
    managed = parser.parse(
        "40 services on GKE, and we'd like google cloud to run the control plane"
    )
    assert managed.facts["managed_control_plane"] is True
    supported = parser.parse("60 services on AKS, it must fall under our microsoft support deal")
    assert supported.facts["support"] == "microsoft"
    built = parser.parse("we want a gloo mesh vendor for roughly 50 services")
    assert built.facts["built_on"] == "istio"
    covered = parser.parse("grafana dashboards we have already; 20 services, which mesh?")
    assert covered.facts["covered"] == ["dashboard"]


def test_a_question_asked_again_reads_the_same_and_apart(engine: AnswerEngine):
    text = "istio or linkerd for 70 services on eks?"
    first = engine.parser.parse(text)
    first.facts["services"] = 1
    first.meshes.append("kuma")
    again = engine.parser.parse(text)
    assert again.facts["services"] == 70 and "kuma" not in again.meshes
    assert again == IntentParser(engine.kb).parse(text)


def test_a_comparison_remembered_for_its_meshes_keeps_each_setup_apart(
    engine: AnswerEngine, kb: KnowledgeBase
):
    """What a comparison says of its meshes alone is made once; the pick for a setup and
    the buttons carrying its size stay with the question that gave them."""
    asked = [
        "kuma against consul please",
        "kuma or consul, we have 35 services and a tiny team",
        "consul vs kuma vs linkerd",
        "kuma against consul please",
        "kuma or consul for 900 services",
    ]

    def cards(answering: AnswerEngine, questions: list[str]) -> list[dict]:
        return [build_message(answering.ask(q)) for q in questions]

    warm = cards(engine, asked)
    assert warm[0] == warm[3]
    assert warm[1] != warm[4]  # the size rides in the buttons
    fresh = AnswerEngine(pickle.loads(pickle.dumps(kb)))
    assert cards(fresh, asked[::-1]) == warm[::-1]
    plain = engine.ask(asked[0])
    sized = engine.ask(asked[4])
    assert "For your setup" not in [p.heading for p in plain.points]
    assert "For your setup" in [p.heading for p in sized.points]
    assert not any(c.intent.facts for c in plain.next_steps)
    assert any(c.intent.facts.get("services") == 900 for c in sized.next_steps)


def test_words_scanned_again_give_each_reader_its_own_mentions(kb: KnowledgeBase):
    words = ["move", "our", "payments", "off", "linkerd", "to", "istio", "ambient"]
    first = find_mentions(words, kb.mesh_index, kb.feature_index)
    first.meshes.clear()
    first.used[:] = [False] * len(first.used)
    first.typos["x"] = "y"
    again = find_mentions(words, kb.mesh_index, kb.feature_index)
    assert again.meshes and "x" not in again.typos and any(again.used)


def test_a_kept_value_is_made_once_and_the_oldest_goes_past_the_limit(kb: KnowledgeBase):
    own = pickle.loads(pickle.dumps(kb))  # a knowledge base of its own: nothing kept yet
    made: list[str] = []

    def make(key: str) -> str:
        made.append(key)
        return key.upper()

    for key in ["a", "b", "a", "c", "a"]:
        assert own.kept("test_memo", key, lambda key=key: make(key), limit=2) == key.upper()
    assert made == ["a", "b", "c", "a"]  # "a" again after "c" pushed it out
    assert own.kept("test_unbounded", "a", lambda: make("a")) == "A"
    assert own.kept("test_unbounded", "a", lambda: make("z")) == "A"
    assert pickle.loads(pickle.dumps(own)).kept("test_memo", "b", lambda: "fresh") == "fresh"
