"""Markdown architecture decision records (Nygard/MADR shape) from an answer.

The fourth renderer of the same result models: context from what the user told
us, the options with their deciding facts, the decision, the consequences (with
overhead figures for their size when a cost answer is given) and the sources.
"""

from __future__ import annotations

import datetime as dt

from bot.answers.results import (
    Answer,
    Chart,
    Code,
    Matrix,
    Paragraph,
    Part,
    StatementList,
    Table,
)
from bot.knowledge.wording import level_words


def _md(text: str) -> str:
    """Plain text safe inside Markdown: no HTML, no accidental table breaks."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _cites(answer: Answer, ids: list[str], prefix: str) -> str:
    numbers = answer.source_numbers
    marks = "".join(f"[{prefix}{numbers[i]}]" for i in ids if i in numbers)
    return f" {marks}" if marks else ""


def _part(answer: Answer, part: Part, prefix: str = "") -> list[str]:
    lines = [f"### {_md(part.heading)}", ""] if part.heading else []
    if isinstance(part, Paragraph):
        lines.append(_md(part.text) + _cites(answer, part.sources, prefix))
    elif isinstance(part, StatementList):
        lines += [
            f"- **{_md(f.label)}**: {_md(f.text)}{_cites(answer, f.sources, prefix)}"
            for f in part.items
        ]
    elif isinstance(part, Matrix):
        lines.append("| Feature | " + " | ".join(_md(c) for c in part.columns) + " |")
        lines.append("|---" * (len(part.columns) + 1) + "|")
        lines += [
            f"| {_md(r.label)} | "
            + " | ".join(_md(level_words(c, na)) for c, na in zip(r.cells, r.reasons, strict=True))
            + f" |{_cites(answer, r.sources, prefix)}"
            for r in part.rows
        ]
    elif isinstance(part, Chart):
        for bar in part.bars:
            value = f"{bar.low:,g}" if bar.low == bar.high else f"{bar.low:,g}–{bar.high:,g}"
            lines.append(
                f"- {_md(bar.label)}: {value} {bar.unit}{_cites(answer, bar.sources, prefix)}"
            )
    elif isinstance(part, Table):
        lines.append("| " + " | ".join(_md(c) for c in [*part.columns, "Sources"]) + " |")
        lines.append("|---" * (len(part.columns) + 1) + "|")
        lines += [
            "| "
            + " | ".join(_md(c) for c in row.cells)
            + f" | {_cites(answer, row.sources, prefix).strip()} |"
            for row in part.rows
        ]
    elif isinstance(part, Code):
        lines += [f"```{part.language}", part.code, "```"]
    return [*lines, ""]


def every_part(answer: Answer) -> list[Part]:
    """A record keeps everything: the points, then every detail section."""
    return [*answer.points, *(p for s in answer.details for p in s.parts)]


def _context(answer: Answer) -> list[str]:
    facts = answer.intent.facts
    if not facts:
        return [
            "No details about the estate were given; the options below are judged on the "
            "knowledge base alone. Add services, pods and constraints to sharpen it.",
            "",
        ]
    lines = ["What we told the advisor about our estate:", ""]
    for key, value in facts.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        lines.append(f"- {key.replace('_', ' ')}: {_md(str(shown))}")
    return [*lines, ""]


def render_adr(answer: Answer, cost: Answer | None = None, today: dt.date | None = None) -> str:
    """One Markdown document; sources are numbered as in the answer."""
    today = today or dt.date.today()
    out = [
        f"# ADR: {_md(answer.title)}",
        "",
        "- Status: proposed",
        f"- Date: {today.isoformat()}",
        f"- Knowledge base: reviewed {answer.as_of}, version {answer.kb_version}",
        "",
        "## Context",
        "",
        *_context(answer),
        "## Options considered and deciding facts",
        "",
    ]
    for part in every_part(answer):
        out += _part(answer, part)
    out += ["## Decision", "", _md(answer.lead) + _cites(answer, answer.lead_sources, ""), ""]
    out += ["## Consequences", ""]
    if cost is not None:
        out += [_md(cost.lead) + _cites(cost, cost.lead_sources, "cost "), ""]
        for part in every_part(cost):
            out += _part(cost, part, "cost ")
    if answer.follow_up:
        out.append(f"What would change this decision: {_md(answer.follow_up.question)}")
        out += [f"- {_md(c.label)}" for c in answer.follow_up.choices]
        out.append("")
    out += ["## Sources", ""]
    for answer_ in (answer, cost) if cost else (answer,):
        for n, s in enumerate(answer_.sources, 1):
            vendor = ", vendor-authored" if s.vendor_authored else ""
            where = f" <{s.url}>" if s.url else ""
            prefix = "" if answer_ is answer else "cost "
            out.append(
                f"- [{prefix}{n}] {_md(s.title)} — {_md(s.publisher)}, {s.date} "
                f"({s.kind.replace('_', ' ')}{vendor}){where}"
            )
    return "\n".join(out).rstrip() + "\n"
