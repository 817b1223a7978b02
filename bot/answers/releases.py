"""Whether one release of a mesh is still supported: "is istio 1.20 still supported?".

The answer comes from the mesh's `project.minors` (published end-of-life dates, and the lines
supported as of `project.as_of`) and its `project.releases` (the support policy). A release the
knowledge base has no record of is never guessed: the answer gives the policy and says so.
"""

from __future__ import annotations

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh, Minor, Project


def release_project(kb: KnowledgeBase, mesh: Mesh) -> Project | None:
    """The project whose release lines answer for the mesh: its own, or, where it records
    none, a sibling mode's (Istio's ambient and sidecar modes ship in one release)."""
    beside = mesh.mode_aliases.beside if mesh.mode_aliases else []
    siblings = [kb.meshes[i] for i in beside if i in kb.meshes]
    siblings += [
        m for m in kb.meshes.values() if m.mode_aliases and mesh.id in m.mode_aliases.beside
    ]
    lined = [m.project for m in siblings if m.project and m.project.minors]
    if mesh.project and (mesh.project.minors or not lined):
        return mesh.project
    return lined[0] if lined else mesh.project


def release_name(mesh: Mesh, version: str) -> str:
    """The release named as asked: a release of another major line than the one an
    offering's name ends on ("Red Hat OpenShift Service Mesh 3", asked of 2.6) takes that
    number's place."""
    head, _, last = mesh.name.rpartition(" ")
    if head and last.isdigit() and version.split(".")[0] != last:
        return f"{head} {version}"
    return f"{mesh.name} {version}"


def release_lead(mesh: Mesh, project: Project | None, version: str) -> tuple[str, list[str]]:
    """The lead sentence about one release, and the ids of the sources behind it."""
    named = release_name(mesh, version)
    if project is None:
        said = f"I can't confirm the support status of {named}: I have no record"
        return f"{said} of its release and support policy.", list(mesh.version.sources)
    minor = project.minor(version)
    policy = f"Policy: {project.releases}."
    if minor is None:
        said = f"I can't confirm the support status of {named}: I have no record"
        said += f" of that release. {policy}{_supported_now(project)}"
        return said, list(project.sources)
    sources = [*minor.sources, *project.sources]
    eol = minor.end_of_life
    if eol is not None and eol <= project.as_of:
        said = f"{mesh.name} {minor.version} reached end of life on {eol}."
        return f"{said}{_supported_now(project)}", sources
    if eol is not None:
        said = f"{mesh.name} {minor.version} is supported until {eol} (its published end of life)."
        return f"{said}{_supported_now(project, minor)}", sources
    said = (
        f"{mesh.name} {minor.version} is supported as of {project.as_of}; no end-of-life date "
        f"is published for it. {policy}"
    )
    return f"{said}{_supported_now(project, minor)}", sources


def _supported_now(project: Project, asked: Minor | None = None) -> str:
    """' Supported as of <date>: 1.31, 1.30.' (the asked line left out), or '' if none."""
    lines = [m.version for m in project.supported() if m != asked]
    if not lines:
        return ""
    also = "Also supported" if asked else "Supported"
    return f" {also} as of {project.as_of}: {', '.join(lines)}."
