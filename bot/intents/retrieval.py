"""Features by ranked retrieval: a small BM25 index over what the knowledge base says of each.

A feature's document is its name, aliases, one-sentence description and task words,
each field weighted by how much it says about what people ask; every mesh's note on
it adds to a score but never makes one. Everyday English and the field's own everyday
words (rules.yaml `filler`: "cluster", "control plane") count for little. Terms are
word stems and pairs of neighbouring stems, so "log-only mode before enforcing" finds
the dry-run row though no alias says so; a clipped word of the field (rules.yaml
`short_forms`: "auth") stands for the words it clips as well, and a word of lack (`privative`:
"no", "zero") for "without", as the features' words say it ("grpc with no proxy between
services" is "grpc without a proxy").
The index is built once per knowledge base; a question costs one pass over its terms.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.intents.lexicon import zipf
from bot.knowledge.aliases import STOPWORDS, normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Feature

# Words that say nothing about a feature; "only" and "mode" do ("log-only mode").
_IGNORED = STOPWORDS - {"only", "mode"}
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_DERIVATIONS = (("ization", "ize"), ("isation", "ize"), ("ation", "ate"), ("ment", ""), ("ion", ""))
_KEEP_DOUBLE = frozenset("lsz")  # "install", "pass", "jazz" keep their double letter
# How much a word in each field says about the feature.
_WEIGHTS = {"name": 3.0, "aliases": 3.0, "tasks": 2.5, "description": 2.0}
_NOTE_WEIGHT = 0.25
_PAIR_BOOST = 1.5  # two neighbouring words together are better evidence than each alone
_K1 = 1.2
_B = 0.5
MIN_SCORE = 6.0  # below this, the words only brush the feature
CLEAR = 2 * MIN_SCORE  # a second topic (a runner-up, a clause's own) must be said this clearly
_COMMON_ZIPF = 6.5  # a word this frequent in English says nothing about a feature
_GENERIC = 0.3  # the field's everyday words ("cluster", "control plane") say little more
MIN_TERMS = 2  # one shared word ("government", "release") is a coincidence, not a topic
MEANINGFUL = 0.5  # ...and so are shared everyday words ("proxies take")
RUNNER_UP = 0.75  # a second feature must score at least this share of the first
MAX_FEATURES = 3
WITHOUT = "without"  # how the features' own words say a lack ("grpc without a proxy")
_NONE: frozenset[str] = frozenset()


def _words(text: str) -> list[str]:
    return [w for w in normalise(text).split() if w not in _IGNORED and not w.isdigit()]


@lru_cache(maxsize=8192)  # building the index stems ~9,000 words, most many times over
def stem(word: str) -> str:
    """A light stem: 'enforcing', 'enforced', 'enforce' -> 'enforc'; 'rotation', 'rotate' ->
    'rotat'; 'policies' -> 'policy'. Lighter than Porter's, so 'authority' and
    'authorization' stay apart."""
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + replacement
            if suffix in ("ing", "ed") and word[-1] == word[-2] and word[-1] not in _KEEP_DOUBLE:
                word = word[:-1]
            break
    for suffix, replacement in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("er") and len(word) > 5:
        word = word[:-2]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _stems(text: str) -> list[str]:
    return [stem(w) for w in _words(text)]


def rarity(word: str) -> float:
    """How much a word says by itself: everyday English ('take', 'long', 'thing') little.

    From its Zipf frequency in general English (see lexicon.py): 1 for rare and technical
    words, down to 0.15 for the commonest.
    """
    return min(1.0, max(0.15, (_COMMON_ZIPF - zipf(word)) / 2))


def terms(text: str) -> list[str]:
    """Stems and neighbouring pairs of stems ('log', 'only', 'log only')."""
    stems = _stems(text)
    return stems + [f"{a} {b}" for a, b in itertools.pairwise(stems)]


def query_terms(text: str, short_forms: dict[str, tuple[str, ...]]) -> set[str]:
    """A question's terms, a clipped word standing for itself and each word it clips
    (`short_forms`, stems by word: "l7 auth" is also "l7 authorization"). A clipped word that
    stands only for words that say nothing ("svcs" for "services") says nothing either."""
    options = [
        (stem(w), *short_forms.get(w, ()))
        for w in _words(text)
        if w not in short_forms or short_forms[w]
    ]
    pairs = {f"{a} {b}" for one, two in itertools.pairwise(options) for a in one for b in two}
    return {s for option in options for s in option} | pairs


@dataclass(frozen=True)
class Ranked:
    feature: str
    own: float  # from the feature's own words
    score: float  # with the meshes' notes on it


class FeatureRetriever:
    """BM25 over weighted feature documents, built once per knowledge base."""

    def __init__(
        self,
        kb: KnowledgeBase,
        generic: frozenset[str] = frozenset(),
        privative: frozenset[str] = frozenset(),
    ) -> None:
        self._privative = privative
        """`generic`: the field's own everyday words, weighed like common English."""
        # A narrower kind of another feature ("global rate limiting") is found by its own
        # aliases only: its words are the broader one's, so ranking them would split the
        # broader feature's questions between the two.
        ranked = [f for f in kb.features.values() if not f.narrows]
        notes: dict[str, set[str]] = {f.id: set() for f in ranked}
        for mesh in kb.meshes.values():
            for feature_id, support in mesh.features.items():
                if support.note and feature_id in notes:
                    notes[feature_id].add(support.note)
        self._own = {f.id: self._document(f) for f in ranked}
        self._short = {
            normalise(short): tuple(dict.fromkeys(s for word in full for s in _stems(word)))
            for short, full in kb.rules.short_forms.items()
        }
        # What a clipped word also stands for is that one word said, not a second one.
        self._clipped = {
            full: stem(short) for short, stems in self._short.items() for full in stems
        }
        # A one-word alias inflected ("upgrading" for "upgrades") names its feature alone.
        self._named = {
            f.id: frozenset(stem(a) for a in map(normalise, f.aliases) if a and " " not in a)
            for f in ranked
        }
        self._notes = {f: self._notes_document(sorted(texts)) for f, texts in notes.items()}
        self._idf: dict[str, float] = {}
        self._average: dict[str, float] = {}
        self._length = {
            id(doc): sum(doc.values()) for docs in (self._own, self._notes) for doc in docs.values()
        }
        for docs in (self._own, self._notes):
            lengths = [self._length[id(doc)] for doc in docs.values()]
            self._average[id(docs)] = sum(lengths) / max(1, len(lengths))
        self._postings: dict[str, set[str]] = {}  # term -> the features whose own words have it
        for feature, doc in self._own.items():
            for term in doc:
                self._postings.setdefault(term, set()).add(feature)
        frequency = Counter(
            term for docs in (self._own, self._notes) for doc in docs.values() for term in doc
        )
        total = 2 * len(self._own)
        self._idf = {
            term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()
        }
        texts = [t for f in ranked for t in (f.name, *f.aliases, *f.tasks)]
        texts += [f.description for f in ranked]
        # A field word that is itself a feature's alias ("circuit breaker") is no filler.
        named = {normalise(a) for f in kb.features.values() for a in (f.name, *f.aliases)}
        common = {stem(w) for phrase in generic - named for w in phrase.split()}
        self._rarity: dict[str, float] = {}
        for text in texts:
            for word in _words(text):
                root = stem(word)
                weight = min(rarity(word), _GENERIC) if root in common else rarity(word)
                self._rarity[root] = max(self._rarity.get(root, 0.0), weight)

    @staticmethod
    def _document(feature: Feature) -> Counter[str]:
        fields = {
            "name": [feature.name, feature.id.replace("_", " ")],
            "aliases": feature.aliases,
            "tasks": feature.tasks,
            "description": [feature.description],
        }
        doc: Counter[str] = Counter()
        for field, texts in fields.items():
            for text in texts:
                for term in terms(text):
                    doc[term] += _WEIGHTS[field]
        return doc

    @staticmethod
    def _notes_document(notes: Iterable[str]) -> Counter[str]:
        doc: Counter[str] = Counter()
        for note in notes:
            for term in terms(note):
                doc[term] += _NOTE_WEIGHT
        return doc

    def _weight(self, term: str) -> float:
        """A pair weighs as much as its more telling word."""
        return max(self._rarity.get(root, 1.0) for root in term.split())

    def _bm25(
        self, query: set[str], doc: Counter[str], average: float, named: frozenset[str] = _NONE
    ) -> float:
        """`named`: terms that name the feature, each as good as two shared words."""
        norm = _K1 * (1 - _B + _B * self._length[id(doc)] / average)
        score = 0.0
        matched = query & doc.keys()
        telling = [t for t in matched if self._weight(t) >= MEANINGFUL]
        said = {self._clipped.get(t, t) for t in telling}  # "config" and its "configuration"
        if len(said) + len(named & set(telling)) < MIN_TERMS:
            return score
        for term in matched:
            tf = doc[term]
            boost = _PAIR_BOOST if " " in term else 1.0
            score += boost * self._weight(term) * self._idf[term] * tf * (_K1 + 1) / (tf + norm)
        return score

    def rank(self, text: str) -> list[Ranked]:
        """Every feature the words touch, best first.

        Only the feature's own words can make it relevant; the meshes' notes on it
        (which name vendors, versions and other features) add to a score, never make one.
        """
        words = normalise(text).split()
        query = query_terms(
            " ".join(WITHOUT if w in self._privative else w for w in words), self._short
        )
        own_average, notes_average = self._average[id(self._own)], self._average[id(self._notes)]
        touched = {feature for term in query for feature in self._postings.get(term, ())}
        scores = []
        for feature, doc in self._own.items():
            if feature not in touched:  # shares no term: scores nothing
                continue
            own = self._bm25(query, doc, own_average, self._named[feature])
            if own:
                notes = self._bm25(query, self._notes[feature], notes_average)
                scores.append(Ranked(feature, own, own + notes))
        return sorted(scores, key=lambda r: -r.score)

    def says_clearly(self, text: str) -> bool:
        """Whether the words name some feature as clearly as a second topic must be said."""
        return any(r.own >= CLEAR for r in self.rank(text))

    def find(self, text: str, floor: float = MIN_SCORE, known: Collection[str] = ()) -> list[str]:
        """The features a question is about: the best, and any close runners-up (`floor`:
        the least a feature's own words must score); none when one of the `known` features
        (asked for elsewhere) its words fit nearly as well as the best: they detail that one
        ("not its own CA" beside SPIRE-issued SVIDs). A runner-up's own words must say it
        clearly: the meshes' notes bring it close but never carry in one the words barely
        name ("ingress-nginx controller in front of …" is no ingress question)."""
        return self.choose(self.rank(text), floor, known)

    @staticmethod
    def choose(every: list[Ranked], floor: float, known: Collection[str]) -> list[str]:
        """`find` over a ranking already made."""
        ranked = [r for r in every if r.own >= floor]
        if not ranked:
            return []
        bar = ranked[0].own * RUNNER_UP
        if any(r.feature in known and r.own >= bar for r in every):
            return []
        bar = ranked[0].score * RUNNER_UP
        runners_up = [r for r in ranked[1:MAX_FEATURES] if r.score >= bar and r.own >= CLEAR]
        return [r.feature for r in [ranked[0], *runners_up]]
