"""Answer -> Slack messages (Block Kit via slack_sdk models, plus a `text` fallback).

The first card is short: the lead, the follow-up question, the answer's points
while they fit a small budget, a control for each detail section and for the
sources, and a compact sources line. A section, the sources, or points that did
not fit are their own messages, reached by those controls: nothing is dropped
and nobody is told to go elsewhere for the rest. Every citation mark in a
message is listed in that message. All answer text is escaped here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from slack_sdk.models.blocks import Block
from slack_sdk.models.blocks.basic_components import RawTextObject

from bot.answers.decision import DECISION_KINDS
from bot.answers.results import (
    SOURCES_KEY,
    Answer,
    Chart,
    Choice,
    Code,
    Matrix,
    Paragraph,
    Part,
    SourceRef,
    StatementList,
    Table,
)
from bot.knowledge.models import Level
from bot.knowledge.wording import level_words
from bot.render import limits
from bot.render.button_values import POINTS, View, encode
from bot.render.chart import bar_lines
from bot.render.lead import paragraphs
from bot.render.mrkdwn import bold, escape, link
from bot.render.plain import render_fallback, verdicts

MARK = re.compile(r"\[(\d+)\]")
SLACK_MARKS = {
    "yes": "✅ yes",
    "partial": "🟡 partial",
    "extension": "🧩 extension",
    "enterprise": "💲 enterprise",
    "no": "❌ no",
    "unknown": "❔ unknown",
}
NOT_APPLICABLE_MARK = "➖"
CARD_BLOCKS = 12  # a first answer a busy reader takes in at a glance
CARD_TEXT = 2500
PAGE_TEXT = limits.MESSAGE_TEXT - 1000  # room left for the buttons and the footer
PAGE_BLOCKS = limits.MAX_BLOCKS - 4
SOURCES_PER_PAGE = 30
STEP_ACTION = "mesh_step"
FOLLOW_UP_ACTION = "mesh_follow_up"
DETAILS_ACTION = "mesh_details"
SHARE_ACTION = "mesh_share"
DECISION_RECORD_ACTION = "mesh_decision_record"
OPEN_PAGE_ACTION = "mesh_open_page"
SINGLE_ACTIONS = frozenset({SHARE_ACTION, DECISION_RECORD_ACTION, OPEN_PAGE_ACTION})


@dataclass
class _Page:
    """Blocks within a block and text budget, and the citation marks they use.

    The budget counts the entries the sources line will list for those marks, so a
    page never cites more than its sources line can hold. A card counts the text a
    reader sees; a page counts raw text, as Slack's message limit does.
    """

    answer: Answer
    max_blocks: int
    max_chars: int
    visible: bool = False
    blocks: list[dict[str, Any]] = field(default_factory=list)
    chars: int = 0
    parts: int = 0
    cited: dict[int, None] = field(default_factory=dict)
    entry_costs: dict[int, int] = field(default_factory=dict)

    def measure(self, text: str) -> int:
        return limits.visible_length(text) if self.visible else len(text)

    def trial(self) -> _Page:
        """An empty page of the same size, to try a part on (entries measured once)."""
        return _Page(
            self.answer, self.max_blocks, self.max_chars, self.visible, entry_costs=self.entry_costs
        )

    def entries_cost(self, numbers: Iterable[int]) -> int:
        return sum(self._entry_cost(n) for n in numbers)

    def _entry_cost(self, n: int) -> int:
        """What source n's entry takes on the sources line, measured once per page."""
        if n not in self.entry_costs:
            self.entry_costs[n] = _entry_length(n, self.answer.sources[n - 1], self.visible) + 3
        return self.entry_costs[n]

    def room(self, chars: int, blocks: int = 1, cited: Iterable[int] = ()) -> bool:
        new = [n for n in cited if n not in self.cited]
        return (
            len(self.blocks) + blocks <= self.max_blocks
            and self.chars + chars + self.entries_cost(new) <= self.max_chars
        )

    def add(self, block: Block | dict[str, Any], chars: int) -> None:
        self.blocks.append(block.to_dict() if isinstance(block, Block) else block)
        self.chars += chars

    def cite(self, numbers: Iterable[int]) -> None:
        new = [n for n in numbers if n not in self.cited]
        self.chars += self.entries_cost(new)
        self.cited.update(dict.fromkeys(new))

    def marks(self, ids: list[str]) -> str:
        """' [1][3]' for these source ids, remembering them for this page's sources line."""
        numbers = self.answer.source_numbers
        cited = [numbers[i] for i in dict.fromkeys(ids) if i in numbers]
        self.cite(cited)
        return (" " + "".join(f"[{n}]" for n in cited)) if cited else ""


def _section(text: str) -> dict[str, Any]:
    """A section block as the model would give it (built directly: the models cost more
    than the rest of rendering, and every text here is already fitted to Slack's limits)."""
    return {"text": {"text": text, "type": "mrkdwn"}, "type": "section"}


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


def _code(heading: list[str], body: str) -> list[str]:
    head = "\n".join(heading)
    return [
        f"{head}\n```{chunk}```" if head else f"```{chunk}```"
        for chunk in _chunks(body.splitlines(), limits.SECTION_TEXT - 200)
    ]


def _level_mark(level: Level, not_applicable: str) -> str:
    """'✅ yes', or '➖ n/a: no sidecar in pods' where the feature does not apply."""
    if not_applicable:
        return f"{NOT_APPLICABLE_MARK} {level_words(level, not_applicable)}"
    return SLACK_MARKS[level.value]


def _part_texts(page: _Page, part: Part) -> list[str]:
    """The mrkdwn sections a part becomes (a matrix may become a table instead)."""
    heading = [bold(part.heading)] if part.heading else []
    if isinstance(part, Paragraph):
        return _chunks([*heading, escape(part.text) + page.marks(part.sources)])
    if isinstance(part, StatementList):
        lines = [f"• {bold(s.label)}: {escape(s.text)}{page.marks(s.sources)}" for s in part.items]
        return _chunks(heading + lines)
    if isinstance(part, Matrix):
        lines = []
        for row in part.rows:
            cells = " · ".join(
                f"{col} {_level_mark(c, na)}"
                for col, c, na in zip(part.columns, row.cells, row.reasons, strict=True)
            )
            as_of = f" (as of {row.as_of:%Y-%m})" if row.as_of else ""
            lines.append(f"{bold(row.label)}: {escape(cells)}{as_of}{page.marks(row.sources)}")
        return _chunks(heading + lines)
    if isinstance(part, Chart):
        drawn = bar_lines(part.bars)
        labels = [
            escape(label) + page.marks(bar.sources)
            for bar, label in zip(part.bars, drawn[::2], strict=True)
        ]
        body = "\n".join(
            f"{label}\n`{escape(bar)}`" for label, bar in zip(labels, drawn[1::2], strict=True)
        )
        return _chunks([*heading, *body.splitlines()])
    if isinstance(part, Table):
        lines = [
            f"• {bold(row.cells[0])}: {escape(' — '.join(row.cells[1:]))}{page.marks(row.sources)}"
            for row in part.rows
        ]
        return _chunks(heading + lines)
    if isinstance(part, Code):
        return _code(heading, escape(part.code))
    return []


@functools.lru_cache(maxsize=4096)
def _cell(text: str) -> dict[str, str]:
    """A table cell, built by the model once per distinct text (cells repeat endlessly)."""
    return RawTextObject(text=limits.fit(text, 60)).to_dict()


def _table(page: _Page, part: Matrix) -> tuple[dict[str, Any], int]:
    header = ["Area", "Feature", *part.columns, "Sources"]
    rows = [[_cell(c) for c in header]]
    for row in part.rows:
        marks = [_cell(_level_mark(c, na)) for c, na in zip(row.cells, row.reasons, strict=True)]
        as_of = f" · {row.as_of:%Y-%m}" if row.as_of else ""
        sources = _cell((page.marks(row.sources).strip() + as_of).strip(" ·") or "–")
        rows.append([_cell(row.group.capitalize()), _cell(row.label), *marks, sources])
    chars = sum(len(cell["text"]) for row in rows for cell in row)
    return _table_block(rows), chars


def _table_block(rows: list[list[dict[str, str]]]) -> dict[str, Any]:
    """A table block as TableBlock(rows=rows).to_dict() gives it (built directly, as
    `_section` is: it always has its header row, and `_fits_table` keeps it within
    Slack's row limit)."""
    return {"rows": rows, "type": "table"}


def _context(texts: list[str]) -> dict[str, Any]:
    """A context block of mrkdwn texts as ContextBlock(elements=[MarkdownTextObject(…)])
    .to_dict() gives it (built directly: every answer ends with one; callers keep to
    Slack's ten elements, and no text is empty)."""
    assert len(texts) <= limits.CONTEXT_ELEMENTS
    return {"elements": [{"text": t, "type": "mrkdwn"} for t in texts], "type": "context"}


def _fits_table(part: Part) -> bool:
    return isinstance(part, Matrix) and len(part.rows) < limits.TABLE_ROWS


def _part_blocks(
    page: _Page, part: Part, table_free: bool
) -> list[tuple[Block | dict[str, Any], int]]:
    if table_free and _fits_table(part):
        table, chars = _table(page, part)  # type: ignore[arg-type]
        heading = [(_section(bold(part.heading)), len(part.heading))] if part.heading else []
        return [*heading, (table, chars)]
    return [(_section(t), page.measure(t)) for t in _part_texts(page, part)]


def _add_part(page: _Page, part: Part) -> bool:
    """Add the whole part, or nothing and False (a part is never shown cut short)."""
    trial = page.trial()
    table_free = not any(b["type"] == "table" for b in page.blocks)
    blocks = _part_blocks(trial, part, table_free)
    if not page.room(sum(c for _, c in blocks), len(blocks), trial.cited):
        return False
    for block, chars in blocks:
        page.add(block, chars)
    page.cite(trial.cited)
    page.parts += 1
    return True


def _clamped(page: _Page, part: Part) -> None:
    """A part too big for a page of its own, shown clamped to the page (never skipped)."""
    trial = page.trial()
    for text in _part_texts(trial, part):
        if not page.room(page.measure(text), 1, trial.cited):
            text = MARK.sub("", limits.fit(text, max(40, page.max_chars - page.chars)))
        if not page.room(0):
            break
        page.add(_section(text), page.measure(text))
        page.cite(int(n) for n in MARK.findall(text))
    page.parts += 1


def _page_sized(parts: list[Part], fits: Callable[[Part], bool]) -> list[Part]:
    """The parts as pages can hold them: a matrix too big for a page is split by rows,
    so no row loses its citation marks to clamping."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, Matrix) and len(part.rows) > 1 and not fits(part):
            half = len(part.rows) // 2
            halves = [part.rows[:half], part.rows[half:]]
            out += _page_sized([part.model_copy(update={"rows": r}) for r in halves], fits)
        else:
            out.append(part)
    return out


def _add_parts(page: _Page, parts: list[Part], start: int = 0, clamp: bool = True) -> int | None:
    """Add parts from `start` while they fit; the index of the first left out, if any."""
    for n in range(start, len(parts)):
        if _add_part(page, parts[n]):
            continue
        if clamp and page.parts == 0:
            _clamped(page, parts[n])
            continue
        return n
    return None


class ButtonSpec(NamedTuple):
    label: str
    action: str
    value: str
    primary: bool = False
    url: str = ""  # a link button: opens the address (Slack still sends the click)


def _button(label: str, action: str, value: str, primary: bool = False) -> ButtonSpec | None:
    if len(value) > limits.BUTTON_VALUE:
        return None
    return ButtonSpec(limits.fit(label, limits.BUTTON_TEXT), action, value, primary)


def _link_button(label: str, url: str) -> ButtonSpec | None:
    if len(url) > limits.BUTTON_URL:
        return None
    return ButtonSpec(limits.fit(label, limits.BUTTON_TEXT), OPEN_PAGE_ACTION, "page", url=url)


def _choice_buttons(choices: list[Choice], action: str) -> list[ButtonSpec]:
    """A button for each choice; a label already on the row is not repeated."""
    specs = [_button(c.label, action, encode(c.intent), c.primary) for c in choices]
    unique: dict[str, ButtonSpec] = {}
    for spec in specs:
        if spec and spec.label not in unique:
            unique[spec.label] = spec
    return list(unique.values())


def _button_element(n: int, spec: ButtonSpec) -> dict[str, Any]:
    """A button as ButtonElement.to_dict() gives it; `_button` and `_link_button` already
    keep its label, value and url within Slack's limits."""
    element: dict[str, Any] = {
        "action_id": spec.action if spec.action in SINGLE_ACTIONS else f"{spec.action}_{n}"
    }
    if spec.primary:
        element["style"] = "primary"
    element |= {"text": {"text": spec.label, "type": "plain_text"}, "type": "button"}
    if spec.url:
        element["url"] = spec.url
    if spec.value:
        element["value"] = spec.value
    return element


def _actions(specs: tuple[ButtonSpec, ...]) -> dict[str, Any]:
    """An actions block (built directly: button values differ with every question, so the
    models would be built anew for each answer)."""
    return {"elements": [_button_element(n, s) for n, s in enumerate(specs)], "type": "actions"}


def _rows(buttons: int) -> int:
    """Actions blocks needed for this many buttons."""
    return -(-buttons // limits.ACTIONS_ELEMENTS)


def _actions_blocks(specs: list[ButtonSpec]) -> list[dict[str, Any]]:
    """Every button, in as few actions blocks as Slack allows (none is dropped)."""
    step = limits.ACTIONS_ELEMENTS
    return [_actions(tuple(specs[i : i + step])) for i in range(0, len(specs), step)]


def _compact_source(n: int, s: SourceRef) -> str:
    return f"[{n}] {_source_label(s)}"


@functools.lru_cache(maxsize=1024)
def _source_label(s: SourceRef) -> str:
    """A source's entry on a sources line, after its number (made once per source: every
    answer cites the same few hundred)."""
    vendor = ", vendor" if s.vendor_authored else ""
    name = link(s.url, s.publisher) if s.url else escape(s.publisher)
    return f"{name} {s.date:%Y-%m}{vendor}"


@functools.lru_cache(maxsize=1024)
def _label_length(s: SourceRef, visible: bool) -> int:
    label = _source_label(s)
    return limits.visible_length(label) if visible else len(label)


def _entry_length(n: int, s: SourceRef, visible: bool) -> int:
    """The length of source n's entry, as a reader sees it or raw (its number holds no
    link markup, so it adds its own length either way)."""
    return len(f"[{n}] ") + _label_length(s, visible)


def _entry_texts(page: _Page) -> list[str]:
    """The page's cited entries as context texts, each inside Slack's context limit."""
    texts: list[str] = []
    for n in sorted(page.cited):
        entry = _compact_source(n, page.answer.sources[n - 1])
        if texts and len(texts[-1]) + 3 + len(entry) <= limits.CONTEXT_TEXT:
            texts[-1] += " · " + entry
        else:
            texts.append(entry)
    return texts


def _sources_line(page: _Page) -> dict[str, Any]:
    """The entries this page cites, the answer's source count, and when it was checked."""
    answer = page.answer
    total = len(answer.sources) + len(answer.reading)  # what the Sources control lists
    count = f"{total} source{'s' if total != 1 else ''} · " if total else ""
    footer = (
        f"{count}checked {answer.as_of:%Y-%m} · knowledge reviewed {answer.as_of} "
        f"· v{answer.kb_version}"
    )
    return _context([*_entry_texts(page)[: limits.CONTEXT_ELEMENTS - 1], footer])


def _header(text: str) -> dict[str, Any]:
    """A header block, built directly as `_section` is."""
    return {
        "text": {"text": limits.fit(text, limits.HEADER_TEXT), "type": "plain_text"},
        "type": "header",
    }


def _view_button(answer: Answer, label: str, view: View) -> ButtonSpec | None:
    return _button(label, DETAILS_ACTION, encode(answer.intent, view))


def _sources_button(answer: Answer) -> list[ButtonSpec | None]:
    total = len(answer.sources) + len(answer.reading)
    label = f"All {total} sources" if total > 1 else "Source"
    return [_view_button(answer, label, View(section=SOURCES_KEY))] if total else []


def _detail_buttons(answer: Answer) -> list[ButtonSpec | None]:
    specs = [_view_button(answer, s.label, View(section=s.key)) for s in answer.details]
    return specs + _sources_button(answer)


def _take_away_buttons(
    answer: Answer, page_link: tuple[str, str] | None
) -> list[ButtonSpec | None]:
    """The page with the whole answer, and a decision record for compare or recommend."""
    specs = [_link_button(*page_link)] if page_link else []
    if answer.kind in DECISION_KINDS:
        specs.append(
            _button("Write up as a decision record", DECISION_RECORD_ACTION, encode(answer.intent))
        )
    return specs


ADAPTER_BLOCKS = 1  # room the Slack adapter may add to every card (feedback buttons)
CARD_TAIL_TEXT = 120  # the footer of the sources line (its entries are counted as cited)


def build_message(
    answer: Answer, share: bool = False, page_link: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The first card: `{"text": …, "blocks": […]}` for chat.postMessage and friends.

    `page_link` is the (label, address) of the web page with the whole answer, when the
    pages are published; a compare or recommendation also offers a decision record.
    Every control and next step is on the card: the rows they need are reserved first.
    """
    shared = [_button("Share in channel", SHARE_ACTION, encode(answer.intent), True)]
    first = [s for s in (shared if share else []) if s]
    rest = [s for s in [*_take_away_buttons(answer, page_link), *_detail_buttons(answer)] if s]
    steps = _choice_buttons(answer.next_steps, STEP_ACTION)
    tail = _rows(len(first) + len(rest) + 1) + _rows(len(steps)) + 1  # +1: the sources line
    room = CARD_BLOCKS - tail - ADAPTER_BLOCKS
    page = _Page(answer, room, CARD_TEXT - CARD_TAIL_TEXT, visible=True)
    page.add(_header(answer.title), len(answer.title))
    lead = limits.fit(escape(paragraphs(answer.lead)), limits.SECTION_TEXT - 100)
    lead += page.marks(answer.lead_sources)
    page.add(_section(lead), page.measure(lead))
    if answer.follow_up and (specs := _choice_buttons(answer.follow_up.choices, FOLLOW_UP_ACTION)):
        question = limits.fit(bold(answer.follow_up.question), limits.SECTION_TEXT)
        page.add(_section(question), len(answer.follow_up.question))
        page.add(_actions(tuple(specs[: limits.ACTIONS_ELEMENTS])), 0)
    # a length asked for ("in two sentences"): the points are a click away, not on the card,
    # but for the verdict on the setup said (the pick a "tl;dr" asks for)
    brief = answer.intent.brief and answer.points
    if brief:
        _add_parts(page, list(verdicts(answer)), clamp=False)
    left_out = 0 if brief else _add_parts(page, answer.points, clamp=False)
    if left_out is not None:
        more = _view_button(answer, "More of this answer", View(section=POINTS, start=left_out))
        first += [more] if more else []
    blocks = page.blocks + _actions_blocks(first + rest) + _actions_blocks(steps)
    return {"text": _fallback(answer), "blocks": [*blocks, _sources_line(page)]}


def _fallback(answer: Answer) -> str:
    return limits.fit(escape(render_fallback(answer)), limits.FALLBACK_TEXT)


def build_view_message(answer: Answer, view: View) -> dict[str, Any]:
    """A detail of the answer as its own message: a section, the sources, or more points."""
    if view.section == SOURCES_KEY:
        return _sources_message(answer, view.start)
    section = answer.section(view.section)
    title, parts = (section.label, section.parts) if section else ("more", answer.points)
    header = _header(f"{answer.title}: {title}"), len(answer.title) + len(title) + 2

    def fresh() -> _Page:
        page = _Page(answer, PAGE_BLOCKS, PAGE_TEXT)
        page.add(*header)
        return page

    parts = _page_sized(parts, lambda part: _add_part(fresh(), part))
    page = fresh()
    left_out = _add_parts(page, parts, min(view.start, len(parts)))
    controls = []
    if left_out is not None:
        controls.append(
            _view_button(answer, f"More: {title}", View(section=view.section, start=left_out))
        )
    controls += _sources_button(answer)
    blocks = page.blocks + _actions_blocks([c for c in controls if c])
    text = limits.fit(escape(f"{answer.title}: {title}"), limits.FALLBACK_TEXT)
    return {"text": text, "blocks": [*blocks, _sources_line(page)]}


def _source_entry(n: int | None, s: SourceRef) -> str:
    vendor = " · vendor-authored" if s.vendor_authored else ""
    number = f"[{n}] " if n else "• "
    return (
        f"{number}{link(s.url, s.title) if s.url else escape(s.title)} — "
        f"{escape(s.publisher)}, {s.date} "
        f"({escape(s.kind.replace('_', ' '))}{vendor})"
    )


def _sources_message(answer: Answer, start: int) -> dict[str, Any]:
    """Every source the answer cites, numbered, then further reading; paged by `start`."""
    entries = list(enumerate(answer.sources, 1)) + [(0, s) for s in answer.reading]
    shown = entries[start : start + SOURCES_PER_PAGE]
    page = _Page(answer, PAGE_BLOCKS, limits.MESSAGE_TEXT)
    page.add(_header(f"{answer.title}: sources"), len(answer.title) + 9)
    cited = [_source_entry(n, s) for n, s in shown if n]
    reading = [_source_entry(None, s) for n, s in shown if not n]
    for text in _chunks(cited + ([bold("Read more"), *reading] if reading else [])):
        page.add(_section(text), limits.visible_length(text))
    following = start + SOURCES_PER_PAGE
    if following < len(entries):
        more = _view_button(answer, "More sources", View(section=SOURCES_KEY, start=following))
        page.blocks += _actions_blocks([more] if more else [])
    footer = (
        f"{len(answer.sources)} cited · {len(answer.reading)} further reading · "
        f"knowledge reviewed {answer.as_of}"
    )
    page.add(_context([footer]), len(footer))
    text = limits.fit(escape(f"{answer.title}: sources"), limits.FALLBACK_TEXT)
    return {"text": text, "blocks": page.blocks}
