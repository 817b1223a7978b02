"""The kind a message's question sentence asks, over what its context would read as.

A message often carries context before its question: a setup, a pasted `istioctl version`
or `kubectl top`, the reason they ask. Read whole, that context can look like a setup asking
for a pick ("… 1.20.3 (412 proxies). are we out of support?") or a list of sources asked
again ("how fresh is your data?"). The question sentence decides the kind; the context only
informs it (the mesh a pasted tool belongs to, the release it prints).

The words live in rules.yaml `phrases:` under the groups named in `ASKED`; a mesh's command
line tool is its name with one of `phrases: cli_suffixes` (istioctl, kumactl).

The question proper ends where its sentence goes on to an alternative (`phrases:
alternative_clause`: "can it do that *or do we need something else*", "can we run linkerd on
openshift *or is OSSM the only real option there*") or to the reason it is asked
(`reason_given`: "is istio's sidecar mode being deprecated *now that ambient is GA*"): what
comes after is context. `core` is the message without it, to be read on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intents.clauses import SENTENCE_END
from bot.intents.cues import CuePhrases
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.versions import NUMBER
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase


@dataclass(frozen=True)
class Asked:
    """A kind (and aspect) a question sentence asks for, and what readings it overrides."""

    group: str  # the rules.yaml `phrases:` group whose words ask it
    kind: IntentKind
    aspect: Aspect | None
    over: frozenset[IntentKind]  # the readings of the whole message it replaces
    needs_mesh: bool  # asked of one mesh: without one the whole message's reading stands
    keeps_meshes: bool = True  # False: a mesh named is a yardstick ("over the istio docs")


_SETUP_READINGS = frozenset(
    {
        IntentKind.recommend,
        IntentKind.compare,
        IntentKind.feature_check,
        IntentKind.which_meshes,
        IntentKind.explain,
        IntentKind.unknown,
        IntentKind.help,
        IntentKind.lifecycle,  # one that found no mesh to ask of
    }
)
_ANY_SOURCES = frozenset(
    {
        IntentKind.sources,
        IntentKind.recommend,
        IntentKind.explain,
        IntentKind.unknown,
        IntentKind.help,
    }
)
# whose figures are independent is asked of the figures a cost question would give too
_FIGURES_TOO = _ANY_SOURCES | {IntentKind.cost, IntentKind.lightest}

# Most specific first: the first group a question sentence says decides.
ASKED: tuple[Asked, ...] = (
    # "are we out of support?", "can we jump straight to latest?": the release they run
    Asked("asks_release_support", IntentKind.lifecycle, None, _SETUP_READINGS, True),
    # "how fresh is your data?", "when was the knowledge base last updated"
    Asked("asks_freshness", IntentKind.sources, Aspect.freshness, _ANY_SOURCES, False),
    # "any independent benchmarks or is it all vendor marketing?"
    # (a mesh named is whose figures: "that linkerd number is from buoyant, anything independent?")
    Asked("asks_independence", IntentKind.sources, Aspect.independence, _FIGURES_TOO, False),
    # "why should I trust you over the istio docs?", "how do you know any of this?"
    Asked("asks_method", IntentKind.sources, Aspect.method, _ANY_SOURCES, False, False),
)

# The rules.yaml fact a base said of a product sets ("it's istio-based")
BASE_FACT = "built_on"

_VERSION_SAID = re.compile(rf"\bversion\s*[:=]\s*{NUMBER}", re.I)


def question_sentences(text: str) -> list[str]:
    """The sentences that ask (end with a question mark); the last sentence if none does."""
    parts = re.split(rf"(?<=[?])|{SENTENCE_END.pattern}", text)
    asked = [p for p in re.split(r"(?<=\?)", text) if p.strip().endswith("?")]
    if asked:
        return [re.split(SENTENCE_END.pattern, a.rstrip("?"))[-1] for a in asked]
    said = [p for p in parts if p and p.strip()]
    return said[-1:]


OR = "or"  # a comparing word, but also what opens every alternative clause

# A reading of the question proper that answers it more narrowly than the whole message's
NARROW = frozenset({IntentKind.feature_check, IntentKind.lifecycle, IntentKind.explain})
# Readings of the whole message that a narrower one of its question proper replaces
WIDE = frozenset({IntentKind.recommend, IntentKind.compare})


class AskedKinds:
    """Reads the kind a message's question sentences ask (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, cues: CuePhrases) -> None:
        self._kb = kb
        self._cues = cues
        self._suffixes = tuple(cues.words.get("cli_suffixes", ()))

    def asked(self, text: str, read_as: IntentKind) -> Asked | None:
        """The kind the question sentences ask, when it differs from `read_as` and may
        replace it."""
        sentences = [normalise(s) for s in question_sentences(text)]
        for asked in ASKED:
            if read_as not in asked.over or (
                read_as == asked.kind and asked.aspect is None and not asked.needs_mesh
            ):
                continue
            if any(self._cues.has(asked.group, s) for s in sentences):
                return asked
        return None

    def core(self, text: str) -> str | None:
        """The message with its last question sentence cut before an alternative or a reason
        clause after the question (see the module docstring); None where it has neither."""
        asks = list(re.finditer(r"[^?]*\?", text))
        end = asks[-1].end() if asks else len(text)
        start = max((m.end() for m in SENTENCE_END.finditer(text, 0, end - 1)), default=0)
        sentence = text[start:end]
        cuts = [
            m.start()
            for group in ("alternative_clause", "reason_given")
            for m in self._cues.find(group, normalise(sentence))
            if m.start() > 0
        ]
        if not cuts:
            return None
        kept = _prefix(sentence, min(cuts)).rstrip(" ,—-")
        if self._cues.has("sufficiency", normalise(kept)):
            return None  # "is cilium enough or do we add a mesh?": a decision over both
        tail = normalise(text[start + len(kept) :])
        if any(m.group(0) != OR for m in self._cues.find("compare", tail)):
            return None  # "… or are there real differences vs upstream? compare pls": asked
        return f"{text[:start]}{kept}?" if kept.strip() else None

    @staticmethod
    def narrower(read_as: IntentKind, meshes: list[str], core: Intent) -> bool:
        """Whether the question proper's reading answers it where the whole message's did
        not: a pick or comparison asked of what is really a check of one mesh ("… we're on
        linkerd — can it do that or do we need something else?"), or the same kind of
        question about another subject than the reason clause named ("is istio's sidecar
        mode being deprecated now that ambient is GA?"), or a concept asked to be explained
        ("what is mTLS and do I really need a mesh to get it?": its answer says what doing
        without a mesh gives)."""
        concept = core.kind == IntentKind.explain and bool(core.features) and not core.meshes
        if core.kind not in NARROW or not (core.meshes or concept) or core.unresolved:
            return False
        if core.kind == IntentKind.explain and not concept and "platform" not in core.facts:
            return False  # only "does it run on X": a mesh explained is no narrower
        if read_as in WIDE:
            return True
        return read_as == core.kind and set(meshes) != set(core.meshes)

    def base_checked(self, intent: Intent, setup: frozenset[str]) -> Intent | None:
        """A feature asked of a product I don't know, said to be built on a mesh I do ("does
        HyperMesh Pro do FIPS? vendor says it's istio-based"): no pick, but that base's row,
        after the answer says it doesn't know the product. None where a setup is said too."""
        base = intent.facts.get(BASE_FACT)
        if intent.kind != IntentKind.recommend or not (intent.unknown_names and intent.features):
            return None
        if not isinstance(base, str) or base not in self._kb.meshes or set(intent.facts) & setup:
            return None
        update = {"kind": IntentKind.feature_check, "meshes": [base], "facts": {}, "options": []}
        return intent.model_copy(update=update)

    def mesh_of(self, text: str, meshes: list[str]) -> str | None:
        """The one mesh the message is about: the one named, else the one whose command line
        tool it pastes ("istioctl version" is Istio's)."""
        if len(meshes) == 1:
            return meshes[0]
        if meshes:
            return None
        words = set(re.findall(r"[a-z0-9-]+", text.lower()))
        found = {
            mesh.id
            for mesh in self._kb.meshes.values()
            for name in (mesh.id, *mesh.known_as)
            if " " not in name and {f"{name.lower()}{s}" for s in self._suffixes} & words
        }
        return next(iter(found)) if len(found) == 1 else None

    @staticmethod
    def printed_version(text: str) -> str | None:
        """The release a pasted tool prints ("control plane version: 1.20.3"), as major.minor;
        the lowest where it prints several."""
        said = [v.split(".")[:2] for v in _VERSION_SAID.findall(text)]
        if not said:
            return None
        lowest = min(said, key=lambda v: tuple(int(p) for p in v))
        return ".".join(lowest)


def _prefix(sentence: str, normalised_at: int) -> str:
    """The sentence as written up to a position counted in its normalised text."""
    wanted = len(normalise(sentence)[:normalised_at].split())
    seen, kept = 0, 0
    for match in re.finditer(r"\S+", sentence):
        if seen >= wanted:
            break
        seen += len(normalise(match.group(0)).split())
        kept = match.end()
    return sentence[:kept]
