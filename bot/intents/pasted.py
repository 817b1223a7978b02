"""Pasted blocks in a message: evidence, not prose.

A Slack question often carries what a tool printed: a ``` fence, a `$ kubectl get pods` line
and its table, JSON, log lines. Those blocks show what they run (the mesh a tool or proxy
container belongs to, the release `istioctl version` prints, a proxy's row in `kubectl top`),
but they are not what is asked:

- The length limit applies to the prose. A pasted block is cut down to the lines that carry
  evidence before parsing (its command, its header, lines naming a `pasted_kept` word or a
  mesh), so a 4,000-character paste costs the parser no more than a short one; the whole
  message still has a cap (`MAX_MESSAGE`).
- A product name is read from prose only: "meshName", "Error: creating App Mesh" or a table's
  "cilium   Desired" inside a paste name no unknown product.
- A currency sign inside a paste ("awk '{sum+=$4}'") asks no price.
- A mesh only a paste shows is no subject of a question the prose asks of every mesh or of a
  concept (bot/intents/parser.py `_asked_of_all`).
- What a tool printed (a command's output, a log, an error: "not authorized to perform") asks
  for no feature; configuration pasted as written ("retryOn: 5xx", a JSON task definition)
  does (`Split.configs`).

A pasted line is one inside a fence, or outside one: a shell prompt ("$ kubectl …"), a line
opened by a `pasted_openers` phrase ("Error:", "kubectl get") holding no question, a table
row (three or more columns set apart by runs of spaces), a timestamped log line, a JSON line,
and a bare number printed right under another pasted line. Inline `code` is prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.knowledge.aliases import normalise
from bot.knowledge.models import RulesFile

MAX_MESSAGE = 12_000  # the whole message, pastes included: more is not parsed at all
MAX_PASTED = 1_500  # the pasted lines kept for the parser, all blocks together
BLOCK_KEPT = 600  # a block up to this long is kept whole; a longer one is cut down
LINES_KEPT = 10  # at most this many lines of a block that is cut down
LINE_CHARS = 200  # a kept line is cut to this long

_FENCE = re.compile(r"```.*?(?:```|$)", re.DOTALL)
_PROMPT = re.compile(r"^[ \t>]*[$%][ \t]+\S")
_TABLE = re.compile(r"\S+(?:[ \t]{2,}\S+){2,}")
_LOG = re.compile(r"^[ \t]*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_JSON = re.compile(r"^[ \t]*(?:[{}\[\]],?[ \t]*$|\"[\w.-]+\"[ \t]*:)")
_NUMBER = re.compile(r"^[ \t]*\d[\d,.]*[ \t]*$")


@dataclass(frozen=True)
class Split:
    """A message as prose and pasted blocks, and the text the parser reads."""

    prose: str  # the message with every pasted block taken out
    read: str  # the message with every pasted block cut down to its evidence
    configs: str  # the message with pasted output taken out, pasted configuration kept


class PastedReader:
    """Finds pasted blocks and cuts them down (patterns built once from rules.yaml)."""

    def __init__(self, rules: RulesFile, mesh_words: Iterable[str]) -> None:
        phrases = rules.phrases
        openers = _either(phrases.get("pasted_openers", []))
        self._opener = re.compile(rf"^[ \t]*(?:{openers})(?![\w-])", re.I) if openers else None
        kept = {normalise(w) for w in (*phrases.get("pasted_kept", []), *mesh_words)}
        kept = {w for w in kept if w}
        self._kept = re.compile(rf"(?<![\w-])(?:{_either(kept)})(?![\w])") if kept else None

    def split(self, text: str) -> Split:
        """The message's prose, and the text to parse: prose with each block cut down."""
        prose: list[str] = []
        read: list[str] = []
        configs: list[str] = []
        kept = MAX_PASTED
        for piece, is_pasted in self._pieces(text):
            if not is_pasted:
                prose.append(piece)
                read.append(piece)
                configs.append(piece)
                continue
            short = self._cut(piece)[:kept]
            kept -= len(short)
            prose.append("\n")
            read.append(short)
            configs.append("\n" if self._output(piece) else piece)
        return Split("".join(prose), "".join(read), "".join(configs))

    def in_prose(self, name: str, prose: str) -> bool:
        """Whether a name's words are written in the prose, not only inside a paste."""
        said = normalise(name)
        return bool(said) and f" {said} " in f" {normalise(prose)} "

    def _pieces(self, text: str) -> list[tuple[str, bool]]:
        """The text in order as (piece, pasted?): fences whole, other lines one by one."""
        pieces: list[tuple[str, bool]] = []
        at = 0
        for fence in _FENCE.finditer(text):
            pieces += self._lines(text[at : fence.start()])
            pieces.append((fence.group(0), True))
            at = fence.end()
        pieces += self._lines(text[at:])
        return pieces

    def _lines(self, text: str) -> list[tuple[str, bool]]:
        """Lines outside a fence, each marked pasted or prose (a bare number is pasted right
        under a pasted line only: "1200" under "$ kubectl get pods -A | wc -l")."""
        pieces: list[tuple[str, bool]] = []
        after_paste = False
        for line in text.splitlines(keepends=True):
            pasted = self._pasted_line(line) or (after_paste and bool(_NUMBER.match(line)))
            pieces.append((line, pasted))
            after_paste = pasted
        return pieces

    def _output(self, block: str) -> bool:
        """Whether a pasted block is what a tool printed (a command, a table, a log, an
        error), not configuration written by hand ("retryOn: 5xx", a JSON task definition)."""
        lines = [line.strip("`") for line in block.splitlines()]
        return any(
            _PROMPT.match(line)
            or _LOG.match(line)
            or _TABLE.search(line)
            or (self._opener and self._opener.match(line))
            for line in lines
        )

    def _pasted_line(self, line: str) -> bool:
        if _PROMPT.match(line) or _LOG.match(line) or _JSON.match(line):
            return True
        if "?" in line:  # a question is prose, whatever opens it
            return False
        return bool(_TABLE.search(line)) or bool(self._opener and self._opener.match(line))

    def _cut(self, block: str) -> str:
        """A block as the parser reads it: whole if short, else its first two lines (a
        command, a header) and the lines naming what shows a mesh, a release or a failure."""
        if len(block) <= BLOCK_KEPT:
            return block
        lines = block.splitlines()
        fence, body = "", lines
        if block.startswith("```"):  # "```yaml" opens on its language; "```$ cmd" on a line
            first = lines[0].removeprefix("```")
            tagged = re.fullmatch(r"\w*", first) is not None
            fence, body = ("```" + first, lines[1:]) if tagged else ("```", [first, *lines[1:]])
        kept = body[:2] + [
            line for line in body[2:] if self._kept and self._kept.search(normalise(line))
        ]
        kept = [line[:LINE_CHARS] for line in kept[:LINES_KEPT] if line.strip("` \t")]
        said = "\n".join(kept)
        return f"{fence}\n{said}\n```\n" if fence else f"{said}\n"


def _either(words: Iterable[str]) -> str:
    said = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in said)
