"""Plain text: the terminal renderer and the `text` fallback of Slack messages."""

from __future__ import annotations

from bot.answers.common import LEVEL_WORDS
from bot.answers.results import Answer, Chart, Code, Fact, FactList, Matrix, Paragraph, Part
from bot.render.chart import bar_lines
from bot.render.limits import FALLBACK_TEXT, fit

MARKS = {
    "yes": "✔",
    "partial": "◐",
    "extension": "+ext",
    "enterprise": "$ent",
    "no": "✘",
    "unknown": "?",
}


def cite_marks(answer: Answer, ids: list[str]) -> str:
    numbers = answer.source_numbers
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def fact_line(answer: Answer, fact: Fact) -> str:
    marks = cite_marks(answer, fact.sources)
    return f"- {fact.label}: {fact.text}" + (f" {marks}" if marks else "")


def part_lines(answer: Answer, part: Part) -> list[str]:
    lines = [part.heading.upper()] if part.heading else []
    if isinstance(part, Paragraph):
        lines.append(part.text)
    elif isinstance(part, FactList):
        lines += [fact_line(answer, f) for f in part.items]
    elif isinstance(part, Matrix):
        width = max(len(r.label) for r in part.rows) + 2
        cell = max(18, *(len(c) for c in part.columns))
        lines.append(" " * width + "  ".join(f"{c:<{cell}}" for c in part.columns))
        group = ""
        for row in part.rows:
            if row.group != group:
                group = row.group
                lines.append(f"[{group}]")
            marks = (f"{MARKS[c.value]} {LEVEL_WORDS[c]}" for c in row.cells)
            lines.append(f"{row.label:<{width}}" + "  ".join(f"{m:<{cell}}" for m in marks))
    elif isinstance(part, Chart):
        lines += bar_lines(part.bars)
    elif isinstance(part, Code):
        lines += ["    " + line for line in part.code.splitlines()]
    return lines


def render_terminal(answer: Answer) -> str:
    """The whole answer for a person at a terminal."""
    out = [answer.title, "=" * len(answer.title), answer.summary, ""]
    for part in answer.parts:
        out += [*part_lines(answer, part), ""]
    if answer.follow_up:
        out.append(f"NEXT QUESTION: {answer.follow_up.question}")
        out += [f"  {n}. {c.label}" for n, c in enumerate(answer.follow_up.choices, 1)]
        out.append("")
    if answer.sources:
        out.append("SOURCES")
        for n, s in enumerate(answer.sources, 1):
            vendor = ", vendor-authored" if s.vendor_authored else ""
            where = s.url or "(no public link)"
            out.append(f"[{n}] {s.title} — {s.publisher}, {s.date} ({s.kind}{vendor}) {where}")
        out.append("")
    out.append(f"Knowledge base as of {answer.as_of} (version {answer.kb_version}).")
    return "\n".join(out)


def render_fallback(answer: Answer) -> str:
    """The short `text` Slack shows in notifications and to screen readers."""
    text = f"{answer.title}: {answer.summary}"
    if answer.follow_up:
        text += f" Next: {answer.follow_up.question}"
    return fit(text, FALLBACK_TEXT)
