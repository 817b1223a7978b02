"""Problems found in a knowledge directory, each naming file, path and fix."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel


class Problem(BaseModel):
    """One thing wrong in a knowledge file."""

    file: str
    path: str = ""
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        fix = f" Fix: {self.fix}" if self.fix else ""
        return f"{where}: {self.message}.{fix}"


class KnowledgeError(Exception):
    """The knowledge base is invalid; `problems` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(f"{len(self.problems)} problem(s) in the knowledge base.")
        return "\n".join(lines)


def format_loc(loc: Iterable[int | str]) -> str:
    """Turn a pydantic error location into `features.mtls.sources[0]`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
