"""Block Kit Builder links for the first card of each kind of answer (for docs/slack.md).

Run `python -m tests.support.builder_links` to print the list for the docs.
"""

from __future__ import annotations

import json
from urllib.parse import quote, unquote

from bot.answers.engine import AnswerEngine
from bot.knowledge.loader import load_knowledge
from bot.render.blocks import build_message
from bot.slack.replies import quotes_user

BUILDER = "https://app.slack.com/block-kit-builder/#"
EXAMPLES = {
    "compare": "compare istio linkerd",
    "feature_check": "does linkerd support circuit breaking",
    "which_meshes": "which meshes do JWT validation",
    "cost": "cost 1000 pods",
    "recommend": "we have 14 services and only need mTLS, do we need a mesh?",
    "explain": "explain ambient mode",
    "sources": "sources",
    "features": "all features",
    "help": "help",
    "greeting": "hi there",
    "out_of_scope": "which kafka broker should we use",
    "lifecycle": "which meshes are deprecated?",
    "lightest": "what's the lightest mesh for 2,000 pods?",
    "not_in_kb": "compare foomesh and barmesh",
    "unknown": "zzqx qqq",
}


def builder_link(blocks: list[dict]) -> str:
    return BUILDER + quote(json.dumps({"blocks": blocks}, separators=(",", ":")))


def blocks_of(link: str) -> list[dict]:
    return json.loads(unquote(link.removeprefix(BUILDER)))["blocks"]


def lines(engine: AnswerEngine) -> list[str]:
    out = []
    for kind, text in EXAMPLES.items():
        intent = engine.parser.parse(text)
        card = build_message(engine.answer(intent), share=not quotes_user(intent))
        out.append(
            f"- **{kind}** — `{text}`: [open in Block Kit Builder]({builder_link(card['blocks'])})"
        )
    return out


if __name__ == "__main__":
    print("\n".join(lines(AnswerEngine(load_knowledge()))))
