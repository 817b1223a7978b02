"""Plain text: the terminal renderer (every part) and the `text` fallback of Slack messages."""

from __future__ import annotations

from bot.answers.results import (
    Answer,
    Chart,
    Code,
    Matrix,
    Paragraph,
    Part,
    SourceRef,
    Statement,
    StatementList,
    Table,
    part_sources,
)
from bot.knowledge.models import Level
from bot.knowledge.wording import NOT_APPLICABLE, level_words
from bot.render.chart import bar_lines
from bot.render.limits import FALLBACK_TEXT, fit

MARKS = {
    "yes": "✔",
    "partial": "◐",
    "extension": "+ext",
    "enterprise": "$ent",
    "no": "✘",
    "unknown": "?",
    NOT_APPLICABLE: "–",
}


def cite_marks(answer: Answer, ids: list[str]) -> str:
    """'[1][3]': the answer's numbers for these source ids (each id once)."""
    numbers = answer.source_numbers
    return "".join(f"[{numbers[i]}]" for i in dict.fromkeys(ids) if i in numbers)


def with_marks(text: str, marks: str) -> str:
    return f"{text} {marks}" if marks else text


def statement_line(answer: Answer, item: Statement) -> str:
    return with_marks(f"- {item.label}: {item.text}", cite_marks(answer, item.sources))


def level_mark(level: Level, not_applicable: str = "") -> str:
    """'✔ yes', or '– n/a: no sidecar in pods' where the feature does not apply."""
    mark = MARKS[NOT_APPLICABLE if not_applicable else level.value]
    return f"{mark} {level_words(level, not_applicable)}"


def _matrix_lines(answer: Answer, part: Matrix) -> list[str]:
    width = max(len(r.label) for r in part.rows) + 2
    marks = [
        [level_mark(c, na) for c, na in zip(r.cells, r.reasons, strict=True)] for r in part.rows
    ]
    cell = max(18, *(len(c) for c in part.columns), *(len(m) for ms in marks for m in ms))
    lines = [" " * width + "  ".join(f"{c:<{cell}}" for c in part.columns)]
    group = ""
    for row, row_marks in zip(part.rows, marks, strict=True):
        if row.group != group:
            group = row.group
            lines.append(f"[{group}]")
        line = f"{row.label:<{width}}" + "  ".join(f"{m:<{cell}}" for m in row_marks)
        as_of = f"(as of {row.as_of:%Y-%m})" if row.as_of else ""
        lines.append(with_marks(line.rstrip(), cite_marks(answer, row.sources)) + f" {as_of}")
    return [line.rstrip() for line in lines]


def part_lines(answer: Answer, part: Part) -> list[str]:
    lines = [part.heading.upper()] if part.heading else []
    if isinstance(part, Paragraph):
        lines.append(with_marks(part.text, cite_marks(answer, part.sources)))
    elif isinstance(part, StatementList):
        lines += [statement_line(answer, f) for f in part.items]
    elif isinstance(part, Matrix):
        lines += _matrix_lines(answer, part)
    elif isinstance(part, Chart):
        for bar, (label, drawn) in zip(part.bars, _pairs(bar_lines(part.bars)), strict=True):
            lines += [with_marks(label, cite_marks(answer, bar.sources)), drawn]
    elif isinstance(part, Table):
        lines += [
            with_marks(
                f"- {row.cells[0]}: {' — '.join(row.cells[1:])}", cite_marks(answer, row.sources)
            )
            for row in part.rows
        ]
    elif isinstance(part, Code):
        lines += ["    " + line for line in part.code.splitlines()]
    return lines


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    return list(zip(lines[::2], lines[1::2], strict=True))


def source_line(n: int | None, s: SourceRef) -> str:
    vendor = ", vendor-authored" if s.vendor_authored else ""
    number = f"[{n}] " if n else "- "
    return (
        f"{number}{s.title} — {s.publisher}, {s.date} ({s.kind.replace('_', ' ')}{vendor}) "
        f"{s.url or '(no public link)'}"
    )


def render_terminal(answer: Answer, full: bool = True, more: str = "") -> str:
    """The answer for a person at a terminal: every part of every section; where a length
    was asked for (`Intent.brief`), the summary and one line of source. Not `full`, as a
    Slack card shows it first: the lead and points, the sections named with `more` (how to
    open them), and only the sources those cite."""
    if answer.intent.brief:
        return render_brief(answer)
    lead = with_marks(answer.lead, cite_marks(answer, answer.lead_sources))
    out = [answer.title, "=" * len(answer.title), lead, ""]
    if answer.follow_up:
        out.append(f"NEXT QUESTION: {answer.follow_up.question}")
        out += [f"  {n}. {c.label}" for n, c in enumerate(answer.follow_up.choices, 1)]
        out.append("")
    for part in answer.points:
        out += [*part_lines(answer, part), ""]
    for section in answer.details if full else []:
        out += [f"── {section.label} ──", ""]
        for part in section.parts:
            out += [*part_lines(answer, part), ""]
    folded = [] if full else [s.label for s in answer.details]
    if folded:
        out += [f"MORE: {', '.join(folded)}{f' ({more})' if more else ''}", ""]
    if answer.next_steps:
        out.append("TRY NEXT")
        out += [f"- {c.label}" for c in answer.next_steps]
        out.append("")
    cited = set(answer.lead_sources).union(*(part_sources(p) for p in answer.points))
    shown = [(n, s) for n, s in enumerate(answer.sources, 1) if full or s.id in cited]
    if shown:
        out.append("SOURCES")
        out += [source_line(n, s) for n, s in shown]
        out.append("")
    if answer.reading and full:
        out.append("READ MORE")
        out += [source_line(None, s) for s in answer.reading]
        out.append("")
    out.append(f"Knowledge base reviewed {answer.as_of} (version {answer.kb_version}).")
    return "\n".join(out)


def render_brief(answer: Answer) -> str:
    """The short form: the title, the answer's verdict for the setup said (`verdict`: the pick
    and its why) first where it has one, the lead unmarked, its first source on one line, and
    how to see the rest."""
    out = [answer.title, "=" * len(answer.title)]
    out += [p.text for p in verdicts(answer)]
    out += [answer.lead, ""]
    first = next(iter(answer.sources), None)
    if first is not None:
        out.append(f"Source: {source_line(None, first).lstrip('- ')}")
    out.append("(Ask again without the length for the full answer.)")
    return "\n".join(out)


def verdicts(answer: Answer) -> list[Paragraph]:
    """The points that say the answer's verdict for the setup said: what a brief form keeps."""
    return [p for p in answer.points if isinstance(p, Paragraph) and p.verdict]


def render_fallback(answer: Answer) -> str:
    """The short `text` Slack shows in notifications and to screen readers."""
    text = f"{answer.title}: {answer.lead}"
    if answer.follow_up:
        text += f" Next: {answer.follow_up.question}"
    return fit(text, FALLBACK_TEXT)
