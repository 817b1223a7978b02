"""A project named in a role other than a mesh: "Cilium is already our CNI" runs Cilium as
the CNI, not Cilium Service Mesh. A flag with a `mesh` and `role` words (rules.yaml facts,
`cilium_cni`) set true, with a role word said and the mesh never named whole ("cilium service
mesh", "cilium mesh"), leaves no incumbent mesh: the project's mesh is an option like any
other, weighed by what running it as the CNI saves."""

from __future__ import annotations

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

INCUMBENT = "incumbent"


class RoleReader:
    """Drops the incumbent a project's bare name set where it was said in another role."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._roles: list[tuple[str, str, LazyPattern, LazyPattern | None]] = []
        for fact in kb.rules.facts:
            if not (fact.mesh and fact.role and fact.mesh in kb.meshes):
                continue
            mesh = kb.meshes[fact.mesh]
            role = word_pattern(normalise(w) for w in fact.role)
            whole = word_pattern({normalise(a) for a in mesh.known_as} - {normalise(mesh.id)})
            if role is not None:
                self._roles.append((fact.id, mesh.id, role, whole))

    def settle(self, normalised: str, facts: dict[str, FactValue]) -> None:
        """Takes the incumbent out where it is only the project run in the flag's role."""
        for flag, mesh, role, whole in self._roles:
            if facts.get(flag) is not True or facts.get(INCUMBENT) != mesh:
                continue
            if role.search(normalised) and not (whole and whole.search(normalised)):
                del facts[INCUMBENT]
