"""Unknown mesh names, found by how words are used, never because the vocabulary lacks them.

Words earn evidence from where they stand: before "mesh" ("consulate mesh"), holding
"mesh" ("meshify"), called a mesh ("is meshery a mesh"), across a "vs" from a known
mesh ("Tetrate Service Bridge vs Gloo Mesh"), or the object of "evaluating", "trying",
"explain" and the like (rules.yaml `name_before`). A word no English dictionary knows,
or a capitalised one mid-sentence, counts for them; ordinary lower-case English counts
against. Words are named as an unknown mesh only when the evidence adds up, or when they
are a product the knowledge base lists by name but does not cover (rules.yaml
`phrases: other_names`: "network service mesh" is everyday words to any usage).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.intents.context import PLACED_GAP, stood_in_for
from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions
from bot.intents.lexicon import established, ordinary, slip, slip_of_english
from bot.intents.numbers import CODE, COUNT_WORDS
from bot.knowledge.aliases import STOPWORDS, normalise

MAX_NAME = 40
MAX_UNKNOWN = 4
MAX_WORDS = 3
MAX_AFTER = 4  # words of a `name_after` phrase: "worth a look"
NAMED = 2  # evidence needed to call words a mesh's name
SLIP_LENGTH = 5  # shorter words are a slip of too many others to tell
ACRONYM = 3  # "asm", "csm": letters few enough for several makers' products to share
SEPARATORS = frozenset({"vs", "versus", "v", "or", "and", "against", "than", "between", "to"})
ARTICLES = frozenset({"a", "an", "the"})
CONNECTOR = "service"  # inside a name: "Tetrate Service Bridge"
_INFLECTED = re.compile(r"mesh(?:es|ed|ing|y)?")  # "meshed pods" is no name
_CALLED_LEADS = (("a",), ("an",), ("as", "a"), ("as", "our"), ("as", "the"))  # "is meshery a mesh"
_COMPARED = frozenset({"compare", "compares", "compared", "stack", "stacks"})  # "X compare to Y"
_WITH = frozenset({"with"})  # "X compares with Y"
_PARTICLE = "up"  # "X stacks up against Y"
# "apiVersion: v1" (with the words of its camelCase said after it: "apiVersion api Version:")
_KEY = re.compile(r"^[\s`-]*([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*)*)[ \t]*:", re.MULTILINE)
_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|<[^>]*>\s*)$")
# Words stressed, quoted as code or quoted: "*Meshtastic Mesh Pro*", "**Halyard**",
# "`Tetragate Flux Mesh`", "\"Meshify Enterprise\"", "'Istiolite Pro'", "“Meshify Cloud”"
_MARKED = re.compile(
    r"(?<![\w*`'\"])(\*{1,2}|_{1,2}|`|\"|')(?=\w)([^*_`\"\n]{1,40}?)(?<=\w)\1(?![\w*`'\"])"
    r"|“(?=\w)([^”\n]{1,40}?)(?<=\w)”|‘(?=\w)([^’\n]{1,40}?)(?<=\w)’"
)
_DOTTED = re.compile(r"\b[A-Za-z][\w-]{2,}\.([A-Za-z]{2,6})\b")  # "greymatter.io"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # exclusive
    name: str  # the words it is named by: without a kind word glued on ("Halyard mesh")
    meshy: bool  # before "mesh", holding "mesh", or called a mesh


def capitalised_words(text: str) -> frozenset[str]:
    """Words written with a capital where a sentence does not start: proper names."""
    words = set()
    for match in re.finditer(r"[A-Za-z][\w-]*", text):
        if match.group(0)[0].isupper() and not _SENTENCE_START.search(text[: match.start()]):
            words.update(normalise(match.group(0)).split())
    return frozenset(words)


def snippet_keys(text: str) -> frozenset[str]:
    """The keys of pasted snippets ("apiVersion:", "metadata:"), as words and as the words
    of their camelCase ("api", "version"): a config's fields, never a product's name."""
    words: set[str] = set()
    for code in CODE.finditer(text):
        for key in _KEY.findall(code.group(0)):
            words.update(normalise(key).split())
            words.update(normalise(_CAMEL_BREAK.sub(" ", key)).split())
    return frozenset(words)


class NameReader:
    """Reads unknown names from the tokens a mention scan left unused."""

    def __init__(
        self, cues: CuePhrases, vocabulary: frozenset[str], generations: frozenset[str]
    ) -> None:
        """`generations`: meshes' one-word names that number a generation ("linkerd" of
        "linkerd2"); another number ("linkerd1", the JVM Linkerd) names another product."""
        self._cues = cues
        self._vocabulary = vocabulary
        self._generations = generations
        self._long_words = sorted(w for w in vocabulary if len(w) >= SLIP_LENGTH)
        self._misspelt: dict[str, bool] = {}
        # The kind words a product's name is written with ("Halyard mesh", `name_kind`),
        # longest first, and what calls words one ("is meshery a mesh", "zuul as a mesh").
        self._kinds = sorted(
            (tuple(k.split()) for k in cues.words["name_kind"]), key=len, reverse=True
        )
        # "is greymatter a real mesh", "an actual service mesh": an `in_full` word may qualify
        fully = [()] + [(w,) for w in cues.words["in_full"] if " " not in w]
        self._called = tuple(
            (*lead, *how, *kind) for lead in _CALLED_LEADS for how in fully for kind in self._kinds
        )

    def read(self, tokens: list[str], found: Mentions, text: str, topic: bool = False) -> list[str]:
        """Names, as the user wrote them, used where a mesh's name would stand.

        `topic`: the question asks about something of the field (a feature, a measure, a
        platform); with no known mesh named, its subject can only be a product.
        """
        capitals = capitalised_words(text) | self._web_names(text)
        keys = snippet_keys(text)  # "apiVersion:" in a pasted manifest: a field, no product
        candidates = [
            c
            for c in self._candidates(tokens, found, capitals, text)
            if not set(tokens[c.start : c.end]) <= keys
        ]
        compared = bool(self._cues.find("compare", " ".join(tokens)))
        # The subject of a question about the field is its one candidate, or the one word or
        # run written as a name (capitals, a web address, a word no dictionary has), whatever
        # everyday words stand beside it ("… it's on our gov shortlist").
        name_like = self._name_like(candidates, tokens, capitals)
        alone = len(candidates) == 1 or len(name_like) == 1
        subject = topic and not found.meshes and alone
        named = [
            c
            for c in candidates
            if self._evidence(tokens, found, c, candidates, compared, capitals)
            + (self._subject(tokens, c) if subject else 0)
            >= NAMED
        ]
        named += self._listed(tokens, found)
        kept: list[Candidate] = []
        for candidate in sorted(named, key=lambda c: c.start - c.end):  # longest first
            if not any(c.start < candidate.end and candidate.start < c.end for c in kept):
                kept.append(candidate)
        names = list(dict.fromkeys(c.name for c in sorted(kept, key=lambda c: c.start)))
        # "meshwright … the Meshwright Mesh": one product, named the fuller way it was written
        kinds = {" ".join(kind) for kind in self._kinds}
        names = [n for n in names if not any(o.removeprefix(n + " ") in kinds for o in names)]
        # A name never runs across a line: "AGE" closing a pasted table's header and "osm"
        # opening its next row are two things
        written = [as_written(name, text) for name in names]
        return [w for w in written if "\n" not in w][:MAX_UNKNOWN]

    def qualified(self, tokens: list[str], found: Mentions, text: str) -> dict[str, str]:
        """Meshes named by an alias any maker could use (an acronym, everyday words) right
        after another maker's name: "alibaba ASM", "alibaba cloud service mesh" name that
        maker's product, not the mesh. The name as written -> the mesh it is not; the maker's
        word is taken (a known maker, such as "google ASM", is in the vocabulary)."""
        capitals = capitalised_words(text)
        out: dict[str, str] = {}
        for start, end, mesh in found.spans:
            generic = all(len(w) <= ACRONYM or ordinary(w) for w in tokens[start:end])
            maker = start - 1
            if not generic or not self._free(tokens, found, maker):
                continue
            # "netpols + cert-manager": a list of two things, no maker's product
            joined = _written_together(tokens[maker], tuple(tokens[start:end]), text)
            if joined and (not ordinary(tokens[maker]) or tokens[maker] in capitals):
                found.used[maker] = True
                out[as_written(" ".join(tokens[maker:end]), text)] = mesh
        return out

    def _web_names(self, text: str) -> frozenset[str]:
        """The words of a name written as a web address ("greymatter.io"): one name, written
        as a name, as a capitalised run is."""
        words: set[str] = set()
        for match in _DOTTED.finditer(text):
            if normalise(match.group(1)) in self._cues.words["web_domains"]:
                words.update(normalise(match.group(0)).split())
        return frozenset(words)

    @staticmethod
    def _name_like(
        candidates: list[Candidate], tokens: list[str], capitals: frozenset[str]
    ) -> list[Candidate]:
        """Candidates with a word written as a name or one no dictionary has."""
        return [
            c
            for c in candidates
            if any(w in capitals or not ordinary(w) for w in tokens[c.start : c.end])
        ]

    def _listed(self, tokens: list[str], found: Mentions) -> list[Candidate]:
        """Products made of everyday words that no usage tells from a description
        ("network service mesh"): named wherever no known mesh took their words."""
        text = " ".join(tokens)
        spans = []
        for match in self._cues.find("other_names", text):
            start = len(text[: match.start()].split())
            end = start + len(match.group(0).split())
            if not any(found.used[start:end]):
                spans.append(Candidate(start, end, match.group(0), meshy=True))
        return spans

    def _could_be_name(self, word: str, written_as_name: bool = False) -> bool:
        """`written_as_name`: capitalised right before a kind word ("Fabrik Service Mesh"),
        so a name even where it is a slip of a word of mine ("fabric")."""
        if any(c.isdigit() for c in word):
            return self._generation(word) and word not in self._vocabulary
        return (
            len(word) >= 2
            and word not in STOPWORDS
            and word not in COUNT_WORDS  # "at five hundred pods": a count
            and word not in self._vocabulary
            and (written_as_name or not self._misspells(word))
        )

    def _misspells(self, word: str) -> bool:
        """A slip of a word of mine ("recomend a mesh", "sugest one"): the word meant, not a
        name. Words this short are a slip of too many others to tell, and an English word in
        its own right is none ("Sable" is no slip of "stable")."""
        if len(word) < SLIP_LENGTH:
            return False
        if word not in self._misspelt:
            near = process.extractOne(word, self._long_words, scorer=OSA.distance, score_cutoff=1)
            self._misspelt[word] = near is not None and not established(word)
        return self._misspelt[word]

    def _generation(self, word: str) -> bool:
        """A mesh's one-word name numbering a generation no alias has: "linkerd1"."""
        letters = word.rstrip("0123456789")
        return letters != word and letters in self._generations

    def _free(self, tokens: list[str], found: Mentions, i: int) -> bool:
        return 0 <= i < len(tokens) and not found.used[i] and self._could_be_name(tokens[i])

    def _named_before_kind(
        self, tokens: list[str], found: Mentions, i: int, capitals: frozenset[str], text: str
    ) -> bool:
        """A capitalised word right before a kind word ("does Fabrik Service Mesh do rate
        limiting", "Fabrik mesh"): a product's name, whatever word of mine it looks like."""
        if not (0 <= i < len(tokens)) or found.used[i] or tokens[i] not in capitals:
            return False
        after = tuple(tokens[i + 1 : i + 4])
        kind = next((k for k in self._kinds if after[: len(k)] == k), ())
        return (
            bool(kind)
            and _written_together(tokens[i], kind, text)
            and self._could_be_name(tokens[i], written_as_name=True)
        )

    def _candidates(
        self, tokens: list[str], found: Mentions, capitals: frozenset[str], text: str
    ) -> list[Candidate]:
        """Spans of words that could be one name: a word, a capitalised run, an operand."""
        marked = self._marked(tokens, found, text)
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(tokens):
            free = self._free(tokens, found, i)
            if not (free or self._named_before_kind(tokens, found, i, capitals, text)):
                i += 1
                continue
            if spelled := _spelled_again(tokens, i):
                i += spelled  # a camelCase name's words said again: no second name
                continue
            end = max(self._extent(tokens, found, i, capitals), self._slot(tokens, found, i))
            spans.append((i, end))
            i = end
        spans = [self._operand(tokens, found, s, e) for s, e in spans]
        out = []
        for start, end in dict.fromkeys(spans):
            after = tuple(tokens[end : end + 4])
            tail = next((len(k) for k in self._kinds if after[: len(k)] == k), 0)
            if tail and not _written_together(tokens[end - 1], after[:tail], text):
                tail = 0  # "in govcloud. mesh crypto must…": a sentence ends between them
            if tail and self._cues.starts("out_of_scope", " ".join(after)):
                tail = 0  # "our eero mesh wifi": another kind of mesh
            called = any(after[: len(c)] == c for c in self._called)
            if tail or called:  # "hashicorp boundary a service mesh": the name runs back
                while end - start < MAX_WORDS and self._runs_back(tokens, found, start, end):
                    start -= 1
            words = tokens[start:end]
            meshy = bool(tail) or called or any(self._generation(w) for w in words)
            meshy = meshy or any(
                "mesh" in w and not _INFLECTED.fullmatch(w) and not ordinary(w) for w in words
            )
            kind_named = tail and _kind_in_name(tokens[start:end], after[:tail], capitals, text)
            named = end + tail if kind_named else end
            run = next((m for m in marked if m[0] < end + tail and start < m[1]), None)
            if run is not None:  # "demoed *Meshtastic Mesh Pro*": the marks bound the name
                start, named, tail, end = run[0], run[1], 0, run[1]
            out.append(Candidate(start, end + tail, " ".join(tokens[start:named]), meshy))
        return out

    def _marked(self, tokens: list[str], found: Mentions, text: str) -> list[tuple[int, int]]:
        """Runs of a few words the user stressed or quoted as code ("*Meshtastic Mesh Pro*",
        "`Tetragate Flux Mesh`") opening on a word that could be a name, none of them a known
        mesh's or feature's: where they stand in `tokens`."""
        runs = []
        for match in _MARKED.finditer(text):
            said = match.group(2) or match.group(3) or match.group(4)
            words = tuple(normalise(said).split())
            # one word and its camelCase words read after it ("quillonmesh quillon mesh")
            if not 2 <= len(words) <= MAX_WORDS or words[0] == "".join(words[1:]):
                continue
            for at in range(len(tokens) - len(words) + 1):
                if tuple(tokens[at : at + len(words)]) != words:
                    continue
                if self._free(tokens, found, at) and not any(found.used[at : at + len(words)]):
                    runs.append((at, at + len(words)))
        return runs

    def _runs_back(self, tokens: list[str], found: Mentions, start: int, end: int) -> bool:
        """Whether the word before a name is part of it: free, and not an everyday word
        before a name that already has one no dictionary knows ("thinking tanzu service
        mesh" names Tanzu Service Mesh, "grey matter mesh" Grey Matter)."""
        if not self._free(tokens, found, start - 1):
            return False
        return not ordinary(tokens[start - 1]) or all(ordinary(w) for w in tokens[start:end])

    def _slot(self, tokens: list[str], found: Mentions, i: int) -> int:
        """The end of the words filling "does ___ support", "can ___ do": one name ("does
        grey matter support mtls"), or just past the word when no such verb follows."""
        if i == 0 or tokens[i - 1] not in self._cues.words["asks_of"]:
            return i + 1
        for end in range(i + 1, min(len(tokens), i + MAX_WORDS + 1)):
            if tokens[end] in self._cues.words["name_then_asks"]:
                return end
            if not self._free(tokens, found, end):
                break
        return i + 1

    def _subject(self, tokens: list[str], candidate: Candidate) -> int:
        """Evidence from standing as the subject of a question about the field that names
        no known mesh: filling "does ___ support" (+2), or a word no dictionary has at the
        start or after "of" ("weavelink memory overhead", "overhead of the weavelink") that is
        no slip of a known word (+1); a word of the large dictionary is English, however
        rare ("fintech here, need fips…" says who they are)."""
        words = tokens[candidate.start : candidate.end]
        asked = tokens[candidate.start - 1 : candidate.start]
        if asked and asked[0] in self._cues.words["asks_of"] and self._asks_of(tokens, candidate):
            return 2
        first = all(w in STOPWORDS for w in tokens[: candidate.start])
        before = [w for w in tokens[: candidate.start] if w not in ARTICLES][-1:]
        # "overhead of (the) weavelink", "the licence on tetrate service bridge"
        if not (first or before == ["of"] or self._product_asked(tokens, candidate.start)):
            return 0
        strange = [w for w in words if not established(w)]
        return 1 if strange and not any(self._slip(w) for w in strange) else 0

    def _product_asked(self, tokens: list[str], start: int) -> bool:
        """A `product_matters` phrase right before the words, but for a few small words tying
        it to them: "licence on ___", "the licensing like for ___", "what license is ___"."""
        at = start
        while at > 0 and start - at < MAX_WORDS and tokens[at - 1] in STOPWORDS:
            at -= 1
        before = " ".join(tokens[max(0, at - MAX_WORDS) : at])
        return any(m.end() == len(before) for m in self._cues.find("product_matters", before))

    def _slip(self, word: str) -> bool:
        """A typo of an English or field word ("memroy"), not a name."""
        return len(word) >= SLIP_LENGTH and (
            slip_of_english(word) or any(slip(word, known) for known in self._vocabulary)
        )

    def _extent(self, tokens: list[str], found: Mentions, i: int, capitals: frozenset[str]) -> int:
        """Where a capitalised run ('Grey Matter', 'Tetrate Service Bridge') ends, or a word
        no dictionary has with 'service' and one more ('tetrate service bridge')."""
        end = i + 1
        web = self._cues.words["web_domains"]
        if tokens[end : end + 1] and tokens[end] in web and tokens[end] in capitals:
            return end + 1  # "greymatter.io": the address's ending is part of the name
        if tokens[i] not in capitals:
            joined = tokens[end : end + 1] == [CONNECTOR] and self._free(tokens, found, end + 1)
            return end + 2 if joined and not ordinary(tokens[i]) else end
        while end - i < MAX_WORDS:
            if _spelled_again(tokens, end):
                break  # "`ZephyrMesh`" said again as "zephyr mesh": the same name, once
            named = self._free(tokens, found, end) and tokens[end] in capitals
            if named or self._before_kind(tokens, found, end, capitals):
                end += 1
            elif (
                tokens[end : end + 1] == [CONNECTOR]
                and self._free(tokens, found, end + 1)
                and tokens[end + 1] in capitals
            ):
                end += 2
            else:
                break
        return min(end, i + MAX_WORDS)

    def _before_kind(
        self, tokens: list[str], found: Mentions, i: int, capitals: frozenset[str]
    ) -> bool:
        """A capitalised word of mine inside a run that a kind word written as a name's closes
        ("Tetragate Flux Mesh"): part of the name, not the word of mine ("flux") it spells."""
        word = tokens[i] if 0 <= i < len(tokens) else ""
        if not word or found.used[i] or word not in capitals or word in STOPWORDS:
            return False
        after = tuple(tokens[i + 1 : i + 4])
        kind = next((k for k in self._kinds if after[: len(k)] == k), ())
        return bool(kind) and all(w in capitals for w in kind)

    def _operand(self, tokens: list[str], found: Mentions, start: int, end: int) -> tuple[int, int]:
        """A span beside a 'vs' grows away from it over name-like words and 'service'."""
        if end < len(tokens) and tokens[end] in SEPARATORS:
            while (
                end - start < MAX_WORDS
                and start >= 2
                and tokens[start - 1] == CONNECTOR
                and self._free(tokens, found, start - 2)
            ):
                start -= 2
            while end - start < MAX_WORDS and self._free(tokens, found, start - 1):
                start -= 1
        elif start > 0 and tokens[start - 1] in SEPARATORS:
            while (
                end - start < MAX_WORDS
                and tokens[end : end + 1] == [CONNECTOR]
                and self._free(tokens, found, end + 1)
            ):
                end += 2
            while end - start < MAX_WORDS and self._free(tokens, found, end):
                end += 1
        return start, end

    def _evidence(
        self,
        tokens: list[str],
        found: Mentions,
        candidate: Candidate,
        candidates: list[Candidate],
        compared: bool,
        capitals: frozenset[str],
    ) -> int:
        words = tokens[candidate.start : candidate.end]
        score = 2 if candidate.meshy else 0
        asked = self._asks_of(tokens, candidate) and not self._works_with(tokens, found, candidate)
        slot = self._after_cue(tokens, candidate.start) or asked
        score += 1 if slot else 0
        rival = self._rival(tokens, found, candidate, candidates)
        rival = rival or self._in_place_of(tokens, found, candidate)
        score += 2 if rival else 0
        if not candidate.meshy and self._beside_a_tool(tokens, found, candidate):
            score -= 2  # "Datadog vs Grafana": set against a tool of the field, one of its kind
        if not candidate.meshy and self._speaker(tokens, candidate):
            score -= 3  # "our OSPO says …": someone of theirs, not a product
        if compared and any(found.mesh_used) and (slot or candidate.meshy) and not rival:
            score += 1  # "tried consulate mesh? better than linkerd?"
        if (compared or not any(found.mesh_used)) and self._part_after(tokens, candidate):
            score += 1  # "the mosn sidecar": a proxy's name, alone or set against a known mesh
        own = [w for w in words if w not in (CONNECTOR, "mesh")]
        if any(not ordinary(w) for w in own) or any(w in capitals for w in own):
            score += 1
        else:
            score -= 1
        return score

    def _in_place_of(self, tokens: list[str], found: Mentions, candidate: Candidate) -> bool:
        """Set in a known mesh's place a few words away ("'Istiolite Pro' as a drop-in istio
        replacement", "can Envoyant replace istio"): a product of its kind."""
        return any(
            0 <= start - candidate.end <= PLACED_GAP or 0 <= candidate.start - end <= PLACED_GAP
            for start, end in stood_in_for(tokens, found, self._cues)
        )

    @staticmethod
    def _works_with(tokens: list[str], found: Mentions, candidate: Candidate) -> bool:
        """'does spring boot work with istio': what works with a known mesh is used beside it,
        no product of the kind asked about."""
        at = candidate.end + 1
        if tokens[at : at + 1] != ["with"]:
            return False
        rest = [i for i in range(at + 1, min(len(tokens), at + 3)) if tokens[i] not in ARTICLES]
        return bool(rest) and found.mesh_used[rest[0]]

    def _beside_a_tool(self, tokens: list[str], found: Mentions, candidate: Candidate) -> bool:
        """Across a 'vs', 'or', 'and' from a tool of the field that is no mesh nor a mesh's
        everyday part (`field` less `filler`: "Datadog vs Grafana")."""
        across = []
        if candidate.start >= 2 and tokens[candidate.start - 1] in SEPARATORS:
            across.append(candidate.start - 2)
        if candidate.end + 1 < len(tokens) and tokens[candidate.end] in SEPARATORS:
            across.append(candidate.end + 1)
        field, filler = self._cues.words["field"], self._cues.words["filler"]
        return any(
            not found.mesh_used[j] and tokens[j] in field and tokens[j] not in filler
            for j in across
        )

    def _speaker(self, tokens: list[str], candidate: Candidate) -> bool:
        """Between an owner's word and a saying one ("our OSPO says", "my CISO wants"):
        a person or team of the asker's (rules.yaml `speaker_owners`, `speaker_verbs`)."""
        words = self._cues.words
        before = tokens[candidate.start - 1 : candidate.start]
        after = tokens[candidate.end : candidate.end + 1]
        return bool(set(before) & words["speaker_owners"] and set(after) & words["speaker_verbs"])

    def _part_after(self, tokens: list[str], candidate: Candidate) -> bool:
        """A mesh's part right after the words ("mosn sidecar", "foo proxy"; rules.yaml
        `name_part`; "greymatter's sidecar"): what they name is the product it belongs to."""
        at = candidate.end + (tokens[candidate.end : candidate.end + 1] == ["s"])
        return bool(set(tokens[at : at + 1]) & self._cues.words["name_part"])

    def _after_cue(self, tokens: list[str], i: int) -> bool:
        """'explain X', 'evaluating X', 'thoughts on X' (rules.yaml `name_before`)."""
        before = " ".join(tokens[:i])
        cues = self._cues.words["name_before"]
        return any(before == p or before.endswith(" " + p) for p in cues)

    def _asks_of(self, tokens: list[str], candidate: Candidate) -> bool:
        """'does X support …' (`name_then_asks`), 'is X just istio' (`identity`: what X is
        asked), '(is) X any good', 'X is worth a look' (`name_after`, after a `being` word)."""
        before = tokens[candidate.start - 1 : candidate.start]
        after = set(tokens[candidate.end : candidate.end + 1])
        following = " ".join(tokens[candidate.end : candidate.end + 3])
        if before and before[0] in self._cues.words["asks_of"]:
            if after & self._cues.words["name_then_asks"]:
                return True
            if self._cues.starts("identity", following):
                return True
        return self._judged_at(tokens, candidate.end)

    def _judged_at(self, tokens: list[str], end: int) -> bool:
        """A `name_after` phrase right after the words ending at `end` ("greymatter any good",
        "greymatter is worth a look": a word of being may stand between)."""
        at = end + (1 if set(tokens[end : end + 1]) & self._cues.words["being"] else 0)
        return self._cues.starts("name_after", " ".join(tokens[at : at + MAX_AFTER]))

    def judged(self, tokens: list[str], names: list[str]) -> bool:
        """One of the names read is judged as a product (`name_after`: "is greymatter any good
        for fed gov stuff", "greymatter worth a look?"): what follows is what it is judged
        for, no other topic."""
        for name in names:
            words = normalise(name).split()
            size = len(words)
            ends = (i + size for i in range(len(tokens)) if tokens[i : i + size] == words)
            if words and any(self._judged_at(tokens, end) for end in ends):
                return True
        return False

    def _rival(
        self, tokens: list[str], found: Mentions, candidate: Candidate, candidates: list[Candidate]
    ) -> bool:
        """Whether a known mesh, or a name called a mesh, stands across a 'vs', 'or', 'and';
        or the meshes at large ("how does X compare to the others", `rivals`)."""
        across = []
        if candidate.start >= 2 and tokens[candidate.start - 1] in SEPARATORS:
            across.append(candidate.start - 2)
        if candidate.end + 1 < len(tokens) and tokens[candidate.end] in SEPARATORS:
            across.append(candidate.end + 1)
        if tokens[candidate.end : candidate.end + 1] and tokens[candidate.end] in _COMPARED:
            at = candidate.end + 1
            at += tokens[at : at + 1] == [_PARTICLE]
            at += bool(tokens[at : at + 1]) and tokens[at] in SEPARATORS
            if self._cues.starts("rivals", " ".join(tokens[at:])):
                return True
            across.append(at)
        if candidate.start >= 1 and tokens[candidate.start - 1] == "compare":
            across += [j for j in range(candidate.end, len(tokens)) if found.mesh_used[j]][:1]
        across += self._compared_before(tokens, found, candidate.start)
        for j in (j for j in across if 0 <= j < len(tokens)):
            if found.mesh_used[j]:
                return True
            other = next((c for c in candidates if c.start <= j < c.end), None)
            if other is not None and other is not candidate and other.meshy:
                return True
        return False

    @staticmethod
    def _compared_before(tokens: list[str], found: Mentions, start: int) -> list[int]:
        """The known mesh a few words before "compare(s|d) to|with ___" ("how does kuma
        compare to greymatter", "kuma stacks up against X"): set against it."""
        at = start - 1
        if at < 1 or tokens[at] not in SEPARATORS | _WITH:
            return []
        at -= tokens[at - 1] == _PARTICLE
        if tokens[at - 1] not in _COMPARED:
            return []
        before = range(at - 2, max(-1, at - 2 - MAX_AFTER), -1)
        return [j for j in before if found.mesh_used[j]][:1]


def initialled(tokens: list[str], found: Mentions, names: list[str]) -> set[str]:
    """Meshes named by the initials of an unknown name said right before them: in "network
    service mesh (nsm)" NSM abbreviates that name, not NGINX Service Mesh's."""
    out = set()
    for name in names:
        words = normalise(name).split()
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words)
        for start, end, mesh in found.spans:
            before = tokens[max(0, start - len(words)) : start]
            if end - start == 1 and tokens[start] == initials and before == words:
                out.add(mesh)
    return out


def _kind_in_name(
    words: list[str], kind: tuple[str, ...], capitals: frozenset[str], text: str
) -> bool:
    """Whether the kind word after a name is part of it: the name alone would be everyday
    words no capital marks as a name ("aspen mesh", "the consulate mesh"), or the kind word
    is written as a proper name's ("Zephyr Mesh"). Else it is the generic word a product is
    called by: "does Halyard mesh support mtls" and "the Pelican mesh" name Halyard and Pelican."""
    if all(ordinary(w) and w not in capitals for w in words):
        return True
    # "tanzu service mesh", "cobaltine service mesh": written all in lower case, a name
    # before the two-word kind is a product's whole name, as such products are named
    if len(kind) > 1 and not any(w in capitals for w in words):
        return True
    pattern = r"[\s_-]+".join(re.escape(w) for w in kind)
    written = re.search(rf"\b{re.escape(words[-1])}[\s_-]+({pattern})\b", text, re.IGNORECASE)
    return written is not None and written.group(1).istitle()


def _spelled_again(tokens: list[str], i: int) -> int:
    """How many words from i spell the word before them again (pasted code's camelCase
    name said in words too: "zephyrmesh zephyr mesh"), or 0."""
    if i == 0:
        return 0
    for n in range(2, MAX_WORDS + 1):
        if i + n <= len(tokens) and "".join(tokens[i : i + n]) == tokens[i - 1]:
            return n
    return 0


def _written_together(word: str, tail: tuple[str, ...], text: str) -> bool:
    """Whether the words stand together in the text, with no sentence break between them."""
    pattern = r"[^\S\n]*[ \t_-][^\S\n]*".join(re.escape(w) for w in (word, *tail))  # one line
    return re.search(rf"\b{pattern}\b", text, re.IGNORECASE) is not None


def as_written(name: str, text: str, capital: bool = True) -> str:
    """The words as the user typed them; all-lower-case names get a capital."""
    pattern = r"[\W_]+".join(re.escape(w) for w in name.split())
    match = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
    written = match.group(0) if match else name
    if capital and written.islower():
        written = written[0].upper() + written[1:]
    return written[:MAX_NAME]
