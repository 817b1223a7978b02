"""Numbers as people write them: '1,000 pods', '1.000 pods', '50 000 pods', '1.5k', '2k rps'.

A number that cannot be used (zero, negative, absurd, or vague like 'a few hundred pods')
never becomes a fact silently: it comes back as a sentence the answer shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from bot.intents import apiece, gated
from bot.intents.alternation import word_pattern
from bot.intents.apiece import HOLDERS
from bot.intents.clauses import SENTENCE_END
from bot.intents.lazy import LazyPattern
from bot.intents.lexicon import ordinary
from bot.intents.places import CountPlaces
from bot.intents.products import Count, Multiplier
from bot.intents.scoped import ScopedCounts
from bot.knowledge.aliases import STOPWORDS, normalise
from bot.knowledge.models import FactType, FactValue, RulesFile

MAX_COUNT = 1_000_000
_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a single": 1,  # "a single GKE cluster"
    "single": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "couple": 2,  # "couple hundred pods"
}
_LABEL = r"(?:\s*[:=]\s*|\s+)"  # "team of 3", "team size: 4": a lead-in, then its count
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000}
# The words a count is spelled with ("five hundred"): a count, never a product's name.
COUNT_WORDS = frozenset({w for phrase in (*_UNITS, *_MULTIPLIERS) for w in phrase.split()})
_SCALES = {
    "dozen": 12,  # "~3 dozen services"
    "hundred": 100,  # "2 hundred pods"
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "million": 1_000_000,
    "mio": 1_000_000,
}
_VAGUE = (
    "a few hundred",
    "a few thousand",
    "several hundred",
    "several thousand",
    "a few dozen",
    "hundreds of",
    "thousands of",
    "tens of thousands of",
    "lots of",
    "loads of",
    "tons of",
    "a bunch of",
    "a lot of",
    "a few",
    "some",
    "dozens of",
)
_SPACE = r"[^\S\n]"  # a count and its unit stand on one line ("services: 45" then "nodes: 12")
_JOINER = r"[\s/]+"  # a unit's words apart or slashed: "requests per sec", "req/s"
MAX_QUALIFIERS = (
    2  # words between a count and its unit: "2 old aks clusters", "40 .NET framework pods"
)
_RATE = re.compile(r"\b(?:per|every|each)\s*$")  # "per 1k rps": a rate's unit
# "each ~15 pods", "each with about 15 pods", "each one running 15 pods": a count apiece
_EACH_BEFORE = re.compile(
    r"\beach(?:\s+one)?(?:\s+(?:with|has|having|holding|running|runs|of))?"
    r"(?:\s+(?:about|around|roughly|maybe|under|only|just))?\s*[~≈]?\s*$"
)
# "each of our 30 nodes runs ~50 pods": a holder counted after "each of", then a count apiece
_EACH_OF_BEFORE = re.compile(
    r"\beach\s+of\s+(?:our|the|their|these|those|its)\s+~?\d[\d,]*\s+[a-z][a-z ]{0,30}?\s+"
    r"(?:runs?|running|has|have|having|hosts?|holds?|with|carries)"
    r"(?:\s+(?:about|around|roughly|maybe|under|only|just))?\s*[~≈]?\s*$"
)
CODE = re.compile(r"```.*?(?:```|$)|`[^`\n]+`", re.DOTALL)  # a pasted snippet, inline code
_CLAUSE = re.compile(r"[,.;!?\n]")
# Only a joining word between two counts of one unit: "2 openshift clusters + 3 eks clusters"
# counts 5 clusters in all.
_JOINED = re.compile(r"\s*(?:\+|&|and|plus|as well as)\s*(?:another\s+)?")
BESIDE_BEFORE, BESIDE_AFTER = 4, 2  # words a shared unit's `beside` word may stand away
_GROUPED = r"\d{1,3}(?:[,.' \u00a0\u202f]\d{3})+(?![\d.,]\d)"
_PLAIN = r"\d+(?:[.,]\d+)?"
_MEASURES = ("memory", "cpu", "latency")  # phrase groups whose words are a size's unit
_NOT_KIND = ("per", "each", "every", "across", "over", "under", "plus", "than", "spread")
# Words between a count's name and its number: "our pod count is at ~1187", "number of pods: 85"
_LINKS = r"(?:[\s:=~≈]|\b(?:is|are|was|at|about|around|roughly|currently|now)\b)*"


_NEXT_WORD = re.compile(r"[\s-]+([a-z]+)\b")
_NOT_PLURAL = ("ss", "us", "is")  # "class", "status", "analysis"


def _modifies(text: str, match: re.Match[str], value: float, units: dict[str, str]) -> bool:
    """A count of several before a singular unit and a plural noun counts that noun, not the
    unit: "a couple win node pools", "200 service accounts" (but "a 3 node cluster" is 3
    nodes, and "2 sre folks" are people: a noun that is a count's unit itself)."""
    unit = normalise(match["unit"])
    if value <= 1 or not ({f"{unit}s", f"{unit}es"} & units.keys()):  # "people" is plural
        return False
    after = _NEXT_WORD.match(text, match.end())
    word = after.group(1) if after else ""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_NOT_PLURAL) or word in units:
        return False
    return ordinary(word[:-1]) or (word.endswith("es") and ordinary(word[:-2]))


# "all 4", "all four of them": a total of what was counted last, with no unit of its own
_ALL = re.compile(r"\ball\s+(?:of\s+)?(?:the\s+|our\s+|those\s+|these\s+)?(?P<num>\d+|[a-z]+)\b")
_RELATION = re.compile(r"[\s-]+to[\s-]+([a-z]+)\b")


def _relation(text: str, match: re.Match[str], units: dict[str, str]) -> bool:
    """A unit that is one end of a relation with its own kind: "one service-to-service layer",
    "a single pod to pod policy" say what the layer is between, not how many there are."""
    after = _RELATION.match(text, match.end())
    return bool(after) and units.get(after.group(1)) == units.get(normalise(match["unit"]))


def _gap(said: str, mark: int, found: re.Match[str]) -> tuple[int, int]:
    """How far a word found in `said` stands from the count at `mark` (in words), and 0 for
    a word after the unit, 1 for one before the number."""
    if found.start() > mark:
        return len(said[mark + 1 : found.start()].split()), 0
    return len(said[found.end() : mark].split()), 1


def _value(number: str) -> float:
    """'1,000' '1.000' '50 000' are thousands; '1.5' and '1,5' are decimals."""
    if re.fullmatch(_GROUPED, number):
        return float(re.sub(r"\D", "", number))
    return float(number.replace(",", "."))


def _spelled(words: str) -> int | None:
    """'a thousand' 1000, 'two hundred' 200, 'twenty five' 25, 'half a k' 500, 'half a dozen' 6,
    'two hundred and fifty' 250, 'one and a half thousand' 1500, 'one thousand two hundred'
    1200. An 'and' joins a count only to a dozen, hundred or thousand before it ('two and
    three' is no number)."""
    parts = words.replace("-", " ").split()
    half = parts[:1] == ["half"]
    parts = parts[1:] if half else parts
    if parts[:1] in (["a"], ["an"]) and parts[1:2] and parts[1] in _MULTIPLIERS:  # 'a thousand'
        parts[0] = "one"
    total, current, scaled = 0.0, 0.0, 0  # scaled: the last dozen, hundred or thousand said
    i = 0
    while i < len(parts):
        if parts[i : i + 3] == ["and", "a", "half"]:  # 'one and a half k', 'a dozen and a half'
            if i and parts[i - 1] in _MULTIPLIERS:
                total += scaled / 2
            elif current:
                current += 0.5
            else:
                return None
            i += 3
            continue
        if parts[i] == "and":  # 'a hundred and fifty'
            if not scaled or i + 1 == len(parts):
                return None
            i += 1
        for size in (3, 2, 1):
            phrase = " ".join(parts[i : i + size])
            if phrase in _UNITS:
                current += _UNITS[phrase]
                i += size
                break
            if size == 1 and phrase in _MULTIPLIERS:
                scaled = _MULTIPLIERS[phrase]
                current = (current or 1) * scaled
                if scaled >= 1_000:
                    total, current = total + current, 0.0
                i += 1
                break
        else:
            return None
    value = (total + current) / (2 if half else 1)
    return int(value) if value.is_integer() and 0 < value <= MAX_COUNT else None


class Counted(NamedTuple):
    """What the counts in a text set, a sentence for each count that can't be used, and each
    total read as a product ("3 clusters × 40 nodes = 120 nodes")."""

    facts: dict[str, FactValue]
    notes: list[str]
    totals: list[str]


class NumberReader:
    """Counts with the units rules.yaml gives each number fact ('40 services', '3 clusters')."""

    def __init__(self, rules: RulesFile) -> None:
        unit_to_fact: dict[str, str] = {}
        # A shared unit: each fact it may count and the words that must stand beside it.
        self._beside: dict[str, list[tuple[str, LazyPattern]]] = {}
        for fact in rules.facts:
            if fact.type != FactType.number:
                continue
            for unit in [*fact.units, *(u for us in fact.apiece.values() for u in us)]:
                unit_to_fact[normalise(unit)] = fact.id
            beside = "|".join(re.escape(normalise(w)) for w in fact.beside)
            for unit in fact.shared_units if beside else ():
                unit_to_fact.setdefault(normalise(unit), fact.id)
                self._beside.setdefault(normalise(unit), []).append(
                    (fact.id, LazyPattern(rf"\b(?:{beside})\b"))
                )
        self._unit_to_fact = unit_to_fact
        # "pods per node": a count apiece of the holder its unit names
        self._apiece = {normalise(u): h for u, h in apiece.holders_by_unit(rules).items()}
        # "4 people on the platform team": words right after a shared unit that attach it
        attached = {normalise(w): f.id for f in rules.facts for w in f.attached}
        self._attached = word_pattern(attached)
        self._attached_to = attached
        self._narrowest = {f.id for f in rules.facts if f.narrowest}
        self._wider = {f.id: f.wider for f in rules.facts if f.wider}
        self._scoped = ScopedCounts(rules)
        self._places = CountPlaces(rules)
        parts = [normalise(p) for p in rules.phrases.get("count_partitive", [])]
        self._partitive = word_pattern(parts) if parts else None
        self._labels = {f.id: f.label for f in rules.facts}
        self._multiplier = Multiplier(rules)
        named = "|".join(
            re.escape(w).replace(r"\ ", r"\s+")
            for w in sorted(rules.versioned, key=len, reverse=True)
        )
        self._version = LazyPattern(rf"\b(?:{named})\s*$") if named else None
        units = "|".join(
            re.escape(u).replace(r"\ ", _JOINER)
            for u in sorted(unit_to_fact, key=len, reverse=True)
        )
        kinds = self._kinds(rules, units)
        small = "|".join(re.escape(w) for w in sorted(_UNITS, key=len, reverse=True))
        many = "|".join(_MULTIPLIERS)
        # Count words in a row; _spelled decides whether they make a number: "two hundred and
        # fifty", "one and a half thousand", "one thousand two hundred", "half a k".
        pair = rf"(?:{small})(?:[\s-]+(?:{small}))?"
        words = (
            rf"(?:(?:half\s+)?an?\s+(?:{many})|{pair})"
            rf"(?:[\s-]+(?:and\s+a\s+half|(?:and\s+)?{pair}|{many})\b)*"
        )
        scales = "|".join(sorted(_SCALES, key=len, reverse=True))
        self._numbers = gated.Figures(
            rf"(?<![\w.,])(?P<neg>[-−–])?(?P<num>{_GROUPED}|{_PLAIN}){_SPACE}*"
            rf"(?P<scale>{scales})?(?:ish)?(?![a-z])(?:{_SPACE}*\+?{_SPACE}*|-)(?:more{_SPACE}+)?"
            rf"{kinds}(?P<unit>{units})\b"
        )
        # a count in words holds a number word whole: "two", "a couple of", "a dozen"
        self._words = gated.Gated(
            rf"\b(?P<num>{words})(?:{_SPACE}+|-){kinds}(?P<unit>{units})\b",
            (phrase.split() for phrase in (*_UNITS, *_MULTIPLIERS)),
        )
        vague = "|".join(re.escape(v) for v in _VAGUE)
        self._vague = LazyPattern(rf"\b(?P<num>{vague})\s+(?P<unit>{units})\b")
        # "a few lambda functions": a platform's own unit counts a part of the estate the
        # platform's name already brings in, so its count is not worth asking for
        self._platform_units = {
            normalise(w) for p in rules.platforms.values() for w in p.words
        } & set(unit_to_fact)
        self._named = self._count_names(rules, units)
        # "tiny edge clusters, five of them": the unit, then its count pointing back at it,
        # the clause closing there
        back = "|".join(
            re.escape(normalise(p)).replace(r"\ ", r"\s+")
            for p in sorted(rules.phrases.get("count_back", []), key=len, reverse=True)
        )
        self._back = LazyPattern(
            rf"\b(?P<unit>{units})\s*[,;:—–-]+\s*[~≈]?\s*(?P<num>\d+|{words})\s+(?:{back})"
            rf"(?=\s*(?:[,.;!?\n)]|$))"
            if back
            else r"(?!)"
        )
        # "2 GKE clusters + 1 on-prem": a count joined to one, its unit left out and only a
        # kind said (`count_qualifiers`), then the clause ends: more of the same unit
        listed = sorted((normalise(w) for w in rules.count_qualifiers), key=len, reverse=True)
        kind = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in listed) or "(?!)"
        self._elided = LazyPattern(
            rf"(?P<joined>{_JOINED.pattern}\d+{_SPACE}+(?:{kind})(?:[\s-]+(?:{kind}))?)"
            rf"(?=\s*(?:[,.;!?\n)]|$)|{_JOINED.pattern}\d)",
            re.IGNORECASE,
        )
        keys = "|".join(re.escape(normalise(k)) for k in rules.phrases.get("manifest_keys", []))
        self._manifest = LazyPattern(rf"^[\s`-]*(?:{keys or '(?!)'})\s*:", re.MULTILINE)
        self._lead_ins = [
            (
                fact.id,
                LazyPattern(rf"\b(?:{lead_ins}){_LABEL}(?P<num>\d+|{small})\b(?!\s*(?:{units})\b)"),
            )
            for fact in rules.facts
            if (lead_ins := "|".join(re.escape(normalise(w)) for w in fact.lead_ins))
        ]

    @staticmethod
    def _count_names(rules: RulesFile, units: str) -> tuple[gated.Figures, ...]:
        """A count named and its number: the name first ("our pod count is 1187", "number of
        services: 85"), the unit as its label ("pods: 900", "services=40"), or the bare number
        first, then a sentence opening on `count_refers` that names it ("…wc -l → 1187. that's
        our pod count", "412 - that's how many pods"), or a pasted command that counts a
        resource's lines, then its output ("kubectl get pods -A | wc -l" and "312" on the next
        line: `count_commands` lists the resource, `count_lines` counts its lines)."""

        def said(group: str) -> str:
            phrases = sorted((normalise(p) for p in rules.phrases.get(group, [])), key=len)
            return "|".join(re.escape(p).replace(r"\ ", r"[\s'’]+") for p in reversed(phrases))

        def words(*groups: str) -> list[list[str]]:
            """The words of each phrase of the groups: a form holds one phrase whole."""
            return [normalise(p).split() for g in groups for p in rules.phrases.get(g, [])]

        after, before, refers = said("count_after"), said("count_before"), said("count_refers")
        name = rf"(?:(?P<unit>{units})\s+(?:{after})|(?:{before})\s+(?P<plural>{units}))\b"
        stop = "|".join(re.escape(w) for w in sorted(STOPWORDS, key=len, reverse=True))
        # A number with nothing of its own after it on its line but an everyday word ("1187 and
        # growing"; "nodes: 150" and a new line).
        bare = (
            rf"(?<![\w.,-])(?P<num>{_GROUPED}|\d+)(?![.,/:]?\d|[ \t]*(?:%|(?!(?:{stop})\b)[a-z]))"
        )

        def command(group: str) -> str:
            phrases = sorted((normalise(p) for p in rules.phrases.get(group, [])), key=len)
            return "|".join(re.escape(p).replace(r"\ ", r"\W+") for p in reversed(phrases))

        lists, lines = command("count_commands"), command("count_lines")
        # The resource listed (after any flags), its lines counted, then up to two words
        # before the output ("… | wc -l` gives 312").
        counted = (
            rf"\b(?:{lists})\s+(?:[^|\n]*?\s)?(?P<unit>{units})\b[^|\n]*\|\s*(?:{lines})\b"
            rf"(?:\W*[a-z]+\b){{0,2}}?\W*{bare}"
        )
        return (
            gated.Figures(rf"\b{name}{_LINKS}{bare}", words("count_after", "count_before")),
            gated.Figures(rf"\b(?P<label>{units})\s*[:=~≈]\s*~?{bare}"),
            # "rps is low (~200)", "pods are roughly 300": the unit, a link, a word at most
            gated.Figures(
                rf"\b(?P<label>{units})\s+(?:is|are|was|were)\s+(?:[a-z]+\s*)?\(?\s*~?{bare}",
                [["is"], ["are"], ["was"], ["were"]],
            ),
            gated.Figures(
                rf"{bare}[\s`'\".!;:,)—-]*\b(?:{refers})\s+(?:[a-z]+\s+){{0,2}}?{name}",
                words("count_refers"),
            ),
            gated.Figures(counted if lists and lines else r"(?!)", words("count_commands")),
        )

    @staticmethod
    def _kinds(rules: RulesFile, units: str) -> str:
        """Up to MAX_QUALIFIERS words between a count and its unit that say what kind: those
        rules.yaml `count_qualifiers` lists, hyphenated or not ("3 internal services", "4
        on-prem clusters"), or any
        other that is no common word, no count's unit and no unit of a size ("40 .NET
        framework pods", "3 k8s clusters"; "16 vcpu nodes", "8gb nodes" count no nodes)."""
        measures = {normalise(p) for group in _MEASURES for p in rules.phrases.get(group, [])}
        measures |= {normalise(u) for u in rules.memory.units}
        excluded = {*STOPWORDS, *_NOT_KIND, *COUNT_WORDS, *(w for m in measures for w in m.split())}
        words = "|".join(re.escape(w) for w in sorted(excluded, key=len, reverse=True))
        # a word ends before a full stop: "off it in 12 months. VMs still …" counts no VMs
        word = rf"(?!(?:{words}|{units})\b)\.?[a-z](?:[\w.+#-]*[\w+#-])?"
        listed = sorted((normalise(w) for w in rules.count_qualifiers), key=len, reverse=True)
        said = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in listed)
        kind = rf"(?:{said}|{word})" if said else word
        # "all 60 of our services", "120 of our 300 services": a part of theirs counted
        parts = sorted((normalise(p) for p in rules.phrases.get("count_partitive", [])), key=len)
        part = "|".join(re.escape(p).replace(r"\ ", _SPACE + "+") for p in reversed(parts))
        whole = rf"(?:(?:{_GROUPED}|{_PLAIN}){_SPACE}+)?"  # the whole they are part of
        partitive = rf"(?:(?:{part}){_SPACE}+{whole})?" if part else ""
        return rf"{partitive}(?:{kind}{_SPACE}+){{0,{MAX_QUALIFIERS}}}"

    def read(
        self, text: str, known: set[str], before: Mapping[str, FactValue] | None = None
    ) -> Counted:
        """Facts from the counts in `text`, a sentence for each count that can't be used, and
        the totals read as products.

        `known` holds facts already set by phrases ("multi-cluster"): a vague count of
        those is not worth a note. `before`: a thread's setup, whose services a count of
        replicas apiece multiplies where the text counts none.
        """
        lowered = text.lower()
        facts: dict[str, FactValue] = {}
        notes: list[str] = []
        for match in self._vague.finditer(lowered):
            fact = self._fact(match["unit"])
            if fact not in known and normalise(match["unit"]) not in self._platform_units:
                notes.append(
                    f"I couldn't read a number in “{match.group(0)}”; give one, "
                    f"e.g. “300 {match['unit']}”."
                )
            lowered = lowered.replace(match.group(0), " ")
        at: dict[str, int] = {}  # where each count was said
        parts: list[tuple[str, int, int]] = []  # counts that may be of a part that needs a thing
        ends: dict[str, int] = {}  # where each fact's last count ended
        rates: dict[str, int] = {}  # "per 1k rps": their traffic only if none is said
        holder: str | None = None  # what a unit says a count apiece is per ("pods per node")
        counts: list[Count] = []  # every count kept, in the order said
        places: dict[str, set[str]] = {}  # the platforms each fact's counts are placed on
        for match in self._numbers.finditer(lowered):
            if (fact := self._counted(lowered, match)) is None:
                continue
            value = _value(match["num"]) * _SCALES.get(match["scale"] or "", 1)
            if _RATE.search(lowered[: match.start()]):
                if 1 <= value <= MAX_COUNT:
                    rates.setdefault(fact, int(value))
                continue
            said = match.group(0).strip()
            if value > 1 and not value.is_integer():  # "4.8 apps": a version (.NET 4.8)
                continue
            if _modifies(lowered, match, value, self._unit_to_fact):  # "2 node pools": pools
                continue
            if _relation(lowered, match, self._unit_to_fact):  # "1 service-to-service layer"
                continue
            if self._version and self._version.search(lowered[: match.start()]):
                continue  # "Windows Server 2022 nodes": a version, not 2,022 nodes
            if self._part_of_before(said, fact, value, before):
                continue  # "on 10 of those services" after "30 services": a part of them
            if match["neg"]:
                notes.append(f"“{said}” is negative, so I left {self._labels[fact]} unset.")
            elif value < 1:
                notes.append(f"“{said}” is not a count I can use (it must be at least 1).")
            elif value > MAX_COUNT:
                notes.append(
                    f"“{said}” is more than I can estimate for (at most {MAX_COUNT:,}), "
                    f"so I left {self._labels[fact]} unset."
                )
            elif fact in ends and _JOINED.fullmatch(lowered, ends[fact], match.start()):
                facts[fact] = int(facts[fact]) + int(value)  # type: ignore[call-overload]
                ends[fact] = match.end()
            elif self._elsewhere(lowered, fact, match, facts, places):
                facts[fact] = int(facts[fact]) + int(value)  # type: ignore[call-overload]
            else:
                if fact in self._scoped.facts and fact not in facts:
                    parts.append((fact, match.start(), match.end()))
                self._keep(facts, fact, int(value))
                at.setdefault(fact, match.start())
                ends[fact] = match.end()
                counts.append(Count(fact, int(value), match.start(), match.end()))
            holder = holder or self._apiece.get(normalise(match["unit"]))
        for match in self._words.finditer(lowered):
            value = _spelled(match["num"])
            if value is None or _modifies(lowered, match, value, self._unit_to_fact):
                continue
            if _relation(lowered, match, self._unit_to_fact):  # "one service-to-service layer"
                continue
            if (fact := self._counted(lowered, match)) is not None:
                if fact in self._scoped.facts and fact not in facts:
                    parts.append((fact, match.start(), match.end()))
                self._keep(facts, fact, value)
                at.setdefault(fact, match.start())
                counts.append(Count(fact, value, match.start(), match.end()))
                holder = holder or self._apiece.get(normalise(match["unit"]))
        prose = CODE.sub(self._unless_manifest, lowered)  # a manifest's "replicas: 3" is not theirs
        texts = (lowered, prose, prose, lowered, lowered)
        for pattern, said in zip(self._named, texts, strict=True):
            for match in pattern.finditer(said):
                value = _value(match["num"])
                said_as = match.groupdict()
                unit = said_as.get("unit") or said_as.get("plural") or said_as["label"]
                if 1 <= value <= MAX_COUNT:
                    facts.setdefault(self._fact(unit), int(value))
        for match in self._back.finditer(lowered):  # "edge clusters, five of them"
            said = match["num"]
            value = int(said) if said.isdigit() else _spelled(said)
            if value is not None and 1 <= value <= MAX_COUNT:
                facts.setdefault(self._fact(match["unit"]), value)
        for fact, pattern in self._lead_ins:  # "a team of 3": no unit, the words before say
            for match in pattern.finditer(lowered):
                value = _spelled(match["num"]) if not match["num"].isdigit() else int(match["num"])
                if value is not None and 1 <= value <= MAX_COUNT:
                    self._keep(facts, fact, value)
        for fact, rate in rates.items():
            facts.setdefault(fact, rate)
        for fact, start, end in parts:  # "Windows nodes too for 20 .NET apps": a part's count
            if self._scoped.part(lowered, start, end, facts, before):
                del facts[fact]
        self._totals(lowered, facts, ends)
        counts.sort(key=lambda c: c.start)
        products = self._multiplier.multiply(lowered, counts, facts, MAX_COUNT)
        holder = holder or apiece.holder_said_before(at)
        facts, per = apiece.totalled(facts, holder, before, MAX_COUNT)
        totals = [p.sentence() for p in [*products, *([per] if per else [])]]
        return Counted(facts, notes, totals)

    def _elsewhere(
        self,
        text: str,
        fact: str,
        match: re.Match[str],
        facts: dict[str, FactValue],
        places: dict[str, set[str]],
    ) -> bool:
        """A count of a fact that adds up by place (`adds_by_place`) said on a platform none
        of its counts before was, where each of those was placed too: another part of the
        estate. Its place is noted whenever it is one."""
        if fact not in self._places.facts:
            return False
        if self._places.part(match.group(0), text[match.end() :]):
            return False  # "20 services of them on Fargate": a part of a count said already
        place = self._places.place(text, match.start(), match.end())
        placed = set(places.get(fact, ()))
        if fact in facts and not placed:
            return False  # counted before on no platform: that count is the whole
        if place is None:
            if fact not in facts:
                places[fact] = set()  # the first count placed nowhere: the whole estate
            return False
        places.setdefault(fact, set()).add(place)
        return fact in facts and place not in placed

    def _part_of_before(
        self, said: str, fact: str, value: float, before: Mapping[str, FactValue] | None
    ) -> bool:
        """A count said as a part of a whole (`count_partitive`: "10 of those services") in a
        thread that counted more of it already: a part of the estate, not its new size."""
        whole = before.get(fact) if before else None
        partitive = self._partitive and self._partitive.search(said)
        return bool(partitive) and isinstance(whole, int) and value < whole

    def _totals(self, text: str, facts: dict[str, FactValue], ends: dict[str, int]) -> None:
        """ "All 4" with no unit after it totals the kind counted last before it, when more
        than that count: "2 regions plus 2 on-prem clusters, one mesh spanning all 4" is 4
        clusters (the GKE ones were counted by region, not as clusters)."""
        for match in _ALL.finditer(text):
            said = match["num"]
            value = int(said) if said.isdigit() else _spelled(said)
            after = _NEXT_WORD.match(text, match.end())
            if value is None or (after and normalise(after.group(1)) in self._unit_to_fact):
                continue
            before = [(end, fact) for fact, end in ends.items() if end <= match.start()]
            if not before:
                continue
            fact = max(before)[1]
            old = facts.get(fact)
            if fact in HOLDERS and isinstance(old, int) and old < value <= MAX_COUNT:
                facts[fact] = value

    def units_restored(self, text: str) -> str:
        """The text with the unit a joined count leaves out said again: "2 GKE clusters + 1
        on-prem, …" is "2 GKE clusters + 1 on-prem clusters, …", so the count and where it
        runs are read as if written whole."""
        restored, kept = [], 0
        for match in self._numbers.finditer(text.lower()):
            end = match.end()
            while more := self._elided.match(text, end):
                restored += [text[kept : more.end()], f" {match['unit']}"]
                kept = end = more.end()
        return "".join([*restored, text[kept:]])

    def last_unit(self, text: str) -> str | None:
        """The unit, as said, of the last count in the text that sets a fact ("5 services
        today but": services), if any."""
        counted = [m["unit"] for m in self._numbers.finditer(text) if self._counted(text, m)]
        return counted[-1] if counted else None

    def _unless_manifest(self, code: re.Match[str]) -> str:
        """A pasted snippet as it is, or nothing if it is a Kubernetes object (`manifest_keys`)."""
        return " " if self._manifest.search(code.group(0)) else code.group(0)

    def _keep(self, facts: dict[str, FactValue], fact: str, value: int) -> None:
        """The first count of a fact, or the smallest of a `narrowest` one (its larger count
        then sets the fact it names `wider`, if that is not said)."""
        old = facts.get(fact)
        if old is None:
            facts[fact] = value
        elif fact in self._narrowest and isinstance(old, int) and value != old:
            facts[fact] = min(old, value)
            if wider := self._wider.get(fact):
                facts.setdefault(wider, max(old, value))

    def strip(self, normalised: str) -> str:
        """The text without its counts ("3 clusters" is a size, not a topic)."""
        for pattern in (self._numbers, self._words):
            normalised = pattern.sub(" ", normalised)
        return " ".join(normalised.split())

    def _counted(self, text: str, match: re.Match[str]) -> str | None:
        """The fact a count sets. A shared unit counts only beside one of its facts' words in
        the same sentence: a few words before the number, between it and the unit or right
        after the unit ("the platform team is 3 people", "3 platform folks", "2 people on
        platform"); "a startup of 22 people" counts
        no engineers. Where two facts' words stand beside it, the nearest wins: in "team is 3
        ops folks, company is ~40 people" the 40 are the company's."""
        shared = self._beside.get(normalise(match["unit"]))
        if shared is None:
            fact = self._fact(match["unit"])
            each = fact == "pods" and any(
                p.search(text, 0, match.start()) for p in (_EACH_BEFORE, _EACH_OF_BEFORE)
            )
            return "replicas" if each else fact  # "30 clusters, each ~15 pods": 15 apiece
        start = max((m.end() for m in SENTENCE_END.finditer(text, 0, match.start())), default=0)
        end = _CLAUSE.search(text, match.end())  # "3 ops folks, company is …": not the 3's
        before = normalise(text[start : match.start()]).split()[-BESIDE_BEFORE:]
        after = normalise(text[match.end() : end.start() if end else len(text)]).split()
        kind = normalise(text[match.end("num") : match.start("unit")]).split()
        if self._attached and (to := self._attached.match(" ".join(after))):
            return self._attached_to.get(to.group(0))
        said = " ".join([*before, "|", *kind, *after[:BESIDE_AFTER]])
        mark = said.index("|")
        found = [
            (*_gap(said, mark, m), n, fact)
            for n, (fact, beside) in enumerate(shared)
            for m in beside.finditer(said)
        ]
        return min(found)[-1] if found else None

    def _fact(self, unit: str) -> str:
        return self._unit_to_fact[normalise(unit)]
