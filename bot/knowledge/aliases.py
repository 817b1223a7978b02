"""Alias normalisation and fuzzy matching shared by the validator and the parser.

One threshold serves both: two entities' aliases may not be as similar as the
matcher's cutoff, so a typo can never be pulled toward the wrong entity.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge.memo import remember

FUZZY_CUTOFF = 80.0
CLOSE_CUTOFF = 70.0  # a did-you-mean button: close, but not close enough to assume
MIN_FUZZY_LENGTH = 5
# A four-letter alias is a typo's target only from a longer word ("kumma" is Kuma): a typed
# word under five letters is a slip of too many others to tell.
MIN_ALIAS_LENGTH = 4
FUZZY_MEMO = 8_192  # phrases whose fuzzy lookup an index remembers (a question tries ~300)
NORMALISED_KEPT = 8_192  # texts whose normal form is remembered (start-up asks 47,000 times)
MAX_CLIPPED = 8  # clipped spellings of one alias ("svc to svc auth", "svc to service auth", …)

_NON_WORD = re.compile(r"[^a-z0-9]+")

# Common words: a phrase containing one is matched exactly, never fuzzily. A typo of
# "linkerd" is worth matching; "service" or "support" is not a mesh, and aliases such as
# "open service mesh" and "nginx service mesh" must not pull toward each other.
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "we",
        "i",
        "you",
        "our",
        "us",
        "it",
        "its",
        "is",
        "are",
        "was",
        "be",
        "do",
        "does",
        "did",
        "can",
        "could",
        "would",
        "should",
        "will",
        "what",
        "which",
        "who",
        "how",
        "why",
        "when",
        "where",
        "whats",
        "to",
        "of",
        "for",
        "with",
        "and",
        "or",
        "vs",
        "versus",
        "v",
        "in",
        "on",
        "at",
        "by",
        "from",
        "about",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "me",
        "my",
        "your",
        "need",
        "needs",
        "needed",
        "want",
        "use",
        "using",
        "used",
        "run",
        "running",
        "have",
        "has",
        "had",
        "support",
        "supports",
        "supported",
        "cost",
        "costs",
        "much",
        "many",
        "mesh",
        "meshes",
        "service",
        "services",
        "between",
        "compare",
        "explain",
        "recommend",
        "still",
        "maintained",
        "any",
        "all",
        "some",
        "more",
        "less",
        "tell",
        "sidecar",
        "sidecars",
        "http",
        "https",
        "www",
        "com",
        "show",
        "give",
        "please",
        "just",
        "only",
        "also",
        "still",
        "our",
        "ones",
        "one",
        "both",
        "either",
        "get",
        "got",
        "like",
        "mode",
    ]
)


@lru_cache(maxsize=NORMALISED_KEPT)  # the readers of one question normalise its parts again
def normalise(text: str) -> str:
    """Lower-case, collapse punctuation and spaces: 'Circuit-Breaker' -> 'circuit breaker'."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def clipped(phrase: str, short_forms: dict[str, list[str]]) -> list[str]:
    """The phrase with its words clipped as people clip them (`short_forms`, short to full:
    "auth" for "authorization", "svc" for "service"), each way but as written:
    "service to service authorization" is also "svc to svc auth". A phrase of one word clips
    to nothing: "auth" alone names no one feature."""
    words = normalise(phrase).split()
    if len(words) < 2:
        return []
    shorts: dict[str, list[str]] = {}
    for short, fulls in short_forms.items():
        for full in fulls:
            shorts.setdefault(full, []).append(normalise(short))
    options = [[word, *shorts.get(word, [])] for word in words]
    every = (" ".join(words) for words in itertools.product(*options))
    return [variant for variant in every if variant != " ".join(words)][:MAX_CLIPPED]


def typo_edits(a: str, b: str) -> int:
    """How many slips (a letter added, dropped, changed or two swapped) a plain typo has."""
    return 1 if max(len(a), len(b)) <= 8 else 2


def alike(a: str, b: str) -> bool:
    """Same number of words, each a plain typo of the other: not a different phrase.

    Whole-string similarity alone lets "kubernetes" match "non kubernetes", "sidecar"
    match "no sidecar" and "memory budget" match "retry budget"; similarity without an
    edit limit lets "consulate" read as "consul" and "istiogen" as "istio".
    """
    return _word_by_word(a, b, FUZZY_CUTOFF) and all(
        OSA.distance(x, y) <= typo_edits(x, y) and not _built_on(x, y)
        for x, y in zip(a.split(), b.split(), strict=True)
    )


def _built_on(typed: str, meant: str) -> bool:
    """The word meant whole, with letters added after it ("linkerdly"): a name built on
    another's, as "istiogen" is, not a slip of it; one letter more may be one ("istioo")."""
    return typed.startswith(meant) and len(typed) - len(meant) > 1


def digits(phrase: str) -> str:
    """The phrase's digits, in order: a version or generation it names."""
    return "".join(c for c in phrase if c.isdigit())


def _word_by_word(a: str, b: str, cutoff: float) -> bool:
    """Same number of words, each within `cutoff`: 'aspen mesh' is not 'app mesh'."""
    words_a, words_b = a.split(), b.split()
    return len(words_a) == len(words_b) and all(
        fuzz.ratio(x, y) >= cutoff for x, y in zip(words_a, words_b, strict=True)
    )


def fuzzy_eligible(phrase: str, shortest: int = MIN_FUZZY_LENGTH) -> bool:
    """Whether a (normalised) phrase may be matched fuzzily: as a query, or (`shortest`
    MIN_ALIAS_LENGTH) as an alias."""
    words = phrase.split()
    return len(phrase) >= shortest and not any(w in STOPWORDS or w.isdigit() for w in words)


@dataclass(frozen=True)
class AliasHit:
    entity: str
    alias: str
    score: float


class AliasIndex:
    """Exact and fuzzy lookup of entity ids by alias."""

    def __init__(self, aliases: Iterable[tuple[str, str]], words: Iterable[str] = ()) -> None:
        """`words`: words of the field as they stand ("authn", a clipped "authentication"),
        never a slip of another word ("authz")."""
        self._words = frozenset(normalise(w) for w in words)
        self._by_alias: dict[str, str] = {}
        for entity, alias in aliases:
            self._by_alias.setdefault(normalise(alias), entity)
        self._choices = list(self._by_alias)
        # Entities whose names number a generation ("linkerd2", "http2"): another number
        # names another generation ("linkerd1", the JVM Linkerd; "http3"), never a slip.
        self._numbers: dict[str, set[str]] = {}
        for alias, entity in self._by_alias.items():
            if digits(alias):
                self._numbers.setdefault(entity, set()).add(digits(alias))
        self._fuzzy_choices = [a for a in self._choices if fuzzy_eligible(a, MIN_ALIAS_LENGTH)]
        self._memo: dict[Hashable, AliasHit | None] = {}
        self._suggested: dict[Hashable, tuple[str, ...]] = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled (the snapshot) without the lookups remembered."""
        return {**self.__dict__, "_memo": {}, "_suggested": {}}

    def exact(self, phrase: str) -> AliasHit | None:
        entity = self._by_alias.get(phrase)
        return AliasHit(entity, phrase, 100.0) if entity else None

    def fuzzy(self, phrase: str) -> AliasHit | None:
        """Best alias within the cutoff; short and common-word phrases must match exactly.

        Remembered per phrase: one question's passes look up the same spans many times,
        and the oldest lookup is forgotten first past FUZZY_MEMO."""
        if phrase in self._memo:
            return self._memo[phrase]
        return remember(self._memo, phrase, self._lookup(phrase), FUZZY_MEMO)

    def _lookup(self, phrase: str) -> AliasHit | None:
        hit = self.exact(phrase)
        if hit or not fuzzy_eligible(phrase):
            return hit
        found = process.extract(
            phrase, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
        )
        said = [w for w in phrase.split() if w in self._words]
        for alias, score, _ in found:
            if any(w not in alias.split() for w in said):
                continue  # "authn vs authz": a word of the field is no slip of another
            if alike(phrase, alias) and self._same_generation(phrase, alias):
                return AliasHit(self._by_alias[alias], alias, score)
        return None

    def _same_generation(self, phrase: str, alias: str) -> bool:
        """Digits as one of the entity's names has them ("ossm3"), or any, added to the
        name of something that numbers no generation ("kuma2" is Kuma 2.x)."""
        said, numbers = digits(phrase), self._numbers.get(self._by_alias[alias])
        return said == digits(alias) or numbers is None or said in numbers

    def close(self, phrase: str, cutoff: float = CLOSE_CUTOFF, limit: int = 2) -> list[str]:
        """Entity ids with an alias nearly spelled like `phrase`: a typo worth a button."""
        if len(phrase) < MIN_FUZZY_LENGTH - 1:
            return []
        found = process.extract(
            phrase, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit * 3
        )
        seen: list[str] = []
        for alias, _, _ in found:
            entity = self._by_alias[alias]
            if entity not in seen and _word_by_word(phrase, alias, cutoff):
                seen.append(entity)
        return seen[:limit]

    def suggest(self, phrase: str, limit: int = 3) -> list[str]:
        """Entity ids loosely resembling `phrase`, for a did-you-mean (remembered, as `fuzzy`)."""
        key = (phrase, limit)
        if key not in self._suggested:
            remember(self._suggested, key, tuple(self._suggest(phrase, limit)), FUZZY_MEMO)
        return list(self._suggested[key])

    def _suggest(self, phrase: str, limit: int) -> list[str]:
        found = process.extract(
            phrase, self._choices, scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=60
        )
        seen: list[str] = []
        for alias, _, _ in found:
            entity = self._by_alias[alias]
            if entity not in seen:
                seen.append(entity)
        return seen[:limit]


def confusable_pairs(
    aliases: list[tuple[str, str]],
) -> list[tuple[tuple[str, str], tuple[str, str], float]]:
    """Pairs of aliases of different entities that the matcher could confuse.

    The same alias on two entities always counts; otherwise only aliases that can be
    matched fuzzily are compared, at the matcher's own cutoff.
    """
    normal = [(entity, normalise(alias)) for entity, alias in aliases]
    names = [alias for _, alias in normal]
    pairs = []
    for i, (entity, name) in enumerate(normal):
        similar = process.extract(
            name, names, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        for _, score, j in sorted(similar, key=lambda hit: hit[2]):
            other_entity, other = normal[j]
            if j <= i or entity == other_entity:
                continue
            if name == other or (
                fuzzy_eligible(name) and fuzzy_eligible(other) and alike(name, other)
            ):
                pairs.append(((entity, name), (other_entity, other), score))
    return pairs
