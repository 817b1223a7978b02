"""Free text (slash-command or mention) to a typed Intent.

Cost is bounded for any input: text beyond MAX_TEXT is not parsed at all, and
at most MAX_TOKENS words are scanned for names. Every cue word comes from
rules.yaml (`phrases:`, `signals:`, fact units), never from this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions, SignalReader, find_mentions
from bot.intents.models import MAX_COMPARE, MAX_NAME, Intent, IntentKind
from bot.intents.numbers import NumberReader
from bot.intents.requirements import RequirementReader, setup_facts
from bot.knowledge.aliases import STOPWORDS, normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType, FactValue

MAX_TEXT = 1_000
MAX_TOKENS = 60
ECHO_CHARS = 120
MAX_UNKNOWN = 4
NOT_NEEDED = "not_needed"
_SEPARATORS = frozenset({"vs", "versus", "v", "or", "and", "against", "than", "between", "to"})
_CLAUSES = re.compile(r"[,.;:!?()\n]+")


@dataclass
class _Reading:
    """What one pass over the text found, before it is classified."""

    normalised: str
    remaining: str
    found: Mentions
    features: list[str]
    facts: dict[str, FactValue]
    unknown: list[str]
    notes: list[str]


class IntentParser:
    """Understands questions against one knowledge base (indexes built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._signals = SignalReader(kb.rules)
        self._numbers = NumberReader(kb.rules)
        self._requirements = RequirementReader(kb)
        self._cues = CuePhrases(kb.rules.phrases)
        # Facts some decision rule or constraint tests: knowing one makes a question a
        # recommendation.
        self._deciding = {fact for rule in kb.rules.rules for fact in rule.when}
        self._deciding |= {constraint.fact for constraint in kb.rules.constraints}
        self._setup = setup_facts(kb.rules)
        self._vocabulary = self._known_words()

    def _known_words(self) -> frozenset[str]:
        """Every word the knowledge base uses: none of them is an unknown mesh's name."""
        kb = self._kb
        phrases = [a for m in kb.meshes.values() for a in (m.id, m.name, *m.aliases)]
        phrases += [a for f in kb.features.values() for a in (f.id, f.name, *f.aliases)]
        phrases += [p for s in kb.rules.signals for p in s.phrases]
        phrases += [u for f in kb.rules.facts for u in f.units]
        phrases += self._requirements.platform_words()
        phrases += [w for words in self._cues.words.values() for w in words]
        return frozenset(word for phrase in phrases for word in normalise(phrase).split())

    # ------------------------------------------------------------------ parsing

    def parse(self, text: str) -> Intent:
        text = text.strip()
        echo = text[:ECHO_CHARS]
        if len(text) > MAX_TEXT:
            return Intent(kind=IntentKind.too_long, text=echo)
        reading = self._read(text)
        if reading is None:
            return Intent(kind=IntentKind.help, text=echo)
        kind, unsure = self._classify(reading)
        return self._intent(reading, kind, unsure, echo)

    def parse_follow_up(self, text: str, context: Intent) -> Intent:
        """A reply in the bot's thread: the thread's meshes, sizes and constraints carry on.

        "and cilium?" adds a mesh to the thread's question, "what if we had 500 pods?"
        re-asks it with the new size, "why not ambient?" compares against it. A complete
        new question keeps only the thread's facts.
        """
        fresh = self.parse(text)
        if context.kind in (IntentKind.too_long, IntentKind.unknown) or fresh.kind in (
            IntentKind.help,
            IntentKind.greeting,
            IntentKind.out_of_scope,
            IntentKind.sources,
            IntentKind.features,
            IntentKind.too_long,
        ):
            return fresh
        facts = {**context.facts, **fresh.facts}
        normalised = normalise(text)
        building = self._cues.starts("follow_up", normalised) or fresh.kind in (
            IntentKind.unknown,
            IntentKind.not_in_kb,
        )
        if not building and fresh.kind != IntentKind.recommend and not fresh.meshes:
            building = bool(fresh.facts) and not fresh.features
        if not building:
            return fresh.model_copy(update={"facts": facts})
        meshes = list(context.meshes)
        for mesh in fresh.meshes:
            if mesh not in meshes:
                meshes.append(mesh)
        kind = context.kind
        if fresh.meshes and kind in (IntentKind.explain, IntentKind.recommend):
            kind = IntentKind.compare
        if fresh.features and context.meshes:
            kind = IntentKind.feature_check
        features = fresh.features or context.features
        if kind == IntentKind.compare:
            meshes = meshes[-MAX_COMPARE:]
        return fresh.model_copy(
            update={
                "kind": kind,
                "meshes": meshes[:12],
                "features": features[:12],
                "facts": facts,
                "unknown_names": fresh.unknown_names or context.unknown_names,
            }
        )

    def _read(self, text: str) -> _Reading | None:
        tokens = normalise(text).split()[:MAX_TOKENS]
        if not tokens:
            return None
        normalised = " ".join(tokens)
        signalled, remaining = self._signals.read(normalised)
        counted, notes = self._numbers.read(text, set(signalled))
        required, unplaced = self._requirements.read(normalised)
        facts: dict[str, FactValue] = {**signalled, **required, **counted}
        # Features come from what names no platform: "bare-metal clusters" is Kubernetes.
        everything = find_mentions(unplaced.split(), self._kb.mesh_index, self._kb.feature_index)
        # Meshes come from what the signals left: "we run Cilium as our CNI" is context.
        found = find_mentions(remaining.split(), self._kb.mesh_index, self._kb.feature_index)
        negated = self._negated(text)
        features = [f for f in everything.features if f not in negated]
        if negated:
            facts[NOT_NEEDED] = negated[:12]
        for match in self._cues.find("unusable", normalised):
            notes.append(
                f"You said “{match.group(0)}”: nothing in my knowledge base weighs that yet, "
                "so this answer does not use it."
            )
        unknown = self._unknown_names(remaining, found, text)
        return _Reading(normalised, remaining, found, features, facts, unknown, notes)

    def _intent(self, r: _Reading, kind: IntentKind, unsure: bool, echo: str) -> Intent:
        meshes = r.found.meshes[:MAX_COMPARE] if kind == IntentKind.compare else r.found.meshes
        facts = dict(r.facts)
        if kind == IntentKind.recommend and r.features:
            said = facts.get("needs")
            stated = said if isinstance(said, list) else []
            facts["needs"] = list(dict.fromkeys([*stated, *r.features]))[:12]
        suggestions: list[str] = []
        if kind == IntentKind.unknown:
            suggestions = self._suggest(r.found.leftovers)
        for name in r.unknown:
            for mesh in self._kb.mesh_index.close(normalise(name)):
                label = f"mesh:{mesh}"
                if label not in suggestions and mesh not in meshes:
                    suggestions.append(label)
        return Intent(
            kind=kind,
            meshes=meshes[:12],
            features=r.features[:12],
            facts=facts,
            text=echo,
            suggestions=suggestions[:6],
            unknown_names=r.unknown,
            unsure=unsure,
            unread=r.notes[:4],
        )

    # ------------------------------------------------------------------ classifying

    def _classify(self, r: _Reading) -> tuple[IntentKind, bool]:
        """The kind of question, and whether that reading is a guess."""
        meshes, features, facts = r.found.meshes, r.features, r.facts
        cue = self._cue_in(r.remaining)
        named = bool(meshes or r.unknown)
        typo = bool(r.found.typos)
        # A setup described (platform, licence, support, must-nots) asks for a recommendation,
        # even when it names the mesh it runs or the features it needs.
        setup_only = bool(self._setup & set(facts))
        setup = setup_only and "mesh" in r.normalised.split()
        if not meshes and not features and cue("out_of_scope") and not setup:
            return IntentKind.out_of_scope, False
        if not named and not features:
            rest = self._cues.strip("greeting", r.remaining).split()
            if cue("greeting") and not facts and all(w in STOPWORDS for w in rest):
                return IntentKind.greeting, False
        recommend = cue("recommend") and len(meshes) < 2
        if not named and not features and not recommend and cue("help"):
            return IntentKind.help, False
        if not named and not features and cue("sources"):
            return IntentKind.sources, False
        if cue("features"):
            return IntentKind.features, False
        if not named and not features and cue("lifecycle"):
            return IntentKind.lifecycle, False
        if not named and not features and cue("lightest"):
            return IntentKind.lightest, False
        compared = self._compare_cued(r.remaining, len(meshes) + len(r.unknown))
        if recommend or (setup_only and self._describes_setup(r, cue)):
            return IntentKind.recommend, typo
        if len(meshes) >= 2 and compared and not cue("cost"):
            return IntentKind.compare, typo
        if cue("cost") or ("pods" in facts and not features):
            return IntentKind.cost, typo
        if features and cue("which_meshes") and not meshes:
            return IntentKind.which_meshes, typo
        if not meshes and self._deciding & set(facts):
            return IntentKind.recommend, typo
        if features and not meshes:
            return IntentKind.which_meshes, typo
        if len(meshes) >= 2:
            return IntentKind.compare, typo
        if compared and not features:
            if not named:
                return IntentKind.compare, True
            if not meshes:
                return IntentKind.not_in_kb, False
            return IntentKind.explain, typo
        if meshes and features:
            return IntentKind.feature_check, typo
        if meshes and self._deciding & set(facts) and not any(self._current(m) for m in meshes):
            return IntentKind.recommend, typo  # "we're on App Mesh with ECS today"
        if meshes:
            return IntentKind.explain, typo
        if facts or r.notes:
            return IntentKind.recommend, True
        if r.unknown:
            return IntentKind.not_in_kb, False
        return IntentKind.unknown, False

    def _describes_setup(self, r: _Reading, cue) -> bool:
        """A setup to recommend for, not a question about one or two meshes ("can Linkerd
        run on our AKS Windows pool?", "OSSM or Istio on OpenShift?") or a catalogue
        question ("which meshes let VMs join?") with no size to pick for."""
        current = [m for m in r.found.meshes if self._current(m)]
        if len(current) >= 2 or self._requirements.asks_about(r.normalised, current):
            return False
        sized = any(f.type == FactType.number and f.id in r.facts for f in self._kb.rules.facts)
        return not (r.features and not r.found.meshes and cue("which_meshes") and not sized)

    def _current(self, mesh_id: str) -> bool:
        return self._kb.meshes[mesh_id].is_current

    def _cue_in(self, remaining: str):
        padded = f" {remaining} "
        return lambda group: self._cues.has(group, padded)

    def _compare_cued(self, remaining: str, names: int) -> bool:
        """A comparison cue; a lone 'or' counts only between two names."""
        words = {m.group(0) for m in self._cues.find("compare", remaining)}
        return bool(words - {"or"}) or (bool(words) and names >= 2)

    # ------------------------------------------------------------------ pieces

    def _negated(self, text: str) -> list[str]:
        """Features named after a negation in the same clause: "we don't need mTLS"."""
        negated: list[str] = []
        for clause in _CLAUSES.split(text[:MAX_TEXT]):
            normalised = " ".join(normalise(clause).split()[:MAX_TOKENS])
            for part in re.split(self._clause_breaks(), normalised):
                match = next(iter(self._cues.find("negation", part)), None)
                if match is None:
                    continue
                tail = part[match.end() :].split()
                found = find_mentions(tail, self._kb.mesh_index, self._kb.feature_index)
                negated += [f for f in found.features if f not in negated]
        return negated

    def _clause_breaks(self) -> str:
        words = sorted(self._cues.words["clause_break"], key=len, reverse=True)
        return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" if words else r"$^"

    def _unknown_names(self, remaining: str, found: Mentions, text: str) -> list[str]:
        """Words where a mesh's name would stand that no mesh in the knowledge base has."""
        tokens = remaining.split()
        compared = bool(self._cues.find("compare", remaining))
        names: list[str] = []
        for i, word in enumerate(tokens):
            if found.used[i] or not self._could_be_name(word):
                continue
            after = tokens[i + 1 : i + 3]
            name = ""
            if after[:1] == ["mesh"] or after == ["service", "mesh"]:
                name = " ".join([word, *after[: after.index("mesh") + 1]])
            elif self._in_name_slot(tokens, i, compared):
                name = word
            if name and name not in names:
                names.append(name)
        return [self._as_written(name, text) for name in names[:MAX_UNKNOWN]]

    def _in_name_slot(self, tokens: list[str], i: int, compared: bool) -> bool:
        """'foomesh', 'X vs Y', 'explain X', 'does X support …': where a name stands."""
        word, before, after = tokens[i], " ".join(tokens[:i]), tokens[i + 1 : i + 2]
        if word.endswith("mesh") and len(word) > len("mesh") + 1:
            return True
        beside = {tokens[i - 1]} if i else set()
        if compared and (beside | set(after)) & (_SEPARATORS | {"compare"}):
            return True
        if any(before == p or before.endswith(" " + p) for p in self._cues.words["name_before"]):
            return True
        return before.endswith("does") and bool(set(after) & self._cues.words["name_then_asks"])

    def _could_be_name(self, word: str) -> bool:
        return (
            len(word) >= 2
            and word not in STOPWORDS
            and word not in self._vocabulary
            and not any(c.isdigit() for c in word)
        )

    @staticmethod
    def _as_written(name: str, text: str) -> str:
        """The name as the user typed it; all-lower-case names get a capital."""
        pattern = r"[\W_]+".join(re.escape(w) for w in name.split())
        match = re.search(rf"\b{pattern}\b", text, re.IGNORECASE)
        written = match.group(0) if match else name
        if written.islower():
            written = written[0].upper() + written[1:]
        return written[:MAX_NAME]

    def _suggest(self, leftovers: list[str]) -> list[str]:
        names: list[str] = []
        for word in leftovers[:8]:
            for index, kind in ((self._kb.mesh_index, "mesh"), (self._kb.feature_index, "feature")):
                for entity in index.suggest(word, limit=2):
                    label = f"{kind}:{entity}"
                    if label not in names:
                        names.append(label)
        return names[:4]
