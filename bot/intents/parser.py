"""Free text (slash-command or mention) to a typed Intent.

Cost is bounded for any input: a message over MAX_MESSAGE, or with more than MAX_TEXT of
prose besides its pasted blocks, is not parsed at all; pasted blocks are cut down to their
evidence first (bot/intents/pasted.py), and at most MAX_TOKENS words are scanned for names.
Every cue word comes from rules.yaml (`phrases:`, `signals:`, fact units), never from this
module.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
import re
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass, field

from bot.intents.afterthought import main_ask
from bot.intents.alternation import word_pattern
from bot.intents.api_asked import api_asked
from bot.intents.asked_kind import Asked, AskedKinds
from bot.intents.asks import AskReader
from bot.intents.bases import context_bases, packaged, refused_over
from bot.intents.clauses import CLAUSES, PROSE_SENTENCE_END, last_sentence
from bot.intents.context import (
    choice_beside_uncovered,
    compared_meshes,
    derived,
    known_apart,
    left_behind,
    likened,
    listed_apart,
    replaced,
    retired_context,
    swapped_out,
)
from bot.intents.cues import ANY_TOPIC, CuePhrases
from bot.intents.defined import ConceptReader
from bot.intents.done_already import DoneAlready
from bot.intents.editions_named import EditionNames
from bot.intents.emphasis import without_figure_marks
from bot.intents.estate_added import EstateAdded, within_counted_before
from bot.intents.extract import (
    MAX_SPAN,
    Mentions,
    SignalReader,
    find_mentions,
    outside_features,
)
from bot.intents.field_words import ASKED_AS_PHRASES, ASKED_GROUPS, field_words
from bot.intents.free_asked import free_asked
from bot.intents.heading_setup import HeadingSetup
from bot.intents.identity import SUBJECTS, IdentityReader
from bot.intents.lacks import LackReader
from bot.intents.latest import latest_asked
from bot.intents.lazy import LazyPattern
from bot.intents.lexicon import ordinary, slip
from bot.intents.likened import LikenedReader
from bot.intents.links import as_labels
from bot.intents.memory import MemoryReader
from bot.intents.models import MAX_COMPARE, Aspect, Intent, IntentKind, Measure
from bot.intents.modes import CONTRAST_REACH, CONTRASTS, ModeReader
from bot.intents.money import money_signed
from bot.intents.moves import MovesOffered
from bot.intents.moving_on import ASKING, MovingOn
from bot.intents.name_breaks import NameBreaks
from bot.intents.names import NameReader, as_written, initialled
from bot.intents.need_slips import NeedSlips
from bot.intents.numbers import CODE, NumberReader
from bot.intents.opening import Opening
from bot.intents.pasted import MAX_MESSAGE, MAX_PASTED, PastedReader
from bot.intents.pasted_counts import PastedCounts
from bot.intents.placed_status import status_placed
from bot.intents.planned_size import PlannedSize
from bot.intents.priorities import PriorityReader
from bot.intents.proposals import Proposals
from bot.intents.question_led import question_led
from bot.intents.rate_caps import RateCapReader
from bot.intents.recounted import Recounted
from bot.intents.refusals import LIST_WORDS, RefusalReader
from bot.intents.requirements import (
    HURT_BEFORE,
    HURTS,
    RETIRED,
    RequirementReader,
    setup_facts,
)
from bot.intents.resources import entry_texts, resource_words, written_words
from bot.intents.respell import Respeller
from bot.intents.retrieval import CLEAR, MIN_SCORE, FeatureRetriever, Ranked
from bot.intents.revision_names import RevisionNames
from bot.intents.roles import RoleReader
from bot.intents.run_by_pronoun import RunByPronoun
from bot.intents.setup_weight import SetupWeigher
from bot.intents.short_names import ShortNameReader
from bot.intents.shorthand import Shorthand
from bot.intents.softened import Softened
from bot.intents.spoken import SpokenProtocols
from bot.intents.stances import (
    DOUBTED,
    INCUMBENT,
    LEAVING,
    LEAVING_LINE,
    REFUSED,
    StanceReader,
    settled,
)
from bot.intents.struck import without_struck
from bot.intents.subsumed import subsumed
from bot.intents.suffixed import SuffixReader
from bot.intents.support_asked import support_asked
from bot.intents.thread_setup import as_list, implied_beside, merged
from bot.intents.threadless import UNGROUNDED, alone
from bot.intents.unmarked import unmarked_question
from bot.intents.vendor_rivals import VendorRivals
from bot.intents.versions import major_after, major_said, version_after
from bot.intents.volume import VolumeReader
from bot.intents.wanted import WANTED, WantReader
from bot.knowledge.aliases import STOPWORDS, digits, normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.memo import kept, remember
from bot.knowledge.models import Category, DataPlaneModel, FactType, FactValue

MAX_TEXT = 1_000  # prose: the message without its pasted blocks
# The readings a licence or money asked of one offering overrides: "what do we pay for linkerd
# stable builds?" asks the price of its releases, not their status.
LICENCE_ASKED_OF = (IntentKind.explain, IntentKind.recommend, IntentKind.lifecycle)
PRICE_ASKED_OF = (IntentKind.explain, IntentKind.cost, IntentKind.lifecycle)
# Questions answered of each mesh alone (a status): "and traefik mesh?" after one asks that
# mesh's instead, where a comparison or a cost takes it in beside the thread's meshes.
ONE_AT_A_TIME = (IntentKind.lifecycle,)
PROXY_SIZES = frozenset({"pods", "nodes"})  # what proxies are costed at, not billed by
MAX_READ = MAX_TEXT + MAX_PASTED + 100  # what is parsed: prose and pastes cut down (fences)
PARSED_KEPT = 256  # texts whose reading is remembered ("compare istio linkerd" again)
CLAUSES_KEPT = 1024  # clauses ranked (one question's readers rank its clauses again)
MAX_TOKENS = 200
ECHO_CHARS = 120
NOT_NEEDED = "not_needed"
MESH_ASKED = "mesh_asked"
SPANS = "spans_clusters"  # one mesh across the clusters counted
IN_FULL = "in_full"
RELEASED = "released"  # rules.yaml: must-haves a row in alpha, beta or preview does not meet
BY_NAME = "by_name"
ALSO_MEASURES = "also_measures"
# rules.yaml phrases naming the unit a cost is asked in -> the unit answers give it in
UNITS_ASKED = {
    "unit_mib": "MiB",
    "unit_gib": "GiB",
    "unit_millicores": "millicores",
    "unit_microseconds": "µs",
}
LOOSE_BEFORE = 3  # "some kind of mtls": the loosening words within three words before
MESH_TAIL = 1  # "what is ambient mode?", "what's kuma, really?": a word at most after the mesh
PLATFORM = "platform"
_TEAM = frozenset({"engineers", "team_size"})  # who would run the mesh
# Phrase groups that hold a pick's words but ask none: a status ("did it become something
# else"), what to pass on or put to me, what it takes of their code, a figure to expect.
_PICK_CUES = ("recommend", "decision", "decision_opening", "which_meshes")
_UNPICKING = ("lifecycle", "relay", "own_changes", "quantity", "relevance")
LOW_OVERHEAD = "low_overhead"  # the fact a ranking by overhead asked of a setup sets
LICENCE = "licence"  # the fact: a licence policy the setup states
# Kinds a concept named beside them never turns into its explanation: what it costs, where a
# project stands, the bot's sources, small talk and what is outside the field.
NOT_CONCEPTS = (
    IntentKind.cost,
    IntentKind.lifecycle,
    IntentKind.lightest,
    IntentKind.sources,
    IntentKind.greeting,
    IntentKind.out_of_scope,
    IntentKind.not_in_kb,
    IntentKind.too_long,
)
EMPLOYEES = "employees"  # the fact: the company's head count
UNASSESSED = (
    "I hold no {regimes} assessment of any mesh: what I hold is what each supports (mTLS, "
    "FIPS-validated crypto builds, access logs) and its maintainers' own readiness labels; "
    "whether that meets your audit is for your assessor to say."
)
IN_FULL_SPAN = 4  # "real mutual tls": the feature's name within four words of the cue
# A word stressed in markup: "*mutual*", "**real**", "_full_".
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\w)([^*_\n]{1,40}?)(?<=\w)\1(?![\w*])")
IN_FULL_BEFORE = 12  # "fips 140 validated crypto for all … traffic is non-negotiable"
_HEADING_BREAK = re.compile(r"\s*(?:[—–:|]|>>|->|=>)\s*|\s+-+\s+")  # "kuma 2.x —", "istio - "
_VERSION = re.compile(r"v?\d+|x")  # "ossm 3", "kuma 2.x", "istio v1.22"
HEADING_REACH = 60  # characters a heading may take
_SENTENCES = re.compile(r"(?:[;!?\n]|\.(?!\w))+")  # ".net", "v1.2" end no sentence
_PROSE_BREAK = re.compile(r"(?<=[.!?])\s+")  # where a written sentence ends and the next begins
_ASKED = re.compile(r"[^.;!?\n]+\?")  # the sentences a question mark closes
_CLAUSE_ENDS = re.compile(
    r"([,.;:!?()\n—–]+|\s+-+\s+)"
)  # the clauses and what ends each (a spaced hyphen is a dash)
_PARENS = re.compile(r"[()]")
_ASIDE = re.compile(r"\([^()\n]*\)")  # a parenthesis within one line
_CLAUSE_PARTS = re.compile(r"[,;:—]")  # marks that part clauses within a sentence
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_ASKED_PART = re.compile(r"[—–:]|\s-+\s")  # where a sentence's last part starts
_CLAUSE_MARKS = re.compile(r"[,.;:!?()—]")
_MENTIONS = re.compile(r"<[@!#][^>]*>")  # Slack's <@U123>, <!here>, <#C123|name>
_PERCENT = re.compile(r"(?<=\d)\s*%")
# "gcsm v. upstream ambient": the abbreviated "versus" between two words ("v. 1.22" is a
# release, and "v1.22" one word), read as "vs".
# "latency at the 99th percentile": the percentile written as people write it, "p99"
_PERCENTILE = re.compile(r"\b(\d+)(?:\.(\d+))?(?:st|nd|rd|th)?\s+percentile\b", re.IGNORECASE)
NOT_FROM = "not_from"  # the vendors they want nothing from
_VERSUS = re.compile(r"(?<=\w)\s+[vV]\.\s+(?=[^\W\d_])")
_CAMEL_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "AppMeshX": written as a name on purpose
_CAMEL = re.compile(r"\b[a-zA-Z][a-z0-9]*(?:[A-Z][a-z0-9]+)+\b")  # accessPolicy, RequestMirror
ASKS_WINDOW = 4  # "can they join the consul mesh": the mesh within four words of "can"
MIN_WORD = 3  # "r", "d" and "lt" are letters and markup, not English
JARGON_WORDS = 3  # "tune g1gc … jvm": an English word and two of another topic's jargon
SENTENCE_WORDS = 5  # content words that make a sentence about something, not a stray phrase
ASIDE_WORDS = 3  # ordinary words outside the field that make a plain-word name an aside
YOURS_WINDOW = 5  # "you getting the cilium cpu numbers": the owner up to five words before
THANKS_WORDS = 3  # words beside a thanks that ask nothing ("thx, that helped a ton")
THANKS_OPENING = 3  # "ok cool thanks, …": a thanks within the first three words opens it
# Cue groups that ask something after an acknowledgement ("ok what would it cost?", "cool, in
# one line", "ok so what do you recommend"): no greeting, whatever words they use.
ACKNOWLEDGED_ASKS = (
    "follow_up",
    "brief",
    "recommend",
    "cost",
    "lightest",
    "compare",
    "which_meshes",
    "changes_asked",
    "drawbacks",
)
NEGATION_WINDOW = 3  # "don't want to deal with mTLS": a negated feature this close to the cue
_LISTED = re.compile(r"(\s*[,.;:!?()\n—]+\s*)")  # clauses, each break kept: a comma may list on
LIST_BREAK = ","
ARTICLES = frozenset({"a", "an", "the"})  # "what's a service mesh": what_is, then the thing
LEAST_GAP = 1  # "smallest resource footprint": one word between the superlative and overhead
MAX_PAIR = 2  # two meshes set side by side; a third beside them may be their yardstick
MAX_CLAUSES = 6  # clauses ranked one by one for the features they ask about
CLAUSE_FLOOR = CLEAR  # a clause alone must say its topic twice as clearly
CONCEPT_REACH = 5  # "between an api gateway and a service mesh": the concept a few words on


@dataclass
class _Reading:
    """What one pass over the text found, before it is classified."""

    text: str  # as written, less Slack markup
    normalised: str
    remaining: str
    found: Mentions
    features: list[str]
    facts: dict[str, FactValue]
    unknown: list[str]
    notes: list[str]
    read_as: dict[str, str]
    in_field: bool
    measure: Measure | None
    asks_of_mesh: bool
    asks: bool  # a question mark: the text asks something
    sizes: frozenset[str]  # counts given in numbers ("3 clusters"; "multi-cluster" is none)
    control_plane_too: bool  # proxy memory with the control plane counted in
    context: frozenset[str]  # meshes named as context ("since osm is dead"), no subject
    left: tuple[str, ...]  # of those, the retired meshes they run or leave ("osm got archived")
    parts: dict[str, list[str]]  # mesh -> its parts named ("waypoint proxy"), by part id
    by_part: frozenset[str]  # meshes named only by a part of theirs ("what is hbone")
    named_features: bool  # a feature said by one of its names, not only found by the ranking
    excepted: tuple[str, ...] = ()  # meshes a list question leaves out ("besides istio")
    beside: Mapping[str, FactValue] = field(default_factory=dict)  # a thread's setup before
    totals: tuple[str, ...] = ()  # counts multiplied: "3 clusters × 40 nodes = 120 nodes"


class IntentParser:
    """Understands questions against one knowledge base (indexes built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        mesh_words = [normalise(a) for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
        self._signals = SignalReader(kb.rules, mesh_words)
        self._numbers = NumberReader(kb.rules)
        self._shorthand = Shorthand(kb.rules)
        self._editions = EditionNames(kb)
        self._planned = PlannedSize(kb.rules, self._numbers)
        self._memory = MemoryReader(kb.rules)
        self._volume = VolumeReader(kb.rules)
        self._priorities = PriorityReader(kb.rules)
        self._requirements = RequirementReader(kb)
        self._estate_added = EstateAdded(kb.rules)
        vendor_words = {w for words in kb.rules.vendors.values() for w in words}
        named = [  # "AWS App Mesh", "Google Cloud Service Mesh": a product, not its maker
            a
            for m in kb.meshes.values()
            for a in (m.name, *m.aliases)
            if len(normalise(a).split()) > 1
            and any(w in vendor_words for w in normalise(a).split())
        ]
        self._refusals = RefusalReader(kb.rules, named)
        self._softened = Softened(kb.rules, self._refusals)
        self._stances = StanceReader(kb)
        # Words of the field no one offering owns ("eBPF") are concepts to explain, too.
        self._terms = {
            normalise(a): t.id for t in kb.service_mesh.terms for a in (t.id, t.name, *t.aliases)
        }
        # Concepts a feature's row is about ("spiffe", "gamma"): a question asking what one is
        # has it defined first.
        concepts = [*kb.rules.phrases.get("concept", []), *self._terms]
        self._cues = CuePhrases({**kb.rules.phrases, "concept": concepts})
        self._wants = WantReader(kb, self._refusals.clauses, self._cues)
        self._defined = ConceptReader(kb, self._cues)
        # Facts some decision rule or constraint tests: knowing one makes a question a
        # recommendation.
        self._deciding = {fact for rule in kb.rules.rules for fact in rule.when}
        self._deciding |= {constraint.fact for constraint in kb.rules.constraints}
        self._setup = setup_facts(kb.rules)
        # What a setup refuses or insists on (flags: "NOT changing our CNI", "no sidecars")
        # (each with the feature its constraint asks of an offering, if one)
        flags = {f.id for f in kb.rules.facts if f.type == FactType.flag} & self._setup
        self._must_nots = {
            f: next((c.feature for c in kb.rules.constraints if c.fact == f and c.feature), None)
            for f in flags
        }
        # Deciding facts a setup states as a constraint: not a count, nor where it runs, nor
        # what the team has already (`had`: "we already run cilium as the CNI").
        self._constraints = {
            fact.id
            for fact in kb.rules.facts
            if fact.id in self._deciding and fact.type != FactType.number and not fact.had
        } - {PLATFORM}
        self._stand_ins = _stand_ins(kb)
        self._weigher = SetupWeigher(kb, self._cues)
        self._asked_kinds = AskedKinds(kb, self._cues)
        self._covers = {f.id: f.covers for f in kb.features.values()}
        texts = entry_texts(kb)
        self._vocabulary = self._known_words(texts)
        self._said_setup = word_pattern(
            [normalise(p) for signal in kb.rules.signals for p in signal.phrases]
        )
        self._field_words = field_words(
            kb,
            [
                *self._requirements.platform_words(),
                *(w for g in ASKED_GROUPS for w in self._cues.words[g]),
            ],
        )
        self._former = {
            normalise(n): m.id
            for m in kb.meshes.values()
            for f in m.former_names
            for n in f.said_as
        }
        self._part_words = {
            normalise(a): part.id
            for m in kb.meshes.values()
            for part in m.parts
            for a in (part.name, *part.aliases)
        }
        numbered = {normalise(a) for m in kb.meshes.values() for a in m.known_as if digits(a)}
        self._names = NameReader(
            self._cues,
            self._vocabulary,
            frozenset(a.rstrip("0123456789") for a in numbered if a.isalnum() and " " not in a),
        )
        self._modes = ModeReader(kb.meshes.values(), self._cues.words["negators"])
        self._roles = RoleReader(kb)
        self._heading_setup = HeadingSetup(
            kb.rules.platforms.values(), self._cues.words["heading_setup"]
        )
        self._likened = LikenedReader(kb, kb.meshes.values())
        self._rivals = VendorRivals(kb)
        self._revisions = RevisionNames(kb.meshes.values())
        self._lacks = LackReader(kb.rules.phrases)
        self._name_breaks = NameBreaks(a for m in kb.meshes.values() for a in (m.name, *m.aliases))
        self._proposals = Proposals(
            kb.rules.phrases, (a for m in kb.meshes.values() for a in (m.id, m.name, *m.aliases))
        )
        self._suffixed = SuffixReader(self._vocabulary | written_words(texts))  # "Istio Swift"
        # "mTLS", "mutual TLS": the words that promise what a feature's name does
        self._named_by = [
            (feature.id, pattern)
            for feature in kb.features.values()
            if (pattern := word_pattern(normalise(w) for w in feature.named_by))
        ]
        self._narrowed_by = [
            (feature.id, feature.narrows, pattern)
            for feature in kb.features.values()
            if feature.narrows
            and (pattern := word_pattern(normalise(w) for w in feature.narrowed_by))
        ]
        names = [a for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
        names += [a for f in kb.features.values() for a in (f.id, f.name, *f.aliases)]
        self._respeller = Respeller(
            self._cues, self._vocabulary, {w for a in names for w in normalise(a).split()}
        )
        self._need_slips = NeedSlips(
            units=(normalise(u) for f in kb.rules.facts for u in f.units),
            features=kb.feature_index,
            feature_words={
                normalise(a): f.id
                for f in kb.features.values()
                for a in (f.id, f.name, *f.aliases)
                if len(normalise(a).split()) == 1
            },
            joiners=kb.rules.phrases.get("need_list_joiners", []),
            names={
                w
                for m in kb.meshes.values()
                for a in (m.id, m.name, *m.known_as)
                for w in normalise(a).split()
            },
        )
        self._platform_words = frozenset(
            w for phrase in self._requirements.platform_words() for w in normalise(phrase).split()
        )
        self._short_names = ShortNameReader(
            kb.meshes.values(), kb.mesh_index, self._requirements.platform_words(), kb.rules.vendors
        )
        words = self._cues.words
        self._retriever = FeatureRetriever(kb, words["filler"], privative=words["privative"])
        self._rate_caps = RateCapReader(kb.rules)
        self._spoken = SpokenProtocols(kb.rules.phrases)
        self._done = DoneAlready(kb.rules.phrases, kb.mesh_index, kb.feature_index)
        self._avoids = {
            f.id: LazyPattern(
                r"\b(?:" + "|".join(re.escape(normalise(a)) for a in f.avoids) + r")\b"
            )
            for f in kb.features.values()
            if f.avoids
        }
        self._identity = IdentityReader(self._cues, kb.mesh_index, kb.feature_index)
        self._need_denied = _need_denied(self._cues.words)
        self._parsed: dict[Hashable, Intent] = {}
        self._ranked_clauses: dict[str, list[Ranked]] = {}
        self._asks = AskReader(self._cues, self._names_something, self._numbers.strip)
        self._recounted = Recounted(self._cues, self._names_something)
        self._pasted_counts = PastedCounts(kb.rules)
        shown = [n for mesh in kb.meshes.values() for n in (mesh.name, *mesh.known_as)]
        self._pasted = PastedReader(kb.rules, shown)
        self._addressed = _addressing(self._cues.words["addressed"])
        self._headers = _headers(kb.rules.phrases.get("header_marks", []))
        makers = {normalise(w) for words in kb.rules.vendors.values() for w in words}
        self._possessive = _possessive(makers)
        self._opening = Opening(self._cues, makers)
        self._run_by_pronoun = RunByPronoun(kb, self._cues)
        self._moving_on = MovingOn(
            kb,
            self._cues,
            self._other_line,
            lambda words: find_mentions(words.split(), kb.mesh_index, kb.feature_index).meshes,
        )
        self._moves = MovesOffered(self._cues, lambda tokens: self._mentions(tokens).spans)
        # `name_before` cues by their number of words ("roll out": 2), to match a text's end
        self._names_before: dict[int, set[tuple[str, ...]]] = {}
        for cue in self._cues.words["name_before"]:
            if words := tuple(cue.split()):
                self._names_before.setdefault(len(words), set()).add(words)

    def _names_something(self, normalised: str) -> bool:
        """Some words name a mesh or a feature; a `spanning` verb names one mesh across
        clusters ("which meshes can span all of them?" asks for that list, not a pick), and
        a must-not a constraint ties to a feature names it ("which meshes don't need a
        sidecar? list pls" asks for those meshes)."""
        found = find_mentions(normalised.split(), self._kb.mesh_index, self._kb.feature_index)
        if found.meshes or found.features or self._cues.has("spanning", normalised):
            return True
        return bool(self._required_by(self._refusals.read(normalised)))

    def _known_words(self, texts: tuple[str, ...]) -> frozenset[str]:
        """Every word the knowledge base uses (its entries' `texts` among them): none of them
        is an unknown mesh's name."""
        kb = self._kb
        phrases = [a for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
        phrases += [a for f in kb.features.values() for a in (f.id, f.name, *f.aliases)]
        phrases += [p for s in kb.rules.signals for p in s.phrases]
        phrases += [u for f in kb.rules.facts for u in f.units]
        phrases += self._requirements.platform_words()
        phrases += [w for g, words in self._cues.words.items() if g not in ANY_TOPIC for w in words]
        said = frozenset(word for phrase in phrases for word in normalise(phrase).split())
        return said | resource_words(texts)

    # ------------------------------------------------------------------ parsing

    def parse(self, text: str) -> Intent:
        """The intent of a text asked on its own, with no thread before it."""
        intent = alone(self._cues, text, self._thread_free(text))
        # "… must be supported by red hat. also curious whether ambient is an option there"
        intent, asked = main_ask(text, intent, self._cues, self._thread_free)
        intent = question_led(
            asked,
            intent,
            self._thread_free,
            self.refers_back,
            self._asks_next,
            self._asks_pick,
            self._setup,
            self._covers,
        )
        intent = self._referred(asked, intent)
        # "istio authz policy dry-run mode — does that exist?": the mesh whose API it names
        intent = api_asked(intent, asked, self._cues, self._kb.meshes, self._asks_pick)
        return self._briefed(text, intent)

    def _briefed(self, text: str, intent: Intent) -> Intent:
        """The intent asked in its brief form where the text asks for one ("explain ambient in
        two sentences", "istio vs linkerd in one line", "tl;dr?"), first message or reply."""
        if self._cues.has("brief", normalise(text)):
            return intent.model_copy(update={"brief": True})
        return intent

    def _sellers_asked(self, plain: str, meshes: list[str]) -> bool:
        """Who sells support asked of no mesh named (`phrases: sellers_asked`)."""
        return not meshes and self._cues.has("sellers_asked", normalise(plain))

    def _asks_pick(self, sentence: str) -> bool:
        """Whether a sentence asks for a pick or for options ("any sidecar-free meshes we
        could use?", "what are our options?")."""
        said = normalise(sentence)
        return any(self._cues.has(group, said) for group in ASKING)

    def _asks_next(self, sentence: str) -> bool:
        """Whether a sentence asks what to do next ("if not, which way should we go")."""
        return self._cues.has("next_step", normalise(sentence))

    def _referred(self, text: str, intent: Intent) -> Intent:
        """A pronoun the text itself resolves: "cilium runs as our cni. does it do mtls?" asks
        of the mesh a fact said they have (rules.yaml fact `mesh`), though the signal that set
        the fact took its name; the question is read with the mesh's name in its place. The
        pronoun is one left unresolved, or one right after an `asks_of` word ("… can it
        encrypt pod to pod traffic?")."""
        if intent.meshes or intent.kind not in (*UNGROUNDED, IntentKind.recommend):
            return intent
        specs = {fact.id: fact for fact in self._kb.rules.facts}
        had = {
            spec.mesh
            for fact, value in intent.facts.items()
            if value is True and (spec := specs.get(fact)) and spec.mesh
        }
        if len(had) != 1:
            return intent
        asks, pronouns = self._cues.words["asks_of"], self._cues.words["pronouns"]
        words = [w.lower() for w in re.findall(r"[\w']+", text)]
        asked = [after for w, after in itertools.pairwise(words) if w in asks and after in pronouns]
        pronoun = intent.unresolved[-1] if intent.unresolved else (asked or [None])[-1]
        said = list(re.finditer(rf"\b{re.escape(pronoun)}\b", text, re.I)) if pronoun else []
        if not said:
            return intent
        name = self._kb.meshes[next(iter(had))].name
        at = said[-1]
        named = f"{text[: at.start()]}{name}{text[at.end() :]}"
        read = alone(self._cues, named, self._thread_free(named))
        if read.unresolved or read.no_thread or not read.meshes:
            return intent
        return read.model_copy(update={"text": intent.text})

    def _thread_free(self, text: str) -> Intent:
        """The intent of a text, whether or not a thread comes before it; a text asked again
        is read once (each caller gets a copy)."""
        if text not in self._parsed:
            remember(self._parsed, text, self._parse(text), PARSED_KEPT)
        return self._parsed[text].model_copy(deep=True)

    def _parse(self, text: str) -> Intent:
        text = text.strip()
        echo = text[:ECHO_CHARS]
        if len(text) > MAX_MESSAGE:
            return Intent(kind=IntentKind.too_long, text=echo)
        split = self._pasted.split(text)  # pasted output is evidence, cut to what shows it
        if len(split.prose.strip()) > MAX_TEXT:
            return Intent(kind=IntentKind.too_long, text=echo)
        text = split.read.strip()[:MAX_READ]
        plain, reading = self._prepared(text)
        if reading is None:
            return Intent(kind=IntentKind.help, text=echo)
        kind, unsure = self._classify(reading)
        # "wait osm is archived?? we're on AKS w/ the OSM addon. what now", "running OSSM 2.x
        # on OpenShift, heard it's going EOL. whats the upgrade path?": the going offering they
        # run and what to do next asked is a pick among what may replace it, whatever status
        # or feature words it holds; the answer says the status first (bot/intents/moving_on.py).
        moving_on = self._moving_on.asks(plain, reading.facts, reading.found.meshes)
        if moving_on:
            kind = IntentKind.recommend
        # "fargate, 60 svcs, need mtls and jwt … service connect: does it do either?": the
        # setup said outweighs the check asked of one offering, or the list asked.
        said = set(reading.facts) - (self._restated(reading.features) - reading.sizes)
        told = self._told  # "no way to shift traffic back partially": a need told
        setup = self._weigher.carries_setup(reading.text, said, reading.features, told)
        picks_between = self._opening.first_says("picks_between", reading.text)  # "… for us?"
        if setup and self._weigher.outweighs(kind, reading.found.meshes, picks_between):
            kind = IntentKind.recommend
        # "… 1.20.3 (412 proxies). are we out of support?": the question sentence decides
        asked = self._asked_kinds.asked(plain, kind)
        asked = None if asked and asked.kind == kind and reading.found.meshes else asked
        if asked and (over := self._asked_over(reading, asked, plain, unsure, echo)):
            return over
        # "… we're on linkerd — can it do that or do we need something else?": the question
        # proper, read without the alternative or reason after it, where that is narrower
        # (not where they run a going offering and ask what next: "still supported or should
        # we bail?" is a pick led by its status)
        core = None if moving_on else self._asked_kinds.core(plain)
        read = self._thread_free(core) if core else None
        if read and self._asked_kinds.narrower(kind, reading.found.meshes, read):
            return read.model_copy(update={"text": echo})
        if reading.found.meshes and (general := self._asked_of_all(text)):
            return general.model_copy(update={"text": echo})
        intent = self._intent(reading, kind, unsure, echo)
        if on_base := self._asked_kinds.base_checked(intent, self._setup):
            return on_base
        if self._troubleshooting(plain, reading, kind, setup):
            intent = self._diagnosis_asked(reading, intent, unsure, echo)
        elif support_asked(
            self._cues, self._beside_names(reading), reading.found.meshes, kind, intent.facts
        ):  # "who do we call for support if istio ambient breaks at 3am": who sells it
            intent = self._intent(reading, IntentKind.explain, unsure, echo)
            facts = {k: v for k, v in intent.facts.items() if k != "support"}
            update = {"aspect": Aspect.support, "facts": facts, "features": []}
            intent = intent.model_copy(update=update)
        elif kind == IntentKind.recommend and self._sellers_asked(plain, reading.found.meshes):
            # "on-prem, no cloud, 100 services: who sells support?": the pick, and the sellers
            intent = intent.model_copy(update={"aspect": Aspect.support})
        elif (
            kind in (IntentKind.which_meshes, IntentKind.feature_check)
            and intent.features
            and self._cues.has("by_default", reading.normalised)
        ):  # "which ones do post-quantum TLS by default?": on with no setting, first
            intent = intent.model_copy(update={"aspect": Aspect.by_default})
        elif kind == IntentKind.feature_check and self._install_need_asked(plain):
            # "does linkerd need the gateway api CRDs installed?": what it requires, first
            intent = intent.model_copy(update={"aspect": Aspect.requires})
        elif kind == IntentKind.feature_check and self._readiness_asked(plain):
            intent = intent.model_copy(update={"aspect": Aspect.readiness})
        elif kind in (IntentKind.explain, IntentKind.recommend) and self._drawbacks_asked(
            reading, intent
        ):  # "why not linkerd?", "any reason not to pick kuma?": nothing to weigh it by
            intent = self._intent(reading, IntentKind.explain, unsure, echo)
            intent = intent.model_copy(update={"aspect": Aspect.drawbacks})
        elif (
            kind in (IntentKind.compare, IntentKind.feature_check)
            and len(intent.meshes) > 1
            and (self._licence_beside(reading) or self._licences_compared(reading, intent))
        ):
            # "is consul still open source? choosing between consul and istio …": the
            # licence asked is answered first, over the two set side by side; no licence
            # policy to rule one out by
            intent = self._intent(reading, IntentKind.compare, unsure, echo)
            facts = {k: v for k, v in intent.facts.items() if k != LICENCE}
            intent = intent.model_copy(update={"aspect": Aspect.licence, "facts": facts})
        elif kind == IntentKind.compare and self._pick_asked(reading, intent):
            intent = intent.model_copy(update={"aspect": Aspect.pick})
        elif kind == IntentKind.explain and self._licence_kind_asked(reading, intent):
            # "is gloo mesh open source?": its licence asked, no licence policy of theirs;
            # "is kuma cncf?": a CNCF level asked is its standing in the CNCF
            asked = intent.facts.get(LICENCE)
            cncf = isinstance(asked, str) and asked in self._kb.rules.cncf_policies
            facts = {k: v for k, v in intent.facts.items() if k != LICENCE}
            aspect = Aspect.cncf if cncf else Aspect.licence
            intent = intent.model_copy(update={"aspect": aspect, "facts": facts})
        elif self._licence_asked(reading, kind) and self._money_of_priced(reading):
            # "do we need to pay anything extra for OSSM?": its pricing row, however read
            intent = self._intent(reading, IntentKind.explain, unsure, echo)
            intent = intent.model_copy(update={"aspect": Aspect.price})
        elif self._licence_asked(reading, kind):
            # "consul is BSL now, can we still use it internally?": what its licence permits,
            # no licence policy of a setup to screen offerings by; a policy they state ("… if
            # legal says no BUSL") is kept, for the answer to apply
            intent = self._intent(reading, IntentKind.explain, unsure, echo)
            policy = LICENCE in self._refusals.read(reading.text)
            facts = {k: v for k, v in intent.facts.items() if k != LICENCE or policy}
            intent = intent.model_copy(update={"aspect": Aspect.licence, "facts": facts})
        elif self._price_asked(reading, kind):
            # "what does GCSM cost for 200 vCPUs?": money, which a resource figure never answers
            intent = self._intent(reading, IntentKind.explain, unsure, echo)
            intent = intent.model_copy(update={"aspect": Aspect.price})
        elif kind in (IntentKind.cost, IntentKind.lightest) and (
            self._money_asked(reading) or self._ranked_in_money(reading, intent)
        ):
            # "linkerd vs istio in dollars at 1000 pods", "cheapest … including licence costs",
            # "cheapest mesh for 200 pods": the figures, with what each costs in money as held
            intent = intent.model_copy(update={"aspect": Aspect.price})
        if interop := self._interop_asked(plain, intent):
            return interop  # "can ambient and sidecar pods talk to each other?"
        if intent.aspect is None and kind not in NOT_CONCEPTS:
            intent = self._concept_asked(reading, intent)
        regimes = self._cues.find("compliance", reading.normalised)
        if regimes and intent.kind != IntentKind.out_of_scope:  # "… we're under PCI DSS"
            said = list(dict.fromkeys(m.group(0).upper() for m in regimes))
            note = UNASSESSED.format(regimes=" or ".join(said))
            intent = intent.model_copy(update={"unread": [*intent.unread, note][:4]})
        if kind == IntentKind.recommend and (
            mine := self._moving_on.theirs(intent.facts, intent.meshes)
        ):
            # "running OSSM 2.x …": the release they run, whose status the pick's lead says
            return intent.model_copy(update={"version": self._other_line(plain, mine)})
        if kind not in (IntentKind.lifecycle, IntentKind.explain):
            return intent
        # "is istio 1.20 still supported?": that release. So is "is istio 1.28 supported",
        # read as a question about istio until a release and a support word are seen.
        version = self._version_asked(plain, intent.meshes)
        # what a status question asks beyond support, where nothing else was asked of it ("is
        # linkerd free in production?" asks its licence, not its readiness)
        status = self._status_aspect(plain) if intent.aspect is None else None
        if kind == IntentKind.explain:
            if not self._status_of_named(reading, intent, version, status):
                return intent
            intent = self._intent(reading, IntentKind.lifecycle, unsure, echo)
        return intent.model_copy(update={"version": version, "aspect": status or intent.aspect})

    def _status_aspect(self, text: str) -> Aspect | None:
        """What a status question asks beyond the version and its support: what a release
        brings ("whats new in istio 1.32?") or whether it is ready for production ("is ambient
        production ready? GA?")."""
        said = normalise(text)
        if self._cues.has("release_news", said):
            return Aspect.news
        # "how does ambient work in production?" asks how it works, not whether it is ready
        ready = self._readiness_asked(text) and not self._cues.has("explain", said)
        return Aspect.readiness if ready else None

    def _asked_of_all(self, text: str) -> Intent | None:
        """The prose's own reading where only a paste shows a mesh ("istio-system" in a cost
        table, "name: istio-proxy" in a pod spec) and the prose asks of every mesh or of a
        concept ("lowest overhead mesh overall?", "what are native sidecars?"): the mesh they
        run is no subject of that question. None where the prose names a mesh or asks of one
        (a pasted `istioctl version`, "are we out of support?")."""
        prose = self._pasted.split(text).prose.strip()
        if not prose or prose == text:
            return None
        read = self._thread_free(prose)
        if read.meshes or read.unknown_names:
            return None
        listed = read.kind in (IntentKind.which_meshes, IntentKind.explain)
        general = read.kind == IntentKind.lightest or (listed and bool(read.parts or read.features))
        return read if general else None

    def _asked_over(
        self, r: _Reading, asked: Asked, plain: str, unsure: bool, echo: str
    ) -> Intent | None:
        """The intent the question sentence asks (bot/intents/asked_kind.py); None where it
        asks of one mesh's release and the message names or pastes no one mesh and release."""
        intent = self._intent(r, asked.kind, unsure, echo)
        update: dict[str, object] = {"aspect": asked.aspect, "features": [], "facts": {}}
        if not asked.keeps_meshes:
            update["meshes"] = []
        if asked.needs_mesh:
            mesh = self._asked_kinds.mesh_of(plain, intent.meshes)
            said = self._version_asked(plain, [mesh]) if mesh else None
            version = said or self._asked_kinds.printed_version(plain)
            if mesh is None or version is None:
                return None
            update |= {"meshes": [mesh], "version": version}
        return intent.model_copy(update=update)

    def _prepared(
        self, text: str, beside: Mapping[str, FactValue] | None = None
    ) -> tuple[str, _Reading | None]:
        """The text as words the readers take, and its reading (None: nothing to read);
        `beside`: the setup a thread said before it (bot/intents/thread_setup.py)."""
        # "*~50* svcs", "`~50` svcs": a figure in Slack markup is a figure
        plain = as_labels(
            without_figure_marks(without_struck(html.unescape(text))), self._mesh_words
        )
        plain = self._shorthand.expand(plain)  # "w/o sidecars": without sidecars
        plain = self._numbers.units_restored(plain)  # "2 GKE clusters + 1 on-prem": clusters
        plain = self._name_breaks.apart(plain)  # "on AKS. mesh or no mesh?" names no add-on
        plain = self._revisions.rewrite(plain)  # "asm-1-24": the AKS add-on's Istio 1.24
        plain = self._recounted.without(plain)  # "> istio vs linkerd … now do linkerd vs consul"
        plain = self._addressed.sub(" ", _MENTIONS.sub(" ", plain))
        plain = self._possessive.sub(r"\1", plain)
        plain = self._headers.sub("http header", plain)  # "route `x-canary: true` requests to v2"
        plain = _PERCENT.sub(" percent", plain)  # "send 5% of users to v2": a share of traffic
        plain = _VERSUS.sub(" vs ", plain)  # "gcsm v. upstream ambient": versus
        plain = _PERCENTILE.sub(_as_percentile, plain)  # "the 99th percentile": p99
        plain = self._likened.rewrite(plain)  # "sidecarless (ambient style)": the kind wanted
        plain = self._rivals.rewrite(plain)  # "buoyant vs solo": Linkerd vs Gloo Mesh
        plain = _CAMEL.sub(self._spaced_name, plain)  # "GlooMesh" is Gloo Mesh
        respelled, slips = self._need_slips.read(self._respeller.respell(_code_words(plain)))
        reading = self._read(respelled, beside or {})
        if reading is not None:  # "60 servcies, mtls + retires": said in the answer
            reading.read_as = {**slips, **reading.read_as}
        return plain, reading

    def setup_of(self, text: str, beside: Mapping[str, FactValue] | None = None) -> Intent:
        """A reply to a recommendation read as more of its setup, whatever it asks: the facts
        and the needs a pick takes from it ("what if we also need jwt validation" needs JWT
        validation; alone it asks which meshes have it). Read `beside` the thread's setup, as
        if said with it in one message: "we also need to mesh about 10 EC2 VMs" after "we run
        EKS" needs VM workloads brought in, on EKS (bot/intents/thread_setup.py)."""
        text = self._pasted.split(text.strip()).read.strip()[:MAX_READ]
        _, reading = self._prepared(text, beside)
        if reading is None:
            return Intent(kind=IntentKind.recommend)
        return self._intent(reading, IntentKind.recommend, False, text[:ECHO_CHARS])

    def read_of(self, text: str, mesh_id: str) -> Intent | None:
        """The text read with a mesh's name in place of its first pronoun (`pronouns`): "how
        is it priced?" in a thread about VPC Lattice reads "how is Amazon VPC Lattice
        priced?". None where no pronoun stands in the text."""
        pronouns = self._cues.words["pronouns"]
        said = [m for m in re.finditer(r"[\w']+", text) if m.group().lower() in pronouns]
        if not said:
            return None
        at = said[0]
        return self.parse(f"{text[: at.start()]}{self._kb.meshes[mesh_id].name}{text[at.end() :]}")

    def sets_sides(self, text: str) -> bool:
        """Whether the text sets two meshes or more against each other by a comparison word
        of its own ("what about kong mesh licensing vs kuma"; a bare "or" sets none): a
        comparison complete in itself, which takes no side from a thread."""
        said = self._signals.read(normalise(text))[1]
        cued = {m.group(0) for m in self._cues.find("compare", said)} - {"or"}
        return bool(cued) and len(self._thread_free(text).meshes) >= 2

    def asks_not_needs(self, text: str) -> bool:
        """Whether a reply asks about what it names rather than saying it is needed: closed
        by a question mark or opened by a `feature_asked` phrase ("and proxyless gRPC?",
        "what about rate limiting"), with no word saying it is needed (`need_added`,
        `need_words`, `supposed_need`: "what if we need jwt", "mirroring too")."""
        read = self._pasted.split(text.strip()).read.strip()
        said = normalise(read)
        asked = read.endswith("?") or self._cues.starts("feature_asked", said)
        needed = ("need_added", "need_words", "supposed_need")
        return asked and not any(self._cues.has(group, said) for group in needed)

    def refers_back(self, text: str) -> bool:
        """Words that stand for something said before ("does that work with windows nodes
        too?", "can it do mirroring?"; rules.yaml `refers_back`)."""
        return bool(self._cues.find("refers_back", normalise(text)))

    def modes_against(self, text: str, subject: str) -> list[str]:
        """The modes of the subject's project the text sets against it without naming it
        ("… save vs sidecars?" after Istio ambient mode: Istio's sidecar mode)."""
        return self._modes.against(normalise(text).split(), subject)

    def set_against_only(self, text: str) -> bool:
        """Whether every mesh the text names stands right after a contrast word ("what would
        it cost in memory vs the AKS istio add-on?"): the other side is the thread's mesh."""
        tokens = normalise(text).split()
        spans = self._mentions(tokens).spans
        if not spans:
            return False
        start = min(s for s, _, _ in spans)
        before = [w for w in tokens[max(0, start - CONTRAST_REACH - 1) : start] if w != "the"]
        return bool(CONTRASTS & set(before[-CONTRAST_REACH:]))

    def modes_named(self, text: str, subject: str) -> list[str]:
        """The modes of the subject's project the text asks of without naming the project
        ("how much memory would the sidecars use?" after Istio ambient mode)."""
        return self._modes.named(normalise(text).split(), subject)

    def says(self, group: str, text: str) -> bool:
        """Whether the text holds a phrase of a rules.yaml `phrases:` group ("catch",
        "list_meshes", "need_words"): what a reply in a thread asks of its own."""
        return self._cues.has(group, normalise(text))

    def _concept_asked(self, r: _Reading, intent: Intent) -> Intent:
        """A concept asked about ("what is a trust domain and should two clusters share
        one?"): defined, with its feature's row and the one mesh named, never a pick."""
        setup = self._setup | self._constraints
        concepts = self._defined.asked(r.normalised, r.found.meshes, r.facts, setup)
        if not concepts:
            return intent
        features = list(dict.fromkeys([*self._defined.features_of(concepts), *r.features]))
        update = {
            "kind": IntentKind.explain,
            "parts": concepts,
            "features": features[:12],
            "meshes": r.found.meshes,
            "facts": {},
        }
        return intent.model_copy(update=update)

    def _beside_names(self, r: _Reading) -> str:
        """The question's words without the names of the meshes it names ("gloo mesh
        enterprise" holds no "enterprise support"), or "" where it gives a size."""
        if r.sizes:
            return ""
        said = f" {r.normalised} "
        for mesh in r.found.meshes:
            known = self._kb.meshes[mesh]
            for name in sorted({normalise(n) for n in (known.name, *known.known_as)}, key=len)[
                ::-1
            ]:
                said = said.replace(f" {name} ", " ")
        return " ".join(said.split())

    def _troubleshooting(self, text: str, r: _Reading, kind: IntentKind, setup: bool) -> bool:
        """A failure reported (`symptoms`: "OOMKilled", a pasted CERTIFICATE_VERIFY_FAILED) and
        a sentence asking to diagnose or fix it (`diagnose`) that reports the failure itself
        ("why do my pods fail with …") or names nothing of its own ("… what's going on?",
        "how do we fix that"). A sentence asking about a mesh or feature instead ("why would
        ambient help?") or a pick asked ("… what should we switch to?") is no diagnosis asked;
        an error pasted with nothing asked at all asks what is wrong, unless the setup around
        it asks for a pick (`setup`)."""
        # "… want to see what happens when inventory returns 503s": a failure they mean to
        # rehearse (`rehearsed`) is a test wanted, no failure reported
        reported = " ".join(
            said
            for sentence in _SENTENCES.split(text)
            for said in map(normalise, CLAUSES.split(sentence))
            if not self._cues.has("rehearsed", said) and not self._watched(said, sentence)
        )
        if kind in (IntentKind.out_of_scope, IntentKind.greeting) or not self._cues.has(
            "symptoms", reported
        ):
            return False
        # An error pasted with nothing asked asks what is wrong; a failure told as the
        # history of a setup that asks for a pick ("got burned by a linkerd upgrade that broke
        # everything … we MUST canary the control plane") is why they want another.
        if not self._asks_anything(r):
            return not setup
        for sentence in _SENTENCES.split(text):
            said = normalise(sentence)
            if not self._cues.has("diagnose", said):
                continue
            rest = self._cues.strip("diagnose", said)
            if self._cues.has("symptoms", said) or not self._names_something(rest):
                return True
        return False

    def _watched(self, clause: str, sentence: str) -> bool:
        """A failure named as what a view they want should show (a `watched` word in its
        clause, a `wished` word in its sentence: "she wants a screen that shows where the
        errors are", "need a view of what calls what, with the failing calls shown"): what
        the telemetry is for, no failure reported."""
        return self._cues.has("watched", clause) and self._cues.has("wished", normalise(sentence))

    def _diagnosis_asked(self, r: _Reading, intent: Intent, unsure: bool, echo: str) -> Intent:
        """Troubleshooting, which I do not do: what I hold on what the failure names is the
        answer (the mesh's row for the feature, its overhead), led by saying so. A pick read
        from the setup the error describes ("STRICT mTLS with a PeerAuthentication") was never
        asked: the mesh it names (or whose configuration it is) is the subject. Naming nothing I
        hold, it is outside what I cover."""
        kind = intent.kind
        picked = self._cues.has("recommend", self._cues.strip("diagnose", r.normalised))
        if kind == IntentKind.recommend and not picked:
            # what they run or whose configuration they know ("a PeerAuthentication"): the
            # mesh the error comes from
            run = [
                value
                for fact in self._kb.rules.facts
                if fact.type == FactType.mesh or fact.had
                if isinstance(value := r.facts.get(fact.id), str) and value in self._kb.meshes
            ]
            meshes = list(dict.fromkeys([*r.found.meshes, *run]))
            if meshes and r.features:
                kind = IntentKind.feature_check
            elif r.features:
                kind = IntentKind.which_meshes
            elif r.measure is not None:
                kind = IntentKind.cost
            elif meshes:
                kind = IntentKind.explain
            else:
                kind = IntentKind.out_of_scope
            reading = r if meshes == r.found.meshes else _with_meshes(r, meshes)
            intent = self._intent(reading, kind, unsure, echo)
        elif kind in (IntentKind.unknown, IntentKind.help, IntentKind.explain) and not (
            r.features
            or r.measure
            or any(map(self._in_use, r.found.meshes))
            or self._cues.has("mesh_vocabulary", r.normalised)
        ):  # nothing of a mesh named ("cert-manager … stuck in pending, how do i fix it")
            intent = self._intent(r, IntentKind.out_of_scope, unsure, echo)
        if not (intent.meshes or self._mesh_told(r)):
            # "kubectl drain hangs forever on a node with pdbs, any fix?": the platform's own
            # failure, whatever feature the ranking found in it
            intent = self._intent(r, IntentKind.out_of_scope, unsure, echo)
        if intent.kind == IntentKind.feature_check and not r.named_features:
            # a feature only the ranking found in the failure told ("failing its readiness
            # probes") is none it names: the mesh, and what I can do for it
            intent = self._intent(r, IntentKind.explain, unsure, echo)
            intent = intent.model_copy(update={"features": []})
        if intent.kind == IntentKind.out_of_scope:
            return intent
        return intent.model_copy(update={"aspect": Aspect.troubleshooting})

    def _mesh_told(self, r: _Reading) -> bool:
        """Something of a mesh said beside a failure: a product named, an overhead, a feature
        by one of its names, or a word only a mesh's parts are called by (`mesh_vocabulary`:
        "sidecar stuck after the node group upgrade")."""
        if r.unknown or r.measure or r.named_features:
            return True
        return self._cues.has("mesh_vocabulary", r.normalised)

    def _drawbacks_asked(self, r: _Reading, intent: Intent) -> bool:
        """One mesh, and reasons against it asked (`drawbacks`: "why not linkerd?", "what's
        wrong with kuma") with nothing said to weigh them by: no feature, setup or size."""
        if len(intent.meshes) != 1 or intent.features or intent.facts:
            return False
        return self._cues.has("drawbacks", self._cues.strip("reply_openers", r.normalised))

    def _pick_asked(self, r: _Reading, intent: Intent) -> bool:
        """A pick asked in words between the meshes compared ("should we use istio or
        linkerd?", "kuma or consul, what would you choose?") with nothing said to weigh them
        by: no setup, and no retired mesh they leave ("stuck on osm … kuma vs linkerd as where
        we land?" weighs what each keeps of it)."""
        if intent.facts or not all(map(self._current, intent.meshes)):
            return False
        groups = ("recommend", "decision_opening", "picks_between")
        return any(self._cues.has(g, r.normalised) for g in groups)

    def _licence_asked(self, r: _Reading, kind: IntentKind) -> bool:
        """One mesh named, its licence spoken of (`licence_words`) and a use of it asked
        about (`licence_use`: "can we still use it internally?"), with no comparison, list or
        pick asked in other words ("… what are the alternatives?"). An estate counted for a
        pick ("~80 services on VMs … want mTLS. BSL licence is fine for us") states its licence
        policy; it asks nothing of the licence. The use is asked in a question where there is
        one (a last sentence left open is one: "consul is BUSL now right? can we use it inside our
        SaaS product"); with none, a setup said (features or counts) states a policy and asks
        for a pick. A head count said beside a question of one mesh asks what its licence
        terms make of a company that size."""
        if len(r.found.meshes) != 1 or kind not in LICENCE_ASKED_OF:
            return False
        if kind == IntentKind.explain and EMPLOYEES in r.sizes and not r.features:
            return True  # "we are a 400-person company, does that matter for linkerd?"
        if kind == IntentKind.recommend and r.sizes - {EMPLOYEES}:  # the company's size
            return False  # is what its licence terms turn on, no estate for a pick
        said = r.normalised
        questions = _questions(r.text)
        if not questions and (r.features or r.sizes - {EMPLOYEES}):  # a headcount is no estate
            return False
        asked = set(questions or {said}) | _left_open(r.text)
        if not (
            self._cues.has("licence_words", said)
            and any(self._cues.has("licence_use", q) for q in asked)
        ):
            return False
        rest = self._cues.strip("licence_use", said)
        return not any(self._cues.has(g, rest) for g in ("recommend", "which_meshes", "compare"))

    def _licence_beside(self, r: _Reading) -> bool:
        """A comparison that asks, in a question of its own, whether one of its meshes is
        open source or what its licence lets them do ("is consul still open source?
        choosing between consul and istio for k8s + vms")."""
        return any(self._licence_question(q) for q in _questions(r.text))

    def _licences_compared(self, r: _Reading, intent: Intent) -> bool:
        """A comparison in licence words of its own ("kong mesh licensing vs kuma") that states
        no licence policy and asks no feature ("mtls with kuma without the kong mesh licence?"
        checks mTLS): their licences are what it sets side by side."""
        said = self._cues.has("licence_words", r.normalised)
        return said and LICENCE not in intent.facts and not intent.features

    def _licence_question(self, question: str) -> bool:
        """A question asking what a mesh's licence is or lets them do ("is consul still
        open source?")."""
        return bool(
            self._cues.has("licence_words", question)
            and self._cues.has("licence_use", question)
            and self._mentions(question.split()).meshes
        )

    def _money_asked(self, r: _Reading) -> bool:
        """Money asked of a ranking or of costs over several offerings: a `price` or licence
        word ("in dollars", "including licence costs") or a sum of money."""
        said = r.normalised
        prose = self._pasted.split(r.text).prose
        return (
            self._cues.has("price", said)
            or self._cues.has("licence_words", said)
            or (money_signed(prose))
        )

    def _ranked_in_money(self, r: _Reading, intent: Intent) -> bool:
        """A ranking asked in money's words ("cheapest mesh for 200 pods"), naming no resource
        ("cheapest in cpu" ranks by CPU): its whole cost, licence and support prices too."""
        return (
            intent.kind == IntentKind.lightest
            and intent.measure is None
            and self._cues.has("money_ranked", r.normalised)
        )

    def _free_said(self, r: _Reading) -> bool:
        """ "Free" said of an offering right after its name (bot/intents/free_asked.py)."""
        words = r.normalised.split()
        return free_asked(words, self._mentions(words), self._cues)

    def _licence_kind_asked(self, r: _Reading, intent: Intent) -> bool:
        """A question of one mesh whose only fact is a kind of licence ("is gloo mesh open
        source?", "is kuma oss?"), or that names its licence and nothing else ("kuma
        licence?", "what licence is consul under?"): what its licence is, asked; no policy
        stated to screen by (a thread would otherwise keep it as theirs and rule out the next
        mesh asked of)."""
        said, questions = r.normalised, _questions(r.text)
        whole = any(len(q) >= len(said) - 2 for q in questions)  # no setup said beside it
        asked = whole or (not questions and said.startswith(("is ", "are ")))
        # "kuma licence?", "what licence is consul under?": its licence named, nothing else
        plain = whole or (not questions and said.startswith(("what ", "whats ", "which ")))
        named = (
            plain
            and not intent.facts
            and self._cues.has("licence_words", said)
            and not any(self._cues.has(g, said) for g in ("price", "price_free"))  # "pay extra?"
        )
        return (
            len(r.found.meshes) == 1
            and ((asked and set(intent.facts) == {LICENCE}) or named)
            and not intent.features
            and not self._refusals.read(r.normalised)  # "… when busl is not allowed here?"
        )

    def _money_of_priced(self, r: _Reading) -> bool:
        """Money asked of the one offering named whose cost is money first: "free" said of one
        (`Mesh.priced`: "is the AKS istio add-on free to use?"), or a `price` word of one whose
        pricing row is held ("do we have to pay extra for OSSM?": included with OpenShift):
        its pricing, not what its licence permits."""
        mesh = self._kb.meshes.get(r.found.meshes[0]) if len(r.found.meshes) == 1 else None
        if mesh is None or not mesh.priced:
            return False
        return self._free_said(r) or (mesh.pricing_held and self._cues.has("price", r.normalised))

    def _price_asked(self, r: _Reading, kind: IntentKind) -> bool:
        """One offering named in an explanation or a cost question, and money asked of it: a
        `price` word, or a count of `billed_units` ("200 vCPUs") or a paid edition's own name
        ("Buoyant Enterprise") beside a `cost` word with no other measure in a question ("what
        does GCSM cost for 200 vCPUs"). A comparison or a pick stays one ("besides the price
        tag")."""
        if len(r.found.meshes) != 1 or kind not in PRICE_ASKED_OF:
            return False
        if self._cues.has("price", r.normalised) or money_signed(self._pasted.split(r.text).prose):
            return True
        if self._free_said(r):  # "is the AKS add-on free?"
            return True
        asked = [normalise(q) for q in _questions(r.text)] or [r.normalised]
        units = sorted(self._cues.words["billed_units"])
        billed = re.compile(rf"\b\d[\d,.]*k?\s+(?:{'|'.join(map(re.escape, units))})\b")
        # "how much does Buoyant Enterprise cost for 200 nodes?": a paid edition's own name
        edition = self._editions.named(r.normalised)
        # "what does Kong Mesh cost?": an offering paid for in money, no size of theirs to
        # weigh its proxies at; one billed by use is priced by what it bills ("lattice for 80
        # services and 2 TB a month"), while pods or nodes ask what runs on them
        mesh = self._kb.meshes.get(r.found.meshes[0])
        sized = r.sizes & PROXY_SIZES if mesh and mesh.billed_by_use else r.sizes
        priced = mesh is not None and mesh.priced and not sized
        return any(
            self._cues.has("cost", q)
            and (edition or billed.search(q) or priced)
            and not self._other_measure(q, units)
            for q in asked
        )

    def _other_measure(self, question: str, units: list[str]) -> bool:
        """A measure word in the question beside the billed units ("cpu overhead", "memory")."""
        said = re.sub(rf"\b(?:{'|'.join(map(re.escape, units))})\b", " ", question)
        return any(self._cues.has(g, said) for g in ("memory", "latency", "control_plane")) or (
            self._measure(said) is not None
        )

    def _interop_asked(self, text: str, intent: Intent) -> Intent | None:
        """Two offerings asked whether they meet in one mesh (`interop_asked`: "can ambient and
        sidecar pods talk to each other in the same mesh?"), where one's `interop` says how:
        that, explained; else None, and the question is read as it was."""
        asked = intent.kind in (IntentKind.compare, IntentKind.explain, IntentKind.feature_check)
        if not asked or len(intent.meshes) != 2 or intent.features:
            return None
        if not self._cues.has("interop_asked", normalise(text)):
            return None
        for owner, other in (intent.meshes, intent.meshes[::-1]):
            if any(i.mesh == other for i in self._kb.meshes[owner].interop):
                update = {"kind": IntentKind.explain, "meshes": [owner, other]}
                return intent.model_copy(update={**update, "aspect": Aspect.interop})
        return None

    def _install_need_asked(self, text: str) -> bool:
        """Whether a question asks what must be installed for something ("does linkerd need
        the gateway api CRDs installed?", "any prerequisites for linkerd's gateway api?")."""
        cue = self._cues.has
        return any(
            cue("install_need", q) or (cue("need_words", q) and cue("installed_words", q))
            for q in _questions(text) or [normalise(text)]
        )

    def _readiness_asked(self, text: str) -> bool:
        """Whether a question asks if something is ready for production ("is cilium's mtls
        production ready?", "GA or still beta?", "can we rely on it in prod for PCI?")."""
        return any(self._cues.has("readiness", q) for q in _questions(text)) or (
            not _questions(text) and self._cues.has("readiness", normalise(text))
        )

    def _status_of_named(
        self, r: _Reading, intent: Intent, version: str | None, status: Aspect | None
    ) -> bool:
        """What a question explaining the meshes it names asks is their status: a release
        and a support word ("is istio 1.28 supported"; "how long is each istio minor
        supported?", "kuma's support lifetime for a minor": its releases' support, no number
        needed), or when a retired mesh goes or went ("when does app mesh actually shut off")."""
        if not intent.meshes or intent.features or intent.parts:
            return False
        if status is not None:
            return True  # "whats new in istio 1.32?", "is ambient production ready? GA?"
        released = version or self._cues.has("release_words", r.normalised)
        if released and self._cues.has("release_status", r.normalised):
            return True
        retired = not any(self._current(m) for m in intent.meshes)
        return retired and self._cues.has("dated", r.normalised)

    def parse_follow_up(self, text: str, context: Intent) -> Intent:
        """A reply in the bot's thread, read by `_follow_up`, in its brief form where it asks
        for one ("whats the difference between istio and linkerd in one line")."""
        return self._briefed(text, self._follow_up(text, context))

    def _follow_up(self, text: str, context: Intent) -> Intent:
        """A reply in the bot's thread: the thread's meshes, sizes and constraints carry on.

        "and cilium?" adds a mesh to the thread's question, "what if we had 500 pods?"
        re-asks it with the new size, "why not ambient?" compares against it, "where's that
        number from?" asks for the sources behind its figures. What a reply leaves out the
        thread gives: one mesh set against nothing named ("compare that with istio ambient",
        "how does consul stack up?") is set against the thread's meshes, and a cost asked of
        none ("what would it cost in memory?") is theirs. A complete new question keeps only
        the thread's facts.
        """
        fresh = self._thread_free(text)
        # in a thread there is something to weigh a "why not" by
        aspect = None if fresh.aspect == Aspect.drawbacks else fresh.aspect
        fresh = fresh.model_copy(update={"aspect": aspect})
        context = self._about_owners(context)
        if fresh.kind == IntentKind.sources and not (fresh.meshes or fresh.features):
            # "where did that number come from?": the sources behind the thread's figures
            update = {"meshes": context.meshes, "features": context.features}
            return fresh.model_copy(update={**update, "measure": fresh.measure or context.measure})
        # after a question I don't cover ("write me a python script"), nothing carries on:
        # "what is Aspen Mesh?" is a name I don't hold, not another off-topic question
        carries_nothing = (IntentKind.too_long, IntentKind.unknown, IntentKind.out_of_scope)
        if context.kind in carries_nothing or fresh.kind in (
            IntentKind.help,
            IntentKind.greeting,
            IntentKind.out_of_scope,
            IntentKind.sources,
            IntentKind.features,
            IntentKind.too_long,
        ):
            return fresh
        facts = merged(context.facts, fresh.facts)
        if context.kind == IntentKind.not_in_kb and fresh.meshes:
            # after a name I don't hold, "what about Istio 2.0, is it out?" asks of Istio
            return fresh.model_copy(update={"facts": facts})
        normalised = normalise(text)
        # a name I don't hold asked of in a question of its own ("what is Aspen Mesh?") stands
        # alone; said bare or as a reply ("aspen mesh?", "and aspen mesh?") it builds on the
        # thread
        named = {w for n in fresh.unknown_names for w in normalise(n).split()}
        asking = [w for w in normalised.split() if w not in named]
        alone = fresh.kind == IntentKind.not_in_kb and len(asking) >= 2
        building = self._cues.starts("follow_up", normalised) or (
            fresh.kind in (IntentKind.unknown, IntentKind.not_in_kb) and not alone
        )
        if not building and fresh.kind != IntentKind.recommend and not fresh.meshes:
            costed = fresh.kind == IntentKind.cost and bool(context.meshes)  # "… in memory?"
            building = (bool(fresh.facts) or costed) and not fresh.features
        building = (building or self._set_against_nothing(text, fresh)) and not self.sets_sides(
            text
        )
        narrowed = self._narrows(normalised, fresh, context)
        building = building or narrowed
        if narrowed and context.kind == IntentKind.recommend:  # the pick screens for them too
            said = facts.get("needs")
            before = said if isinstance(said, list) else []
            facts["needs"] = list(dict.fromkeys([*before, *fresh.features]))[:12]
        if not building:
            return fresh.model_copy(update={"facts": facts})
        meshes = self._kept_and_named(normalised, context, fresh.meshes)
        kind = context.kind
        features = fresh.features or context.features
        concept = kind == IntentKind.explain and not context.meshes  # "explain spiffe"
        if fresh.meshes and concept:  # "… and linkerd?": that mesh on it
            kind = IntentKind.feature_check if features else IntentKind.explain
        elif fresh.meshes and kind in (IntentKind.explain, IntentKind.recommend):
            kind = IntentKind.compare
        if fresh.features and context.meshes:
            kind = IntentKind.feature_check
        if kind == IntentKind.compare:
            meshes = meshes[-MAX_COMPARE:]
        return fresh.model_copy(
            update={
                "kind": kind,
                "meshes": meshes[:12],
                "features": features[:12],
                "facts": facts,
                "unknown_names": fresh.unknown_names or context.unknown_names,
                "pick": context.pick if context.pick in meshes else fresh.pick,
            }
        )

    def _kept_and_named(self, normalised: str, context: Intent, named: list[str]) -> list[str]:
        """The thread's meshes with those the reply names added ("and cilium?"); where the
        reply swaps them in ("what about cilium instead?", phrases `swaps_in`) after a
        comparison, they take the place of all but the thread's pick (else its first mesh).
        After a question answered of each mesh alone (`ONE_AT_A_TIME`: "is OSM maintained?"),
        those named take the place of the thread's ("and traefik mesh?"), unless set against
        them ("compare it with linkerd")."""
        new = [m for m in named if m not in context.meshes]
        alone = not self._cues.has("compare", normalised)
        if named and context.kind in ONE_AT_A_TIME and alone:
            return named
        if new and context.kind == IntentKind.compare and self._cues.has("swaps_in", normalised):
            kept = context.pick if context.pick in context.meshes else context.meshes[0]
            return [kept, *(m for m in named if m != kept)]
        return [*context.meshes, *new]

    def _narrows(self, normalised: str, fresh: Intent, context: Intent) -> bool:
        """A reply that narrows the thread's ranking or pick to offerings with some features
        ("only ones with JWT validation" after "which mesh is lightest?"): the question asked
        goes on with them (`narrowing` phrases), rather than a new list being asked."""
        ranked = context.kind in (IntentKind.lightest, IntentKind.recommend)
        return ranked and bool(fresh.features) and self._cues.starts("narrowing", normalised)

    def _set_against_nothing(self, text: str, fresh: Intent) -> bool:
        """One mesh and a comparison asked with no other side named ("compare that with istio
        ambient", "how does consul stack up?"; a bare "or" sets nothing against it)."""
        said = self._signals.read(normalise(text))[1]
        alone = fresh.kind == IntentKind.explain and len(fresh.meshes) == 1
        return alone and self._compare_cued(said, 1)

    def _about_owners(self, context: Intent) -> Intent:
        """A thread about a mesh's part ("what is ztunnel") goes on about the mesh it belongs
        to: "how much memory does it use at 40 nodes?" asks that mesh's cost."""
        owners = [owned[0].id for p in context.parts if (owned := self._kb.part(p))]
        meshes = list(dict.fromkeys([*context.meshes, *owners]))[:12]
        return context.model_copy(update={"meshes": meshes, "parts": []})

    def _required_of(self, text: str) -> dict[str, FactValue]:
        """What the signals, requirements and refusals alone set from some text."""
        normalised = normalise(text)
        signalled = self._signals.read(normalised)[0]
        required = self._requirements.read(normalised, text)[0]
        return self._refusals.merged({**signalled, **required}, self._refusals.read(text))

    def _covered_products(self, text: str, normalised: str) -> tuple[list[str], str]:
        """The products of rules.yaml `other_products` named in the text (as written, first
        letter raised), and the normalised text without their names. A name that is also a
        feature's ("kiali", a dashboard) names the product only as the subject: where no mesh
        is named and no meshes are listed ("is Kiali a good mesh?", not "does istio ship
        kiali?" or "which meshes have kiali?")."""
        named = []
        for product in self._kb.rules.other_products:
            names = [normalise(n) for n in product.names]
            if any(self._kb.feature_index.exact(n) for n in names) and not self._subject_slot(
                normalised
            ):
                continue
            said = "|".join(re.escape(n) for n in names if n)
            pattern = rf"(?<!\S)(?:{said})(?!\S)"
            if said and (match := re.search(pattern, normalised)):
                words = r"[\W_]+".join(map(re.escape, match.group(0).split()))
                written = re.search(rf"(?<!\w){words}(?!\w)", text, re.I)
                name = written.group(0) if written else match.group(0)
                named.append(name[:1].upper() + name[1:])
                normalised = " ".join(re.sub(pattern, " ", normalised).split())
        return named, normalised

    def _subject_slot(self, normalised: str) -> bool:
        """No mesh named and no list of meshes asked: a product named is the subject."""
        listed = self._cues.has("which_meshes", normalised) or self._cues.has(
            "list_meshes", normalised
        )
        meshes = find_mentions(normalised.split(), self._kb.mesh_index, self._kb.feature_index)
        return not listed and not meshes.meshes

    def _read(self, text: str, beside: Mapping[str, FactValue]) -> _Reading | None:
        written = text
        said = self._requirements.without_asides(
            text, lambda words: set(self._signals.read(words)[0])
        )
        said = self._proposals.reduced(said)  # "someone proposed istio … with multicluster"
        text = self._requirements.without_releases(said)
        tokens = normalise(text).split()[:MAX_TOKENS]
        if not tokens:
            return None
        normalised = " ".join(tokens)
        # "how does Envoy Gateway compare to istio", "Tetrate Istio Distro": a product the
        # knowledge base covers as no offering (rules.yaml other_products), named whole, before
        # its words read as terms ("istio distro" is built on Istio, "kiali" a dashboard)
        other_products, unnamed = self._covered_products(text, normalised)
        signalled, remaining = self._signals.read(unnamed)
        # "memory is the #1 concern", "istio upgrades keep breaking prod"
        for fact, value in self._priorities.read(normalised, text, frozenset(signalled)).items():
            signalled.setdefault(fact, value)
        remaining = self._cues.strip("acts", remaining)  # "should we upgrade": no feature
        counted, notes, totals = self._numbers.read(text, set(signalled), beside)
        planned, weighed = self._planned.read(text, counted)  # "~300 by next year"
        counted.update(planned)
        notes += weighed
        sized = self._memory.read(text)  # "~150Mi each": a memory figure said
        counted.update(sized)
        counted.update(self._volume.read(text))  # "2 TB a month": traffic billed per GB
        notes += self._pasted_counts.read(text, counted)  # "… | wc -l" counts its header
        platforms = as_list(beside.get(PLATFORM))
        required, unplaced = self._requirements.read(unnamed, text, platforms)
        within_counted_before(required, counted, beside)  # "half our clusters on-prem": still 3
        self._estate_added.add(normalised, required, counted, beside)  # "we also have EKS"
        if not {INCUMBENT, RETIRED} & set(required):  # "… is retired right? we still run it"
            required.update(self._run_by_pronoun.read(normalised))
        unplaced = self._cues.strip("acts", unplaced)
        refused = self._refusals.read(text)
        said = self._refusals.merged({**signalled, **required}, refused)
        said.update(self._requirements.asked_instead(text, said))  # "expensive, open source?"
        stances = self._stances.read(text, doubted=said.get(DOUBTED) is True)
        said = settled(said, stances)  # a mesh they run is no newcomer's
        self._roles.settle(normalised, said)  # "cilium is already our cni": no mesh run
        wished = self._softened.soften(text, said, self._required_of, refused)  # "if possible"
        if wished:  # "upgrades keep breaking. ambient or go managed?": the pain named again
            for fact, value in self._priorities.read(normalised, text, frozenset(said)).items():
                said.setdefault(fact, value)
        facts = implied_beside(self._kb.rules, {**said, **counted}, beside, counted)
        if done := self._done.read(text):  # "mTLS already done in Spring": theirs, met
            had = facts.setdefault("covered", [])
            had += [f for f in done if f not in had]  # type: ignore[operator]
        if line := self._earlier_line_left(written, facts):  # "replacing Linkerd 1.x"
            facts[LEAVING_LINE] = line
        stated = set(said) | (set(counted) - set(sized))  # what sets a fact beside memory sizes
        if self._spanned(normalised, facts):  # "three clusters … which meshes can span them"
            facts[SPANS] = True
        # Features come from what names no platform: "bare-metal clusters" is Kubernetes.
        everything = find_mentions(unplaced.split(), self._kb.mesh_index, self._kb.feature_index)
        # Meshes come from what the signals left: "we run Cilium as our CNI" is context.
        found = find_mentions(remaining.split(), self._kb.mesh_index, self._kb.feature_index)
        self._modes.read(remaining.split(), found)
        products = self._suffixed.read(remaining.split(), found, text)  # "Istio Swift"
        meshes = self._kb.meshes.values()
        # "the open service mesh aks add-on": OSM's packaging on AKS, not the Istio add-on.
        index = self._kb.mesh_index
        platform = self._platform_words
        for mesh in packaged(remaining.split(), found, meshes, index, platform, text):
            found.meshes.remove(mesh)
        shortened = (
            self._short_names.read(remaining.split(), found, facts)
            if self._cues.find("compare", normalised)
            else {}
        )
        cues = self._cue_spans("compare", remaining, skip={"or"})
        upstream = self._cues.words["upstream"]
        them = self._cues.words["them"]
        bases = context_bases(remaining.split(), found, meshes, cues, upstream, tokens, them)
        # "… with kuma without paying for kong mesh": the base set against what they refuse
        bases -= refused_over(
            bases, found.meshes, self._kb.meshes, facts.get(REFUSED), as_list(facts.get(NOT_FROM))
        )
        for base in bases:
            found.meshes.remove(base)
        # "linkerd or istio? 20 svcs, 3 ppl on platform, EKS": the team that will run it said
        # after a bare choice asks which mesh for them, not whether (what else follows, "2
        # clusters, some traffic across", is what to weigh the two on)
        teamed = bool(_TEAM & set(facts))
        if teamed and len(found.meshes) >= 2 and self._opening.bare_choice(text, self._named):
            facts.setdefault(MESH_ASKED, True)
        compared = bool(cues)  # a bare "or" sets two names against each other only between them
        ors = [
            span for span in self._cue_spans("compare", remaining, skip=set()) if span not in cues
        ]
        asks_of_mesh = self._asks_about_a_mesh(text)
        modes = self._modes.as_features(remaining.split(), found, asks_of_mesh, compared, ors)
        if products:  # "does Istio Swift support ambient?": the product's sidecarless row
            modes += self._modes.asked_of_product(found, products[0].end, compared)
        negated = self._negated(text)
        # A signal's must-have said not to be needed ("no multicluster traffic") is none.
        for constraint in self._kb.rules.constraints:
            if constraint.feature in negated and constraint.fact in signalled:
                facts.pop(constraint.fact, None)
        # "is it a mesh or a load balancer (or what)" says what it is: neither a feature nor
        # the kind of question is read from there.
        clauses = self._identity.clauses(text[:MAX_READ])
        # What hurts with the mesh they leave or run, or with what they refuse ("no envoy: we
        # burned a week debugging its config dumps"), is no need of the next.
        clauses = [c for c in clauses if not self._hurt(c, facts, refused)]
        # A route asked for ("whats the upgrade path?") is the way off what they run, no
        # feature: "upgrade path" asks no canary upgrades.
        clauses = [u for c in clauses if (u := self._cues.strip("route_asked", c))]
        asking = _questions(text[:MAX_READ])
        reported: list[str] = []
        if facts.get("covered") and len(clauses) > 1:
            # nor is a statement beside the question of what a tool they have does already
            reported = [c for c in clauses if c not in asking and self._reports_covered(c)]
            clauses = [c for c in clauses if c not in reported]
        asked = " ".join(" ".join(clauses).split()[:MAX_TOKENS])
        cued = remaining if asked == normalised else self._signals.read(asked)[1]
        if asked == normalised:
            exact = everything.features
            features = self._features(exact, remaining, found, negated, clauses, asking)
        else:
            features = self._features_of(asked, cued, negated, clauses, asking)
        if reported and isinstance(covered := facts["covered"], list):
            # what it reports done stays said, so the need reads as met, not as missing
            done = {r.feature for c in reported for r in self._clause_ranks(c)}
            features += [f for f in covered if f in done and f not in features]
        if len(prose := _PROSE_BREAK.split(text[:MAX_READ])) > 1:
            # A topic's words must meet in one sentence: "tls at the alb. … a blog post" is no
            # post-quantum TLS question (a pasted snippet's lines stay one piece).
            met = {r.feature for s in prose[:MAX_CLAUSES] for r in self._clause_ranks(normalise(s))}
            features = [f for f in features if f in everything.features or f in met]
        if (told := self._pasted.split(text).configs) != text:
            # "Error: … not authorized to perform", a log line's direction="outbound": what a
            # tool printed asks for no feature; a pasted config's fields do ("retryOn: 5xx")
            index, known = self._kb.mesh_index, self._kb.feature_index
            said = find_mentions(normalise(told).split(), index, known).features
            sentences = _PROSE_BREAK.split(told)[:MAX_CLAUSES]
            met = {r.feature for s in sentences for r in self._clause_ranks(normalise(s))}
            features = [f for f in features if f in said or f in met]
        # "list the meshes that run without sidecars", "three clusters. which meshes can span
        # them?": a list asked for by a fact a constraint ties to a feature asks which meshes
        # have that feature.
        if self._cues.has("list_meshes", normalised) and not found.meshes:
            features += [f for f in self._required_by(facts) if f not in features]
        features += [f for f in modes if f not in features]
        # "does linkerd support SMI": a word of the field asked of a mesh, or of a list of
        # them, is the feature it specified there (features.yaml `terms` `feature`); said
        # alone, it is explained.
        listed = self._cues.has("list_meshes", normalised)  # "which meshes support SMI"
        if found.meshes or listed:
            features += [f for f in self._term_features(normalised) if f not in features]
        features += [f for f in self._rate_caps.read(text) if f not in features]
        features = self._narrowed(features, normalised)
        if not features:
            features = self._platform_features(text, negated)
        features += [f for f in self._avoided(text) if f not in features and f not in negated]
        if negated:
            facts[NOT_NEEDED] = negated[:12]
        if in_full := [f for f in self._in_full(text, normalised) if f in features]:
            facts[IN_FULL] = in_full[:12]
        if released := [f for f in self._released(text, normalised) if f in features]:
            facts[RELEASED] = released[:12]
        # Said by what its name promises ("need mTLS"), a must-have asks for that part.
        if by_name := [f for f in self._by_name(normalised) if f in features]:
            facts[BY_NAME] = by_name[:12]
        for match in self._cues.find("unusable", normalised):
            notes.append(
                f"You said “{match.group(0)}”: nothing in my knowledge base weighs that yet, "
                "so this answer does not use it."
            )
        # a pasted output's columns ("CPU(cores) MEMORY(bytes)") name a measure only when the
        # words written around it name none, and no memory size is read from it (a proxy's
        # row in `kubectl top`: its memory is what is asked about, "is this normal?")
        prose = self._signals.read(normalise(CODE.sub(" ", text)))[1] if CODE.search(text) else ""
        measured = prose if self._measure(prose) else remaining
        pasted_size = bool(prose) and bool(sized) and measured is remaining
        measure = None if pasted_size else self._measure(measured)
        measure = measure or (Measure.memory if sized else None)
        # "cpu + mem": each one asked (in the prose where the measure came from a paste)
        if also := self._also_measured(prose if pasted_size else measured, measure):
            facts[ALSO_MEASURES] = also
        if measure == Measure.latency and self._latency_observed(text, features, counted):
            measure = None
        # what is asked of a product ("the licence on X") is a topic of the field too
        product = self._cues.has("product_matters", remaining)
        topic = bool(features or facts or measure or product)
        others = self._names.qualified(remaining.split(), found, text)  # "alibaba ASM"
        # "AppMeshX", "`Linkerdl`", "Linkerdz … linkerd": typed -> as written
        coined = self._coined(found, text, remaining.split())
        others.update({written: found.typos[typed] for typed, written in coined.items()})
        # "meshName", a table's "cilium   Desired", "serviceConnectConfiguration": a name
        # inside a paste is no product named
        prose = self._pasted.split(text).prose
        others = {name: mesh for name, mesh in others.items() if self._pasted.in_prose(name, prose)}
        for mentions in (found, everything):
            mentions.typos = {t: e for t, e in mentions.typos.items() if t not in coined}
        found.meshes = [m for m in found.meshes if m not in others.values()]
        unknown = [*others, *other_products, *(p.name for p in products)]
        unknown = [*unknown, *self._names.read(remaining.split(), found, text, topic)]
        unknown = [name for name in unknown if self._pasted.in_prose(name, prose)][:4]
        tokens_left = remaining.split()
        left = retired_context(tokens_left, found, self._cues, self._current, bool(unknown))
        left |= left_behind(tokens_left, found, self._cues, self._current)
        left_in_order = tuple(m for m in found.meshes if m in left)
        gone = left | initialled(tokens_left, found, unknown)  # "network service mesh (nsm)"
        # "anything besides istio do wasm?", "who does sidecarless besides istio ambient":
        # the meshes after an excepting word are left out of the list asked for
        left_out = listed_apart(tokens_left, found, self._cues, bool(features), normalised)
        left_out |= known_apart(tokens_left, found, self._cues)  # "i know ambient, what else?"
        gone |= left_out
        # "can consul do ambient like istio does", "kuma vs linkerd, which is closest to what
        # osm gave us": Istio and OSM are the yardsticks
        if features or (len(found.meshes) > MAX_PAIR and self._compare_cued(remaining, 0)):
            gone |= likened(tokens_left, found, self._cues, bool(unknown))
        placing = derived(tokens_left, found, self._cues, bool(unknown))  # "a fork of osm"
        placing |= replaced(tokens_left, found, self._cues, unknown)  # "an istio killer"
        gone |= placing
        gone |= swapped_out(tokens_left, found, self._cues)  # "x instead of y, vs z"
        gone |= self._baseline_aside(text, found.meshes)  # "currently no mesh. … x vs y?"
        gone |= self._baseline_tool(tokens_left, found)  # "does linkerd let cert-manager …"
        # after the baseline tools: "cert-manager" beside a pasted `linkerd check` is no
        # other mesh asked about
        gone |= self._pasted_from(
            text, [m for m in found.meshes if m not in gone], self._compare_cued(remaining, 0)
        )
        # "… canary upgrades with istio.io/rev. does gloo mesh do that?"
        gone |= self._asked_apart(text, found.meshes, facts, features)
        found.meshes = [m for m in found.meshes if m not in gone]
        typos = {**everything.typos, **found.typos, **shortened, **self._formerly(found, remaining)}
        read_as = {as_written(typed, text, capital=False): e for typed, e in typos.items()}
        # Features the ranking found count only beside the field's own words: "explain
        # quantum computing" is not a post-quantum TLS question.
        named = bool(everything.features or found.features)
        # Words every backend question uses ("our payments svc", "pods") say nothing of the
        # field by themselves: "jvm g1gc pauses on our payments svc" is about the JVM; nor does
        # another topic's phrase holding a field word ("mesh wifi", "mesh router").
        plain = self._cues.strip("incidental", self._cues.strip("out_of_scope", normalised))
        said = self._cues.has("field", plain)
        # A memory size alone ("a 2Gi container") is said in every backend question: of
        # itself it is nothing of the field.
        field = bool(named or stated or notes or said)
        field = field or any("mesh" in normalise(name) for name in unknown)
        # "how does tetrate service bridge compare to the others?": a product set against
        # the meshes at large is one of the field, whatever else is said of it.
        field = field or bool(unknown and self._cues.has("rivals", normalised))
        field = field or bool(unknown and product)  # "what's the licence on Greymatter?"
        # "is greymatter any good for fed gov stuff": a product judged, for what follows
        field = field or self._names.judged(tokens, unknown)
        field = field or self._only_names(tokens, unknown)
        field = field or bool(products)  # "anyone run Linkerd Turbo?": a mesh's name borrowed
        # "try Istiox (some fork??) instead of regular istio": a product a mesh places
        field = field or bool(unknown and placing)
        # "is conduit still supported": a mesh's status asked is about the product
        field = field or bool(found.meshes and self._cues.has("lifecycle", normalised))
        # A feature the words say clearly beside it ("does consul let us try a deny rule in
        # log-only mode") makes the everyday word the mesh's name, not an aside.
        clear = self._retriever.says_clearly
        if not field and self._aside(found, tokens) and not clear(self._query(remaining, found)):
            found.meshes = [m for m in found.meshes if m not in found.plain_words]
        in_field = field or bool(found.meshes)
        parts, by_part = self._parts_named(tokens_left, found)
        return _Reading(
            text[:MAX_READ],
            normalised,
            cued,
            found,
            features,
            facts,
            unknown,
            notes,
            read_as,
            in_field,
            measure,
            asks_of_mesh,
            "?" in text,
            frozenset(counted),
            self._control_plane_too(remaining, measure),
            frozenset(gone),
            left_in_order,
            parts,
            by_part,
            named,
            tuple(dict.fromkeys(m for _, _, m in found.spans if m in left_out)),
            beside,
            tuple(totals),
        )

    def _spaced_name(self, word: re.Match[str]) -> str:
        """A mesh's name of several words written in one, each capitalised ("GlooMesh",
        "KongMesh"): spaced as its name is."""
        spaced = _CAMEL_BREAK.sub(" ", word.group(0))
        return spaced if self._kb.mesh_index.exact(normalise(spaced)) else word.group(0)

    def _coined(self, found: Mentions, text: str, tokens: list[str]) -> dict[str, str]:
        """A slip of a mesh's name written as a name on purpose, with a capital inside the
        word ("AppMeshX") or alone in inline code ("`Linkerdl`"), or beside that mesh's own
        name ("is Linkerdz the same as linkerd or a fork?"), is another product's: the word
        as typed -> the name as written."""
        # the mesh's own name, as written, beside the slip of it: "linkerdz" by "linkerd"
        exact = {
            (m, w)
            for s, e, m in found.spans
            if " ".join(tokens[s:e]) not in found.typos
            for w in tokens[s:e]
        }
        out: dict[str, str] = {}
        for typed, meant in found.typos.items():
            if " " in typed:
                continue
            written = as_written(typed, text, capital=False)
            beside = any(m == meant and slip(typed, w) for m, w in exact)
            named = _INNER_CAPITAL.search(written) or f"`{written}`" in text
            if named or beside or self._name_extended(typed, meant):
                out[typed] = written
        return out

    def _name_extended(self, typed: str, meant: str) -> bool:
        """A mesh's whole name with a letter added at the end is a new name ("istiox",
        "kumax"), unlike a doubled last letter ("linkerdd") or a plural ("istios")."""
        stem, added = typed[:-1], typed[-1:]
        hit = self._kb.mesh_index.exact(stem)  # a feature's slip names no mesh here
        return (
            bool(hit) and hit.entity == meant and added.isalpha() and added not in ("s", stem[-1:])
        )

    def _metrics_measured(self, r: _Reading) -> bool:
        """Latency said only as what the metrics asked about record (see below)."""
        return r.measure is None and self._latency_observed(r.text, r.features, r.sizes)

    def _latency_observed(self, text: str, features: list[str], counted: Collection[str]) -> bool:
        """Latency named as what metrics asked about record, not as an overhead: "golden
        metrics (success rate / latency / rps)", "which meshes give p99 latency per route".
        Each sentence saying latency names no overhead beside it (a `cost` phrase other than
        latency's own words: "latency overhead", "added latency", "how much") and no size."""
        observed = any(self._kb.features[f].category == Category.observability for f in features)
        if (
            not observed
            or self._deciding & set(counted)
            or not self._cues.has("latency", normalise(text))
        ):
            return False
        own = self._cues.words["latency"]
        for sentence in _SENTENCES.split(text[:MAX_READ]):
            said = f" {normalise(sentence)} "
            if not self._cues.has("latency", said):
                continue
            costs = [m.group(0).strip() for m in self._cues.find("cost", said)]
            if self._cues.has("quantity", said) or any(c not in own for c in costs):
                return False
        return True

    def _platform_features(self, text: str, negated: list[str]) -> list[str]:
        """The features a platform stands for by name, said in a clause that asks about a
        mesh and for no pick ("can linkerd mesh workloads on plain VMs?": VM workloads; not
        "we're all VMs. is kuma a good fit?", which weighs Kuma for that setup)."""
        said: list[str] = []
        for clause in self._clauses_asking_of_a_mesh(text):
            if not self._cues.has("recommend", clause):
                platforms = self._requirements.read(clause)[0].get(PLATFORM)
                said += [str(p) for p in platforms] if isinstance(platforms, list) else []
        index = self._kb.feature_index
        found = find_mentions(said, self._kb.mesh_index, index).features if said else []
        return [f for f in dict.fromkeys(found) if f not in negated]

    def _parts_named(
        self, tokens: list[str], found: Mentions
    ) -> tuple[dict[str, list[str]], frozenset[str]]:
        """The parts of meshes said by their own names (mesh -> part ids), and the meshes
        named by nothing else: "what is a waypoint proxy" names ambient mode by its part alone."""
        parts: dict[str, list[str]] = {}
        whole = set()
        for start, end, mesh in found.spans:
            part = self._part_words.get(" ".join(tokens[start:end]))
            if part is None:
                whole.add(mesh)
            elif part not in parts.setdefault(mesh, []):
                parts[mesh].append(part)
        return parts, frozenset(parts) - whole

    def _named_where_asked(self, text: str) -> set[str]:
        """The meshes named whole (not by a part) in the sentences a question mark closes
        ("what is ambient mode actually? ztunnel vs waypoint confuses me" asks of ambient), or
        with none, the clauses naming a part or opening on what it is ("eli5 hbone pls, it's
        all over the ambient docs" asks of no mesh; "whats ambient mode, i keep saying
        ztunnel" asks of ambient)."""
        questions = [normalise(m.group(0)).split() for m in _ASKED.finditer(text)]
        sentences = questions or [
            words
            for words in (normalise(c).split() for c in CLAUSES.split(text[:MAX_READ]))
            if self._parts_named(words, self._mentions(words))[0]
            or self._cues.starts("what_is", " ".join(words))
        ]
        named: set[str] = set()
        for words in sentences:
            found = self._mentions(words)
            named |= set(found.meshes) - self._parts_named(words, found)[1]
        return named

    def _mesh_words(self, words: list[str]) -> list[bool]:
        """Whether each word is part of a mesh's name."""
        return self._mentions(words).mesh_used

    def _mentions(self, words: list[str]) -> Mentions:
        return find_mentions(words, self._kb.mesh_index, self._kb.feature_index)

    def _about_something_else(
        self, tokens: list[str], whole: bool = False, known: frozenset[str] | None = None
    ) -> bool:
        """Ordinary English about some other topic, not a string nobody can read ('asdfgh').

        The words of my own questions ("the most lightweight option, resource-wise") name
        no other topic. Beside an ordinary word, another topic's jargon that no dictionary
        has and no usage made a mesh's name ("cut ZGC pause times on our JVM workers") names it too,
        when there is enough of it to be a sentence (not "click zzqx"). `known`: the words
        that name no other topic (the whole vocabulary unless given).
        """
        strange = self._strange(tokens, known)
        content = [w for w in tokens if w not in STOPWORDS and len(w) >= MIN_WORD]
        words = [w for w in strange if ordinary(w)]
        jargon = len(strange) >= JARGON_WORDS
        # `whole`: the message is nothing else ("anyone know a good lunch place near the
        # office"): one word of another topic in a sentence of everyday words is enough (a
        # short phrase keeps its doubt: "click lunch")
        sentence = whole and len(content) >= SENTENCE_WORDS
        return len(words) >= 2 or (len(words) == 1 and (len(content) == 1 or jargon or sentence))

    def _strange(self, tokens: list[str], known: frozenset[str] | None = None) -> list[str]:
        """The content words no vocabulary of mine (`known`, else the whole) holds."""
        content = [w for w in tokens if w not in STOPWORDS and len(w) >= MIN_WORD]
        vocabulary = self._vocabulary if known is None else known
        return [w for w in content if not _in(w, vocabulary) and not w.isdigit()]

    @staticmethod
    def _unnamed(r: _Reading) -> list[str]:
        """The question's words less the unknown names read in it."""
        named = set(normalise(" ".join(r.unknown)).split())
        return [w for w in r.normalised.split() if w not in named]

    def _known(self, word: str) -> bool:
        """A word of the vocabulary, or its singular ("resource" for "resources")."""
        return _in(word, self._vocabulary)

    def _only_names(self, tokens: list[str], unknown: list[str]) -> bool:
        """Unknown names, and nothing said about another topic ("is greymatter any good")."""
        named = set(normalise(" ".join(unknown)).split())
        rest = [w for w in tokens if w not in self._vocabulary and w not in named]
        return bool(unknown) and not self._about_something_else(rest)

    def _aside(self, found: Mentions, tokens: list[str]) -> bool:
        """A mesh named by an everyday word ("the italian consul") amid talk of other things."""
        if not found.plain_words or set(found.meshes) - found.plain_words:
            return False
        content = [
            w for w in tokens if ordinary(w) and w not in STOPWORDS and w not in self._vocabulary
        ]
        return len(content) >= ASIDE_WORDS

    def _formerly(self, found: Mentions, remaining: str) -> dict[str, str]:
        """Meshes named by a name they went by before ("conduit"): read as the mesh, and the
        answer says so."""
        tokens = remaining.split()
        spans = ((" ".join(tokens[start:end]), mesh) for start, end, mesh in found.spans)
        return {said: mesh for said, mesh in spans if self._former.get(said) == mesh}

    def _asked_apart(
        self, text: str, meshes: list[str], facts: dict[str, FactValue], features: list[str]
    ) -> set[str]:
        """Current meshes said only outside the questions (a heading naming the mesh is the
        question's own: "OSSM: can …?"), when the questions name what they ask about: two
        meshes or more they set against each other ("follow up to the istio/linkerd thing
        above — how does kuma compare to linkerd then?", "we're on linkerd
        today … how does consul compare to istio?"), or a feature or an overhead of one other
        mesh, comparing nothing ("we upgrade istio canary-style with istio.io/rev … does gloo mesh
        support revision-based upgrades the same way?", "we run linkerd; what does istio
        ambient cost at 800 pods?"). The mesh they leave stays, checked beside it ("we're
        migrating off consul to linkerd. can linkerd take our vms?"); so does one a statement
        sets against another ("istio vs …")."""
        questions = _asked_parts(text)
        if any(self._licence_question(q) for q in questions):
            return set()  # "is consul still open source? … consul or istio": no feature asked
        asked = {m for q in questions for m in self._mentions(q.split()).meshes}
        # "OSSM: can workload certs come from our own CA (vault pki via cert-manager)?": a
        # heading that is only a mesh's name names what the question after it asks about
        heading, _ = self._heading_of(text[:MAX_READ])
        asked |= set(self._mentions(heading).meshes)
        # "… how does kuma compare to linkerd then?", "out of linkerd and kuma, which does
        # circuit breaking?": the meshes set side by side, or listed among
        compares = [q for q in questions if self._compare_cued(q, 0) or self._listed_among(q)]
        sides = {m for q in compares for m in self._mentions(q.split()).meshes}
        if compares and len(sides) < 2:
            return set()
        costed = any(self._cues.has("cost", q) for q in questions)  # "istio ambient cpu?"
        of_one = costed or (bool(features) and bool(self._clauses_asking_of_a_mesh(text)))
        if not compares and (len(asked) != 1 or not of_one):
            return set()
        # "we run istio today. is linkerd better?", "should we look at cilium?": the mesh
        # said outside is the yardstick, or one of those a pick weighs
        weighed = ("comparative", "recommend")
        if not compares and any(self._cues.has(g, q) for g in weighed for q in questions):
            return set()
        tokens = normalise(text).split()
        against = compared_meshes(tokens, self._mentions(tokens), self._cues)  # "istio vs …"
        kept = set(as_list(facts.get(LEAVING)))
        return {m for m in meshes if m not in asked | against | kept and self._in_use(m)}

    def _listed_among(self, question: str) -> bool:
        """A list asked among the meshes a question names ("out of linkerd and kuma, which
        does circuit breaking?"), no comparative ("which has better multi-cluster")."""
        return self._cues.has("which_meshes", question) and not self._cues.has(
            "comparative", question
        )

    def _baseline_tool(self, tokens: list[str], found: Mentions) -> set[str]:
        """The no-mesh baseline named only by a tool it is made of ("cert-manager"), beside a
        mesh: a tool that mesh works with ("does linkerd let cert-manager issue the workload
        certs"), no second subject; the baseline is one when said as such ("no mesh")."""
        none = DataPlaneModel.none
        baseline = {m for m in found.meshes if self._kb.meshes[m].data_plane.model == none}
        if not baseline or len(found.meshes) < 2:
            return set()
        # "linkerd vs just no mesh (cert-manager + netpols + otel)": said as such once is enough
        said = {m for start, end, m in found.spans if m in baseline and "mesh" in tokens[start:end]}
        return baseline - said

    def _baseline_aside(self, text: str, meshes: list[str]) -> set[str]:
        """The no-mesh baseline said only in sentences comparing nothing, beside a sentence
        that sets two meshes against each other: "currently no mesh … whats the diff between
        the aks istio add-on and plain istio?" says what they run today; "compare no mesh vs
        linkerd" keeps it a side."""
        baseline = {m for m in meshes if not self._in_use(m) and self._current(m)}
        if not baseline:
            return set()
        compared: set[str] = set()
        said_apart: set[str] = set()
        for sentence in _SENTENCES.split(text):
            normalised = normalise(sentence)
            named = self._mentions(normalised.split()).meshes
            if self._compare_cued(normalised, len(named)):
                compared.update(named)
            else:
                said_apart.update(named)
        if len({m for m in compared if self._in_use(m)}) < 2:
            return set()
        return (baseline & said_apart) - compared

    def _pasted_from(self, text: str, meshes: list[str], compared: bool) -> set[str]:
        """The meshes a pasted snippet was written for ("apiVersion: policy.linkerd.io/…"),
        when the words around it ask about another mesh and compare none: where they come
        from, not what they ask about. A mesh the words around it name too stays ("is this
        normal for istio sidecars? … is ambient worth it?" over a `kubectl top` paste)."""
        snippets = " ".join(m.group(0) for m in CODE.finditer(text))
        if not snippets or compared:
            return set()
        index, features = self._kb.mesh_index, self._kb.feature_index
        pasted = set(find_mentions(normalise(snippets).split(), index, features).meshes)
        around = find_mentions(normalise(CODE.sub(" ", text)).split(), index, features).meshes
        others = [m for m in meshes if m in around and m not in pasted]
        return (pasted - set(around)) & set(meshes) if others else set()

    def _spanned(self, normalised: str, facts: dict[str, FactValue]) -> bool:
        """Several clusters counted and a `spanning` verb: one mesh across them ("span 2
        clusters", "three clusters by Q3. which meshes can span all of them?")."""
        clusters = facts.get("clusters")
        several = isinstance(clusters, int) and not isinstance(clusters, bool) and clusters > 1
        return several and SPANS not in facts and self._cues.has("spanning", normalised)

    def _required_by(self, facts: dict[str, FactValue]) -> list[str]:
        """Features a stated fact requires (rules.yaml constraints: one mesh spanning
        clusters needs multi-cluster)."""
        return [
            c.feature
            for c in self._kb.rules.constraints
            if c.feature and c.fact in facts and (c.when is None or c.when.holds(facts[c.fact]))
        ]

    def _features_of(
        self,
        normalised: str,
        remaining: str,
        negated: list[str],
        clauses: list[str],
        asking: frozenset[str],
    ) -> list[str]:
        """The features some words ask about (`remaining`: what their signals left)."""
        unplaced = self._requirements.read(normalised)[1]
        exact = find_mentions(unplaced.split(), self._kb.mesh_index, self._kb.feature_index)
        found = find_mentions(remaining.split(), self._kb.mesh_index, self._kb.feature_index)
        return self._features(exact.features, remaining, found, negated, clauses, asking)

    def _features(
        self,
        exact: list[str],
        remaining: str,
        found: Mentions,
        negated: list[str],
        clauses: list[str],
        asking: frozenset[str],
    ) -> list[str]:
        """Features named by alias (in the question's order) and those the words rank highest,
        over the whole question and in each clause ("rate limit per client, or call out to
        our own authz service" asks about two; `asking`: the clauses a question mark closes).
        """
        every = self._retriever.rank(self._query(remaining, found))
        ranked = self._retriever.choose(every, MIN_SCORE, ())
        unasked = self._unasked(every, ranked, clauses, asking)
        chosen = clauses[:MAX_CLAUSES] if len(clauses) > 1 else []
        each = [(clause, self._clause_ranks(clause)) for clause in chosen]
        # What the words are most about leads, even when an alias named something else
        # ("see what an authz policy would block without blocking": the dry-run row).
        first = ranked[:1] if ranked and ranked[0] not in exact else []
        known = [*first, *exact, *ranked]
        # A clause's own topic, if its words say it clearly (a pasted error says little),
        # unless it details a feature already asked for ("its own isolated mesh (own CA, …)":
        # the CA is the isolated mesh's). A clause closed by a question mark asks a question
        # of its own ("… and can I cap each caller's requests?") and is read like a whole one.
        tops = [
            f
            for clause, ranks in each
            for f in self._retriever.choose(
                ranks, MIN_SCORE if clause in asking else CLAUSE_FLOOR, known
            )[:1]
        ]
        found_all = dict.fromkeys([*known, *tops])
        # "grpc with no proxy": the gRPC of proxyless gRPC, no second feature
        finds = [(c, {r.feature for r in ranks}) for c, ranks in each]
        gone = subsumed(remaining.split(), found, [*ranked, *tops], self._kb.features, finds)
        gone |= {f for f in found_all if f in negated or (f not in exact and f in unasked)}
        return [f for f in found_all if f not in gone]

    def _unasked(
        self, every: list[Ranked], ranked: list[str], clauses: list[str], asking: frozenset[str]
    ) -> set[str]:
        """Features the whole question ranks that questions with a topic of their own (a
        feature, an overhead) never touch, said only in a statement beside them in words that
        barely name it: "… overhead at 200 services? sizing the node pool before we roll it
        out" asks no dry-run. Such a topic must be said as clearly as a clause's own; "… can
        linkerd do that?" has no topic of its own and asks about the statement before it."""
        touched = {r.feature for clause in asking for r in self._clause_ranks(clause)}
        costed = bool(asking) and all(self._cues.has("cost", q) for q in asking)
        if len(clauses) < 2 or not (touched or costed):
            return set()
        own = {r.feature: r.own for r in every}
        return {f for f in ranked if f not in touched and own[f] < CLAUSE_FLOOR}

    def _told(self, clause: str) -> list[str]:
        """The feature a clause's words rank first, said clearly: the problem it tells."""
        ranks = self._clause_ranks(clause)
        return [ranks[0].feature] if ranks and ranks[0].own >= CLAUSE_FLOOR else []

    def _clause_ranks(self, clause: str) -> list[Ranked]:
        """Every feature one clause's own words touch, best first (ranked once a clause)."""
        ranks = kept(self._ranked_clauses, clause, lambda: self._rank_clause(clause), CLAUSES_KEPT)
        return list(ranks)

    def _rank_clause(self, clause: str) -> list[Ranked]:
        remaining = self._signals.read(clause)[1]
        found = find_mentions(remaining.split(), self._kb.mesh_index, self._kb.feature_index)
        return self._retriever.rank(self._query(remaining, found))

    def _ranked(self, remaining: str, found: Mentions) -> list[str]:
        """The ranking reads the words no mesh name took and no count, setting or platform
        used ("3 clusters" is a size, not a multi-cluster question), nor what is done with a
        mesh named right after it (`name_before`: "roll out istio" is adopting it, not a
        canary rollout)."""
        return self._retriever.find(self._query(remaining, found))

    def _query(self, remaining: str, found: Mentions) -> str:
        """The words a ranking reads (see `_ranked`)."""
        tokens = remaining.split()
        taken = list(found.mesh_used)
        for start, _, _ in found.spans:
            cue = self._cue_before(tokens[:start])
            taken[start - cue : start] = [True] * cue
        words = [w for w, mesh in zip(tokens, taken, strict=True) if not mesh]
        # Words asking for an explanation ("under the hood", "help me understand") say how
        # to answer, not what about.
        query = self._cues.strip("explain", self._cues.strip("unusable", " ".join(words)))
        # Injecting the proxies ("after enabling sidecar injection") rolls the mesh out: no
        # feature, least of all fault injection.
        query = self._cues.strip("proxy_rollout", query)
        # How a project ships ("linkerd edge releases") and what the services speak ("all
        # talking grpc") describe the estate: no edge ingress, no proxyless gRPC.
        query = self._spoken.without_speaking(self._cues.strip("release_channels", query))
        # Words of a mesh's status ("support window") and, beside them, of its releases ("how
        # many releases back get patches") ask about the project, not a feature.
        if self._status_said(query):
            query = self._cues.strip("release_words", self._cues.strip("lifecycle", query))
        query = self._numbers.strip(query)
        query = self._requirements.read(query)[1]  # platforms are setup, not topics
        query = self._requirements.without_tools(query)  # so are the tools they run
        query = self._requirements.without_vendors(query)  # and who supports them
        return self._refusals.without_refused(query)

    def _avoided(self, text: str) -> list[str]:
        """Features whose design does without what a clause complains of ("why does everyone
        hate sidecars" asks about the sidecarless data plane; features.yaml `avoids`). A clause
        asking a quantity ("how much memory would istio sidecars eat") complains of nothing."""
        out = []
        for clause in CLAUSES.split(text[:MAX_READ]):
            said = f" {normalise(clause)} "
            if not self._cues.has("complaint", said) or self._cues.has("quantity", said):
                continue
            out += [f for f, avoided in self._avoids.items() if avoided.search(said)]
        return list(dict.fromkeys(out))

    def _hurt(
        self, clause: str, facts: dict[str, FactValue], refused: dict[str, FactValue]
    ) -> bool:
        """A `complaint` clause about the mesh they leave or run, or about what they refuse."""
        if not self._cues.has("complaint", f" {clause} "):
            return False
        return (
            "leaving" in facts
            or bool(facts.get(HURTS))
            or HURT_BEFORE in facts
            or self._refusals.names_refused(clause, refused)
        )

    def _reports_covered(self, clause: str) -> bool:
        """A clause saying what a tool they have does, asking for nothing itself ("our grpc
        client lib already does retries"; not "we use otel and need mtls")."""
        if self._cues.has("need_words", clause):
            return False
        return self._requirements.says_covered(clause) or bool(self._done.read(clause))

    def _cue_before(self, tokens: list[str]) -> int:
        """How many of the last words are a `name_before` cue ("roll out", "migrate to")."""
        return max(
            (n for n, cues in self._names_before.items() if tuple(tokens[-n:]) in cues),
            default=0,
        )

    def _measure(self, normalised: str) -> Measure | None:
        """The overhead first named: "latency overhead" is latency, "cores" is CPU; the
        control plane's when it is named ("how much memory does istiod need"), unless CPU is
        asked of it and the proxies both."""
        said = [
            (match.start(), measure)
            for measure in Measure
            for match in self._cues.find(measure.value, normalised)[:1]
        ]
        first = min(said)[1] if said else None
        # "how much cpu do linkerd's control plane and proxies burn", "what does linkerd
        # (proxies + control plane) eat in cpu" ask CPU of both.
        planes = any(m == Measure.control_plane for _, m in said)
        cpu = any(m == Measure.cpu for _, m in said) and first in (
            Measure.cpu,
            Measure.control_plane,
        )
        if cpu and self._cues.has("data_plane", normalised):
            return Measure.cpu
        if planes and first != Measure.latency:
            return Measure.control_plane
        return first

    def _also_measured(self, normalised: str, measure: Measure | None) -> list[str]:
        """Proxy memory or CPU asked beside the other ("ztunnel overhead on 300 nodes? cpu +
        mem"): the one not first named, answered too."""
        pair = (Measure.memory, Measure.cpu)
        if measure not in pair:
            return []
        return [m.value for m in pair if m != measure and self._cues.find(m.value, normalised)]

    def _control_plane_too(self, normalised: str, measure: Measure | None) -> bool:
        """Proxy memory with the control plane counted in: "the memory bill for linkerd incl
        the control plane" (an `inclusive` word right before the control plane's name)."""
        if measure != Measure.control_plane or not self._cues.has("memory", normalised):
            return False
        memory = self._cues.find("memory", normalised)[0].start()
        for match in self._cues.find("control_plane", normalised):
            before = normalised[: match.start()].split()[-2:]
            if match.start() > memory and set(before) & self._cues.words["inclusive"]:
                return True
        return False

    def _intent(self, r: _Reading, kind: IntentKind, unsure: bool, echo: str) -> Intent:
        meshes, notes = r.found.meshes, list(r.notes)
        parts: list[str] = []
        if kind == IntentKind.explain:
            # "wtf is a ztunnel": the part is explained, and the offering it belongs to is
            # what it is asked of, as in any other question; the other meshes are those the
            # sentence asking names ("why would ambient mode need a waypoint"), not one said
            # only beside it ("… keep seeing it in the linkerd docs").
            parts = [p for m in meshes for p in r.parts.get(m, [])]
            if parts:
                named = self._named_where_asked(r.text)
                meshes = [m for m in meshes if m in r.parts or m in named]
            elif not (meshes or r.features):  # "what's eBPF": a word of the field itself
                parts = self._terms_in(r.normalised)
            elif r.features:  # "what is spiffe": that concept, defined
                parts = self._defined.named(r.normalised)
        set_against = self._compare_cued(r.remaining, len(meshes))
        if kind == IntentKind.cost and any(self._in_use(m) for m in meshes) and not set_against:
            # "what latency does linkerd add on top of running no mesh": overhead is what a
            # mesh adds over running none, so the no-mesh baseline is the yardstick, not a
            # subject; set against the mesh ("linkerd vs no mesh at all? p50 and p99, a
            # before/after") it is the before the answer names.
            meshes = [
                m for m in meshes if self._kb.meshes[m].data_plane.model != DataPlaneModel.none
            ]
        if kind == IntentKind.compare and (left := [m for m in r.left if m not in meshes]):
            # "we're on app mesh today and gotta move off it. service connect or lattice?": the
            # retired mesh they leave is no side of the comparison of their landing spots; a
            # note names it.
            notes.append(self._left_aside(left))
        if kind == IntentKind.compare and len(meshes) > MAX_COMPARE:
            notes.append(self._left_out(meshes[MAX_COMPARE:]))
            meshes = meshes[:MAX_COMPARE]
        facts = dict(r.facts)
        features = r.features
        if kind == IntentKind.explain and r.found.meshes:
            # "what's a waypoint proxy? we need one for L7 policy": the mesh or part asked
            # about is explained; a feature said only outside the questions is why they ask.
            features = self._asked_features(r.text, features)
            # "how does cilium do service mesh w/o sidecars?": the mesh is explained, the way
            # said is part of what it is
            features = [] if self._working_in(r.text) else features
        if kind == IntentKind.recommend:  # a retired mesh named is the one they move off
            tried = self._requirements.tried_once(r.normalised)  # unless only tried once
            retired = [m for m in meshes if not self._current(m) and m not in tried]
            if retired:
                facts.setdefault(RETIRED, retired[0])
            if home := self._requirements.home_of(facts):  # what they run says where
                facts["platform"] = [home]
            if self._lightest_asked(r.normalised):  # "lowest overhead for us": what weighs most
                facts.setdefault(LOW_OVERHEAD, True)
        if kind == IntentKind.recommend and r.features:
            said, have = facts.get("needs"), facts.get("covered")
            stated = said if isinstance(said, list) else []
            covered = have if isinstance(have, list) else []
            refused = self._kb.rules.refusals.objects.items()
            weighed = self._kb.rules.refusals.weighed  # "no sidecars if possible" moots alike
            # Named only as what a refusal makes moot, or as a chore ("babysit upgrades"):
            # no need spoken of.
            unasked = {
                f
                for key, o in refused
                if True in (facts.get(o.sets or key), facts.get(weighed.get(o.sets or key, "")))
                for f in o.moots
            }
            unasked |= self._signals.moots(r.normalised)
            # What the platform meets without a mesh ("canary at the edge", encryption between
            # nodes where Cilium is the CNI) is no need of one; mTLS said by name asks for the
            # mutual part, which no platform meets that way.
            by_name = facts.get(BY_NAME)
            moot = unasked | {
                f
                for m in self._kb.rules.without_mesh
                if m.meets(facts)
                for f in m.features
                if not (isinstance(by_name, list) and f in by_name)
            }
            # Not what a stated fact requires: that fact's constraint screens for it already.
            named = list(dict.fromkeys([*stated, *r.features]))
            if any(f not in unasked for f in named):
                facts["needs"] = [f for f in named if f not in {*covered, *moot}][:12]
                # said only as wants ("… but that's a want, not a must"): given up first
                if wanted := self._wants.wanted(r.text, facts["needs"]):
                    facts[WANTED] = wanted
            # what the needs imply ("mtls + metrics")
            facts = implied_beside(self._kb.rules, facts, r.beside)
        # "cross-region failover" asks about multi-cluster too, as does failover across the
        # clusters counted (what the needs imply, above); a pick's must-nots ("no sidecars")
        # name what the offerings need ("hard requirements: no sidecars …").
        if features or kind in (IntentKind.recommend, IntentKind.compare):
            negated = facts.get(NOT_NEEDED)
            said = negated if isinstance(negated, list) else []
            required = [f for f in self._required_by(facts) if f not in said]
            features = list(dict.fromkeys([*features, *required]))
        if kind == IntentKind.explain and self._compare_cued(r.remaining, 0) and not r.unknown:
            notes += self._not_compared(r, meshes)
        suggestions: list[str] = []
        if kind == IntentKind.unknown:
            suggestions = self._suggest(r.found.leftovers)
        for name in r.unknown:
            for mesh in self._kb.mesh_index.close(normalise(name)):
                label = f"mesh:{mesh}"
                if label not in suggestions and mesh not in meshes:
                    suggestions.append(label)
        outside = kind == IntentKind.out_of_scope
        recommend = kind == IntentKind.recommend
        options = self._options(r, meshes) if recommend else []
        return Intent(
            kind=kind,
            meshes=[] if outside else meshes[:12],
            parts=parts[:4],
            features=[] if outside else features[:12],
            facts=facts,
            text=echo,
            suggestions=[] if outside else suggestions[:6],
            unknown_names=[] if outside else r.unknown,
            read_as=dict(list(r.read_as.items())[:4]),
            measure=self._asked_measure(r, kind),
            unit=self._unit_asked(r.normalised) if kind == IntentKind.cost else None,
            control_plane_too=kind == IntentKind.cost and r.control_plane_too,
            unsure=unsure,
            unread=notes[:4],
            totals=list(r.totals[:3]),
            options=options,
            excepted=list(r.excepted)[:6] if kind == IntentKind.which_meshes else [],
        )

    def _options(self, r: _Reading, meshes: list[str]) -> list[str]:
        """The meshes a recommendation is asked to choose between (two or more, or one set
        against a product I don't cover: "tetrate service bridge or gloo mesh?" chooses among
        the ones covered; the moves a decision offers: "do we go to OSSM 3, or jump to upstream
        Istio / Gloo?"), if any; none where the rest are let in (`field_opened`: "linkerd vs
        kuma vs cilium, or something else?" weighs every offering)."""
        if self._cues.has("field_opened", r.normalised):
            return []
        tokens = r.normalised.split()
        found = self._mentions(tokens)
        against, beside = choice_beside_uncovered(tokens, found, self._cues, r.unknown)
        against |= set(self._moves.targets(r.text))
        named = [m for m in meshes if m in against]
        return named[:6] if len(named) >= 2 or (named and beside) else []

    def _unit_asked(self, normalised: str) -> str | None:
        """The unit a cost question asks its figures in ("in MiB per pod", "how many
        millicores"): a `unit_*` phrase with no number right before it (“~150Mi each” is a size
        they see, not a unit asked)."""
        said = []
        for key, unit in UNITS_ASKED.items():
            for match in self._cues.find(key, normalised):
                before = normalised[: match.start()].split()[-1:]
                if not (before and before[0].replace(".", "", 1).isdigit()):
                    said.append((match.start(), unit))
        return min(said)[1] if said else None

    def _version_asked(self, text: str, meshes: list[str]) -> str | None:
        """The release said right after the one mesh a status question names, read in the
        text before asides and versions of other products are taken out."""
        if len(meshes) != 1:
            return None
        mesh = self._kb.meshes[meshes[0]]
        words = self._cues.words["release_words"]
        said = version_after(text, [mesh.id, *mesh.known_as], words)
        if said is None and self._cues.has("release_status", normalise(text)):
            # "is OpenShift Service Mesh 2 still supported?": a major line asked of it
            said = major_after(text, [mesh.id, *mesh.known_as], words)
            said = None if said and mesh.name.endswith(f" {said}") else said  # "ossm 3": itself
        # "what's istio's support window? we're on 1.22 still": the release they run, unless
        # it counts something ("we run 3.5 clusters of it").
        run = version_after(text, self._cues.words["release_on"], words)
        if said or not run:
            return said
        after = text.lower().split(run, 1)[1].split()[:1]
        return None if after and self._numbers.read(f"7 {after[0]}", set()).facts else run

    def _adoption_asked(self, text: str) -> bool:
        """Every clause asking about a mesh asks whether to adopt it (a `recommend` phrase)
        and names no feature, by name, in words ("do istio certs rotate themselves or do we
        need a cronjob" asks about rotation) or by a word pointing back at one said before
        (`refers_back`: "can kuma do that natively or do we need litmus?")."""
        clauses = self._clauses_asking_of_a_mesh(text)
        # "we want to inject 500s and delays. can kuma do that natively or do we need
        # litmus?": a clause pointing back at what was said before names the feature said there
        said = self._names_a_feature(normalise(text))
        return bool(clauses) and all(
            self._cues.has("recommend", self._cues.strip("lifecycle", clause))
            and not self._names_a_feature(clause)
            and not (said and self._cues.has("refers_back", clause))
            for clause in clauses
        )

    def _names_a_feature(self, normalised: str) -> bool:
        found = find_mentions(normalised.split(), self._kb.mesh_index, self._kb.feature_index)
        return bool(found.features or self._ranked(normalised, found))

    def _asked_features(self, text: str, features: list[str]) -> list[str]:
        """The features named in the questions a question mark closes, when one of them
        names a mesh or its part; all of them when none does."""
        index, kept, about_a_mesh = self._kb.feature_index, [], False
        for sentence in _ASKED.finditer(text):
            named = find_mentions(normalise(sentence.group(0)).split(), self._kb.mesh_index, index)
            about_a_mesh = about_a_mesh or bool(named.meshes)
            kept += named.features
        return [f for f in features if f in kept] if about_a_mesh else features

    def _not_compared(self, r: _Reading, meshes: list[str]) -> list[str]:
        """A comparison with one side not understood says so ("compare open linkerd"): the
        words right beside the mesh or the comparison cue that nothing read."""
        tokens, used = r.remaining.split(), r.found.used
        cues = self._cue_spans("compare", r.remaining, skip=set())

        def read(i: int) -> bool:
            return 0 <= i < len(tokens) and used[i]

        if cues and all(read(s - 1) and read(e) for s, e in cues):  # "ztunnel vs waypoint"
            return []
        edges = {e for s, e in cues} | {s - 1 for s, e in cues}
        edges |= {s - 1 for s, _, _ in r.found.spans} | {e for _, e, _ in r.found.spans}
        free = [i for i in sorted(edges) if 0 <= i < len(tokens) and not used[i]]
        words = [tokens[i] for i in free if tokens[i] not in STOPWORDS]
        words = [w for w in dict.fromkeys(words) if not self._cues.has("compare", w)]
        if not words or not meshes:
            return []
        said = ", ".join(f"“{as_written(w, r.normalised, capital=False)}”" for w in words[:3])
        name = self._kb.meshes[meshes[0]].name
        return [f"I didn't recognise {said} as a mesh, so this is about {name} alone."]

    def _asked_measure(self, r: _Reading, kind: IntentKind) -> Measure | None:
        if kind == IntentKind.lightest:  # "lowest latency" also sets low_latency: read it all
            return self._lightest_measure(r)
        if kind not in (IntentKind.cost, IntentKind.sources):
            return None
        return Measure.memory if r.control_plane_too else r.measure

    def _lightest_measure(self, r: _Reading) -> Measure | None:
        """The overhead named in the sentence that asks for the lightest, else the first
        named anywhere."""
        return self._ranked_by(r) or self._measure(r.normalised)

    def _ranked_by(self, r: _Reading) -> Measure | None:
        """The overhead named in the sentence that asks for the lightest ("… golden metrics
        (success rate, latency). what's cheapest in cpu/mem?" ranks by CPU)."""
        for sentence in _SENTENCES.split(r.text):
            said = normalise(sentence)
            if self._cues.has("lightest", said) and (measure := self._measure(said)):
                return measure
        return None

    def _left_aside(self, mesh_ids: list[str]) -> str:
        """The note for the retired meshes they leave that a comparison of their landing spots
        has no room for."""
        names = " and ".join(self._kb.meshes[m].name for m in mesh_ids)
        return (
            f"{names} (what you run today) is left out to keep the first card on the meshes "
            f"you are choosing between; ask to compare it with one of them for its column."
        )

    def _left_out(self, mesh_ids: list[str]) -> str:
        """The note for meshes beyond what one comparison shows, so none is dropped silently."""
        names = [self._kb.meshes[m].name for m in mesh_ids if m in self._kb.meshes]
        shown = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
        return f"I compare at most {MAX_COMPARE} meshes at a time, so I left out {shown}."

    # ------------------------------------------------------------------ classifying

    def _classify(self, r: _Reading) -> tuple[IntentKind, bool]:
        """The kind of question, and whether that reading is a guess."""
        meshes, features, facts = r.found.meshes, r.features, r.facts
        cue = self._cue_in(r.remaining)
        named = bool(meshes or r.unknown)
        typo = bool(r.read_as)
        # A setup described (platform, licence, support, must-nots) asks for a recommendation,
        # even when it names the mesh it runs or the features it needs.
        mesh_said = self._cues.has("mesh_said", r.normalised)  # "… service meshes"
        # So does one whose want is its services' calls to each other, what a mesh carries
        # ("… ECS and a lambda or two. just want them to call each other reliably"), unless
        # what it asks names another topic.
        carried = cue("east_west") and not self._asks.asks_of_other_topic(r.text)
        setup = bool(self._setup & set(facts)) and (mesh_said or carried)
        # A poem or a joke is not advice on meshes, whatever it is about.
        # Features only the ranking found don't make a topic ours ("a postgres connection
        # pooler" is not about circuit breaking).
        # Nor does a feature's own word beside another topic named, with nothing else of the
        # field ("argocd sync keeps timing out, bump the repo-server timeout?").
        topical = not cue("out_of_scope") or self._field_beyond_features(r.normalised)
        ours = meshes or (features and r.in_field and topical)
        # "we mostly talk over kafka, do we need a mesh?": a decision about the field asked in
        # a clause of its own is ours, whatever topic the setup names; so is a decision that
        # closes a message speaking of a mesh ("… someone says we need a mesh. do we?"),
        # unless what it asks names the other topic ("best mesh office chair? should we?").
        reason = self._reason_asked(r)  # "why do we need mtls if …": no pick
        closes = self._asks.decides(r.text, reasons=reason)
        off_topic = not ours and cue("out_of_scope") and not setup
        off_topic = off_topic and not self._asks.field_decision(r.text)
        asked_here = closes and mesh_said and not self._asks.asks_of_other_topic(r.text)
        off_topic = off_topic and not asked_here
        # "… they call each other over grpc, which postgres operator should we use?": what the
        # questions ask is another topic's, whatever the setup says of the field.
        off_topic = off_topic or self._asks.only_other_topic(r.text)
        # "want an answer not an essay": the form of the answer wanted, no task of its own
        task = self._cues.has("other_tasks", self._cues.strip("answer_form", r.remaining))
        if task or off_topic or self._platform_chore(r):
            return IntentKind.out_of_scope, False
        if not named and not features and cue("greeting") and not facts and self._only_thanks(r):
            return IntentKind.greeting, False
        # "does istio rotate certs or do we need a cronjob": a feature of a mesh asked about.
        # "kong mesh jwt — built in or do i need a gateway?": asked whether the mesh has it.
        checked = bool(features) and (r.asks_of_mesh or (bool(meshes) and cue("built_in")))
        # "… should i set up consul connect or something for it?", "is service connect or
        # anything mesh-y worth it?": what is asked of the mesh is whether to adopt it, over
        # the setup and needs said before; no feature is checked.
        checked = checked and not self._adoption_asked(r.text)
        # Their setup and a pick asked for ("we still run OSM on AKS, what's the
        # replacement?") is a recommendation even when meshes are named: the ones they run
        # are incumbents. "istio vs linkerd for 40 services" asks for no pick, nor does "lattice
        # vs app mesh for EKS, which one do we standardise on"; "torn between istio and
        # linkerd for 900 pods, we need FIPS. which one should we go for" asks one over needs.
        # A fact a feature's own words set ("we need multi-cluster": one mesh spanning
        # clusters) is that need again, no setup: "… which meshes support it?" lists them.
        restated = self._restated(features)
        their_setup = bool((self._setup | self._deciding) & (set(facts) - (restated - r.sizes)))
        # Needs are features asked for, or constraints said of the setup beyond where it runs
        # and its size ("small team, memory is tight"): "for EKS" alone places the comparison.
        constrained = bool(features) or bool(self._constraints & set(facts))
        over_needs = constrained and self._asks.picks(r.text)
        weighed = not self._compare_cued(r.remaining, 0) or over_needs
        # A message opening on the meshes it sets against each other ("istio vs linkerd for
        # ~300 pods …", "cilium or istio ambient if …") compares them on what follows.
        # A pick asked in so many words ("… which one should we run?", "… for us?") asks one.
        pick_said = self._asks.picks(r.text) or self._opening.first_says("picks_between", r.text)
        # "linkerd or istio? 20 svcs, 3 ppl on platform, EKS": the choice alone, then the setup
        teamed = bool(_TEAM & set(facts))
        pick_said = pick_said or (teamed and self._opening.bare_choice(r.text, self._named))
        opening = self._opening.opens(r.remaining, r.found.spans) and not pick_said
        among = len(meshes) < 2 or (their_setup and weighed and not opening)
        # So is a question that closes on a decision over the setup said before it ("… a
        # consultant told us we need istio. do we?", "… does cilium cover it?"), or a choice
        # of named meshes beside the needs it must meet ("one-person ops team, 5 services.
        # istio or linkerd? only thing we want is request rates"): every offering is weighed.
        # A complaint about the mesh they run ("upgrades are painful") asks what to do too.
        decides = closes or self._choice(r.remaining, meshes, constrained)
        decides = decides or (bool(facts.get(HURTS)) and not checked)
        # "… Do we go to OSSM 3, or is this the moment to jump to upstream Istio / Gloo?": the
        # moves a decision offers are its alternatives (bot/intents/moves.py)
        decides = decides or bool(self._moves.targets(r.text))
        # A setup and its must-haves beside meshes it names, with nothing asked and nothing
        # compared ("… we checked service connect and it only does one-way TLS. app mesh is
        # retired. need a vendor we can call"), asks what fits them.
        unasked = len(meshes) >= 2 and bool(features) and not self._asks_anything(r)
        decides = decides or (unasked and not opening)
        # A retired mesh named is one they run: "app mesh is being shut down… what do we do next"
        retired = bool(meshes) and not any(self._current(m) for m in meshes)
        stated = their_setup or retired
        # A status phrase holding a pick's words ("did it become something else") asks none.
        # Nor does one asking what to pass on ("what should i tell them"), nor what figure to
        # expect ("what p99 hit should i expect").
        unpicked = r.remaining
        # Nor does a product the knowledge base lacks set in a mesh's place ("is Kumaflare a
        # good replacement for kuma?"): what is asked is what that product is.
        placed = ["stands_in", "stands_in_after"] if r.unknown else []
        why = ["purpose"] if reason else []  # "why should i care": no pick, whatever is named
        # "i know ambient and cilium, anything else?": more of a list asked, those set apart
        more = ["more_asked"] if r.excepted else []
        for group in (*_UNPICKING, *why, *placed, *more):
            unpicked = self._cues.strip(group, unpicked)
        unpicked = self._without_supposed_needs(unpicked)
        picks_asked = self._cues.has("recommend", unpicked)
        recommend = among and ((picks_asked and not checked) or (stated and decides))
        # "cpu overhead of istio for 400 pods? trying to decide if we need another node
        # group": what the question marks ask is a measure; the rest says why they ask.
        # A feature said only beside the overhead asked ("istio overhead for 400 pods? we
        # trial policies in staging before enforcing") is why they ask it.
        beside = self._only_asked("cost", r.text) and not self._metrics_measured(r)
        beside = beside and not any(map(self._names_a_feature, _questions(r.text)))
        counted = r.measure is not None and (not features or beside)
        counted = counted and (cue("quantity") or self._only_measures_asked(r.text))
        # The features I track is the narrower question: "what features do you track? what
        # can I ask you to check" asks for the list, not for help.
        if cue("features"):
            return IntentKind.features, False
        # "is kuma still being developed?", "traefik mesh: dead project?": the status of the
        # meshes named, not a pick ("… got abandoned, any suggestions then?") nor a setup.
        # A status asked in a question of its own with no setup ("app mesh end of support
        # date? and what do we migrate to") is asked though a pick follows; a status stated
        # ("… got abandoned, what now?") or beside their setup is why they ask for one.
        sized = self._deciding & r.sizes  # a stated size: their setup
        # "… is it still supported, and what's the successor?": a clause opening as a question
        # in the sentence a question mark closes asks too ("OSM got archived, which mesh …"
        # states it); a size alone of the estate it runs on ("we still have nginx service mesh
        # on two clusters") is where it runs.
        asks = self._cues.words["asks_of"]
        asked = [*_questions(r.text), *self._opening_as_questions(r.text, asks)]
        asked += _confirmed(r.text, self._cues.words["confirm_asked"])  # "… got retired, true?"
        asked += self._status_unmarked(r.text)  # "… in one old cluster, whats its status"
        # "nginx service mesh — still supported or should we bail": a status asked, whether to
        # leave its other side; the status answers both, mark or not.
        either = self._status_or_leave(r.text)
        status_asked = either or any(self._cues.has("lifecycle", q) for q in asked)
        beyond = (self._setup | self._deciding) & (set(facts) - restated - r.sizes)
        # Where it runs alone, no size said, beside a status asked in a question of its own
        # that asks no pick ("is app mesh actually being shut down? whats the replacement for
        # ecs workloads"), places the successors the status names: no setup to pick for. A
        # status stated in the question asking the pick ("on ecs, what do we move to now that
        # app mesh is retired?") is why they ask.
        own = any(
            self._cues.has("lifecycle", q) and not any(map(self._cue_in(q), _PICK_CUES))
            for q in asked
        )
        own = own or either
        beyond_size = bool(beyond) and (beyond != {PLATFORM} or bool(sized) or not own)
        picked = (recommend or decides) and not (status_asked and not beyond_size)
        # A size said after a status asked in its own question ("is osm still maintained? we
        # have it in two aks clusters") is why they ask, not a setup for a pick.
        set_up = sized and not status_asked
        asks_status = bool(meshes) and not (r.unknown or r.context or picked or set_up)
        asks_status = asks_status and not self._compare_cued(r.remaining, len(meshes))
        # "can you help me write a cover letter": help with another topic is no help of mine.
        elsewhere = not r.in_field and self._about_something_else(
            self._cues.strip("help", r.normalised).split()
        )
        # "if i only care about proxy resource usage, which mesh is the lightest": a ranking
        # or an overhead asked is no request for help, whatever word ("usage") it shares.
        lightest = self._lightest_asked(r.normalised)
        helped = cue("help") and not elsewhere and not lightest and r.measure is None
        if not named and not features and not recommend and helped:
            return IntentKind.help, False
        if (not named and not features and cue("sources")) or self._asks_for_sources(r):
            return IntentKind.sources, False
        # (a ranking, a pick or help of mine asked is no other topic: "lightest option? we
        # need the basics", "what can you do? the wiki says to ask you before we pick")
        owned = any(cue(group) for group in ASKED_AS_PHRASES)  # "what's your methodology?"
        whole = not (lightest or helped or recommend or owned)
        # Asking nothing of mine, a message is ours by the field's own words and a setup's
        # phrases said whole ("we just need the basics"), not by each everyday word such a
        # phrase uses ("who approved the last prod deploy", "is staging down right now?").
        words = self._unnamed(r)
        if whole and self._said_setup:
            words = self._said_setup.sub(" ", " ".join(words)).split()
        known = self._field_words if whole else None
        if not r.in_field and self._about_something_else(words, whole, known):
            return IntentKind.out_of_scope, False
        # "does SMI still matter?", "is smi dead?": a word of the field no offering owns,
        # named with nothing else of mine (no mesh, feature, setup or overhead), is what is
        # asked about: what it is, and where it stands, is the answer.
        termed = not (named or features or facts or r.measure) and self._terms_in(r.normalised)
        if termed and not lightest:
            return IntentKind.explain, False
        # "which meshes are archived?" lists by status; "osm got archived, which mesh should we
        # move to?" states the status and asks for a pick in a clause of its own.
        listed = any(
            self._cues.has("which_meshes", c) and self._cues.has("lifecycle", c)
            for c in (f" {normalise(c)} " for c in CLAUSES.split(r.text))
        )
        latest = (
            asks_status and r.measure is None and latest_asked(self._cues, r.remaining, r.found)
        )
        if not features and (cue("lifecycle") or latest) and (not named or listed or asks_status):
            return IntentKind.lifecycle, False
        # "how long is each linkerd release supported? planning upgrade cadence": each
        # question asks the status of the meshes named; a feature said beside them is why.
        # What they want of the next one said beside a retired mesh they run ("still running
        # traefik mesh … heard it's dead? we just want mtls + golden metrics") asks for a pick.
        wants_next = RETIRED in facts and bool(features)
        if asks_status and self._only_status_asked(r.text) and not wants_next:
            return IntentKind.lifecycle, False
        # "lightest sidecarless option": the ranking among meshes with the features asked;
        # "lowest-latency mesh" ranks by latency though it also says latency matters most.
        # "cheapest of linkerd, kuma and cilium": the ranking among the meshes named.
        pool = len(meshes) >= 2 and not r.unknown and not self._compare_cued(r.remaining, 0)
        # "smallest-footprint mesh? looking at k3s edge boxes": the ranking keeps to the
        # platform said; any other setup asks for a pick, and so does an estate described,
        # where they run and how big, with no one overhead to rank by ("k8s, 150 pods …
        # lowest overhead for us?"; "800 pods on aks … cheapest in cpu?" ranks by CPU).
        # So does a choice between named meshes beside that estate ("istio or linkerd for us?
        # eks, ~200 pods … lowest overhead wins"): the overhead is what the pick weighs.
        estate = PLATFORM in facts and bool(sized)
        chosen = self._choice(r.remaining, meshes, True) or (
            not named and self._ranked_by(r) is None
        )
        # An estate with its must-haves or its team said, the overhead wished for rather than
        # a ranking asked ("eks, 25 svcs, 2 ppl, just need mTLS + golden metrics, lowest
        # memory overhead pls"; not "… which mesh is cheapest in cpu?"): the overhead is what
        # the pick weighs.
        wished = not any(self._lightest_asked(f" {q} ") for q in _questions(r.text))
        chosen = chosen or (wished and bool(features or _TEAM & set(facts)))
        # A message opening on the ranking ("least overhead option for ~300 pods on eks?")
        # asks it at the size and place it goes on to say.
        led = self._opening.led_by("lightest", r.normalised)
        described = (self._setup - {PLATFORM}) & set(facts) or (estate and chosen and not led)
        if (pool or not named) and lightest and not described:
            return IntentKind.lightest, False
        # "can someone explain what a sidecar proxy is? just joined the platform team", "our
        # sidecars keep getting OOMKilled. what is ambient mode?": who they are and what hurt
        # is said; what they ask is what a concept or a mesh is.
        if not (r.unknown or recommend) and self._explains_asked(r.text, meshes):
            return IntentKind.explain, typo
        if counted:
            return IntentKind.cost, typo
        # "greymatter on eks?": what is asked of a mesh I lack, I cannot answer for it; with
        # a size ("evaluating istiogen for 80 services") a pick for that size can.
        asked_of_it = not (meshes or features or recommend or sized or cue("cost"))
        # "should we use Meshery?", "is Tetrate Service Bridge a good choice?": a pick asked of
        # one product I lack, with nothing of a setup to pick for, is that product's question.
        alone = len(r.unknown) == 1 and not (meshes or features or facts or sized or r.notes)
        picked_alone = recommend and alone and not cue("which_meshes")
        if r.unknown and (asked_of_it or picked_alone):
            return IntentKind.not_in_kb, False
        compared = self._compare_cued(r.remaining, len(meshes) + len(r.unknown))
        # A setup stated beside a question about a mesh ("can linkerd run on our AKS windows
        # pool", "is consul open source still") or a list of meshes is context, not a request.
        # So is a question that opens or closes with a mesh and names a feature ("on eks: mtls
        # between pods with linkerd?"), or asks whether it is supported ("linkerd + k8s native
        # sidecars — supported?"), with or without its mark ("service connect on ecs, do we
        # get access logs out of it").
        opens = self._asks_anything(r) and r.found.spans[:1] and r.found.spans[0][0] == 0
        opens = opens or self._closes_on_mesh(r.text)
        # "supported by solo.io" wants a vendor's support; it asks nothing of the mesh
        unsupported = f" {self._requirements.without_support(r.remaining)} "
        checks = self._cues.has("support_check", unsupported)
        one = len(meshes) == 1 and self._in_use(meshes[0]) and (opens or checks)
        asked = r.asks_of_mesh or (features and (cue("list_meshes") or one))
        # "linkerd on openshift - supported?", "kong mesh on openshift, possible?": one mesh
        # asked of with only where it would run said (no size, no pick): whether it runs there.
        where_only = PLATFORM in facts and not (set(facts) - {PLATFORM}) & self._setup
        asked = asked or (one and where_only and not (sized or recommend))
        # "4 node groups on eks, 60 nodes. cost of cilium mesh?": every question asks what a
        # named mesh costs; the setup is the size it is costed at.
        asked = asked or (bool(meshes) and self._only_asked("cost", r.text))
        # What they want of the next one said beside a retired mesh they run ("still on nginx
        # service mesh … is it dead? we want mtls and retries") describes their setup too.
        described = (self._setup & set(facts) or wants_next) and not asked
        # "do i need a waypoint?", "what's a waypoint in istio ambient and when do i need
        # one": a decision asked of a mesh's part (its mesh named beside it at most), with no
        # setup or need said, asks what the part is for.
        if recommend and meshes and set(meshes) <= set(r.parts) and not (facts or features):
            return IntentKind.explain, typo
        # A platform said alone, with no mesh, feature or pick: it places the concept asked
        # ("what's a sidecar in k8s terms"), or the list asked ("which meshes run on nomad?").
        platform_only = set(facts) == {PLATFORM} and not (recommend or meshes or features)
        concept = platform_only and described and not r.unknown
        concept = concept and self._cues.has("concept", r.remaining)
        if concept and self._explained(r.normalised, r.text):
            return IntentKind.explain, typo
        if platform_only and not sized and cue("list_meshes"):
            return IntentKind.which_meshes, typo
        # "on k8s 1.29, want native sidecars. which ones support that?", "VMs on vsphere plus
        # k8s. which meshes can bring the VMs in?": the meshes with the features needed, listed
        # in a question of its own, where the setup says no more than where it runs (no size,
        # no constraint); "self managed k8s, 70 svcs. which meshes can do this?" asks a pick.
        said = (self._setup | self._deciding) & set(facts) - r.sizes  # deciding sizes: `sized`
        # A mesh said only outside the questions ("an outage on it (istio, self-signed root).
        # which meshes rotate the CA cleanly?") is what they run, no pool to list among.
        apart = len(meshes) <= 1 and not any(
            self._mentions(q.split()).meshes for q in _questions(r.text)
        )
        # A size beside it ("we're on EKS, 300 pods — which meshes can do post quantum key
        # exchange today?") is where the list applies when the list asked names its feature
        # itself and the rest wishes for nothing; "which meshes can do this?" points back at
        # the setup, and "we need something for 200 services on eks, anything that does
        # mtls?" wants one: each asks a pick.
        named_list = any(self._lists_named_feature(q) for q in _questions(r.text))
        named_list = named_list and not self._cues.has("wished", self._statements(r))
        placed = said - restated <= {PLATFORM, INCUMBENT} and (not sized or named_list) and apart
        list_asked = any(self._lists_with_features(q, features) for q in _questions(r.text))
        if features and placed and list_asked and not r.unknown:
            return IntentKind.which_meshes, typo
        # Their setup and needs stated, with nothing asked of any mesh named ("openshift 4.18 …
        # refuses envoy after a year of OSSM 2 config dumps. need mTLS, retries and
        # multicluster"): the mesh they run or leave is no subject; what fits them is asked.
        where = PLATFORM in facts or bool(sized) or retired or bool(_TEAM & set(facts))
        unasked = stated and where and bool(features)
        # "GKE shop. Cloud Service Mesh vs running our own istio - trying to figure out what we
        # lose/gain …": meshes set against each other are what is asked, mark or no mark
        unasked = unasked and not (self._asks_anything(r) or r.asks_of_mesh or opening or compared)
        if recommend or (described and len(meshes) < 2) or unasked:
            return IntentKind.recommend, typo
        # "among linkerd, kuma and cilium, which of them can mirror traffic?": the meshes
        # with the feature, among those named. A list said outside the questions asked ("no
        # idea which one to rotate") asks for none.
        listing = cue("which_meshes") and not self._asked_without("which_meshes", r.text)
        listing = listing and not cue("comparative")  # "istio or linkerd, which has better …"
        # "between kuma, consul and kong mesh, which of those 3 copes with windows nodes? we've
        # got a .net framework node pool": a list among the meshes it opens on, then their own
        # case, asks which of them fits it.
        listing = listing and not (opening and self._opening.then_says_theirs(r.text))
        if len(meshes) >= 2 and features and listing and not self._compare_cued(r.remaining, 0):
            return IntentKind.which_meshes, typo
        # "do linkerd and istio support fips?", "need fips. istio? linkerd? either?": a
        # feature asked of each named mesh is checked on each; "how do they differ on it",
        # "istio vs linkerd for fips", "either kuma or consul for our vms?" compare them.
        of_each = r.asks_of_mesh or cue("support_check") or cue("list_meshes")
        each = of_each and not (self._compare_cued(r.remaining, 0) or opening or cue("cost"))
        if len(meshes) >= 2 and features and each:
            return IntentKind.feature_check, typo
        # An overhead asked beside their features compares them ("feature-wise + overhead").
        # "How much" asks an overhead only of a measure or a size: "whats the diff in how much
        # i'd have to patch myself" compares them.
        unmeasured = self._cues.strip("quantity", f" {r.remaining} ")
        overhead = cue("cost") and (
            r.measure is not None or bool(r.sizes) or self._cues.has("cost", unmeasured)
        )
        # "envoy sidecars OOMKilled last night … how does istio sidecar mode compare to ambient
        # mode overall?": an overhead said only outside the questions asked is why they ask.
        asked = [normalise(q) for q in _ASKED.findall(r.text)]
        overhead = overhead and not (asked and not any(self._cues.has("cost", q) for q in asked))
        # So does a feature asked of them beside it ("how do they stack up on p99 hit, and
        # which of them has fips validated crypto"; not "… we also want golden metrics"): the
        # overhead is one row of the comparison.
        featured = listing and bool(features)
        if len(meshes) >= 2 and compared and (not overhead or cue("whole_picture") or featured):
            return IntentKind.compare, typo
        # "keep traffic in-zone to cut cross-AZ costs" asks about a feature, not overhead;
        # "golden metrics (success rate, p99)" names what the metrics measure.
        observed = features and all(
            self._kb.features[f].category == Category.observability for f in features
        )
        # "does linkerd do outlier detection? one sick pod drags our p99 down": the overhead
        # is why they ask; the questions asked are about a feature (checked on the mesh, or
        # the meshes that have it: "which meshes are sidecarless? sidecars hog our ram"), or
        # set meshes against each other on what their metrics measure ("linkerd viz vs kiali
        # for golden signals (success rate, latency), which gives more?").
        aside = self._asked_without("cost", r.text)
        metrics = observed and (checked or (compared and aside))
        measured = r.measure is not None and not metrics
        aside = (aside or self._only_complained("cost", r.text)) and bool(features)
        priced = cue("cost") and (measured or not features or beside) and not aside
        if priced or ("pods" in facts and not features):
            return IntentKind.cost, typo
        # "explain spiffe like i'm a backend dev", "what's a service mesh?": a concept asked
        # about, with no mesh named, is explained (what it is, where the meshes stand on it).
        alone = not meshes and not r.unknown and not sized and not listing
        concept = not features and not facts and self._cues.has("concept", r.remaining)
        if alone and (features or concept) and self._explained(r.normalised, r.text):
            return IntentKind.explain, typo
        # "mtls vs one-way tls", "difference between spiffe and plain x509 certs": a feature
        # set against another idea, with no mesh named and no list or pick asked, is explained
        # (what it is, and where the meshes stand); "datadog vs grafana for mesh metrics" sets
        # two tools against each other, not the feature.
        picks = cue("which_meshes") or cue("recommend")
        either = NOT_NEEDED not in facts  # "we don't need jwt or opa": no choice between them
        termed = bool(self._terms_in(r.remaining))  # "ebpf vs sidecars": a word of the field
        against = (features or termed) and self._feature_compared(r.remaining, either)
        # "api gateway vs service mesh?": the mesh itself set against another idea
        against = against or self._concept_compared(r.remaining)
        if alone and against and not picks:
            return IntentKind.explain, typo
        # A list asked for stays one beside a size alone ("any mesh that runs on windows
        # nodes? we have 40 pods there"); with a setup ("self managed k8s, 70 svcs. which
        # meshes can do this?", "we are NOT changing our CNI. want a sidecarless mesh.
        # options?"), or "which mesh" with a size, it asks for a pick.
        listed = cue("list_meshes") and not self._setup & set(facts)
        # a must-not that asks for a feature listed ("which meshes avoid sidecars") is no setup
        constrained = any(self._must_nots[f] not in features for f in facts if f in self._must_nots)
        if (
            features
            and cue("which_meshes")
            and not meshes
            and (listed or not (sized or constrained))
        ):
            return IntentKind.which_meshes, typo
        # A deciding fact a feature's own words set ("any option that does multi-cluster?":
        # one mesh spanning clusters) is the need asked again, no setup to pick for.
        if not meshes and self._deciding & (set(facts) - (restated - r.sizes)):
            return IntentKind.recommend, typo
        if features and not meshes:
            return IntentKind.which_meshes, typo
        # "can I get FIPS with kuma without paying for kong mesh": a feature asked of a base
        # beside the distribution they refuse, nothing compared, is checked on each.
        if features and not compared and self._refused_beside(meshes, facts):
            return IntentKind.feature_check, typo
        if len(meshes) >= 2:
            return IntentKind.compare, typo
        if compared and not features:
            # "dynamodb vs aurora": things of another topic set side by side, nothing of mine;
            # "the difference between tcp and udp": one side is none of mine, and nothing of
            # the field is said beside them ("ebpf vs iptables for traffic redirection" is).
            outside = not r.in_field and self._strange(self._unnamed(r))
            if not named and (outside or self._apart(r.remaining)):
                return IntentKind.out_of_scope, False
            if not named:
                return IntentKind.compare, True
            if not meshes:
                return IntentKind.not_in_kb, False
            return IntentKind.explain, typo
        # "what does 'revision based upgrade' mean in istio land?": a feature's meaning asked
        # where one mesh is the place, not whether that mesh has it.
        if len(meshes) == 1 and features and not r.asks_of_mesh and self._defines_feature(r):
            return IntentKind.explain, typo
        if meshes and features:
            return IntentKind.feature_check, typo
        if meshes and self._deciding & set(facts) and not any(self._current(m) for m in meshes):
            return IntentKind.recommend, typo  # "we're on App Mesh with ECS today"
        if meshes:
            return IntentKind.explain, typo
        # "which mesh is most popular?": a pick is asked for, on grounds I may not weigh.
        picks = cue("which_meshes") and not cue("list_meshes")  # "which mesh", not "does any"
        if facts or r.notes or (picks and not r.unknown):
            return IntentKind.recommend, True
        if r.unknown:
            return IntentKind.not_in_kb, False
        return IntentKind.unknown, False

    def _refused_beside(self, meshes: list[str], facts: dict[str, FactValue]) -> bool:
        """A base named beside its distribution that they refuse (by name or by maker)."""
        bases = {self._kb.meshes[m].based_on for m in meshes} & set(meshes)
        refused, makers = facts.get(REFUSED), as_list(facts.get(NOT_FROM))
        return bool(refused_over(bases, meshes, self._kb.meshes, refused, makers))

    def _restated(self, features: list[str]) -> set[str]:
        """The facts these features' own words set ("multi-cluster": one mesh spanning
        clusters): the need said again, no setup."""
        return {f for feature in features for f in self._stand_ins.get(feature, ())}

    def _term_features(self, normalised: str) -> list[str]:
        """The features the field's words said in the text stand for on a mesh."""
        terms = {t.id: t for t in self._kb.service_mesh.terms}
        return [f for t in self._terms_in(normalised) if (f := terms[t].feature)]

    @staticmethod
    def _statements(r: _Reading) -> str:
        """The words outside the clauses a question mark closes."""
        told = f" {r.normalised} "
        for question in _questions(r.text):
            told = told.replace(f" {question} ", " ")
        return told

    def _lists_named_feature(self, question: str) -> bool:
        """A list asked of the meshes that names a feature in the question itself ("which
        meshes can do post quantum key exchange?"; not "which meshes can do this?")."""
        listed = self._cues.has("list_meshes", f" {question} ")
        return listed and bool(self._mentions(question.split()).features)

    def _lists_with_features(self, question: str, features: list[str]) -> bool:
        """A list asked in so many words of what the meshes do: a feature named in it, or a
        verb asking for one ("which meshes can bring VMs in", "which ones support that?";
        not "which meshes would make the cut?", a pick over everything said before)."""
        if not self._cues.has("list_meshes", f" {question} "):
            return False
        words = question.split()
        verbs = self._cues.words["name_then_asks"]
        if self._mentions(words).features or any(w in verbs for w in words):
            return True
        return any(rank.feature in features for rank in self._clause_ranks(question)[:1])

    def _platform_chore(self, r: _Reading) -> bool:
        """How to do a chore of the platform itself, with nothing of a mesh said: "how do i
        bump max pods per node on eks managed nodegroups" names a platform and its pods, no
        mesh, feature, measure or other word of the field, and asks no pick or status."""
        # A feature only the ranking found is no mesh content by itself ("raise the max-pods
        # limit" is no circuit breaking); the field's words said are.
        if r.found.meshes or r.unknown or r.named_features or r.measure or r.notes:
            return False
        # a count said in words is a size too ("our EKS cluster", "a single cluster": one)
        details = {
            f
            for f in r.facts
            if (spec := self._kb.rules.fact(f))
            and (spec.of_platform or spec.type == FactType.number)
        }
        if set(r.facts) - {PLATFORM} - r.sizes - details:  # "… on gke autopilot": the platform
            return False
        if not self._cues.has("how_to", r.normalised):
            return False
        said = self._cues.strip("platform_ops", self._cues.strip("incidental", r.normalised))
        if said == r.normalised and PLATFORM not in r.facts:
            return False  # nothing of a platform said ("how do i use this")
        asked = self._cues.strip("how_to", r.normalised)  # "how do we get started on eks"
        for group in ("recommend", "which_meshes", "decision", "lifecycle", "cost", "compare"):
            if self._cues.has(group, asked):
                return False
        words = " ".join(w for w in said.split() if w not in self._platform_words)
        return not self._cues.has("field", words)

    def _reason_asked(self, r: _Reading) -> bool:
        """What a feature is for asked (`purpose`: "why would we need mtls if TLS ends at
        the ingress"), with no mesh named and no mesh nor sidecar after the phrase: "why do
        we need a mesh at all", "… we need istio. why do we need it?" weigh adopting one;
        a feature's name holding the word ("why should i care about native sidecars") is
        that feature."""
        if not r.features or r.found.meshes:
            return False
        said = self._cues.find("purpose", r.normalised)
        kb = self._kb
        after = (
            outside_features(r.normalised[m.end() :], kb.mesh_index, kb.feature_index) for m in said
        )
        return bool(said) and not any(
            self._cues.has("concept", " ".join(words[:MAX_SPAN])) for words in after
        )

    def _without_supposed_needs(self, normalised: str) -> str:
        """The text less each `supposed_need` phrase right before a feature's name ("… if we
        need windows nodes"): a need stated, not whether to adopt something."""
        out = normalised
        for match in reversed(self._cues.find("supposed_need", normalised)):
            found = self._mentions(normalised[match.end() :].split()[:MAX_SPAN])
            if found.features and not found.meshes:  # "if we need (to mesh) vms
                out = out[: match.start()] + " " + out[match.end() :]
        return out

    def _apart(self, remaining: str) -> bool:
        """A comparison one of whose sides is no word of mine, with nothing of the field said
        beside the sides: the words right before and after each cue, and after the "and" or
        "or" that follows ("the difference between tcp and udp")."""
        tokens = remaining.split()
        sides: set[str] = set()
        for start, end in self._cue_spans("compare", remaining, skip=set()):
            after = tokens[end : end + 3]
            sides.update(tokens[max(0, start - 1) : start] + after[:1])
            if after[1:2] and after[1] in LIST_WORDS:
                sides.update(after[2:3])
        beside = " ".join(w for w in tokens if w not in sides)
        return bool(self._strange(list(sides))) and not self._cues.has("field", beside)

    def _closes_on_mesh(self, text: str) -> bool:
        """The last question names a feature and closes on a mesh ("on eks: mtls between pods
        with linkerd?"): it asks that mesh about the feature; a mesh alone ("… need mtls.
        linkerd?") asks whether to adopt it."""
        asked = [normalise(m.group(0)) for m in _ASKED.finditer(text)][-1:]
        if not asked:
            return False
        words = asked[0].split()
        named = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
        return bool(named.features) and named.spans[-1:] != [] and named.spans[-1][1] == len(words)

    def _concept_compared(self, remaining: str) -> bool:
        """A concept of the field (`concept`: "service mesh", "sidecar") is a side of a
        comparison cue that follows other words: right before it, right after it, or right
        after the "and" a few words on ("api gateway vs service mesh", "the difference between
        an api gateway and a service mesh"); "compare meshes" sets nothing against them, and
        "datadog vs grafana for mesh metrics" sets two tools against each other."""
        tokens = remaining.split()
        starts = {
            len(remaining[: m.start()].split()) for m in self._cues.find("concept", remaining)
        }
        ends = {len(remaining[: m.end()].split()) for m in self._cues.find("concept", remaining)}

        def side(at: int) -> bool:  # a concept starts there, after any articles
            while at < len(tokens) and tokens[at] in ARTICLES:
                at += 1
            return at in starts

        for start, end in self._cue_spans("compare", remaining, skip={"or"}):
            joint = [
                i
                for i in range(end, min(len(tokens), end + CONCEPT_REACH))
                if tokens[i] in LIST_WORDS
            ]
            if start and (start in ends or side(end) or any(side(i + 1) for i in joint[:1])):
                return True
        return False

    def _terms_in(self, normalised: str) -> list[str]:
        """The words of the field no one offering owns said in the text ("ebpf"), by id."""
        said = (self._terms.get(m.group(0)) for m in self._cues.find("concept", normalised))
        return list(dict.fromkeys(t for t in said if t))

    def _feature_compared(self, remaining: str, either: bool) -> bool:
        """A feature's name is a side of a comparison: right before or right after a
        comparison cue, or after the "and"/"or" a word after it ("the difference between l4
        and l7 authz"); a lone "or" only between two ("jwt or mtls for svc to svc auth?")."""
        tokens = remaining.split()
        found = find_mentions(tokens, self._kb.mesh_index, self._kb.feature_index)
        named = [*found.feature_words, False]
        for match in self._cues.find("concept", remaining):  # a word of the field: "ebpf"
            if match.group(0) in self._terms:
                at = len(remaining[: match.start()].split())
                named[at : at + len(match.group(0).split())] = [True] * len(match.group(0).split())
        for start, end in self._cue_spans("compare", remaining, skip=set()):
            before = start > 0 and named[start - 1]
            if tokens[start:end] == ["or"]:
                if either and before and named[end]:
                    return True
                continue
            sides = (
                [end, end + 2]
                if tokens[end + 1 : end + 2] and tokens[end + 1] in LIST_WORDS
                else [end]
            )
            if before or any(named[min(i, len(tokens))] for i in sides):
                return True
        return False

    def _status_or_leave(self, text: str) -> bool:
        """A clause setting a status asked against a pick with a bare "or" ("still supported or
        should we bail", "dead or should we move off it"): the status, then what to do."""
        for clause in CLAUSES.split(text):
            before, sep, after = f" {normalise(clause)} ".partition(" or ")
            if not sep or not self._cues.has("lifecycle", before):
                continue
            if any(map(self._cue_in(before), _PICK_CUES)):
                continue
            if any(self._cues.starts(g, after.strip()) for g in ("recommend", "decision")):
                return True
        return False

    @staticmethod
    def _opening_as_questions(text: str, asks: frozenset[str]) -> list[str]:
        """The clauses of the sentences a question mark closes that open on an `asks_of` word
        ("is it still supported, and what's the successor?"), normalised."""
        clauses = (normalise(c) for q in _ASKED.findall(text) for c in CLAUSES.split(q))
        return [c for c in clauses if c.split()[:1] and c.split()[0] in asks]

    def _status_unmarked(self, text: str) -> list[str]:
        """The clauses of the last sentence, asked without a question mark, that ask a
        status (`status_asked`: "… in one old cluster, whats its status"), normalised."""
        if "?" in text:
            return []
        clauses = (f" {normalise(c)} " for c in CLAUSES.split(last_sentence(text)))
        return [c.strip() for c in clauses if self._cues.has("status_asked", c)]

    def _lightest_asked(self, normalised: str) -> bool:
        """A ranking by overhead asked: a `lightest` cue, or a `least` word before an overhead."""
        return self._cues.has("lightest", normalised) or self._least(normalised)

    def _least(self, normalised: str) -> bool:
        """A `least` word right before an overhead, a word apart at most, or right before the
        proxies: "smallest resource footprint", "lowest sidecar memory", "leanest on cpu",
        "smallest sidecar"; what the overhead is counted
        per (`counted_per` and its word: "least per-proxy overhead") is no word apart."""
        words = normalised.split()
        per = self._cues.words["counted_per"]
        for match in self._cues.find("least", normalised):
            at = len(normalised[: match.end()].split())
            after = [
                w for i, w in enumerate(words[at:], at) if w not in per and words[i - 1] not in per
            ]
            window = " ".join(after[: LEAST_GAP + 1])
            # the proxies are the overhead too: "smallest sidecar", "thinnest data plane"
            if self._cues.has("cost", window) or self._cues.starts("data_plane", window):
                return True
        # "which mesh costs the least", "would cost us least at 800 pods": a `spends` verb a
        # word at most before "least" (not "at least").
        for match in self._cues.find("least_spent", normalised):
            before = normalised[: match.start()].split()[-(LEAST_GAP + 1) :]
            if before[-1:] != ["at"] and self._cues.has("spends", " ".join(before)):
                return True
        return False

    def _field_beyond_features(self, normalised: str) -> bool:
        """A word of the field besides the features' names and the words every backend
        question uses (`incidental`)."""
        words = normalised.split()
        found = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
        rest = " ".join(w for w, used in zip(words, found.used, strict=True) if not used)
        return self._cues.has("field", self._cues.strip("incidental", rest))

    def _asked_without(self, group: str, text: str) -> bool:
        """Some clause a question mark closes, and none of them has a phrase of the group."""
        asked = _questions(text)
        return bool(asked) and not any(self._cues.has(group, q) for q in asked)

    def _only_asked(self, group: str, text: str) -> bool:
        """Some clause a question mark closes, and each of them has a phrase of the group."""
        asked = _questions(text)
        return bool(asked) and all(self._cues.has(group, q) for q in asked)

    def _only_complained(self, group: str, text: str) -> bool:
        """Every clause with a phrase of the group complains and asks no quantity: "list the
        meshes that validate jwts — our gateway adds too much latency"."""
        said = [f" {normalise(c)} " for c in CLAUSES.split(text[:MAX_READ])]
        said = [c for c in said if self._cues.has(group, c)]
        return bool(said) and all(
            self._cues.has("complaint", c) and not self._cues.has("quantity", c) for c in said
        )

    def _status_said(self, clause: str) -> bool:
        """A status phrase, or a release word with a support word ("each linkerd release
        supported")."""
        if self._cues.has("lifecycle", clause):
            return True
        return self._cues.has("release_words", clause) and self._cues.has("release_status", clause)

    def _only_status_asked(self, text: str) -> bool:
        """Some clause a question mark closes, and each asks a status of a mesh and names no
        feature."""
        asked = _questions(text)
        return bool(asked) and all(
            self._status_said(q)
            and not self._names_a_feature(q)
            and not status_placed(q, self._cues, self._mentions(q.split()))
            for q in asked
        )

    def _only_measures_asked(self, text: str) -> bool:
        """Every clause a question mark closes asks an overhead (a `cost` word and a measure:
        memory, CPU, latency) and none asks for a pick or their features too; with no question
        mark written, the last sentence opening as a question is the one asked."""
        unmarked = unmarked_question(text, self._cues)
        asked = _questions(text) or ({unmarked} if unmarked else frozenset())
        picks = ("recommend", "decision", "which_meshes", "whole_picture")
        return bool(asked) and all(
            self._cues.has("cost", q)
            and self._measure(q) is not None
            and not any(self._cues.has(group, q) for group in picks)
            for q in asked
        )

    def _explained(self, normalised: str, text: str) -> bool:
        """A thing asked to be explained: an `explain` cue anywhere ("ELI5", "explain spiffe
        like i'm a backend dev"), `what_is` right before what it names ("what's a service
        mesh", "what is mTLS"; not "what is the best way to rate limit"), or a clause asking
        what the words before it mean ("sidecar vs sidecarless — what does that mean?")."""
        if self._cues.has("explain", normalised) or self._asks_meaning(text):
            return True
        if any(self._cues.has(g, normalised) for g in ("purpose", "relevance")):  # what it's for
            return True
        words = normalised.split()
        for match in self._cues.find("what_is", normalised):
            at = len(normalised[: match.end()].split())
            # "what are k8s native sidecars": an article or where it runs before the thing
            while at < len(words) and (words[at] in ARTICLES or words[at] in self._platform_words):
                at += 1
            named = find_mentions(
                words[at : at + MAX_SPAN], self._kb.mesh_index, self._kb.feature_index
            )
            if named.used[:1] == [True] or self._cues.starts("concept", " ".join(words[at:])):
                return True
            # "eBPF — what is it and why does it matter?": what was just named, asked about.
            said = words[: len(normalised[: match.start()].split())]
            before = find_mentions(said, self._kb.mesh_index, self._kb.feature_index)
            if (
                words[at : at + 1]
                and words[at] in SUBJECTS
                and (any(before.used) or self._cues.has("concept", " ".join(said)))
            ):
                return True
        return False

    def _explains_asked(self, text: str, meshes: list[str]) -> bool:
        """A sentence a question mark closes asks to explain a concept, a feature or the one
        mesh named, and for no pick: "can someone explain what a sidecar proxy is? just joined
        the platform team" explains, whoever they say they are; so does "sidecars hog our ram.
        what is ambient mode?", whatever hurts (the mesh closing the sentence, or after an
        `explain` cue, and nothing asked of it after). A sentence asking a pick, a list, a
        comparison or a cost ("what do sidecars cost at 1,000 pods?") asks for that instead."""
        picks = (
            "recommend",
            "recommend_closing",
            "decision",
            "which_meshes",
            "list_meshes",
            "compare",
            "cost",
        )
        # "can someone explain native sidecars in k8s": with no mark, the last sentence asks
        asked = [(m.group(0), m.end()) for m in _ASKED.finditer(text)]
        for sentence, end in asked or [(last_sentence(text), len(text))]:
            said = normalise(sentence)
            # "we run istio on eks, should we care about native sidecars?": what a reason or a
            # relevance asked is about follows its cue; the words before it are their setup.
            cued = [m for g in ("purpose", "relevance") for m in self._cues.find(g, said)]
            if cued:
                # "native sidecars: should we care?": with nothing named after the cue, the
                # topic leads the sentence.
                after = said[min(m.start() for m in cued) :]
                found = find_mentions(after.split(), self._kb.mesh_index, self._kb.feature_index)
                said = after if found.meshes or found.features else said
            else:  # "what is kong mesh - kuma with a support contract, or a fork?": what it is
                said = " ".join(self._identity.clauses(sentence)) or said
            named = find_mentions(said.split(), self._kb.mesh_index, self._kb.feature_index)
            # "what's a waypoint proxy? keep seeing it in the linkerd docs": a mesh's part
            # named alone is a concept asked, whichever mesh the rest of the text names.
            by_part = self._parts_named(said.split(), named)[1]
            if named.meshes and set(named.meshes) <= by_part and not named.features:
                topic = True
            elif named.meshes:
                # its base said as what it may be is no second subject
                bases = {self._kb.meshes[m].based_on for m in named.meshes}
                subjects = [m for m in meshes if m not in bases]
                one = named.meshes == subjects and len(subjects) == 1
                topic = one and not named.features
                topic = topic and self._mesh_explained(said, named, text[end:])
                topic = topic or (one and self._working_asked(said, named))
            else:
                topic = bool(named.features) or self._cues.has("concept", said)
            reason = self._cues.strip("relevance", self._cues.strip("purpose", said))  # no pick
            if not topic or any(self._cues.has(g, reason) for g in picks):
                continue
            if self._explained(said, sentence):
                return True
        return False

    def _working_in(self, text: str) -> bool:
        """Some sentence a question mark closes (or the last, with none) asks how the one mesh
        it names does its work (`_working_asked`)."""
        asked = [m.group(0) for m in _ASKED.finditer(text)] or [last_sentence(text)]
        for sentence in asked:
            said = normalise(sentence)
            named = find_mentions(said.split(), self._kb.mesh_index, self._kb.feature_index)
            if len(named.meshes) == 1 and self._working_asked(said, named):
                return True
        return False

    def _working_asked(self, said: str, named: Mentions) -> bool:
        """How the one mesh named does its work asked (`works_asked` right after its name, the
        clause opening on `how_works`): "how does cilium do service mesh w/o sidecars?", "how
        does ambient work without sidecars": the way said is what to explain, no feature to
        check."""
        words = said.split()
        first = named.mesh_used.index(True)
        last = max(i for i, used in enumerate(named.mesh_used) if used)
        opening = " ".join(words[:first])
        return self._cues.has("how_works", f" {opening} ") and self._cues.starts(
            "works_asked", " ".join(words[last + 1 :])
        )

    def _mesh_explained(self, said: str, named: Mentions, after: str) -> bool:
        """The mesh named is what is to be explained: right after an `explain` cue ("explain
        what istio ambient is and how it works") or after `what_is`, closing the sentence
        ("what is ambient mode?"); and the text after asks nothing of it."""
        # A feature said after in a statement is why they ask ("what's a waypoint proxy? we
        # need one for L7 policy"), and so is one in what it has heard, marked or not ("what
        # even is vpc lattice? no sidecars, but it does auth and routing?"); a question
        # opening as one asks it of the mesh ("… does it do mtls?").
        asked = [q for q in map(self._opens_question, PROSE_SENTENCE_END.split(after)) if q]
        if any(self._cues.has("asks_of", q) or self._names_a_feature(q) for q in asked):
            return False
        words = said.split()
        first = named.used.index(True)
        last = max(i for i, used in enumerate(named.used) if used)
        for group, tail in (("explain", len(words)), ("what_is", MESH_TAIL)):
            for match in self._cues.find(group, said):
                at = len(said[: match.end()].split())
                gap = [w for w in words[at:first] if w not in ARTICLES and w != "what"]
                if at <= first and not gap and len(words) - last - 1 <= tail:
                    return True
        return False

    def _opens_question(self, sentence: str) -> str:
        """The sentence, normalised, where it opens as a question after any `follow_up` word
        ("and does it do mtls"); '' for a statement, marked or not ("but it does routing?")."""
        said = normalise(sentence)
        rest = said[len(self._cues.leading("follow_up", said)) :].strip()
        return said if self._cues.starts("question_openers", rest) else ""

    def _defines_feature(self, r: _Reading) -> bool:
        """A feature's name right after `what_is` or `explain` ("what is mTLS in linkerd",
        "eli5 canary releases in linkerd"), not a mesh's ("what is istio's mtls story"); or a
        clause asking what its words mean ("what does 'revision based upgrade' mean in istio
        land?": `what_is`, then `meaning`)."""
        if self._asks_meaning(r.text):
            return True
        words = r.normalised.split()
        for group in ("what_is", "explain"):
            for match in self._cues.find(group, r.normalised):
                at = len(r.normalised[: match.end()].split())
                while at < len(words) and words[at] in ARTICLES:
                    at += 1
                named = find_mentions(
                    words[at : at + MAX_SPAN], self._kb.mesh_index, self._kb.feature_index
                )
                if named.used[:1] == [True] and named.mesh_used[:1] == [False]:
                    return True
        return False

    def _asks_meaning(self, text: str) -> bool:
        """A clause opening on `what_is` and asking what words mean (`meaning`): "what does
        'revision based upgrade' mean", "what does that actually mean"."""
        for clause in CLAUSES.split(text):
            said = normalise(clause)
            opening = self._cues.find("what_is", said)[:1]
            if (
                opening
                and opening[0].start() == 0
                and self._cues.has("meaning", said[opening[0].end() :])
            ):
                return True
        return False

    def _asks_for_sources(self, r: _Reading) -> bool:
        """The bot's own evidence asked about: "where do your latency numbers come from",
        "what are your sources for the istio figures", "can i see the links you're using";
        or a source asked for ("citation for the istio sidecar memory figure?", "link for the
        claim that…"), or where a figure is from ("where did that ztunnel number come from")."""
        if self._cues.has("provenance", r.normalised):
            return True
        for clause in CLAUSES.split(r.text):
            said = normalise(clause)
            words = said.split()
            for match in self._cues.find("evidence", said):
                if len(self._cues.leading("field", said[match.start() :])) > len(match[0]):
                    continue  # "your data plane" is a mesh's part, not my data
                at = len(said[: match.start()].split())
                before = " ".join(words[max(0, at - YOURS_WINDOW) : at])
                after = " ".join(words[at + len(match.group(0).split()) :])
                owned = at and self._cues.starts("evidence_owned", words[at - 1])
                lead = " ".join(words[max(0, at - YOURS_WINDOW) : at - 1])
                if at and self._ends_with("according", lead):
                    continue  # "… at 3000 pods per your data": where to answer from
                if not owned and self._cues.starts("evidence_verb_next", after):
                    continue  # "these claim to be lightweight": a vendor's claim, not my data
                if self._cues.has("yours", before) or self._cues.starts("yours_after", after):
                    return True
                if self._cues.starts("whence", said) and self._ends_with("whence_end", after):
                    return True
                # "are the memory figures from benchmarks or vendor docs?"
                if self._cues.starts("whether", said) and self._cues.starts("whence_end", after):
                    return True
        return False

    def _ends_with(self, group: str, words: str) -> bool:
        """The words end on a phrase of the group."""
        return any(m.end() == len(words) for m in self._cues.find(group, words))

    def _only_thanks(self, r: _Reading) -> bool:
        """A greeting or thanks with at most a few words that ask nothing of the field; a
        thanks that opens the message may say at any length what helped ("ty, that
        comparison table saved me an hour"), a hello may not ("hey, tuning jvm gc pauses")."""
        if self._cues.has("help", r.remaining):  # "hi! what can you do?"
            return False
        rest = [w for w in self._cues.strip("greeting", r.remaining).split() if w not in STOPWORDS]
        opens = self._cues.has("thanks", " ".join(r.remaining.split()[:THANKS_OPENING]))
        # "ok what would it cost?", "cool, in one line", "ok so what do you recommend": what
        # follows an acknowledgement asks something; a thanks may say what helped at any length
        after = self._cues.strip("greeting", r.normalised)
        if not opens and after and any(self._cues.has(g, after) for g in ACKNOWLEDGED_ASKS):
            return False
        if not rest:
            return True
        return not r.asks and not r.in_field and (len(rest) <= THANKS_WORDS or opens)

    def _asks_anything(self, r: _Reading) -> bool:
        """A question mark, a clause opening on an `asks_of` word ("does app mesh support
        mtls") or a `quantity` ("how much memory would …"), or a list or pick of meshes
        asked for."""
        asks = self._cues.words["asks_of"]
        opens = any(
            (c.split()[:1] and c.split()[0] in asks) or self._cues.starts("quantity", c)
            for c in map(normalise, CLAUSES.split(r.text))
        )
        listed = any(self._cues.has(g, r.remaining) for g in ("which_meshes", "list_meshes"))
        return r.asks or opens or listed

    def _asks_about_a_mesh(self, text: str) -> bool:
        """A current mesh asked about: "does linkerd …", "can they join the consul mesh?"

        The clause starts with 'does', 'can', 'is'… (rules.yaml `asks_of`, or `asks_opening`:
        "has gcp's mesh got …") a few words before the mesh's name, or the `asks_of` word
        stands right before it ("would love to flip on the managed istio add-on" asks nothing
        of Istio).
        """
        return bool(self._clauses_asking_of_a_mesh(text, first=True))

    def _clauses_asking_of_a_mesh(self, text: str, first: bool = False) -> list[str]:
        """The clauses (normalised) that ask about a current mesh; `first`: the first only.
        A mesh named as the message's heading ("openshift service mesh 3 — will the proxies
        validate jwts?", "istio 1.22 - does the sidecar …") is what the clause after it asks
        about."""
        asks = self._cues.words["asks_of"]
        heading, body = self._heading_of(text[:MAX_READ])
        out = []
        for n, clause in enumerate(CLAUSES.split(body)):
            words = normalise(clause).split()[:MAX_TOKENS]
            way = self._cues.leading("asks_way", " ".join(words))  # "is there a way to run X"
            words = words[len(way.split()) :]
            # a mesh heading the message opens its first clause as "does …" would
            opening = (
                bool(way)
                or (n == 0 and bool(heading))
                or (
                    bool(words)
                    and (words[0] in asks or words[0] in self._cues.words["asks_opening"])
                )
            )
            if n == 0 and opening:
                words = [*heading, *words]
            found = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
            if not any(self._in_use(m) for m in found.meshes):
                continue
            starts = [
                i for i, used in enumerate(found.mesh_used) if used and not found.mesh_used[i - 1]
            ]
            adopted = self._adopted(words, found)
            starts = [i for i in starts if i not in adopted]
            # "can I make retries only happen on 503s in linkerd": asked of the mesh it closes on
            last, end, _ = found.spans[-1]
            closes = end == len(words) and words[last - 1] in self._cues.words["status_place"]
            opens = opening and starts and (starts[0] <= ASKS_WINDOW or closes)
            embedded = (
                any(m.end() == len(said) for m in self._cues.find("asks_if", said))
                for said in (" ".join(words[:i]) for i in starts)
            )
            if opens or any(i > 0 and words[i - 1] in asks for i in starts) or any(embedded):
                out.append(" ".join(words))
                if first:
                    break
        return out

    def _heading_of(self, text: str) -> tuple[list[str], str]:
        """A heading the message opens with, before a break (a dash, a colon, "->"), that is
        only a current mesh's name, maybe with a version, `heading_words` ("re: kuma 2.x —")
        and the platform it runs on ("openshift 4.18 with ossm 3 -"): its words, and the text
        after it; else none and the whole text."""
        for mark in _HEADING_BREAK.finditer(text[:HEADING_REACH]):
            words = normalise(text[: mark.start()]).split()
            found = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
            rest = " ".join(w for w, used in zip(words, found.mesh_used, strict=True) if not used)
            rest = self._heading_setup.strip(self._cues.strip("heading_words", rest).split())
            named = any(self._in_use(m) for m in found.meshes)
            if named and all(_VERSION.fullmatch(w) or w in ARTICLES for w in rest):
                return words, text[mark.end() :]
        return [], text

    def _adopted(self, words: list[str], found: Mentions) -> set[int]:
        """Where a mesh named whole starts that a clause opening on a `recommend` phrase asks
        whether to adopt: straight after the phrase ("do i need linkerd?") or after a
        `name_before` cue ("should i set up consul connect or something?"); not a part of it
        ("do i need linkerd viz for golden metrics" asks of the mesh)."""
        opener = [m for m in self._cues.find("recommend", " ".join(words)) if m.start() == 0]
        if not opener:
            return set()
        reach = max(len(m.group(0).split()) for m in opener)
        adopted = set()
        for start, end, _ in found.spans:
            after = words[end : end + 1]
            whole = not after or after[0] in STOPWORDS
            if whole and (start == reach or self._cue_before(words[:start])):
                adopted.add(start)
        return adopted

    def _in_use(self, mesh_id: str) -> bool:
        """A current mesh with a data plane (the no-mesh baseline has no features to check)."""
        mesh = self._kb.meshes[mesh_id]
        return mesh.is_current and mesh.data_plane.model != DataPlaneModel.none

    def _earlier_line_left(self, text: str, facts: dict[str, FactValue]) -> int | None:
        """The earlier line of the mesh they move off, said right after its name ("replacing
        Linkerd 1.x", "moving off OSSM 2.6"): a product of its own (the mesh's
        `earlier_lines`), which the mesh succeeds. None for a release of its current line."""
        left = facts.get(LEAVING)
        mesh = self._kb.meshes.get(left) if isinstance(left, str) else None
        if mesh is None or not mesh.earlier_lines:
            return None
        words = self._cues.words["release_words"]
        line = major_said(text, [mesh.id, *mesh.known_as], words)
        return line if mesh.earlier_line(line) else None

    def _other_line(self, text: str, mesh_id: str) -> str | None:
        """A release of another major line than the one the offering's name ends on, said
        right after its name ("running OSSM 2.x …" of Red Hat OpenShift Service Mesh 3): a
        product line of its own that the named one succeeds. None if none is said, or the
        name carries no line ("istio 1.22" is an older release of Istio, upgraded in place)."""
        mesh = self._kb.meshes[mesh_id]
        line = mesh.name.rpartition(" ")[2]
        if not line.isdigit():
            return None
        names, words = [mesh.id, *mesh.known_as], self._cues.words["release_words"]
        said = version_after(text, names, words) or major_after(text, names, words)
        return said if said and said.split(".")[0] != line else None

    def _current(self, mesh_id: str) -> bool:
        return self._kb.meshes[mesh_id].is_current

    def _cue_in(self, remaining: str):
        padded = f" {remaining} "
        return lambda group: self._cues.has(group, padded)

    def _cue_spans(self, group: str, normalised: str, skip: set[str]) -> list[tuple[int, int]]:
        """Where a group's phrases stand, as token spans (start, end)."""
        spans = []
        for match in self._cues.find(group, normalised):
            if match.group(0) not in skip:
                start = len(normalised[: match.start()].split())
                spans.append((start, start + len(match.group(0).split())))
        return spans

    def _named(self, tokens: list[str]) -> list[bool]:
        """For each word, whether a mesh's name takes it."""
        return find_mentions(tokens, self._kb.mesh_index, self._kb.feature_index).mesh_used

    def _choice(self, remaining: str, meshes: list[str], needs: bool) -> bool:
        """Named meshes set against each other by a bare 'or', with needs stated (features,
        or constraints of the setup: "3 person platform team … istio or linkerd?")."""
        words = {m.group(0) for m in self._cues.find("compare", remaining)}
        return len(meshes) >= 2 and needs and words == {"or"}

    def _compare_cued(self, remaining: str, names: int) -> bool:
        """A comparison cue; a lone 'or' counts only between two names."""
        words = {m.group(0) for m in self._cues.find("compare", remaining)}
        return bool(words - {"or"}) or (bool(words) and names >= 2)

    # ------------------------------------------------------------------ pieces

    def _negated(self, text: str) -> list[str]:
        """Features named after a negation in the same clause: "we don't need mTLS"."""
        negated = self._kept_out(text)
        listing = False  # a negated list ran to the comma: "don't need wasm, raw envoy config"
        pieces = _LISTED.split(text[:MAX_READ])  # clause, break, clause, …
        sentences = [normalise(s) for s in _SENTENCES.split(text[:MAX_READ])]
        for at in range(0, len(pieces), 2):
            normalised = " ".join(normalise(pieces[at]).split()[:MAX_TOKENS])
            listed = at > 0 and pieces[at - 1].strip() == LIST_BREAK
            if listing and listed and (more := self._only_features(normalised)):
                negated += [f for f in more if f not in negated]
                continue
            listing = False
            for part in re.split(self._clause_breaks(), normalised):
                match = next(iter(self._cues.find("negation", part)), None)
                if match is not None and self._cues.starts("losing", part[match.end() :].strip()):
                    match = None  # "without dropping the VMs": they keep the VMs
                if match is not None:
                    found = self._negated_list(part[match.end() :])
                    told = next((s for s in sentences if part in s), normalised)
                    if self._lacks.lacks(part, match, told):  # "retried with no timeouts"
                        found = [f for f in found if self._kb.features[f].workloads]
                    negated += [f for f in found if f not in negated]
                    listing = bool(found) and self._only_features(part[match.end() :]) == found
                for denial in self._need_denied.finditer(part) if self._need_denied else ():
                    found = self._negated_list(part[denial.end() :])
                    negated += [f for f in found if f not in negated]
                for verb in self._cues.find("negation_verb", part):
                    found = self._negated_list(part[verb.end() :], window=0)
                    negated += [f for f in found if f not in negated]
                negated += [f for f in self._negated_before(part) if f not in negated]
        return negated

    def _only_features(self, words: str) -> list[str]:
        """The features a piece of a list names, when it names nothing else: features and
        list words only ("raw envoy config or fault injection")."""
        tokens = words.split()
        found = find_mentions(tokens, self._kb.mesh_index, self._kb.feature_index)
        named = found.feature_words
        alone = all(n or w in LIST_WORDS for n, w in zip(named, tokens, strict=True))
        return found.features if tokens and alone else []

    def _negated_before(self, part: str) -> list[str]:
        """Features named right before a `negation_after` cue: "mTLS nice to have, not
        required", "JWT is optional"."""
        found: list[str] = []
        for match in self._cues.find("negation_after", part):
            words = part[: match.start()].split()[-NEGATION_WINDOW:]
            mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
            found += [f for f in mentions.features if f not in found]
        return found

    def _kept_out(self, text: str) -> list[str]:
        """The workload named last before a `kept_out` cue in its sentence ("the windows pods
        can stay outside whatever we add", "we don't have VMs anymore"), straight before a
        `kept_out_next` one ("windows-free"), or first within a few words after a
        `kept_out_before` one ("we got rid of our VMs")."""
        found: list[str] = []
        for sentence in _SENTENCES.split(text[:MAX_READ]):
            said = normalise(sentence)
            for match in self._cues.find("kept_out_before", said):
                words = said[match.end() :].split()[:NEGATION_WINDOW]
                mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
                kinds = [f for f in mentions.features if self._kb.features[f].workloads]
                after = " ".join(said[match.end() :].split()[: NEGATION_WINDOW + 3])
                if not self._cues.has("kept_out_before_unless", after):
                    found += [f for f in kinds[:1] if f not in found]
            for match in self._cues.find("kept_out", said):
                words = said[: match.start()].split()
                mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
                kinds = [f for f in mentions.features if self._kb.features[f].workloads]
                found += [f for f in kinds[-1:] if f not in found]
            # "windows-free": a workload's name straight before it, no other word between
            for match in self._cues.find("kept_out_next", said):
                words = said[: match.start()].split()
                mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
                kinds = [f for f in mentions.features if self._kb.features[f].workloads]
                if words and mentions.feature_words[-1]:
                    found += [f for f in kinds[-1:] if f not in found]
        return found

    def _negated_list(self, tail: str, window: int = NEGATION_WINDOW) -> list[str]:
        """The features a negation covers: the first named within a few words of it, and
        those listed after it with "and", "or" ("don't need jwt or opa"); not what a later
        phrase asks for ("without sidecars that can run wasm" still wants Wasm)."""
        words = tail.split()
        found = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
        named = found.feature_words
        start = next((i for i, n in enumerate(named) if n), None)
        if start is None or start > window:
            return []
        field = self._cues.words["field"]
        before = words[:start]
        while before and before[-1] in field:  # "in-cluster encryption": the feature's own
            before.pop()
        if any(w in field for w in before):
            return []  # "without sidecars and do fips": the negation took "sidecars"
        end = start
        while end < len(words) and (named[end] or words[end] in LIST_WORDS):
            end += 1
        if self._cues.starts("by_hand", " ".join(words[end:])):
            return []  # "don't want to do upgrades by hand": the chore, not the feature
        return find_mentions(words[start:end], self._kb.mesh_index, self._kb.feature_index).features

    def _narrowed(self, features: list[str], normalised: str) -> list[str]:
        """A broader feature said with a narrower kind's `narrowed_by` words is that kind
        ("rate limiting across all replicas" asks for global rate limiting), and a narrower kind
        named stands for its broader one: the answer is about the kind asked."""
        for narrower, broader, pattern in self._narrowed_by:
            if broader in features and narrower not in features and pattern.search(normalised):
                features = [narrower if f == broader else f for f in features]
        narrowed = {self._kb.features[f].narrows for f in features if f in self._kb.features}
        return [f for f in features if f not in narrowed]

    def _by_name(self, normalised: str) -> list[str]:
        """Features said with a `named_by` word that no `loosely_*` word beside it softens
        ("need mTLS", not "mtls-ish auth" nor "something like mTLS")."""
        found = []
        for feature, pattern in self._named_by:
            for match in pattern.finditer(normalised):
                after = normalised[match.end() :].strip()
                before = " ".join(normalised[: match.start()].split()[-LOOSE_BEFORE:])
                loose = self._cues.starts("loosely_after", after) or any(
                    m.end() == len(before) for m in self._cues.find("loosely_before", before)
                )
                if not loose:
                    found.append(feature)
                    break
        return found

    def _in_full(self, text: str, normalised: str) -> list[str]:
        """Features named right after an `in_full` cue ("real mutual TLS", "full mTLS"), or
        earlier in the clause an `in_full_after` cue closes ("FIPS 140 validated crypto for
        all traffic is non-negotiable")."""
        found = self._qualified(text, normalised, "in_full", "in_full_after")
        return found + [f for f in self._emphasised(text) if f not in found]

    def _released(self, text: str, normalised: str) -> list[str]:
        """Features asked for generally available: named right after a `released` cue ("GA
        mTLS"), earlier in the clause a `released_after` cue closes ("need mTLS GA not beta"),
        or all of them where a `released_all` cue is said ("no preview features")."""
        if self._cues.has("released_all", normalised):
            mentions = find_mentions(
                normalised.split(), self._kb.mesh_index, self._kb.feature_index
            )
            return mentions.features
        return self._qualified(text, normalised, "released", "released_after")

    def _qualified(self, text: str, normalised: str, before_cue: str, after_cue: str) -> list[str]:
        """Features named within a few words after a `before_cue`, or earlier in the clause an
        `after_cue` closes."""
        tokens = normalised.split()
        found: list[str] = []
        spans = []
        for match in self._cues.find(before_cue, normalised):
            at = len(normalised[: match.end()].split())
            spans.append(tokens[at : at + IN_FULL_SPAN])
        before = ""
        for clause in CLAUSES.split(text):
            said = normalise(clause)
            for match in self._cues.find(after_cue, said):
                # ", no exceptions" opening a clause closes the one before it
                opened = said[: match.start()].split() or before.split()
                spans.append(opened[-IN_FULL_BEFORE:])
            before = said
        for span in spans:
            mentions = find_mentions(span, self._kb.mesh_index, self._kb.feature_index)
            found += [f for f in mentions.features if f not in found]
        return found

    def _emphasised(self, text: str) -> list[str]:
        """A feature whose words are stressed, or that starts right after a stressed word
        ("auditors want *mutual* TLS", "**real** mtls"): the stress asks for it in full."""
        found: list[str] = []
        for match in _EMPHASIS.finditer(text):
            stressed = normalise(match.group(2)).split()
            words = normalise(text[match.start(2) :]).split()[: len(stressed) + IN_FULL_SPAN]
            mentions = find_mentions(words, self._kb.mesh_index, self._kb.feature_index)
            named = mentions.feature_words
            first = next((i for i, n in enumerate(named) if n), None)
            if first is not None and first <= len(stressed):
                end = first
                while end < len(words) and named[end]:
                    end += 1
                lead = find_mentions(words[first:end], self._kb.mesh_index, self._kb.feature_index)
                found += [f for f in lead.features[:1] if f not in found]
        return found

    def _clause_breaks(self) -> str:
        words = sorted(self._cues.words["clause_break"], key=len, reverse=True)
        return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" if words else r"$^"

    def _suggest(self, leftovers: list[str]) -> list[str]:
        names: list[str] = []
        for word in leftovers[:8]:
            for index, kind in ((self._kb.mesh_index, "mesh"), (self._kb.feature_index, "feature")):
                for entity in index.suggest(word, limit=2):
                    label = f"{kind}:{entity}"
                    if label not in names:
                        names.append(label)
        return names[:4]


def _in(word: str, vocabulary: frozenset[str]) -> bool:
    """A word of the vocabulary, or its singular ("resource" for "resources")."""
    return word in vocabulary or f"{word}s" in vocabulary


def _stand_ins(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Feature -> the facts that stand for it: a flag whose constraint asks that feature of
    an offering (one mesh spanning clusters: multi-cluster; a must-not such as "no sidecars" is
    a setup of its own), and what the signals setting that flag set beside it (a cluster count
    said in no number)."""
    out: dict[str, set[str]] = {}
    for constraint in kb.rules.constraints:
        if not constraint.feature or constraint.test != "has_feature":
            continue
        facts = out.setdefault(constraint.feature, {constraint.fact})
        for signal in kb.rules.signals:
            if constraint.fact in signal.set:
                facts.update(signal.set)
    return {feature: frozenset(facts) for feature, facts in out.items()}


def _with_meshes(r: _Reading, meshes: list[str]) -> _Reading:
    """The reading with these meshes as the ones it names."""
    return dataclasses.replace(r, found=dataclasses.replace(r.found, meshes=meshes))


def _questions(text: str) -> frozenset[str]:
    """The clauses a question mark closes, normalised as the identity reader leaves them; a
    parenthesis is part of its clause, commas and all ("added latency with cilium (envoy per
    node)?", "added p99 with istio ambient (ztunnel only, no waypoint)?")."""
    text = _ASIDE.sub(_one_clause, _INLINE_CODE.sub(_unpunctuated, text))
    parts = _CLAUSE_ENDS.split(_PARENS.sub(" ", text))
    return frozenset(
        " ".join(normalise(clause).split())
        for clause, end in zip(parts[::2], parts[1::2], strict=False)  # the last has no end
        if "?" in end
    )


def _confirmed(text: str, confirming: frozenset[str]) -> list[str]:
    """The clauses a question asking only whether they are so follows ("heard nginx service
    mesh got retired, true?", "osm is dead, right?"), normalised: asked, not stated."""
    parts = _CLAUSE_ENDS.split(_PARENS.sub(" ", text))
    clauses = [" ".join(normalise(c).split()) for c in parts[::2]]
    ends = parts[1::2]
    return [
        clauses[i - 1]
        for i in range(1, min(len(clauses), len(ends)))
        if "?" in ends[i] and clauses[i] in confirming and clauses[i - 1]
    ]


def _left_open(text: str) -> set[str]:
    """The last sentence, normalised, where no mark closes it after others a question mark
    closes ("… right? can we use it inside our SaaS product"): it asks too."""
    parts = _CLAUSE_ENDS.split(_PARENS.sub(" ", text.rstrip()))
    if len(parts) < 3 or "?" not in "".join(parts[1::2]):
        return set()
    last = " ".join(normalise(parts[-1]).split())
    return {last} if last else set()


def _asked_parts(text: str) -> frozenset[str]:
    """What each sentence a question mark closes asks, normalised: its last part after a dash
    or colon ("follow up to the istio/linkerd thing above — how does kuma compare to linkerd
    then?" asks the part after the dash), its commas kept ("out of linkerd and kuma, which
    does circuit breaking?")."""
    sentences = _ASKED.findall(_INLINE_CODE.sub(_unpunctuated, text))
    return frozenset(normalise(_ASKED_PART.split(s)[-1]) for s in sentences)


def _as_percentile(said: re.Match[str]) -> str:
    """ "99th percentile" as "p99", "99.9th percentile" as "p999"."""
    return f"p{said.group(1)}{said.group(2) or ''}"


def _unpunctuated(code: re.Match[str]) -> str:
    """Inline code without the marks that end a clause: "`x-canary: true`" is one header."""
    return _CLAUSE_MARKS.sub(" ", code.group(0))


def _one_clause(aside: re.Match[str]) -> str:
    """A parenthesis without the marks that part clauses within a sentence, its question
    marks kept: "(ztunnel only, no waypoint)" is one clause."""
    return _CLAUSE_PARTS.sub(" ", aside.group(0))


def _addressing(names: frozenset[str]) -> LazyPattern:
    """The bot's own names as typed ("@meshbot", "ty mesh bot"): an address, like a Slack
    mention, never a name asked about."""
    longest_first = sorted(names, key=len, reverse=True)
    spelled = [r"[\s_-]*".join(map(re.escape, name.split())) for name in longest_first]
    return LazyPattern(rf"@?\b(?:{'|'.join(spelled)})\b" if spelled else r"$^", re.IGNORECASE)


def _need_denied(words: dict[str, frozenset[str]]) -> LazyPattern | None:
    """A need denied in the writer's own words: a negator, up to four words that qualify the
    need ("no compliance", "security hasn't"), then the need itself ("ask for", "asked for",
    "requirement for"): "no compliance ask for internal mtls", "nobody on the team has asked
    for mtls". A pronoun or a hedge in between starts another thought ("not sure we need mtls",
    "no sidecars because we need mtls"), so it breaks the reach."""
    negators, needs = words["negators"], words["need_words"]
    if not negators or not needs:
        return None
    stops = "|".join(re.escape(w) for w in sorted(words["negation_stops"]))
    gap = rf"(?:\s+(?!(?:{stops})\b)\w+){{0,4}}?" if stops else r"(?:\s+\w+){0,4}?"
    first = "|".join(re.escape(w) for w in sorted(negators, key=len, reverse=True))
    then = "|".join(re.escape(w) for w in sorted(needs, key=len, reverse=True))
    return LazyPattern(rf"\b(?:{first}){gap}\s+(?:{then})\b")


def _headers(marks: list[str]) -> LazyPattern:
    """A request header's name given a value ("`x-canary: true`", "x-user-group=beta",
    rules.yaml `header_marks`): the header a request carries, whose own words ("canary")
    ask about no feature."""
    said = "|".join(re.escape(normalise(m)) for m in marks)
    return LazyPattern(rf"\b(?:{said})-[a-z0-9][\w-]*(?=\s*[:=])" if said else r"$^", re.I)


def _possessive(makers: set[str]) -> LazyPattern:
    """A maker's possessive ("google's managed mesh"): the maker's name, so the offering's
    own name reads whole."""
    longest_first = sorted(makers, key=len, reverse=True)
    names = "|".join(r"\s+".join(map(re.escape, m.split())) for m in longest_first)
    return LazyPattern(rf"\b({names})['’]s\b" if names else r"$^", re.IGNORECASE)


def _code_words(text: str) -> str:
    """Pasted code with the words of its camelCase names said too ("accessPolicy: audit" is
    also "access policy audit", "RequestMirror" "request mirror"): what a snippet configures
    names the features it asks about."""

    def spelled(code: re.Match[str]) -> str:
        return _CAMEL.sub(
            lambda m: f"{m.group(0)} {re.sub('(?<=[a-z0-9])(?=[A-Z])', ' ', m.group(0))}",
            code.group(0),
        )

    return CODE.sub(spelled, text)
