"""A setup's verdict through the public path: the text parsed, then every candidate weighed."""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.engine import AnswerEngine


def verdict(engine: AnswerEngine, text: str) -> scoring.Verdict:
    intent = engine.parser.parse(text)
    return scoring.evaluate(engine.kb, intent.facts, scoring.candidates(engine.kb, intent.meshes))
