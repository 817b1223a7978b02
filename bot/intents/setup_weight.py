"""How much setup a message carries, weighed against what its question asks.

"fargate, 60 svcs. security wants mTLS between tasks and JWT at the mesh. service connect
looked nice but idk if it does either??" closes on one offering's features, yet what comes
before it (where it runs, its size, the needs said as statements) asks for a pick: the pick
answers the offering asked about among the rest (ruled out, with its row). A question that
carries little setup ("which ones let our old ec2 vms join the mesh") stays a list or a check.
The groups of facts and the weight that is enough live in rules.yaml (`setup_weight:`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.intents.cues import CuePhrases
from bot.intents.extract import find_mentions
from bot.intents.models import IntentKind
from bot.intents.numbers import CODE
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase

_SENTENCE = re.compile(r"[^.;!?\n]+[.;!?\n]*")  # a sentence and the marks that end it
_CLAUSE = re.compile(r"[,:()\u2014]+")  # where a sentence's clauses part


class SetupWeigher:
    """Weighs the setup a message states, for questions asked of one offering or for a list."""

    def __init__(self, kb: KnowledgeBase, cues: CuePhrases) -> None:
        self._kb = kb
        self._cues = cues
        weight = kb.rules.setup_weight
        self._groups = [frozenset(facts) for facts in weight.groups.values()]
        self._enough = weight.enough
        self._several = weight.several

    def carries_setup(
        self,
        text: str,
        said: Collection[str],
        features: Collection[str],
        told: Callable[[str], Collection[str]] | None = None,
    ) -> bool:
        """Enough setup to ask for a pick: several needs stated, and enough weight (each group
        with a fact `said`, and each clause stating a need, weighs one). A clause that names
        no feature may tell the problem one solves (`told`: the features its words rank
        first, "there was no way to shift traffic back partially")."""
        if not self._enough:
            return False
        clauses = self._stated(text, set(features), told)
        if len({f for clause in clauses for f in clause}) < self._several:
            return False
        groups = sum(1 for group in self._groups if group & set(said))
        return groups + len(clauses) >= self._enough

    @staticmethod
    def outweighs(kind: IntentKind, meshes: Collection[str], picks_between: bool = False) -> bool:
        """A question the setup said with it outweighs: a check of one offering's features, a
        list of the meshes with them, or a comparison that asks which of the meshes set
        against each other fits them (`picks_between`: "istio sidecar vs ambient for us?
        ~3000 pods on AKS … we need a few legacy VMs in the mesh and multi-cluster"), a pick
        among those named. "istio sidecar vs ambient, what's the difference?" asks none."""
        one_checked = kind == IntentKind.feature_check and len(meshes) == 1
        picked = kind == IntentKind.compare and len(meshes) >= 2 and picks_between
        return one_checked or picked or (kind == IntentKind.which_meshes and not meshes)

    def _stated(
        self,
        text: str,
        features: set[str],
        told: Callable[[str], Collection[str]] | None = None,
    ) -> list[set[str]]:
        """The needs (of `features`, the ones read) each clause states, clause by clause, in
        the sentences no question mark closes; clauses that state none are left out. A pasted
        snippet ("retryOn: 503") shows what is configured, no need stated. A sentence opening
        on an `asks_of` word asks, with or without its mark ("does linkerd support bringing
        our own CA for the workload certs or only the trust anchor"): it states no need."""
        index, meshes = self._kb.feature_index, self._kb.mesh_index
        stated = []
        for sentence in _SENTENCE.findall(CODE.sub(" ", text)):
            if "?" in sentence or self._cues.starts("asks_of", normalise(sentence)):
                continue
            for clause in _CLAUSE.split(sentence):
                said = normalise(clause)
                found = find_mentions(said.split(), meshes, index).features
                if not found and told is not None:
                    found = list(told(said))  # the problem told, not the feature named
                if needs := set(found) & features:
                    stated.append(needs)
        return stated
