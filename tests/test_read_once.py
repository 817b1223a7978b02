"""What one question's readers share is worked out once (each clause's feature ranking, each
text's normal form, each rule's weights over the offerings left), and that never changes a
reading or a score."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase

DATA = Path(__file__).parent / "data"
# Several clauses each, some shared between them: readers rank the same clauses again.
QUESTIONS = [
    "we need mtls and retries. can linkerd do both, or do we need istio?",
    "can linkerd do both? we need mtls and retries",
    "rate limit per client, or call out to our own authz service - which meshes do that?",
    "how much memory would istio sidecars eat at 400 pods? sizing the node pool before rollout",
    "istio vs linkerd for ~200 svcs, whats the tl;dr",
    "we're on linkerd — can it do that or do we need something else?",
    "no way to shift traffic back partially. is that a mesh thing?",
]


def _setups() -> list[str]:
    return [s["setup"] for s in yaml.safe_load((DATA / "recommend_scenarios.yaml").read_text())]


def test_a_question_reads_the_same_whichever_questions_were_read_before(kb: KnowledgeBase):
    first = IntentParser(kb)
    readings = [first.parse(q).model_dump() for q in QUESTIONS]
    again = [first.parse(q).model_dump() for q in QUESTIONS]
    backwards = IntentParser(kb)
    reversed_readings = [backwards.parse(q).model_dump() for q in QUESTIONS[::-1]]
    assert again == readings
    assert reversed_readings[::-1] == readings


def test_a_reading_handed_out_can_be_changed_without_changing_the_next(engine: AnswerEngine):
    text = "we need mtls and retries. can linkerd do both, or do we need istio?"
    first = engine.parser.parse(text)
    first.features.clear()
    assert engine.parser.parse(text).features


def test_a_rules_weights_over_the_field_are_each_offerings_own_weight(engine: AnswerEngine):
    """`weights` gives each offering left what `weight` gives it, a reason resting on a
    trait included (every offering with the trait weighs as the one it costs most)."""
    kb = engine.kb
    rested = 0
    for setup in _setups()[::6]:
        facts = {k: v for k, v in engine.parser.parse(setup).facts.items() if kb.rules.fact(k)}
        field = scoring.evaluate(kb, facts, scoring.candidates(kb, [])).field
        for rule in kb.rules.rules:
            expected = {s.mesh.id: scoring.weight(rule, s, field) for s in field.alive}
            assert scoring.weights(rule, field) == expected, (setup, rule.id)
            rested += bool(rule.rests_on)
    assert rested
