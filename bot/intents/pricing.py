"""A paid offering's price complained of (rules.yaml `priced_out`): "our Gloo Mesh renewal
quote roughly tripled" leaves the paid edition, not the open-source project under it; "hashicorp
renewal came in at roughly 3x" leaves Consul, source-available, for an open-source mesh. A
licence said only to renew ("enterprise licence renews next quarter") is one they hold."""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, LicenceKind

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")
# a setup's clauses about what it holds run on past a semicolon ("…; the licence renews")
_FULL_STOP = re.compile(r"(?<=[.!?])\s+|\n+")


class PriceReader:
    """Reads which paid offering's price a setup complains of (patterns built once)."""

    def __init__(self, kb: KnowledgeBase, complaint: LazyPattern | None) -> None:
        said = kb.rules.priced_out
        self._set: dict[str, FactValue] = dict(said.set) if said else {}
        self._said_instead: dict[str, FactValue] = dict(said.asked_instead) if said else {}
        self._price = word_pattern([normalise(w) for w in said.words]) if said else None
        self._rise = word_pattern([normalise(w) for w in said.rises]) if said else None
        self._overhead = word_pattern([normalise(w) for w in said.unless]) if said else None
        self._held = word_pattern([normalise(w) for w in said.held]) if said else None
        self._trial = word_pattern([normalise(w) for w in kb.rules.trial_phrases])
        self._complaint = complaint
        # a current offering that is not open source (sold under its vendor's licence, or
        # source-available with a paid edition: Consul): what a price is paid for
        self._paid = {
            normalise(alias): mesh.id
            for mesh in kb.meshes.values()
            if mesh.is_current and mesh.fit and mesh.fit.licence != LicenceKind.open_source
            for alias in (mesh.id, mesh.name, *mesh.known_as)
        }
        self._names = word_pattern(list(self._paid))

    @property
    def sets(self) -> dict[str, FactValue]:
        """The facts a price complained of sets, where the setup has not said them."""
        return self._set

    def priced_out(self, text: str, running: str | None) -> str | None:
        """The paid offering whose price a sentence complains of: one it names, else the one
        they run (`running`) when that one is paid for."""
        if not (self._price and self._names):
            return None
        for sentence in _SENTENCE_BREAK.split(text):
            said = normalise(sentence)
            if not (self._price.search(said) and self._risen(said)):
                continue
            if self._overhead and self._overhead.search(said):
                continue  # "sidecars are too expensive in memory": an overhead
            if named := self._names.search(said):
                return self._paid[named.group(0)]
            if running in self._paid.values():
                return running
        return None

    def asked_instead(self, text: str, facts: dict[str, FactValue]) -> dict[str, FactValue]:
        """What a price said to be too much sets beside what it leaves for (`set`: open source
        only), where the message asks for that itself ("that will be expensive, what is the
        open-source option?"): the support contract is no more bought than the licence."""
        said = self._said_instead
        if not said or any(facts.get(k) != v for k, v in self._set.items()):
            return {}
        if not (self._price and any(self._priced(s) for s in _SENTENCE_BREAK.split(text))):
            return {}
        return {k: v for k, v in said.items() if k not in facts}

    def _priced(self, sentence: str) -> bool:
        """A price said to be too much, not an overhead ("too expensive in memory")."""
        said = normalise(sentence)
        if not (self._price and self._price.search(said) and self._risen(said)):
            return False
        return not (self._overhead and self._overhead.search(said))

    def held(self, text: str) -> str | None:
        """The paid offering a sentence says their licence for renews ("consul on 2 AKS
        clusters …, enterprise licence renews next quarter"), with no rise complained of and
        nothing said to be only weighed: one they hold and run."""
        if not (self._held and self._names):
            return None
        for sentence in _FULL_STOP.split(text):
            said = normalise(sentence)
            if not self._held.search(said) or self._risen(said):
                continue
            if self._trial and self._trial.search(said):
                continue  # "evaluating kong mesh; our openshift subscription renews"
            named = {self._paid[m.group(0)] for m in self._names.finditer(said)}
            if len(named) == 1:
                return named.pop()
        return None

    def _risen(self, said: str) -> bool:
        return any(p is not None and p.search(said) for p in (self._rise, self._complaint))
