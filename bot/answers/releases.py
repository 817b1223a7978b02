"""Whether one release of a mesh is still supported: "is istio 1.20 still supported?".

The answer comes from the mesh's `project.minors` (published end-of-life dates, and the lines
supported as of `project.as_of`) and its `project.releases` (the support policy). A release the
knowledge base has no record of is never guessed: the answer gives the policy and says so,
unless the project publishes every line older than its supported ones as ended
(`project.earlier_lines_ended`).
"""

from __future__ import annotations

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh, Minor, Project, StableBuilds


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
    """The release named as asked: the version takes the place of the major line an
    offering's name ends on ("Red Hat OpenShift Service Mesh 3", asked of 2.6 or 3.4)."""
    head, _, last = mesh.name.rpartition(" ")
    if head and last.isdigit():
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
    builds = mesh.fit.stable_builds if mesh.fit else None
    if minor is None and builds and builds.last_line:
        return _vendor_stable(mesh, version, builds), [*builds.sources, *project.sources]
    if minor is None and project.ended_by_policy(version):
        line = ".".join(version.split(".")[:2])
        said = (
            f"{release_name(mesh, line)} is past its end of life: the project publishes every "
            "line older than the ones it maintains as end of life, with no date per line. "
            f"{policy}"
        )
        return said + _behind(project, _number(line)) + _supported_now(project), list(
            project.sources
        )
    if minor is None:
        said = f"I can't confirm the support status of {named}: I have no record"
        said += f" of that release. {policy}{_supported_now(project)}"
        return said, list(project.sources)
    sources = [*minor.sources, *project.sources]
    eol = minor.end_of_life
    if eol is not None and eol <= project.as_of:
        said = f"{release_name(mesh, minor.version)} reached end of life {minor.ended}."
        hops = _hops(project, minor) or f" {policy}"  # the way up, else how releases go
        said += f"{_behind(project, minor.number)}{_supported_now(project)}{hops}"
        return said, [*sources, *project.upgrade_sources]
    if eol is not None:
        said = f"{release_name(mesh, minor.version)} is supported until"
        said += f" {minor.ended.split(' ', 1)[1]}"
        said += " (its published end of life)."
        return f"{said}{_supported_now(project, minor)}", sources
    said = (
        f"{release_name(mesh, minor.version)} is supported as of {project.as_of}; no end-of-life "
        "date "
        f"is published for it. {policy}"
    )
    return f"{said}{_supported_now(project, minor)}", sources


def _vendor_stable(mesh: Mesh, version: str, builds: StableBuilds) -> str:
    """A release of a project that ships stable builds no more, only through a vendor: at or
    before its last stable release of its own, that line gets no more fixes from it."""
    asked = tuple(int(n) for n in version.split(".")[:2])
    own = f"{builds.last_own} ({builds.last_own_on})" if builds.last_own_on else builds.last_own
    free = (
        f", free in production only for companies under {builds.free_below} employees"
        if builds.free_below
        else ""
    )
    vendor = f"Stable builds with fixes backported come from {builds.edition}{free}."
    newest = f"The project's newest version is {mesh.version.current}."
    if asked <= builds.last_line:
        said = (
            f"{mesh.name} {version} gets no more fixes from the project: its last stable release "
            f"of its own was {own}, and since then it ships only edge releases."
        )
    else:
        said = (
            f"The {mesh.name} project ships no stable {version} of its own: only edge releases "
            f"since {own}."
        )
    return f"{said} {vendor} {newest}"


def _number(line: str) -> tuple[int, int]:
    """'1.15' as (1, 15)."""
    major, minor = line.split(".")
    return int(major), int(minor)


def _behind(project: Project, asked: tuple[int, int]) -> str:
    """' It is 10 minor releases behind the newest, 1.32.' ('' on another major line)."""
    newest = max(project.minors, key=lambda m: m.number, default=None)
    if newest is None or newest.number[0] != asked[0]:
        return ""
    gap = newest.number[1] - asked[1]
    if gap <= 0:
        return ""
    plural = "release" if gap == 1 else "releases"
    return f" It is {gap} minor {plural} behind the newest, {newest.version}."


def _hops(project: Project, asked: Minor) -> str:
    """' Upgrade path: … 1.23 → 1.25 → … → 1.32, 5 hops.' where the project documents how
    many minors one upgrade may cross ('' where it does not, or on another major line)."""
    newest = max(project.minors, key=lambda m: m.number, default=None)
    span = project.upgrade_span
    if not span or newest is None or newest.number[0] != asked.number[0]:
        return ""
    major, start, end = asked.number[0], asked.number[1], newest.number[1]
    if end <= start:
        return ""
    stops = [*range(start + span, end, span), end]
    path = " → ".join(f"{major}.{n}" for n in [start, *stops])
    plural = "hop" if len(stops) == 1 else "hops"
    return (
        f" Upgrade path: one upgrade may cross at most {span} minor releases, so {path}"
        f" ({len(stops)} {plural}), each a canary (revision) upgrade."
    )


def _supported_now(project: Project, asked: Minor | None = None) -> str:
    """' Supported as of <date>: 1.31, 1.30.' (the asked line left out), or '' if none."""
    lines = [m.version for m in project.supported() if m != asked]
    if not lines:
        return ""
    also = "Also supported" if asked else "Supported"
    return f" {also} as of {project.as_of}: {', '.join(lines)}."
