"""Every Slack message one answer can become: its first card and each view its controls open."""

from __future__ import annotations

import re
from typing import Any

from bot.answers.results import Answer
from bot.render.blocks import DETAILS_ACTION, build_message, build_view_message
from bot.render.button_values import decode

MARK = re.compile(r"\[(\d+)\]")


def buttons(message: dict[str, Any], prefix: str = "") -> list[dict[str, Any]]:
    return [
        e
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(prefix)
    ]


def block_text(block: dict[str, Any]) -> str:
    if block["type"] == "table":
        return "\n".join(c["text"] for row in block["rows"] for c in row)
    if block["type"] == "context":
        return "\n".join(e["text"] for e in block["elements"])
    text = block.get("text")
    return text.get("text", "") if isinstance(text, dict) else ""


def all_messages(answer: Answer, share: bool = False) -> list[dict[str, Any]]:
    """The first card, then every view reachable by its detail controls (and theirs)."""
    card = build_message(answer, share)
    out, queue, seen = [card], buttons(card, DETAILS_ACTION), set()
    while queue:
        value = queue.pop(0)["value"]
        if value in seen:
            continue
        seen.add(value)
        _, view = decode(value)
        message = build_view_message(answer, view)
        out.append(message)
        queue += buttons(message, DETAILS_ACTION)
    return out


def is_sources_page(message: dict[str, Any]) -> bool:
    return "cited ·" in block_text(message["blocks"][-1])


def marks_and_entries(message: dict[str, Any]) -> tuple[set[int], set[int]]:
    """The citation marks in a message's body, and the entries it lists.

    A sources page lists entries as lines starting with `[n] ` and has no marks;
    other messages list the entries they cite in the closing context block.
    """
    blocks = message["blocks"]
    body = "\n".join(block_text(b) for b in blocks[:-1])
    if is_sources_page(message):
        return set(), {int(m) for m in re.findall(r"^\[(\d+)\] ", body, re.M)}
    return {int(n) for n in MARK.findall(body)}, {
        int(n) for n in MARK.findall(block_text(blocks[-1]))
    }
