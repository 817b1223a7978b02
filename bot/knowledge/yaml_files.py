"""Reading YAML the way the knowledge base wants it.

Only `true` and `false` are booleans (YAML 1.2 style), so support levels such
as `yes` and `no` stay strings; and the date resolver is kept. libyaml's C
parser is used where PyYAML has it (ten times faster at start-up).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from bot.knowledge.problems import Problem

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeYamlLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """SafeLoader whose booleans are only true/false."""


KnowledgeYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KnowledgeYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def read_yaml(path: Path, display: str) -> tuple[Any, Problem | None]:
    """Parse one YAML file; a syntax error becomes a Problem with its line number."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, Problem(
            file=display,
            message=f"cannot be read ({exc})",
            fix="make it a readable UTF-8 text file",
        )
    try:
        return yaml.load(text, Loader=KnowledgeYamlLoader), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "unknown line"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, Problem(
            file=display,
            path=line,
            message=f"YAML syntax error: {reason}",
            fix="correct the YAML at that line (indentation, quotes, colons)",
        )
