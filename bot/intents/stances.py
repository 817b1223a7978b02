"""What a setup says of a mesh it does not run: refused, wanted or liked.

"The team refuses Istio after a bad experience", "we want ambient mode specifically", "team
likes Linkerd": a cue of one of rules.yaml's `refusals.stances` at most its `window` words
before a current mesh's name (no other mesh between), or right after it, in one clause, sets
that stance's fact to the mesh. A word right after the name can make it something else ("no
istio experience", "no istio sidecars"); a stance that is read `alone` is read only where it
governs one mesh ("we want istio or linkerd" asks which). Every word is in rules.yaml.
A mesh they run and refuse ("istio upgrades took down prod, no istio again") is one they leave.
A stance someone else holds (`others` earlier in the clause: "someone read a blog and now
wants istio", "our VP wants linkerd") is the team's only where the message does not doubt
having a mesh at all; where it does, it is the mesh doubted (`doubted_as`).
"""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.clauses import CLAUSES  # a stance is said within one clause
from bot.intents.lazy import LazyPattern
from bot.intents.requirements import RETIRED
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, MeshStance


class _Stance:
    """One stance's cues, as patterns (built once)."""

    def __init__(self, stance: MeshStance, names: LazyPattern) -> None:
        self.fact = stance.fact
        self.alone = stance.alone
        before = word_pattern(normalise(c) for c in stance.before)
        after = word_pattern(normalise(c) for c in stance.after)
        unless = word_pattern(normalise(w) for w in stance.unless_next)
        denials = word_pattern(normalise(w) for w in stance.unless_before)
        self._denied = LazyPattern(rf"{denials.pattern}\s+$") if denials else None
        gap = rf"(?:\s+\w+){{0,{stance.window}}}?"
        self._before = (
            LazyPattern(rf"{before.pattern}{gap}\s+$") if before else None
        )  # the cue, then up to `window` words, then the name
        self._after = LazyPattern(rf"^\s+{after.pattern}") if after else None
        self._unless = LazyPattern(rf"^\s+{unless.pattern}") if unless else None
        self._framed = [
            (
                LazyPattern(rf"\b{re.escape(normalise(head))}\s+$"),
                LazyPattern(rf"^\s+{tail.pattern}"),
            )
            for head, tails in stance.framed.items()
            if (tail := word_pattern(normalise(t) for t in tails))
        ]  # "never istio again": a word right before the name, one of its words right after
        self._names = names
        others = word_pattern(normalise(w) for w in stance.others)
        ours = word_pattern(normalise(w) for w in stance.ours)
        self._others = others  # "someone … now wants istio": the wish is theirs
        self._ours = ours
        self.doubted_as = stance.doubted_as
        self.given_up_first = stance.theirs_given_up_first

    def theirs(self, clause: str, name: re.Match[str]) -> bool:
        """Someone other than the team holds the stance governing this name: one of `others`
        said earlier in the clause, with none of `ours` after it ("our VP asked and we want
        istio" is the team's)."""
        if self._others is None:
            return False
        head = clause[: name.start()]
        said = list(self._others.finditer(head))
        if not said:
            return False
        return not (self._ours and self._ours.search(head[said[-1].end() :]))

    def governed(self, clause: str, name: re.Match[str]) -> bool:
        """The cue governs this name: before it (no other name between), right after it (no
        `unless_before` word right before the name: "is istio too complex?" asks), or both
        sides of it ("never istio again")."""
        rest = clause[name.end() :]
        if self._unless and self._unless.match(rest):
            return False
        head = clause[: name.start()]
        if any(h.search(head) and t.match(rest) for h, t in self._framed):
            return True
        if self._before and (cue := self._before.search(head)):
            denied = self._denied and self._denied.search(head[: cue.start()])
            return not (denied or self._names.search(head[cue.start() :]))
        if self._denied and self._denied.search(head):
            return False
        return bool(self._after and self._after.match(rest))


class StanceReader:
    """Reads rules.yaml `refusals.stances` from free text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._mesh_of = {
            normalise(alias): mesh.id
            for mesh in kb.meshes.values()
            if mesh.is_current and mesh.fit and mesh.fit.mesh
            for alias in (mesh.id, mesh.name, *mesh.aliases)
        }
        names = word_pattern(list(self._mesh_of))
        self._names = names
        self._stances = (
            [_Stance(s, names) for s in kb.rules.refusals.stances] if names is not None else []
        )
        self._preferred = kb.rules.refusals.preferred_fact

    def read(self, text: str, doubted: bool = False) -> dict[str, FactValue]:
        """Each stance's fact, set to the first mesh it governs (one read `alone` governs
        none in a clause naming several). Where the message `doubted` having a mesh at all,
        a stance someone else holds sets its `doubted_as` fact instead; where it does not,
        one `given_up_first` is listed under `refusals.preferred_fact` too."""
        if self._names is None:
            return {}
        governed: dict[str, list[str]] = {}
        preferred: list[str] = []
        for clause in map(normalise, CLAUSES.split(text)):
            names = list(self._names.finditer(clause))
            several = len({self._mesh_of[n.group(0)] for n in names}) > 1
            for stance in self._stances:
                if stance.alone and several:  # "we want istio or linkerd": which, not one
                    continue
                for name in names:
                    if not stance.governed(clause, name):
                        continue
                    fact = stance.fact
                    theirs = stance.theirs(clause, name)
                    if doubted and stance.doubted_as and theirs:
                        fact = stance.doubted_as  # "someone wants istio. do we need a mesh?"
                    elif theirs and stance.given_up_first:
                        preferred.append(fact)  # "our platform lead wants cilium": theirs
                    governed.setdefault(fact, []).append(self._mesh_of[name.group(0)])
        read: dict[str, FactValue] = {f: meshes[0] for f, meshes in governed.items() if meshes}
        if preferred and self._preferred:
            read[self._preferred] = list(dict.fromkeys(preferred))
        return read


INCUMBENT = "incumbent"  # the mesh they run
LEAVING = "leaving"  # the mesh they move off
LEAVING_LINE = "leaving_line"  # the major line of it they move off ("Linkerd 1.x")
REFUSED = "refused_mesh"  # the mesh they refuse
DOUBTED = "mesh_doubted"  # whether to have a mesh at all is the question


def settled(said: dict[str, FactValue], stances: dict[str, FactValue]) -> dict[str, FactValue]:
    """The facts with the stances read over them. A mesh they run or move off is theirs, no
    stance of a newcomer's, except a refusal of the mesh they run or leave: that mesh they
    leave ("we run istio … no istio again", "no more linkerd after that outage"), and it
    stays refused."""
    out = dict(said)
    refused = stances.get(REFUSED)
    if refused is not None and refused in (said.get(INCUMBENT), said.get(LEAVING)):
        if out.get(INCUMBENT) == refused:
            del out[INCUMBENT]
        out[LEAVING] = refused
        out[REFUSED] = refused
    theirs = {out.get(k) for k in (INCUMBENT, LEAVING, RETIRED)}
    for fact, value in stances.items():
        if isinstance(value, list):  # stances given up first, listed beside the must-nots
            had = out.get(fact)
            out[fact] = list(dict.fromkeys([*(had if isinstance(had, list) else []), *value]))
        elif fact not in out and value not in theirs:
            out[fact] = value
    return out
