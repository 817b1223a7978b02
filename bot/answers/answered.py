"""A reply in a thread that answers a recommendation's questions in words, as a button does.

The recommendation asks one question next ("Do you need a vendor's support contract?
1. No 2. From our cloud provider 3. From any vendor"). A reply answers it with the option's
number or place ("2", "the second one"), a bare yes or no where an option `means` one
("nope"), or the option's own words: its label or its `said` words, whatever the order and
with `filler` around them ("from our cloud provider", "any vendor is fine"). The own words of
an option of another open question answer that one too ("sidecars are fine" while support
was asked): a fact volunteered is recorded, not dropped.

A reply is read so where each of its clauses (rules.yaml `replies.breaks`) is such an answer,
filler, or more of the setup ("from any vendor, and we need jwt"); one clause asking something
else ("no, but why not istio?") leaves the whole reply to be read as any other reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from bot.answers.after_pick import in_terms_of_asked, known_facts, needed_features, outlook_of
from bot.intents.models import Intent
from bot.intents.parser import IntentParser
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Option, Question, Replies

SLIP_LENGTH = 5  # words this long may carry one slip ("provder", "sidecar" for "sidecars")
# A comma or stop between two digits groups or splits a number ("1,800 pods", "1.5 GB"): no
# clause ends there, or "1,800" would answer a question's first option and leave "800 pods".
_CLAUSE_MARKS = re.compile(r"(?:[;!?\n:()]|(?<!\d)[,.]|[,.](?!\d))+|\s[-–—]+\s")

Words = tuple[str, ...]


@dataclass(frozen=True)
class Answered:
    """What a reply answered: the facts its answers set, the facts and the needs its other
    clauses say of the setup, and the pick the recommendation had made before it."""

    chosen: dict[str, FactValue]
    setup: dict[str, FactValue]
    needs: list[str]
    before: str | None
    asked: Question | None  # the question the recommendation asked next


def answered(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Answered | None:
    """The reply's answers to the recommendation's questions and what else it says of the
    setup; None where it answers nothing, or a clause of it is neither."""
    reader = _Reader(kb)
    clauses = [(c, w) for c in _clauses(text, reader.breaks) if (w := reader.content(c))]
    if not any(reader.could_be(words) for _, words in clauses):
        return None  # no answer to any question: spare weighing the open ones
    outlook = outlook_of(kb, context)
    asked = outlook.most_telling_question()
    reader.asking(asked, [o for q, o, _ in outlook.options if asked and q.id == asked.id])
    chosen: dict[str, FactValue] = {}
    setup: dict[str, FactValue] = {}
    needs: list[str] = []
    for clause, words in clauses:
        if bare := reader.bare(words):  # "2", "nope": the question asked
            chosen.update(bare.set)
            continue
        said = parser.setup_of(clause, context.facts)  # what it says of the setup comes first
        if facts := known_facts(kb, in_terms_of_asked(asked, said.facts)):
            setup.update(facts)
            needs += needed_features(said)
        elif option := reader.option(words):
            chosen.update(option.set)
        else:
            return None  # a clause asking something else
    return Answered(chosen, setup, needs, outlook.verdict.pick, asked) if chosen else None


def may_answer(kb: KnowledgeBase, text: str) -> bool:
    """Whether the reply, read on its own, could answer a question a recommendation asks
    ("nope", "2", "from our cloud provider"): a direct message worth reading against the
    conversation's latest answer."""
    reader = _Reader(kb)
    clauses = [w for c in _clauses(text, reader.breaks) if (w := reader.content(c))]
    return bool(clauses) and all(reader.could_be(words) for words in clauses)


def _clauses(text: str, breaks: list[Words]) -> list[str]:
    """The reply's clauses: split at punctuation and at the words between two answers."""
    pieces = []
    for piece in _CLAUSE_MARKS.split(text):
        words = normalise(piece).split()
        start = 0
        for at in range(len(words)):
            if any(tuple(words[at : at + len(b)]) == b for b in breaks) and at > start:
                pieces.append(" ".join(words[start:at]))
                start = at
        pieces.append(" ".join(words[start:]))
    return [p for p in pieces if p]


class _Vocabulary:
    """The words of rules.yaml `replies` and of every option, read once a knowledge base."""

    def __init__(self, replies: Replies, questions: list[Question]) -> None:
        self._skipped: dict[str, list[Words]] = {}
        for phrase in _phrases([*replies.filler, *replies.breaks]):
            self._skipped.setdefault(phrase[0], []).append(phrase)
        self.breaks = _phrases(replies.breaks)
        self.yes_no = {
            "yes": _phrases(self.content(p) for p in replies.yes),
            "no": _phrases(self.content(p) for p in replies.no),
        }
        self.ordinals = [self.content(p) for p in replies.ordinals]
        self.said = {
            (q.id, o.label): [w for p in [o.label, *o.said] if (w := self.content(p))]
            for q in questions
            for o in q.options
        }

    def content(self, text: str) -> Words:
        """The words less filler (and less the words that split answers)."""
        words = normalise(text).split()
        kept: list[str] = []
        at = 0
        while at < len(words):
            skipped = self._skipped.get(words[at], [])
            said = next((f for f in skipped if tuple(words[at : at + len(f)]) == f), None)
            if said:
                at += len(said)
                continue
            kept.append(words[at])
            at += 1
        return tuple(kept)


_READ: dict[int, tuple[Replies, _Vocabulary]] = {}


def _vocabulary(kb: KnowledgeBase) -> _Vocabulary:
    replies = kb.rules.replies
    known = _READ.get(id(replies))
    if known is None or known[0] is not replies:
        known = _READ[id(replies)] = (replies, _Vocabulary(replies, kb.rules.questions))
    return known[1]


class _Reader:
    """Reads one clause as an answer: to the question asked, else to another open one."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._words = _vocabulary(kb)
        self.breaks = self._words.breaks
        self.content = self._words.content
        self._questions = kb.rules.questions
        self._asked: Question | None = None
        self._offered: list[Option] = []
        self._others = self._questions

    def asking(self, asked: Question | None, offered: list[Option]) -> None:
        """The question the recommendation asked next, and the options it offered."""
        self._asked, self._offered = asked, offered
        self._others = [q for q in self._questions if asked is None or q.id != asked.id]

    def bare(self, words: Words) -> Option | None:
        """The option of the question asked the clause chooses by its number or place, or
        by a bare yes or no."""
        return self._by_place(words) or self._by_yes_no(words) if self._asked else None

    def option(self, words: Words) -> Option | None:
        """The option the clause's own words choose: of the question asked, else of one
        other question (never by a bare yes or no)."""
        if self._asked is not None:
            mine = [o for o in self._offered if self._says(words, self._asked, o)]
            if len(mine) == 1:
                return mine[0]
        if self._bare(words):
            return None  # a yes or no answers only the question asked
        theirs = [(q, o) for q in self._others for o in q.options if self._says(words, q, o)]
        return theirs[0][1] if len(theirs) == 1 else None

    def could_be(self, words: Words) -> bool:
        """Whether the words could answer some question: a yes or no, a place, or the own
        words of any option."""
        mine = any(self._says(words, q, o) for q in self._others for o in q.options)
        return mine or self._bare(words)

    def _by_place(self, words: Words) -> Option | None:
        n = int(words[0]) if len(words) == 1 and words[0].isdigit() else 0
        if not n and words in self._words.ordinals:
            n = self._words.ordinals.index(words) + 1
        return self._offered[n - 1] if 1 <= n <= len(self._offered) else None

    def _by_yes_no(self, words: Words) -> Option | None:
        for means, said in self._words.yes_no.items():
            if _made_of(words, said):
                return next((o for o in self._offered if o.means == means), None)
        return None

    def _bare(self, words: Words) -> bool:
        said = any(_made_of(words, said) for said in self._words.yes_no.values())
        placed = words in self._words.ordinals or (len(words) == 1 and words[0].isdigit())
        return said or placed

    def _says(self, words: Words, question: Question, option: Option) -> bool:
        """The clause's words are the option's label or `said` words, in any order."""
        return any(_same(words, p) for p in self._words.said[(question.id, option.label)])


def _phrases(texts: Iterable[str | Words]) -> list[Words]:
    """Phrases as word tuples, longest first (the longest one said is the one meant)."""
    found = {tuple(normalise(t).split()) if isinstance(t, str) else t for t in texts} - {()}
    return sorted(found, key=len, reverse=True)


def _made_of(words: Words, phrases: list[Words]) -> bool:
    """The words are one or more of the phrases, one after another ("nah, not needed")."""
    at = 0
    while at < len(words):
        said = next((p for p in phrases if words[at : at + len(p)] == p), None)
        if said is None:
            return False
        at += len(said)
    return bool(words)


def _same(words: Words, phrase: Words) -> bool:
    """The same words as a set, a slip allowed in the longer ones."""
    return all(any(_like(w, p) for p in phrase) for w in words) and all(
        any(_like(w, p) for w in words) for p in phrase
    )


def _like(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= SLIP_LENGTH and OSA.distance(a, b) <= 1)
