"""Must-nots read from a refusal and what it refuses, within one clause.

"We don't want to run Envoy", "envoy is a no-go for us", "can't have a C++ proxy in the
path", "we'd rather not swap out Calico", "no vendor support needed": a refusal cue
(`phrases.negation` and `refusals.before` before the object, `refusals.after` after it)
governs one of a must-not fact's objects (`refusals.objects`; a word right before or after
it can make it something else), or a vendor (`vendors:`, into `refusals.vendors.fact`),
within `refusals.window` words, in the same clause. `limits` and `demands` are read the same
way: what a setup says is all it has ("north-south only"), and what it insists on unless a
refusal governs it ("security insists on a per-pod proxy"). A clause that accepts ("no problem
with sidecars") or opens on a supposition (`refusals.supposing`: "if there's no sidecar, …")
refuses nothing.
Clauses end at punctuation and at `phrases.clause_break`. Every word is in rules.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.money import signs_as_words
from bot.knowledge.aliases import normalise
from bot.knowledge.models import FactType, FactValue, Limits, RulesFile

# A parenthesised aside belongs to its clause ("licence stuff (BUSL) is fine with legal");
# an em dash ends one.
_PUNCTUATION = re.compile(r"[,.;:!?\n—]+")
_PUNCTUATION_KEPT = re.compile(r"([,.;:!?\n—]+)")  # the same cuts, each kept
_SENTENCES = re.compile(r"(?<=[.!?\n])")  # a sentence keeps its closing mark
# What is left of a contraction's tail once punctuation is gone ("don't" is "don t")
CLITICS = frozenset({"t", "s", "d", "ll", "re", "ve", "m"})
LIST_WORDS = frozenset({"and", "or", "nor"})  # "no envoy or sidecars": one listed refusal


def _alternation(phrases: Iterable[str]) -> LazyPattern | None:
    return word_pattern(normalise(p) for p in phrases)


def _object(
    words: list[str], unless_next: list[str], unless_before: Sequence[str] = ()
) -> LazyPattern | None:
    """The object's words, less those with an `unless_next` word right after or an
    `unless_before` word right before."""
    named = _alternation(words)
    if named is None:
        return None
    unless = _alternation(unless_next)
    guard = rf"(?!\s+(?:{unless.pattern}))" if unless else ""
    # one look-behind a word: each must be of fixed width
    behind = "".join(rf"(?<!\b{re.escape(normalise(w))} )" for w in unless_before)
    return LazyPattern(behind + named.pattern + guard)


def _around(clause: str, obj: re.Match[str], window: int) -> tuple[str, str]:
    """The `window` words before the object and the `window` words after it, each word as
    written: a contraction's tail is no word of its own ("don t want to run sidecars" has the
    cue four words before the object)."""
    words = clause[: obj.start()].split()
    start, counted = len(words), 0
    while start > 0 and counted < window:
        start -= 1
        counted += words[start] not in CLITICS
    after = clause[obj.end() :].split()
    end = counted = 0
    while end < len(after) and (counted < window or after[end] in CLITICS):
        counted += after[end] not in CLITICS
        end += 1
    return " ".join(words[start:]), " ".join(after[:end])


def _expanded(words: list[str], vendors: list[str]) -> list[str]:
    """The words, each with `{vendor}` in it once for every vendor's word ("{vendor} support":
    "microsoft support", "aws support" …; a bare "{vendor}" is every vendor's word)."""
    return [
        form
        for word in words
        for form in ([word.format(vendor=v) for v in vendors] if "{vendor}" in word else [word])
    ]


class _Cued:
    """Objects a cue before (within the window) or right after sets: what a setup says is
    all it has (`limits`), or what it insists on (`demands`)."""

    def __init__(self, cues: Limits, window: int) -> None:
        self._window = window
        self._before = _alternation(cues.before)
        # "… or stay on sidecars?": a cue after one of these is a side of a choice asked
        self._asked = frozenset(normalise(w) for w in cues.unless_before)
        self._after = _alternation(cues.after)
        self.objects = [
            (fact, said.value, pattern)
            for fact, said in cues.objects.items()
            if (pattern := _object(said.words, said.unless_next, said.unless_before))
        ]

    def cued(self, clause: str, pattern: LazyPattern) -> bool:
        """A cue within the window before an object this pattern finds, or right after it."""
        for obj in pattern.finditer(clause):
            before, after = _around(clause, obj, self._window)
            cue = self._before.search(before) if self._before else None
            if (cue and not self._asked_before(clause[: obj.start()], before, cue)) or (
                self._after and self._after.match(after)
            ):
                return True
        return False

    def _asked_before(self, head: str, before: str, cue: re.Match[str]) -> bool:
        """The word right before the cue is one of `unless_before` ("or stay on")."""
        said = head.split()
        at = len(said) - len(before.split()) + len(before[: cue.start()].split())
        return at > 0 and said[at - 1] in self._asked


# A requirement accepted: the clause that says so last, the value it holds, the words accepted.
_Accepted = tuple[int, FactValue, list[str]]


def _lifted(accepted: _Accepted | None, at: int, refused: LazyPattern) -> bool:
    """A refusal in clause `at` taken back by a later clause accepting the same thing ("someone
    says move to Kuma to 'avoid BUSL', but legal is fine with BUSL"): what was said last
    stands; a refusal of something else the fact covers ("no budget for licences … BUSL is
    fine") stays."""
    if accepted is None:
        return False
    when, _, words = accepted
    return when > at and any(refused.search(word) for word in words)


class RefusalReader:
    """Sets must-not flags from free text (patterns built once)."""

    def __init__(self, rules: RulesFile, names: Iterable[str] = ()) -> None:
        """`names`: products whose names hold a vendor's word ("AWS App Mesh"): left, after a
        cue of `refusals.meshes`, they are the product left, never its maker refused ("moving
        off AWS App Mesh" refuses nothing of AWS)."""
        refusals = rules.refusals
        named, leaving = _alternation(names), refusals.meshes
        cues = _alternation(leaving.before) if leaving else None
        self._names = (
            LazyPattern(rf"\b(?:{cues.pattern})\s+(?:\w+\s+)?(?:{named.pattern})")
            if named and cues
            else None
        )
        self._window = refusals.window
        self._breaks = _alternation(rules.phrases.get("clause_break", []))
        self._accepting = _alternation(refusals.accepting)
        self._accepting_back = _alternation(refusals.accepting_back)
        self._supposing = _alternation(refusals.supposing)
        causes = _alternation(refusals.causes)
        self._caused = LazyPattern(rf"\b(?:{causes.pattern})\s*$") if causes else None
        proposing = _alternation(refusals.proposing)
        self._proposed = LazyPattern(rf"\b(?:{proposing.pattern})\s*$") if proposing else None
        self._phrasal = _alternation(refusals.phrasal)
        self._extends = _alternation(refusals.extends)
        self._preferring = _alternation(refusals.preferring)
        self._offering = _alternation(refusals.offering)
        self._preferred_fact = refusals.preferred_fact
        self._weighed = refusals.weighed
        self._before = _alternation([*rules.phrases.get("negation", []), *refusals.before])
        self._after = _alternation(refusals.after)
        self._gathering = _alternation(refusals.gathering)
        vendor_words = [w for words in rules.vendors.values() for w in words]
        self._also = {
            refused.sets or fact: refused.also for fact, refused in refusals.objects.items()
        }
        self._objects = [
            (refused.sets or fact, refused.value, pattern)
            for fact, refused in refusals.objects.items()
            if (
                pattern := _object(
                    _expanded(refused.words, vendor_words),
                    _expanded(refused.unless_next, vendor_words),
                    refused.unless_before,
                )
            )
        ]
        self._accepted = [
            (fact, accepted.value, pattern)
            for fact, accepted in refusals.accepted.items()
            if (pattern := _object(accepted.words, accepted.unless_next))
        ]
        every = [w for refused in refusals.objects.values() for w in refused.words]
        self._any_object = _alternation(every)
        self._list_words = _alternation(LIST_WORDS)
        self._listed_next = self._listed_pattern()
        self._weakest = {f.id: f.choices[0] for f in rules.facts if f.choices}
        self._strictness = {f.id: f.choices for f in rules.facts if f.type == FactType.choice}
        self._limits = _Cued(refusals.limits, refusals.window)
        self._demands = _Cued(refusals.demands, refusals.window)
        vendors = refusals.vendors
        self._vendor_fact = vendors.fact if vendors else None
        paid = _alternation(vendors.paid) if vendors else None
        self._vendors = [
            (vendor, pattern)
            for vendor, words in rules.vendors.items()
            if vendors and (pattern := _object(words, vendors.unless_next))
        ]
        if paid:  # "won't be paying buoyant": the payment and its payee, one object
            self._vendors = [
                (v, LazyPattern(rf"(?:(?:{paid.pattern})\s+)?(?:{p.pattern})"))
                for v, p in self._vendors
            ]

    def read(self, text: str) -> dict[str, FactValue]:
        """The must-nots a refusal in `text` sets (never a flag to false; "no vendor support
        needed" sets support to none); a clause that accepts something ("no problem with
        sidecars") refuses nothing."""
        facts: dict[str, FactValue] = {}
        refused_vendors: list[str] = []
        preferred: list[str] = []
        outright: set[str] = set()  # refused in a clause that says no preference
        text = signs_as_words(text)  # "no vendor $$$": no money for a vendor
        clauses = self._all_clauses(text)
        accepted = self._accepted_in(clauses)
        for fact, (_, value, _) in accepted.items():
            facts.setdefault(fact, value)
        for at, clause in enumerate(clauses):
            if not self._may_refuse(clause) or not self._cued(clause):  # refuses nothing
                continue
            soft = bool(self._preferring and self._preferring.search(clause))
            for fact, value, pattern in self._objects:
                if _lifted(accepted.get(fact), at, pattern):
                    continue  # "… 'avoid BUSL' but legal is fine with BUSL": accepted since
                if self._refuses(clause, pattern):  # the stricter where two set one fact
                    facts[fact] = self._stricter(fact, facts.get(fact), value)
                    for implied, also in self._also.get(fact, {}).items():
                        facts.setdefault(implied, also)  # "no envoy anywhere": no envoy
                    preferred += [fact] if soft and value is True else []
                    outright |= set() if soft else {fact}
            unnamed = self._names.sub(" ", clause) if self._names else clause
            refused_vendors += [v for v, p in self._vendors if self._refuses(unnamed, p)]
        if self._vendor_fact and refused_vendors:
            facts[self._vendor_fact] = list(dict.fromkeys(refused_vendors))
        for fact in [f for f in preferred if f in self._weighed and f not in outright]:
            del facts[fact]  # "without sidecars if possible": weighed, not screened
            facts[self._weighed[fact]] = True
            preferred = [f for f in preferred if f != fact]
        if self._preferred_fact and preferred:  # "i'd prefer no sidecars": given up first
            facts[self._preferred_fact] = list(dict.fromkeys(preferred))
        for clause in map(normalise, _PUNCTUATION.split(text)):
            for fact, value, pattern in self._limits.objects:
                if fact not in facts and self._limits.cued(clause, pattern):
                    facts[fact] = value
            for fact, value, pattern in self._demands.objects:
                if (
                    fact not in facts
                    and self._demands.cued(clause, pattern)
                    and not self._refuses(clause, pattern)
                ):
                    facts[fact] = value
        return facts

    def _stricter(self, fact: str, old: FactValue | None, new: FactValue) -> FactValue:
        """Of two values a refusal sets one choice fact to, the stricter ("no BUSL … no
        budget for a paid replacement" is open source only); otherwise the first said."""
        order = self._strictness.get(fact)
        if old is None:
            return new
        if order and old in order and new in order:
            return max(old, new, key=order.index)
        return old

    def without_refused(self, normalised: str) -> str:
        """The text less the objects a refusal governs: what they won't run ("rather not
        operate control planes ourselves") is a must-not, not a topic to look features up by."""
        # the clause breaks stay: "only" still says something ("log-only mode")
        parts = re.split(f"({self._breaks.pattern})", normalised) if self._breaks else [normalised]
        kept = [p if i % 2 else self._unrefused(p) for i, p in enumerate(parts)]
        return " ".join(" ".join(kept).split())

    def _unrefused(self, clause: str) -> str:
        for _, _, pattern in self._objects:
            spans = [m.span() for m in pattern.finditer(clause) if self._refused(clause, m)]
            for start, end in reversed(spans):
                clause = f"{clause[:start]} {clause[end:]}"
        return clause

    def names_refused(self, clause: str, refused: dict[str, FactValue]) -> bool:
        """The clause names what a must-not in `refused` refuses ("debugging envoy config
        dumps" beside "no envoy")."""
        normalised = normalise(clause)
        return any(
            fact in refused and pattern.search(normalised) for fact, _, pattern in self._objects
        )

    def _refuses(self, clause: str, pattern: LazyPattern) -> bool:
        return any(self._refused(clause, m) for m in pattern.finditer(clause))

    def merged(
        self, known: dict[str, FactValue], read: dict[str, FactValue]
    ) -> dict[str, FactValue]:
        """What the refusals read, over what the words alone set: a refusal that lifts a
        requirement altogether (support: none, any licence) replaces what its own words
        set ("no vendor support needed"); otherwise the stricter requirement wins ("CNCF
        only, no budget for licences" stays CNCF only). A vendor refused is no vendor they
        buy from, nor the one whose support they want."""
        out = dict(known)
        refused = read.get(self._vendor_fact, []) if self._vendor_fact else []
        if known.get("vendor") in refused:
            del out["vendor"]  # "we won't pay kong": a vendor refused is none they buy from
        if known.get("support") in refused:
            del out["support"]  # "no red hat subscription": nor the support they want
        for fact, value in read.items():
            order = self._strictness.get(fact)
            old = out.get(fact)
            if order and old in order and value in order and value != self._weakest.get(fact):
                value = max(old, value, key=order.index)
            out[fact] = value
        return out

    def preferring_clauses(self, text: str) -> tuple[list[str], list[str]]:
        """The text's clauses (normalised) with a `preferring` word ("managed if possible"),
        or offering an option among others in a question (`offering`: "ambient, linkerd, or
        something managed?"), and the others."""
        clauses = self._all_clauses(text)
        offered = self._offered_clauses(text)
        soft = [
            c for c in clauses if (self._preferring and self._preferring.search(c)) or c in offered
        ]
        return soft, [c for c in clauses if c not in soft]

    def _offered_clauses(self, text: str) -> set[str]:
        """The clauses of the text's questions that hold an `offering` word: each names one
        of the options the question weighs ("should we go managed or stay on istio?")."""
        if self._offering is None:
            return set()
        questions = [s for s in _SENTENCES.split(text) if s.rstrip().endswith("?")]
        return {c for q in questions for c in self._all_clauses(q) if self._offering.search(c)}

    def clauses(self, text: str) -> list[str]:
        """The text's clauses, normalised: cut at punctuation and `phrases.clause_break`."""
        return self._all_clauses(text)

    def _all_clauses(self, text: str) -> list[str]:
        found = []
        for piece in self._sentence_pieces(text):
            parts = self._breaks.split(piece) if self._breaks else [piece]
            found += [" ".join(p.split()) for p in parts if p.strip()]
        return found

    def _sentence_pieces(self, text: str) -> list[str]:
        """The text cut at punctuation, normalised; a piece that adds to what the piece
        before it says (`extends`: "…, node-level proxies included") stays joined to it, and
        so does what a refusal labels with a colon ("must not: new CNI", a pasted ticket's)."""
        pieces: list[str] = []
        cuts = _PUNCTUATION_KEPT.split(text)
        labelled = False
        for piece, cut in zip(map(normalise, cuts[::2]), [*cuts[1::2], ""], strict=True):
            if pieces and labelled:
                pieces[-1] = f"{pieces[-1]} {piece}"
            elif pieces and self._extends and self._extending(piece):
                pieces[-1] = f"{pieces[-1]} , {piece}"  # the comma kept: no object runs on
            else:
                pieces.append(piece)
            labelled = cut.strip() == ":" and self._labels(piece)
        return pieces

    def _labels(self, piece: str) -> bool:
        """The piece ends on a refusal cue: what a colon after it gives is what it refuses."""
        words = " ".join(piece.split())
        return bool(self._before and re.search(rf"(?:{self._before.pattern})$", words))

    def _extending(self, piece: str) -> bool:
        """The piece opens or closes on an `extends` word ("including sidecars", "node
        proxies too")."""
        words = " ".join(piece.split())
        return bool(
            self._extends
            and (self._extends.match(words) or re.search(rf"(?:{self._extends.pattern})$", words))
        )

    def _may_refuse(self, clause: str) -> bool:
        """A clause that may refuse: none that accepts ("no problem with sidecars") or
        supposes ("if there's no sidecar, …")."""
        return not self._accepts(clause) and not (self._supposing and self._supposing.match(clause))

    def _accepted_in(self, clauses: list[str]) -> dict[str, _Accepted]:
        """Each requirement a clause lifts by accepting its object ("legal is fine with
        BUSL"): the last clause saying so, the value it holds, and the words accepted."""
        found: dict[str, _Accepted] = {}
        for at, clause in enumerate(clauses):
            for fact, value, pattern in self._accepted:
                said = [
                    m.group() for m in pattern.finditer(clause) if self._accepted_here(clause, m)
                ]
                if said:
                    found[fact] = (at, value, said)
        return found

    def _accepted_here(self, clause: str, obj: re.Match[str]) -> bool:
        """An accepting cue near the object ("fine with BUSL"), or one said back of it later
        in the clause ("legal reviewed the busl thing in 2023 and it's fine for us")."""
        if self._accepts(clause) and self._near(clause, obj, self._accepting):
            return True
        back = self._accepting_back
        return bool(back and back.search(clause[obj.end() :]))

    def _accepts(self, clause: str) -> bool:
        return bool(self._accepting and self._accepting.search(clause))

    def _cued(self, clause: str) -> bool:
        """A refusal cue anywhere in a clause (single-spaced, as `_all_clauses` gives them):
        without one, no object in it is refused, since the words around an object are a
        stretch of the clause."""
        clause = self._unmeant(clause)
        return bool(
            (self._before and self._before.search(clause))
            or (self._after and self._after.search(clause))
        )

    def _unmeant(self, clause: str) -> str:
        """The clause with each `phrasal` verb blanked out, its length kept ("drop down to
        raw envoy config" refuses nothing): positions found in the clause still hold."""
        if not self._phrasal:
            return clause
        return self._phrasal.sub(lambda m: re.sub(r"\S", "_", m.group()), clause)

    def _refused(self, clause: str, obj: re.Match[str]) -> bool:
        """A cue within `window` words before the object, or after it. A cue before governs
        the first object after it and those listed with it, not one past another object:
        "no sidecars (per-node proxy)" refuses sidecars and says what they had instead."""
        clause = self._unmeant(clause)
        before, after = _around(clause, obj, self._window)
        cues = list(self._before.finditer(before)) if self._before else []
        if cues and not self._past_another(before[cues[-1].end() :]):
            # "… bc no support contract": why something else failed, no refusal
            caused = self._caused and self._caused.search(before[: cues[-1].start()])
            # "why not the managed one?": put forward, however far back the clause says why
            said = clause[: obj.start()].rstrip()
            put = said[: len(said) - len(before) + cues[-1].start()]
            return not (caused or (self._proposed and self._proposed.search(put)))
        if self._after and self._after.search(after):
            return True
        if self._cued_after_list(clause, obj):
            return True
        return self._extended(clause, obj, before, after)

    def _listed_pattern(self) -> LazyPattern | None:
        """A list word and another object right after it: "… and envoy"."""
        objects, words = self._any_object, self._list_words
        if objects is None or words is None:
            return None
        return LazyPattern(lambda: rf"\s*(?:{words.pattern})\s+(?:{objects.pattern})")

    def _cued_after_list(self, clause: str, obj: re.Match[str]) -> bool:
        """A refusal cue after the objects listed with this one, past a `gathering` word
        ("sidecars and envoy are both off the table", "envoy or sidecars are all banned"):
        the cue governs the whole list, within the window of its last object."""
        if not self._after:
            return False
        rest = clause[obj.end() :]
        while self._listed_next and (listed := self._listed_next.match(rest)):
            rest = rest[listed.end() :]
        if self._gathering:
            rest = self._gathering.sub(" ", rest)
        return bool(self._after.search(" ".join(rest.split()[: self._window])))

    def _extended(self, clause: str, obj: re.Match[str], before: str, after: str) -> bool:
        """An `extends` word right after the object or before it (a word apart at most), and
        a refusal cue
        anywhere before it in the clause: "refuses anything envoy based node level proxies
        included"."""
        if not self._extends or not self._before:
            return False
        beside = self._extends.match(after) or re.search(
            rf"(?:{self._extends.pattern})(?:\s+\w+)?$",
            before,  # "including shared node proxies"
        )
        return bool(beside and self._before.search(clause[: obj.start()]))

    def _past_another(self, gap: str) -> bool:
        """Another object stands between a cue and the object, listed with it by no "and",
        "or" or "nor" after it."""
        others = list(self._any_object.finditer(gap)) if self._any_object else []
        return bool(others) and not (
            self._list_words and self._list_words.match(gap[others[-1].end() :].lstrip())
        )

    def _near(self, clause: str, obj: re.Match[str], cue: LazyPattern | None) -> bool:
        """A cue within `window` words of the object, on either side."""
        before, after = _around(clause, obj, self._window)
        return bool(cue and (cue.search(before) or cue.search(after)))
