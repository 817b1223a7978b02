"""Block Kit limits, a word-safe clamp, and a checker for whole messages.

slack_sdk's models validate some limits only in `to_dict()` and not at all the
50-block cap, context length or the total text Slack accepts per message, so
the renderer clamps with these numbers and tests check every payload with
`problems()`.
"""

from __future__ import annotations

import re
from typing import Any

MAX_BLOCKS = 50
SECTION_TEXT = 3000
FIELDS = 10
FIELD_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
BUTTON_URL = 3000
ID_LENGTH = 255
CONTEXT_ELEMENTS = 10
CONTEXT_TEXT = 2000
ACTIONS_ELEMENTS = 25
TABLE_ROWS = 100
TABLE_CELLS = 20
MESSAGE_TEXT = 11_000  # Slack rejects about 12,000 characters of block text (msg_blocks_too_long)
FALLBACK_TEXT = 3000
ELLIPSIS = "…"


def fit(text: str, limit: int) -> str:
    """`text` if it fits, else cut at a word boundary with an ellipsis (never mid-word)."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-\n") + ELLIPSIS


def _text_of(obj: Any) -> str:
    return obj.get("text", "") if isinstance(obj, dict) else ""


def _check_ids(block: dict, where: str, out: list[str]) -> None:
    if len(block.get("block_id", "")) > ID_LENGTH:
        out.append(f"{where}: block_id over {ID_LENGTH}")


def _check_block(block: dict, where: str, out: list[str]) -> int:
    """Check one block; return the characters of text it carries."""
    _check_ids(block, where, out)
    kind = block.get("type")
    chars = 0
    if kind == "header":
        text = _text_of(block.get("text"))
        chars += len(text)
        if len(text) > HEADER_TEXT:
            out.append(f"{where}: header text {len(text)} > {HEADER_TEXT}")
    elif kind == "section":
        text = _text_of(block.get("text"))
        chars += len(text)
        if len(text) > SECTION_TEXT:
            out.append(f"{where}: section text {len(text)} > {SECTION_TEXT}")
        fields = block.get("fields", [])
        if len(fields) > FIELDS:
            out.append(f"{where}: {len(fields)} fields > {FIELDS}")
        for field in fields:
            chars += len(_text_of(field))
            if len(_text_of(field)) > FIELD_TEXT:
                out.append(f"{where}: field text over {FIELD_TEXT}")
        if not text and not fields:
            out.append(f"{where}: empty section")
    elif kind == "context":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= CONTEXT_ELEMENTS:
            out.append(f"{where}: context has {len(elements)} elements")
        for element in elements:
            chars += len(_text_of(element))
            if len(_text_of(element)) > CONTEXT_TEXT:
                out.append(f"{where}: context text over {CONTEXT_TEXT}")
    elif kind == "actions":
        elements = block.get("elements", [])
        if not 0 < len(elements) <= ACTIONS_ELEMENTS:
            out.append(f"{where}: actions has {len(elements)} elements")
        for element in elements:
            label = _text_of(element.get("text"))
            if not label or len(label) > BUTTON_TEXT:
                out.append(f"{where}: button text length {len(label)}")
            if len(element.get("value", "")) > BUTTON_VALUE:
                out.append(f"{where}: button value over {BUTTON_VALUE}")
            if len(element.get("url", "")) > BUTTON_URL:
                out.append(f"{where}: button url over {BUTTON_URL}")
            if not 0 < len(element.get("action_id", "")) <= ID_LENGTH:
                out.append(f"{where}: action_id missing or over {ID_LENGTH}")
    elif kind == "table":
        rows = block.get("rows", [])
        if not 0 < len(rows) <= TABLE_ROWS:
            out.append(f"{where}: table has {len(rows)} rows")
        for row in rows:
            if len(row) > TABLE_CELLS:
                out.append(f"{where}: table row over {TABLE_CELLS} cells")
            chars += sum(len(_text_of(cell)) for cell in row)
    return chars


def problems(message: dict[str, Any]) -> list[str]:
    """Every Block Kit limit this message breaks (empty when Slack would accept it)."""
    out: list[str] = []
    text = message.get("text", "")
    if not text or not text.strip():
        out.append("message has no fallback text")
    if len(text) > FALLBACK_TEXT:
        out.append(f"fallback text {len(text)} > {FALLBACK_TEXT}")
    blocks = message.get("blocks", [])
    if not blocks:
        out.append("message has no blocks")
    if len(blocks) > MAX_BLOCKS:
        out.append(f"{len(blocks)} blocks > {MAX_BLOCKS}")
    if sum(1 for b in blocks if b.get("type") == "table") > 1:
        out.append("more than one table block")
    total = sum(_check_block(b, f"blocks[{i}]", out) for i, b in enumerate(blocks))
    if total > MESSAGE_TEXT:
        out.append(f"block text {total} > {MESSAGE_TEXT}")
    return out


_LINK = re.compile(r"<[^|<>]+\|([^<>]*)>")


def visible_length(mrkdwn: str) -> int:
    """Characters a reader sees: a link counts as its title, not its URL."""
    return len(_LINK.sub(r"\1", mrkdwn))


def visible_text(message: dict[str, Any]) -> int:
    """Visible characters of header, section, context and table text in a message."""
    total = 0
    for block in message.get("blocks", []):
        kind = block.get("type")
        if kind in ("header", "section"):
            total += visible_length(_text_of(block.get("text")))
            total += sum(visible_length(_text_of(f)) for f in block.get("fields", []))
        elif kind == "context":
            total += sum(visible_length(_text_of(e)) for e in block.get("elements", []))
        elif kind == "table":
            total += sum(len(_text_of(c)) for row in block.get("rows", []) for c in row)
    return total
