"""Who sells support for a mesh: "who do we call for support if istio ambient breaks in prod
at 3am", "cilium service mesh license and who sells support".

From the mesh's `fit` (the vendors whose contracts cover it, the provider whose own offering it
is) and the supported builds of its project that include it (a distribution `based_on` it, or on
its sibling mode, that has the mode's feature): never a pick.
"""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Mesh

INCLUDED = (Level.yes, Level.partial, Level.enterprise)  # a build that has the mode, in part too


def support_lead(kb: KnowledgeBase, mesh: Mesh, cite: Citations) -> tuple[str, list[str]]:
    """Who supports the mesh, the supported builds that include it and its licence, with the
    marks of the sources behind them."""
    fit = mesh.fit
    if fit is None:
        said = f"I hold no record of who supports {mesh.name}, so I won't guess."
        return f"{said} Licence: {mesh.license}.", []
    if fit.provider:
        said = (
            f"{mesh.name} is {_vendor(kb, fit.provider)}'s own offering: support comes from them."
        )
    elif fit.support_from:
        vendors = _listed([_vendor(kb, v) for v in fit.support_from])
        said = f"Support contracts covering {mesh.name} come from {vendors}."
    else:
        said = f"I hold no vendor that sells a support contract for {mesh.name}."
    sources = list(fit.sources[:2])
    builds = _builds(kb, mesh)
    if builds:
        listed = _listed([f"{b.name} ({_vendors(kb, b)}{_partly(b, mesh)})" for b in builds])
        said += f" Supported builds of its project that include it: {listed}."
        sources += [s for b in builds if b.fit for s in b.fit.sources[:1] if s not in sources]
    return f"{said} Licence: {mesh.license}.", cite.cite(sources)


def _builds(kb: KnowledgeBase, mesh: Mesh) -> list[Mesh]:
    """Current distributions of the mesh's project, with a vendor's support, that include it:
    built on it or its sibling mode, and with the mode's own feature where it is a mode."""
    family = {mesh.id, *(mesh.mode_aliases.beside if mesh.mode_aliases else [])}
    family |= {
        m.id for m in kb.meshes.values() if m.mode_aliases and mesh.id in m.mode_aliases.beside
    }
    found = []
    for other in kb.current_meshes():
        if other.id == mesh.id or other.based_on not in family:
            continue
        if not (other.fit and (other.fit.support_from or other.fit.provider)):
            continue
        feature = mesh.as_feature
        if feature and other.features[feature].level not in INCLUDED:
            continue
        found.append(other)
    return found


def _partly(build: Mesh, mesh: Mesh) -> str:
    """'; in part' where the build has the mode only partly (a preview, an enterprise tier)."""
    feature = mesh.as_feature
    return "; in part" if feature and build.features[feature].level != Level.yes else ""


def _vendors(kb: KnowledgeBase, mesh: Mesh) -> str:
    fit = mesh.fit
    ids = [fit.provider] if fit and fit.provider else list(fit.support_from if fit else [])
    return _listed([_vendor(kb, v) for v in ids])


def _vendor(kb: KnowledgeBase, vendor: str) -> str:
    fact = kb.rules.fact("support")
    return fact.says(vendor) if fact else vendor


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
