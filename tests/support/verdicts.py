"""A setup's verdict through the public path: the text parsed, then every candidate weighed."""

from __future__ import annotations

from bot.answers import choosing, scoring
from bot.answers.engine import AnswerEngine


def verdict(engine: AnswerEngine, text: str) -> scoring.Verdict:
    intent = engine.parser.parse(text)
    among = choosing.candidates(engine.kb, intent.options, intent.facts)
    return scoring.evaluate(engine.kb, intent.facts, among)


def facts_and_pick(engine: AnswerEngine, text: str) -> tuple[dict, list[str]]:
    """The facts the text sets that the rules know, and the offerings the answer picks (several
    where it is a tie)."""
    intent = engine.parser.parse(text)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    verdict = scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes)).verdict
    return facts, verdict.tied
