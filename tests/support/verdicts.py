"""A setup's verdict through the public path: the text parsed, then every candidate weighed."""

from __future__ import annotations

from bot.answers import choosing, scoring
from bot.answers.engine import AnswerEngine


def verdict(engine: AnswerEngine, text: str) -> scoring.Verdict:
    intent = engine.parser.parse(text)
    among = choosing.candidates(engine.kb, intent.options, intent.facts)
    return scoring.evaluate(engine.kb, intent.facts, among)
