"""Regular expressions compiled the first time they are used.

The parser builds a few hundred patterns from the knowledge base's vocabulary, and a
question uses about a third of them; compiling all of them up front cost every one-shot
`meshbot ask` over 100 ms. A lazy pattern holds only its source until a match method is
first called; from then on that method is the compiled pattern's own, so a long-running
process matches at the same speed as with patterns compiled at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property
from typing import Any

_METHODS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "sub", "split"})


class LazyPattern:
    """`re.compile(pattern, flags)` on first use; `.pattern` is its source meanwhile, so
    larger patterns can be written from it without compiling it. The source may be a
    function that writes it, called when the source is first needed."""

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self._source = source
        self._flags = flags

    @cached_property
    def pattern(self) -> str:
        return self._source if isinstance(self._source, str) else self._source()

    def __getattr__(self, name: str) -> Any:
        """Called only for what the instance lacks: a match method before the first use.
        Compiles, and keeps the compiled pattern's methods on the instance."""
        if name not in _METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r})"
