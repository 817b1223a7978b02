"""Regular expressions compiled the first time a text could match them.

The parser builds a few hundred patterns from the knowledge base's vocabulary, and a
question uses about a third of them; compiling all of them up front cost every one-shot
`meshbot ask` over 100 ms. A lazy pattern holds only its source until a match method is
first called; from then on that method is the compiled pattern's own, so a long-running
process matches at the same speed as with patterns compiled at start-up.

A pattern that can only match a text holding certain words (every phrase of a vocabulary
is whole words) can also wait for a text that holds them: until one does, each text
matches nowhere, as the compiled pattern would answer, and nothing is compiled.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import Any

_WORDS = re.compile(r"\w+")  # a phrase's words, each whole in any text it matches
# Texts a gate of a short pattern turns away before it is compiled anyway: the gate spares a
# one-shot process the compiling, and a long-running one soon matches without asking it.
PATIENCE = 64


# What each match method answers for a text the pattern matches nowhere in.
_NO_MATCH: dict[str, Callable[..., Any]] = {
    "search": lambda *args, **kwargs: None,
    "match": lambda *args, **kwargs: None,
    "fullmatch": lambda *args, **kwargs: None,
    "finditer": lambda *args, **kwargs: iter(()),
    "findall": lambda *args, **kwargs: [],
    "split": lambda string, *args, **kwargs: [string],
    "sub": lambda repl, string, *args, **kwargs: string,
}


@lru_cache(maxsize=64)  # the gates of one parse ask about the same few texts
def _words_of(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(text))


class Words:
    """Whether a text holds, as whole words, all the words of one of `needs`."""

    def __init__(self, needs: Iterable[Iterable[str]]) -> None:
        # each word one shared string, each need once: thousands of phrases share few words
        self._given = list(dict.fromkeys(frozenset(map(sys.intern, words)) for words in needs))
        self.always = not all(self._given)  # a need of no words: any text could match

    @cached_property
    def _needs(self) -> dict[str, list[frozenset[str]]]:
        """The needs by one of their words, indexed when first asked."""
        needs: dict[str, list[frozenset[str]]] = {}
        for words in self._given:
            needs.setdefault(min(words), []).append(words)
        return needs

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Words:
        """The gate of literal phrases: a text holding one of them holds its words."""
        return cls(_WORDS.findall(phrase) for phrase in phrases)

    def __call__(self, text: str) -> bool:
        if self.always:
            return True
        words = _words_of(text)
        return any(
            need <= words for word in words & self._needs.keys() for need in self._needs[word]
        )


class LazyPattern:
    """`re.compile(pattern, flags)` on first use; `.pattern` is its source meanwhile, so
    larger patterns can be written from it without compiling it. The source may be a
    function that writes it, called when the source is first needed. With `opens`, the
    first use is the first text it says could hold a match (or, given a `patience`, the text
    after it has turned away that many); till then, texts are answered as no match, or by
    `meanwhile`, a simpler pattern that matches as this one would on any text `opens` turns
    away. Without a patience the gate stays: a word check is cheaper than searching a text
    for a long vocabulary that few texts touch."""

    def __init__(
        self,
        source: str | Callable[[], str],
        flags: int = 0,
        opens: Callable[[str], bool] | None = None,
        meanwhile: LazyPattern | None = None,
        patience: int | None = None,
    ) -> None:
        self._source = source
        self._flags = flags
        self._opens = opens
        self._meanwhile = meanwhile
        self._patience = patience
        self._turned_away = 0

    @cached_property
    def pattern(self) -> str:
        return self._source if isinstance(self._source, str) else self._source()

    # Until compiled, each match method asks the gate; compiling puts the compiled pattern's
    # own methods on the instance, in front of these.
    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("search", args, kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("match", args, kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("fullmatch", args, kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("finditer", args, kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("findall", args, kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("split", args, kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._use("sub", args, kwargs)

    def _use(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        opens = self._opens
        if opens is None or self._turned_away == self._patience:
            return self._compiled(name)(*args, **kwargs)
        if opens(args[1] if name == "sub" else args[0]):
            return self._compiled(name)(*args, **kwargs)
        self._turned_away += 1
        if self._meanwhile is not None:
            return getattr(self._meanwhile, name)(*args, **kwargs)
        return _NO_MATCH[name](*args, **kwargs)

    def _compiled(self, name: str) -> Any:
        """Compiles, and keeps the compiled pattern's methods on the instance."""
        compiled = re.compile(self.pattern, self._flags)
        for method in _NO_MATCH:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source!r})"
