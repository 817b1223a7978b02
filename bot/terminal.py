"""The offline front end: `meshbot ask` and `meshbot chat`, no Slack needed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from bot.answers.decision import DECISION_KINDS, NO_DECISION, cost_for_decision
from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer
from bot.answers.thread import Conversation
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal

FULL_ASK = "add --full for them"
MORE_WORDS = ("more", "full")  # in chat, the answer before with every section
FULL_CHAT = "type 'more' for them"


def ask(kb: KnowledgeBase, text: str, fmt: str = "text", full: bool = False) -> int:
    """Answer one question as text (the first view, or every section when `full`), the Slack
    payload (json) or a decision record (adr)."""
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
        print(render_terminal(answer, full=full, more=FULL_ASK))
    return 0


def chat(kb: KnowledgeBase, read: Callable[[str], str] = input) -> int:
    """Ask, answer, and let replies (a number or words) walk the follow-up questions; every reply is
    read against the question before it, as in a Slack thread. Each answer shows its first
    view; 'more' shows the one before with every section."""
    conversation = Conversation(AnswerEngine(kb))
    print(
        "Mesh Advisor. Ask a question; answer follow-ups by number or in words; "
        "'more' for the whole answer; 'quit' to leave."
    )
    last: Answer | None = None
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
        if reply.lower() in MORE_WORDS and last is not None:
            print(render_terminal(last))
            continue
        offered = conversation.choices()
        if offered and reply.isdigit() and not 1 <= int(reply) <= offered:
            print(f"Choose 1 to {offered}, or ask a new question.")
            continue
        last = conversation.say(reply)
        print(render_terminal(last, full=False, more=FULL_CHAT))
        sys.stdout.flush()
