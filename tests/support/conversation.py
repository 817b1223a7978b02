"""A conversation driven turn by turn, as `meshbot chat` drives it."""

from __future__ import annotations

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.knowledge.base import KnowledgeBase

_ENGINES: dict[int, tuple[KnowledgeBase, AnswerEngine]] = {}


def _engine(kb: KnowledgeBase) -> AnswerEngine:
    """One engine per knowledge base, as a serving process keeps one: building its parser
    (and compiling its patterns) per conversation only slows the tests."""
    held = _ENGINES.get(id(kb))
    if held is None or held[0] is not kb:
        held = _ENGINES[id(kb)] = (kb, AnswerEngine(kb))
    return held[1]


def talk(kb: KnowledgeBase, *turns: str) -> Conversation:
    """A fresh conversation that has been told each turn in order."""
    conversation = Conversation(_engine(kb))
    for turn in turns:
        conversation.say(turn)
    return conversation
