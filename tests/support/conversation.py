"""A conversation driven turn by turn, as `meshbot chat` drives it."""

from __future__ import annotations

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.knowledge.base import KnowledgeBase


def talk(kb: KnowledgeBase, *turns: str) -> Conversation:
    """A fresh conversation that has been told each turn in order."""
    conversation = Conversation(AnswerEngine(kb))
    for turn in turns:
        conversation.say(turn)
    return conversation
