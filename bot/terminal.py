"""The offline front end: `meshbot ask` and `meshbot chat`, no Slack needed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from bot.answers.decision import DECISION_KINDS, NO_DECISION, cost_for_decision
from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer
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
    """Ask, answer, and let numbered replies walk the follow-up questions."""
    engine = AnswerEngine(kb)
    print("Mesh Advisor. Ask a question; answer follow-ups by number; 'quit' to leave.")
    answer: Answer | None = None
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
        if answer and answer.follow_up and reply.isdigit():
            n = int(reply)
            if not 1 <= n <= len(answer.follow_up.choices):
                print(f"Choose 1 to {len(answer.follow_up.choices)}, or ask a new question.")
                continue
            answer = engine.answer(answer.follow_up.choices[n - 1].intent)
        else:
            answer = engine.ask(reply)
        print(render_terminal(answer))
        sys.stdout.flush()
