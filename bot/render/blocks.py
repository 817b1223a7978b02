"""Answer -> Slack message (Block Kit via slack_sdk models, plus `text` fallback).

Everything is built inside a budget, so every message fits Slack's limits:
parts that do not fit are summarised in a closing line rather than cut off or
rejected. All answer text is escaped here, in one place.
"""

from __future__ import annotations

import functools
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
    TableBlock,
)
from slack_sdk.models.blocks.basic_components import RawTextObject

from bot.answers.results import Answer, Chart, Choice, Code, FactList, Matrix, Paragraph, Part
from bot.intents.models import IntentKind
from bot.render import limits
from bot.render.chart import bar_lines
from bot.render.mrkdwn import bold, escape, link
from bot.render.plain import cite_marks, render_fallback

SLACK_MARKS = {
    "yes": "✅ yes",
    "partial": "🟡 partial",
    "extension": "🧩 extension",
    "enterprise": "💲 enterprise",
    "no": "❌ no",
    "unknown": "❔ unknown",
}
RESERVED_BLOCKS = 8  # follow-up, buttons, sources, footer, share
RESERVED_TEXT = 3500
STEP_ACTION = "mesh_step"
FOLLOW_UP_ACTION = "mesh_follow_up"
SHARE_ACTION = "mesh_share"
QUOTES_USER = frozenset({IntentKind.unknown, IntentKind.too_long})


class _Budget:
    """Counts blocks and characters so the message stays inside Slack's limits."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.chars = 0
        self.table_used = False
        self.skipped: list[str] = []

    def room(self, chars: int, blocks: int = 1) -> bool:
        return (
            len(self.blocks) + blocks <= limits.MAX_BLOCKS - RESERVED_BLOCKS
            and self.chars + chars <= limits.MESSAGE_TEXT - RESERVED_TEXT
        )

    def add(self, block: Block, chars: int) -> None:
        self.blocks.append(block)
        self.chars += chars


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text))


def _chunks(lines: list[str], limit: int = limits.SECTION_TEXT) -> list[str]:
    """Group lines into section-sized texts, clamping any single over-long line."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = limits.fit(line, limit)
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def _part_texts(answer: Answer, part: Part) -> list[str]:
    """The mrkdwn sections a part becomes (the matrix may become a table instead)."""
    heading = [bold(part.heading)] if part.heading else []
    if isinstance(part, Paragraph):
        return _chunks([*heading, escape(part.text)])
    if isinstance(part, FactList):
        lines = []
        for fact in part.items:
            marks = cite_marks(answer, fact.sources)
            lines.append(
                f"• {bold(fact.label)}: {escape(fact.text)}" + (f" {marks}" if marks else "")
            )
        return _chunks(heading + lines)
    if isinstance(part, Matrix):
        lines = []
        for row in part.rows:
            cells = " · ".join(
                f"{col} {SLACK_MARKS[c.value]}"
                for col, c in zip(part.columns, row.cells, strict=True)
            )
            lines.append(f"{bold(row.label)} ({row.group}): {escape(cells)}")
        return _chunks(heading + lines)
    if isinstance(part, Chart):
        body = escape("\n".join(bar_lines(part.bars)))
        return [
            f"{h}\n```{body}```" if (h := "\n".join(heading)) else f"```{body}```"
            for body in _code_chunks(body)
        ]
    if isinstance(part, Code):
        return [
            f"{h}\n```{body}```" if (h := "\n".join(heading)) else f"```{body}```"
            for body in _code_chunks(escape(part.code))
        ]
    return []


def _code_chunks(code: str) -> list[str]:
    return _chunks(code.splitlines(), limits.SECTION_TEXT - 200)


@functools.lru_cache(maxsize=4096)
def _cell(text: str) -> dict[str, str]:
    """A table cell, built by the model once per distinct text (cells repeat endlessly)."""
    return RawTextObject(text=limits.fit(text, 60)).to_dict()


def _table(part: Matrix) -> tuple[TableBlock, int]:
    header = ["Area", "Feature", *part.columns]
    rows = [[_cell(c) for c in header]]
    for row in part.rows[: limits.TABLE_ROWS - 1]:
        marks = [_cell(SLACK_MARKS[c.value]) for c in row.cells]
        rows.append([_cell(row.group.capitalize()), _cell(row.label), *marks])
    chars = sum(len(cell["text"]) for row in rows for cell in row)
    return TableBlock(rows=rows), chars


def _add_part(budget: _Budget, answer: Answer, part: Part) -> None:
    if isinstance(part, Matrix) and not budget.table_used:
        table, chars = _table(part)
        if part.heading and budget.room(chars + len(part.heading), 2):
            budget.add(_section(bold(part.heading)), len(part.heading))
            budget.add(table, chars)
            budget.table_used = True
            return
    texts = _part_texts(answer, part)
    for n, text in enumerate(texts):
        if not budget.room(len(text)):
            label = part.heading or "more detail"
            budget.skipped.append(label if n == 0 else f"the rest of {label}")
            return
        budget.add(_section(text), len(text))


ButtonSpec = tuple[str, str, str, bool]  # label, action_id, value, primary


def _button_specs(choices: list[Choice], prefix: str) -> tuple[ButtonSpec, ...]:
    specs = []
    for n, choice in enumerate(choices[: limits.ACTIONS_ELEMENTS]):
        value = choice.intent.to_value()
        if len(value) <= limits.BUTTON_VALUE:
            label = limits.fit(choice.label, limits.BUTTON_TEXT)
            specs.append((label, f"{prefix}_{n}", value, choice.primary))
    return tuple(specs)


@functools.lru_cache(maxsize=2048)
def _actions(specs: tuple[ButtonSpec, ...]) -> dict[str, Any]:
    """An actions block, built by the models once per distinct set of buttons."""
    return ActionsBlock(
        elements=[
            ButtonElement(
                text=PlainTextObject(text=label),
                action_id=action_id,
                value=value,
                style="primary" if primary else None,
            )
            for label, action_id, value, primary in specs
        ]
    ).to_dict()


def _sources_text(answer: Answer, limit: int) -> str:
    lines = []
    for n, s in enumerate(answer.sources, 1):
        vendor = " · vendor-authored" if s.vendor_authored else ""
        lines.append(
            f"[{n}] {link(s.url, s.title) if s.url else escape(s.title)} — "
            f"{escape(s.publisher)}, {s.date} "
            f"({escape(s.kind.replace('_', ' '))}{vendor})"
        )
    text = ""
    for shown, line in enumerate(lines):
        rest = len(lines) - shown
        if len(text) + len(line) + 80 > limit:
            return text + f"\n…and {rest} more: ask “sources” for the full list."
        text = f"{text}\n{line}" if text else line
    return text


def build_blocks(answer: Answer, share: bool = False) -> list[dict[str, Any]]:
    """The answer as Block Kit blocks (built with the models), inside every limit."""
    budget = _Budget()
    budget.add(
        HeaderBlock(text=PlainTextObject(text=limits.fit(answer.title, limits.HEADER_TEXT))),
        len(answer.title),
    )
    summary = limits.fit(escape(answer.summary), limits.SECTION_TEXT)
    budget.add(_section(summary), len(summary))
    for part in answer.parts:
        _add_part(budget, answer, part)
    blocks = [b.to_dict() for b in budget.blocks]
    if budget.skipped:
        note = limits.fit(
            "Left out to fit Slack: "
            + ", ".join(budget.skipped)
            + ". Ask a narrower question, or run `meshbot ask` for everything.",
            limits.CONTEXT_TEXT,
        )
        blocks.append(_context(escape(note)))
    if answer.follow_up:
        blocks.append(DividerBlock().to_dict())
        question = limits.fit(bold(answer.follow_up.question), limits.SECTION_TEXT)
        blocks.append(_section(question).to_dict())
        if specs := _button_specs(answer.follow_up.choices, FOLLOW_UP_ACTION):
            blocks.append(_actions(specs))
    steps = list(answer.next_steps)
    # Answers that echo the user's words cannot be re-rendered from a button, and are
    # not worth sharing anyway.
    share = share and answer.kind not in QUOTES_USER
    if share:
        steps.insert(0, Choice(label="Share in channel", intent=answer.intent, primary=True))
    if specs := _button_specs(steps, STEP_ACTION):
        if share:
            label, _, value, primary = specs[0]
            specs = ((label, SHARE_ACTION, value, primary), *specs[1:])
        blocks.append(_actions(specs))
    if answer.sources:
        blocks.append(_context(_sources_text(answer, limits.CONTEXT_TEXT)))
    blocks.append(_context(f"Mesh Advisor · knowledge as of {answer.as_of} · v{answer.kb_version}"))
    return blocks


def _context(text: str) -> dict[str, Any]:
    return ContextBlock(elements=[MarkdownTextObject(text=text)]).to_dict()


def build_message(answer: Answer, share: bool = False) -> dict[str, Any]:
    """`{"text": …, "blocks": […]}` ready for chat.postMessage and friends."""
    return {
        "text": limits.fit(escape(render_fallback(answer)), limits.FALLBACK_TEXT),
        "blocks": build_blocks(answer, share),
    }
