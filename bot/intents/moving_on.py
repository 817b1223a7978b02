"""What to do next about the offering they run, when it is going: "wait osm is archived?? we're
on AKS w/ the OSM addon. what now", "running OSSM 2.x on OpenShift, heard it's going EOL. whats
the upgrade path?", "running traefik mesh … project looks dead upstream? what should replace it".

Such a message asks for a pick among what may replace it, whatever status words it holds:
the status is why they ask, and the answer says it first. Three things are read:

- theirs: the mesh they say they run (the requirement reader's `incumbent` or
  `retired_mesh` fact);
- going: that mesh is retired or inactive, or they name a line of it other than the one its
  offering's name ends on (OSSM 2 beside Red Hat OpenShift Service Mesh 3) beside a
  `lifecycle` word, or the licence policy they state rules its licence out ("legal says no
  BUSL. we run consul connect … what replaces consul?": they must leave it). An older release
  of a mesh upgraded in place ("we're on linkerd stable-2.14.10, are we out of support?
  what's the upgrade path") is that release's status;
- an open ask: a question (or the last sentence, asked without a mark) holding a `next_step`
  phrase ("what now", "upgrade path", "what should replace it", "options?"), or a `recommend`
  or `decision` one, and naming no mesh but theirs ("we run OSM, what do we lose moving to
  Linkerd?" compares the two).

A status asked with no mesh said to be theirs stays a status question ("is osm really
archived? what replaces it on aks", "what replaces nginx service mesh?"), and so does a status
alone asked of the one they run ("we run osm on aks, is it still maintained?").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.intents.clauses import QUESTION, last_sentence
from bot.intents.cues import CuePhrases
from bot.intents.requirements import RETIRED
from bot.intents.stances import INCUMBENT
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.licences import banned_licences
from bot.knowledge.models import FactValue

THEIRS = (INCUMBENT, RETIRED)  # facts naming the mesh they run
ASKING = ("next_step", "recommend", "decision", "decision_opening")  # groups asking what next


class MovingOn:
    """Reads whether a message asks what to do about the going offering it says it runs."""

    def __init__(
        self,
        kb: KnowledgeBase,
        cues: CuePhrases,
        release_of: Callable[[str, str], str | None],
        meshes_in: Callable[[str], list[str]],
    ) -> None:
        """`release_of(text, mesh_id)`: a release said right after the mesh's name in the text
        as written, of another line than the one its offering's name ends on (None if none);
        `meshes_in(normalised)`: the meshes some words name."""
        self._kb = kb
        self._cues = cues
        self._release_of = release_of
        self._meshes_in = meshes_in

    def theirs(self, facts: dict[str, FactValue], meshes: Iterable[str]) -> str | None:
        """The mesh named that they say they run, if any."""
        named = set(meshes)
        said = (facts.get(key) for key in THEIRS)
        return next((m for m in said if isinstance(m, str) and m in named), None)

    def going(self, text: str, mesh_id: str, facts: dict[str, FactValue]) -> bool:
        """Their mesh is retired or inactive, or a line of it other than the one its offering's
        name ends on is said beside a status word ("OSSM 2.x … going EOL"), or the licence
        policy they state rules it out ("legal says no BUSL" of Consul)."""
        mesh = self._kb.meshes[mesh_id]
        if not mesh.is_current:
            return True
        if mesh.fit and mesh.fit.licence in banned_licences(facts.get("licence")):
            return True
        status = self._cues.has("lifecycle", f" {normalise(text)} ")
        return status and self._release_of(text, mesh_id) is not None

    def asks_next(self, text: str, theirs: str) -> bool:
        """A question, or the message's last sentence, asks what to do next, openly: naming no
        mesh but theirs ("we run OSM, what do we lose moving to Linkerd?" asks of Linkerd)."""
        return any(
            self._cues.has(group, f" {asked} ") and set(self._meshes_in(asked)) <= {theirs}
            for asked in _asking(text)
            for group in ASKING
        )

    def asks(self, text: str, facts: dict[str, FactValue], meshes: Iterable[str]) -> bool:
        """They run a named mesh that is going, and ask what to do next."""
        mesh = self.theirs(facts, meshes)
        return mesh is not None and self.going(text, mesh, facts) and self.asks_next(text, mesh)


def _asking(text: str) -> list[str]:
    """The sentences that ask, normalised: those a question mark closes, and the last one."""
    asked = [normalise(s) for s in QUESTION.findall(text)]
    if last := last_sentence(text):
        asked.append(normalise(last))
    return [" ".join(s.split()) for s in asked if s.strip()]
