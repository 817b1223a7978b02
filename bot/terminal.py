"""The offline front end: `meshbot ask` and `meshbot chat`, no Slack needed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from bot.answers.decision import DECISION_KINDS, NO_DECISION, cost_for_decision
from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal


def ask(kb: KnowledgeBase, text: str, fmt: str = "text") -> int:
    """Answer one question as text, the Slack payload (json) or a decision record (adr)."""
    engine = AnswerEngine(kb)
    answer = engine.ask(text)
    if fmt == "json":
        from bot.render.blocks import build_message  # Block Kit (slack_sdk) only for --json

        print(json.dumps(build_message(answer), indent=2, ensure_ascii=False))
    elif fmt == "adr":
        from bot.render.adr import render_adr

        if answer.kind not in DECISION_KINDS:
            print(NO_DECISION, file=sys.stderr)
            return 1

        print(render_adr(answer, cost_for_decision(engine, answer)), end="")
    else:
        print(render_terminal(answer))
    return 0


def chat(kb: KnowledgeBase, read: Callable[[str], str] = input) -> int:
    """Ask, answer, and let replies (a number or words) walk the follow-up questions; every reply is
    read against the question before it, as in a Slack thread."""
    conversation = Conversation(AnswerEngine(kb))
    print("Mesh Advisor. Ask a question; answer follow-ups by number or in words; 'quit' to leave.")
    while True:
        try:
            reply = read("\nmesh> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if reply.lower() in ("quit", "exit", "q"):
            return 0
        if not reply:
            continue
        offered = conversation.choices()
        if offered and reply.isdigit() and not 1 <= int(reply) <= offered:
            print(f"Choose 1 to {offered}, or ask a new question.")
            continue
        print(render_terminal(conversation.say(reply)))
        sys.stdout.flush()
