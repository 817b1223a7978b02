"""Pull entities and facts out of free text: meshes, features and signal phrases."""

from __future__ import annotations

import re
import weakref
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field, fields

from bot.intents.alternation import word_pattern
from bot.intents.channel_run import channel_words
from bot.intents.fillers import Fillers
from bot.intents.lazy import LazyPattern
from bot.intents.lexicon import established, ordinary
from bot.knowledge.aliases import STOPWORDS, AliasIndex, normalise
from bot.knowledge.memo import remember
from bot.knowledge.models import FactType, FactValue, RulesFile, Signal

MAX_SPAN = 4  # "red hat service mesh", "google cloud service mesh"
_WORDS = re.compile(r"\w+")  # what a phrase's word must be, between its \b boundaries
SCANS_KEPT = 64  # token lists whose scan an index pair remembers (a question makes ~7)
WISH_GAP = 2  # "a managed add-on would really be nice": words between a phrase and the cue
ASK_GAP = 3  # "what about running linkerd edge releases in prod": words between ask and phrase
DEFER_GAP = 2  # "maybe some paid support later": words between a hedge and the phrase


@dataclass
class Mentions:
    meshes: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    used: list[bool] = field(default_factory=list)
    mesh_used: list[bool] = field(default_factory=list)
    typos: dict[str, str] = field(default_factory=dict)  # as typed -> entity id
    plain_words: set[str] = field(default_factory=set)  # meshes named by an everyday word
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, mesh id

    @property
    def feature_words(self) -> list[bool]:
        """For each word, whether a feature's name (not a mesh's) took it."""
        return [u and not m for u, m in zip(self.used, self.mesh_used, strict=True)]


_MENTIONS_FIELDS = [f.name for f in fields(Mentions)]
# Per mesh index (one per knowledge base, forgotten with it): remembered scans.
_SCANS: weakref.WeakKeyDictionary[AliasIndex, dict[Hashable, Mentions]] = (
    weakref.WeakKeyDictionary()
)


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def add_mesh(tokens: list[str], found: Mentions, mesh_id: str, start: int, end: int) -> None:
    """A mesh read from tokens start:end after the scan, kept in the question's order (once,
    where it is first said)."""
    first = found.mesh_used.index(True) if any(found.mesh_used) else len(found.used)
    if mesh_id in found.meshes and start < first:  # named again before: read there first
        found.meshes.remove(mesh_id)
    if mesh_id not in found.meshes:
        found.meshes.insert(0 if start < first else len(found.meshes), mesh_id)
    found.used[start:end] = [True] * (end - start)
    found.mesh_used[start:end] = [True] * (end - start)
    found.spans = sorted([*found.spans, (start, end, mesh_id)])
    said = set(tokens[start:end])
    found.leftovers = [t for t in found.leftovers if t not in said]


def _plain_typo(phrase: str, alias: str, index: AliasIndex) -> bool:
    """A slip of the keyboard: no differing word is English or a name as it stands
    ("linkerd proxy" is Linkerd's proxy said plainly, not a typo of "linkerd2 proxy"; "linker"
    is a linker, not Linkerd)."""
    return not any(
        typed != meant and (established(typed) or index.exact(typed))
        for typed, meant in zip(phrase.split(), alias.split(), strict=False)
    )


def find_mentions(tokens: list[str], meshes: AliasIndex, features: AliasIndex) -> Mentions:
    """Longest-first scan of token spans: exact aliases anywhere, plain typos where eligible.

    One question's passes scan the same words several times (about seven scans, five of
    them repeats), so each index pair remembers its scans; every caller gets its own copy."""
    scans = _SCANS.get(meshes)
    if scans is None:
        scans = _SCANS[meshes] = {}
    key = (features, tuple(tokens))
    scan = scans.get(key)
    if scan is None:
        scan = remember(scans, key, _scan(tokens, meshes, features), SCANS_KEPT)
    return Mentions(**{name: _copied(getattr(scan, name)) for name in _MENTIONS_FIELDS})


def outside_features(text: str, meshes: AliasIndex, features: AliasIndex) -> list[str]:
    """The words of a text no feature's name takes: in "native sidecars at all" only "at all"
    is left, so the sidecar said is that feature, not the concept."""
    tokens = text.split()
    taken = find_mentions(tokens, meshes, features).feature_words
    return [t for t, feature in zip(tokens, taken, strict=True) if not feature]


def _copied(value: object) -> object:
    return value.copy() if isinstance(value, list | dict | set) else value


def _scan(tokens: list[str], meshes: AliasIndex, features: AliasIndex) -> Mentions:
    found = Mentions()
    used = [False] * len(tokens)
    mesh_used = [False] * len(tokens)
    hits: list[tuple[int, int, str, str, str]] = []
    for size in range(MAX_SPAN, 0, -1):
        for start in range(len(tokens) - size + 1):
            if any(used[start : start + size]):
                continue
            phrase = " ".join(tokens[start : start + size])
            for kind, index in (("mesh", meshes), ("feature", features)):
                hit = index.fuzzy(phrase)
                if hit and (hit.alias == phrase or _plain_typo(phrase, hit.alias, index)):
                    typed = "" if hit.alias == phrase else phrase
                    hits.append((start, start + size, kind, hit.entity, typed))
                    used[start : start + size] = [True] * size
                    if kind == "mesh":
                        mesh_used[start : start + size] = [True] * size
                        if size == 1 and ordinary(phrase):
                            found.plain_words.add(hit.entity)
                    break
    for start, end, kind, entity, typed in sorted(hits):
        _add(found.meshes if kind == "mesh" else found.features, entity)
        if kind == "mesh":
            found.spans.append((start, end, entity))
        if typed:
            found.typos.setdefault(typed, entity)
    found.used = used
    found.mesh_used = mesh_used
    found.leftovers = [
        t
        for t, u in zip(tokens, used, strict=True)
        if not u and t not in STOPWORDS and not t.isdigit()
    ]
    return found


def _spans(name: str) -> set[str]:
    """Every run of a name's words ("gke managed mesh": "managed mesh", "mesh", …)."""
    words = name.split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}


def _not_after(signal: Signal) -> str:
    """Look-behinds that keep a phrase from matching right after an `unless_before` word:
    "no extra vendor contracts" asks for no support contract."""
    return "".join(rf"(?<!\b{re.escape(normalise(w))} )" for w in signal.unless_before)


LIST_JOINERS = r"(?:\s+(?:or|and|nor|or even|and no))?\s+"  # "no virtualservice or destinationrule"


def _denied_list(signal: Signal) -> LazyPattern | None:
    """The text before a phrase ends on an `unless_before` word and a list of the signal's
    own phrases: "without DestinationRule or VirtualService" denies the second too."""
    if not signal.unless_before:
        return None
    words = "|".join(re.escape(normalise(w)) for w in signal.unless_before)
    said = "|".join(re.escape(normalise(p)) for p in signal.phrases)
    return LazyPattern(rf"\b(?:{words})\s+(?:{said})(?:{LIST_JOINERS}(?:{said}))*{LIST_JOINERS}$")


def _unless(
    signal: Signal, mesh_words: list[str], gap: str = "", channels: Iterable[str] = ()
) -> str:
    """A lookahead that keeps a phrase from matching where an `unless_next` word (or a mesh's
    name, with `unless_mesh_next`, a release channel's word before it at most) follows it,
    fillers (`gap`) between at most: "open source kuma" and "open source stable linkerd" name
    an edition, "fully managed, whole kubernetes" is the cluster."""
    words = [normalise(w) for w in signal.unless_next]
    words += mesh_words if signal.unless_mesh_next else []
    if not words:
        return ""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    channel = "|".join(re.escape(c) for c in sorted(channels, key=len, reverse=True))
    if signal.unless_mesh_next and channel:
        alternation = rf"(?:(?:{channel})\s+)?(?:{alternation})"
    return rf"(?!{gap}\s+(?:{alternation})\b)"


def wish_pattern(rules: RulesFile) -> LazyPattern | None:
    """What makes a requirement a wish: a `negation_after` cue within a few words after it
    ("a managed add-on would be nice", "vendor support not required"); match it at the
    phrase's end."""
    wishes = sorted({normalise(w) for w in rules.phrases.get("negation_after", [])}, key=len)
    alternation = "|".join(re.escape(w) for w in reversed(wishes) if w)
    gap = rf"(?:\w+\s+){{0,{WISH_GAP}}}?"
    return LazyPattern(rf"\s*{gap}(?:{alternation})\b") if alternation else None


def deferred_patterns(rules: RulesFile) -> tuple[LazyPattern | None, LazyPattern | None]:
    """What puts a requirement off to a later day: a `deferred_before` cue a few words before
    it ("maybe enterprise support"), matched at the end of the text before the phrase, and a
    `deferred_after` cue a few words after it ("vendor support down the road"), matched at
    the phrase's end."""
    before = _alternation(rules.phrases.get("deferred_before", []))
    after = _alternation(rules.phrases.get("deferred_after", []))
    gap = rf"(?:\w+\s+){{0,{DEFER_GAP}}}?"
    return (
        LazyPattern(rf"\b(?:{before})\s+{gap}$") if before else None,
        LazyPattern(rf"\s*{gap}(?:{after})\b") if after else None,
    )


def asked_pattern(rules: RulesFile, group: str = "asked_about") -> LazyPattern | None:
    """What makes a phrase the thing asked about, no stance: a cue of the `group` a few words
    before it ("what about running linkerd edge releases in production"; `compared_on`:
    "which has the better enterprise support story"), matched at the end of the text before
    the phrase."""
    before = _alternation(rules.phrases.get(group, []))
    gap = rf"(?:\w+\s+){{0,{ASK_GAP}}}?"
    return LazyPattern(rf"\b(?:{before})\s+{gap}$") if before else None


def _alternation(words: list[str]) -> str:
    """The words normalised, longest first, as one regex alternation."""
    said = sorted({normalise(w) for w in words if normalise(w)}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in said)


class SignalReader:
    """Phrases from rules.yaml `signals:` that set facts ("only need mTLS", "small team"),
    outside the names of meshes (`mesh_words`): "gke managed mesh" names an offering and asks
    for no managed control plane."""

    def __init__(self, rules: RulesFile, mesh_words: list[str]) -> None:
        # A choice's options run from the weakest requirement to the strictest.
        self._strictness = {f.id: f.choices for f in rules.facts if f.type == FactType.choice}
        phrases = [(normalise(p), s) for s in rules.signals for p in s.phrases]
        phrases.sort(key=lambda item: len(item[0]), reverse=True)
        self._signals = phrases
        self._mesh_words = mesh_words
        self._channels = channel_words(rules.phrases)  # "open source stable linkerd"
        # A phrase matches only where each of its words stands as a whole word, with the
        # fillers rules.yaml allows inside it: the phrases are tried in order, and only those
        # whose words the text has, each compiled the first time it is tried (one question
        # tries a few of hundreds).
        self._fillers = Fillers(rules)
        # A word of lack right before a phrase ("no vendor contracts") is the phrase's: it goes
        # with it, so no word before is read as lacking ("policy … no" is no "policy without").
        privative = word_pattern(normalise(w) for w in rules.phrases.get("privative", []))
        self._privative = re.compile(rf"\b(?:{privative.pattern})\s+$") if privative else None
        self._compiled: dict[int, re.Pattern[str] | LazyPattern] = {}
        self._denied_lists = {id(sig): _denied_list(sig) for sig in rules.signals}
        self._words = [self._fillers.required(p) for p, _ in phrases]
        self._by_word: dict[str, list[int]] = {}
        for at, words in enumerate(self._words):
            for word in words:
                self._by_word.setdefault(word, []).append(at)
        self._always = [at for at, words in enumerate(self._words) if not words]
        said = {p for p, _ in phrases}
        self._wish = wish_pattern(rules)
        self._deferred_before, self._deferred_after = deferred_patterns(rules)
        self._asked = asked_pattern(rules)
        self._compared = asked_pattern(rules, "compared_on")
        held = sorted((n for n in mesh_words if said & _spans(n)), key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in held)
        self._names = LazyPattern(rf"\b({alternation})\b") if held else None

    def _candidates(self, text: str) -> list[int]:
        """The phrases, in order, whose every word is a word of the text."""
        words = set(_WORDS.findall(text))
        found = {at for word in words for at in self._by_word.get(word, ())}
        return sorted({*self._always, *(at for at in found if self._words[at] <= words)})

    def _pattern(self, at: int) -> re.Pattern[str] | LazyPattern:
        if at not in self._compiled:
            phrase, signal = self._signals[at]
            unless = _unless(signal, self._mesh_words, self._fillers.gap, self._channels)
            behind = _not_after(signal)
            said = self._fillers.pattern(phrase)
            source = rf"{behind}\b{said}\b{unless}"
            # compiled only for a text that could hold the phrase (see bot/intents/fillers.py)
            gate = self._fillers.gate(phrase)
            self._compiled[at] = LazyPattern(source, opens=gate) if gate else re.compile(source)
        return self._compiled[at]

    def read(self, normalised: str) -> tuple[dict[str, FactValue], str]:
        """Facts from phrases, and the text left over. The longest phrase wins where two
        overlap; where two phrases set one choice, the stricter option wins.

        The leftover text is what intent cues are read from, so "tight memory budget"
        sets a fact instead of turning the question into a cost question; a phrase that asks
        something too (`keeps_words`: "do we even need a mesh?") stays in it.
        """
        facts: dict[str, FactValue] = {}
        parts = self._names.split(normalised) if self._names else [normalised]
        free = range(0, len(parts), 2)  # the names held are at odd places
        for at in self._candidates(normalised):
            signal, pattern = self._signals[at][1], self._pattern(at)
            said = [
                m
                for i in free
                for m in pattern.finditer(parts[i])
                if not (self._wished(m) or self._deferred(m))
                and not self._listed_after_denial(signal, m)
                and not (signal.unless_asked and self._asked_about(m))
                and not (signal.unless_compared and self._compared_on(m))
            ]
            if said:
                for key, value in signal.set.items():
                    facts[key] = self._stricter(key, facts.get(key), value)
                for i in free if not signal.keeps_words else ():
                    parts[i] = self._taken_out(pattern, parts[i])
        return facts, " ".join(" ".join(parts).split())

    def _taken_out(self, pattern: re.Pattern[str] | LazyPattern, text: str) -> str:
        """The text without the phrase, nor a word of lack right before it."""
        kept, end = [], 0
        for match in pattern.finditer(text):
            before = text[end : match.start()]
            kept.append(self._privative.sub(" ", before) if self._privative else before)
            end = match.end()
        return " ".join([*kept, text[end:]]) if kept else text

    def moots(self, normalised: str) -> set[str]:
        """The features the signals said in the text name as a chore (`moots`)."""
        return {
            feature
            for at in self._candidates(normalised)
            if self._signals[at][1].moots and self._pattern(at).search(normalised)
            for feature in self._signals[at][1].moots
        }

    def _listed_after_denial(self, signal: Signal, match: re.Match[str]) -> bool:
        """The phrase is a later item of a list an `unless_before` word opens."""
        denied = self._denied_lists.get(id(signal))
        return bool(denied and denied.search(match.string[: match.start()]))

    def _wished(self, match: re.Match[str]) -> bool:
        """The phrase is followed by a `negation_after` cue: "fully managed would be nice",
        "vendor support not required"."""
        return bool(self._wish and self._wish.match(match.string, match.end()))

    def _asked_about(self, match: re.Match[str]) -> bool:
        """The phrase is what a question asks about ("what about running edge releases in
        production?"), not a stance taken."""
        before = match.string[: match.start()]
        return bool(self._asked and self._asked.search(before))

    def _compared_on(self, match: re.Match[str]) -> bool:
        """The phrase is what a question weighs offerings on ("which has the better enterprise
        support story"), not a stance taken."""
        return bool(self._compared and self._compared.search(match.string[: match.start()]))

    def _deferred(self, match: re.Match[str]) -> bool:
        """The phrase is put off to a later day, no must-have now: "maybe enterprise support
        later", "vendor support down the road"."""
        text, start, end = match.string, match.start(), match.end()
        before = " ".join(text[:start].split()[-(DEFER_GAP + 4) :]) + " "
        return bool(
            (self._deferred_before and self._deferred_before.search(before))
            or (self._deferred_after and self._deferred_after.match(text, end))
        )

    def _stricter(self, key: str, known: FactValue | None, value: FactValue) -> FactValue:
        order = self._strictness.get(key)
        if known is None:
            return value
        if order and known in order and value in order:
            return max(known, value, key=order.index)
        return known
