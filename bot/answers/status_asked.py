"""What a status question asks of one maintained mesh beyond its latest version: whether it is
ready for production ("is ambient production ready? GA?"), what a release brings ("whats new
in istio 1.32?"), or a release newer than any held ("is Istio 2.0 out?").

Each lead says only what the knowledge base holds: the maintainers' GA statement
(`generally_available`) and the Alpha or Beta labels on its feature rows (`stage`), the newest
release recorded and where its release notes are. Release notes' contents are never held, so
they are never summarised: the link is the answer.
"""

from __future__ import annotations

from bot.answers.features import STAGES, in_sentence
from bot.answers.releases import release_name, release_project
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Mesh, SourceKind

MAX_STAGED = 4  # the features short of GA named in a readiness lead


def readiness_lead(kb: KnowledgeBase, mesh: Mesh) -> tuple[str, list[str]]:
    """'Yes: Istio ambient mode is generally available since 1.24 (2024-11-07). Still short of
    GA in it: multi-cluster (Beta), Wasm extensions (Alpha).' and its sources; without a GA
    statement held, that it is maintained and what is still Alpha or Beta in it."""
    ga = mesh.generally_available
    staged = _staged(kb, mesh)
    if ga:
        said = f"Yes: {mesh.name} is generally available since {ga.since} ({ga.on})."
        sources = list(ga.sources)
    else:
        said = (
            f"{mesh.name} is maintained (latest version {mesh.version.current}); I hold no "
            "Alpha or Beta label on it as a whole."
        )
        sources = list(mesh.version.sources)
    if staged:
        named = ", ".join(f"{text} ({label})" for text, label, _ in staged[:MAX_STAGED])
        more = len(staged) - MAX_STAGED
        rest = f" and {more} more" if more > 0 else ""
        said += f" Still short of GA in it, by its maintainers' own labels: {named}{rest}."
        sources += [s for _, _, row in staged[:MAX_STAGED] for s in row[:1]]
    return said, sources


def _staged(kb: KnowledgeBase, mesh: Mesh) -> list[tuple[str, str, list[str]]]:
    """Its features labelled Alpha or Beta (`stage`), Beta first: name, label, sources."""
    rows = [
        (in_sentence(kb.features[fid]), STAGES[row.stage], row.sources)
        for fid, row in mesh.features.items()
        if row.stage and row.level not in (Level.no, Level.unknown) and fid in kb.features
    ]
    return sorted(rows, key=lambda r: r[1] != "Beta")


def news_lead(kb: KnowledgeBase, mesh: Mesh, version: str | None) -> tuple[str, list[str]]:
    """'I don't hold what release notes say, so I won't list what Istio 1.32 brings. The newest
    release I hold is 1.32 (1.32.0), as of 2026-12-06; its release notes: [1].'"""
    asked = asked_release(mesh, version) if version else f"the latest {project_name(mesh)}"
    notes = _notes(kb, mesh, version)
    said = (
        f"I don't hold what release notes say, so I won't list what {asked} brings. {_newest(mesh)}"
    )
    if version and beyond_newest(kb, mesh, version):
        said += f" I have no record of {asked_release(mesh, version)}."
    if notes:
        said += " Its release notes are the source to read."
    return said, notes or list(mesh.version.sources)


def beyond_newest(kb: KnowledgeBase, mesh: Mesh, version: str) -> bool:
    """Whether a release asked about is newer than the newest line recorded ("Istio 2.0")."""
    project = release_project(kb, mesh)
    newest = max((m.number for m in project.minors), default=None) if project else None
    asked = tuple(int(n) for n in f"{version}.0".split(".")[:2] if n.isdigit())
    return newest is not None and len(asked) == 2 and asked > newest


def unreleased_lead(mesh: Mesh, version: str) -> tuple[str, list[str]]:
    """'Not by my records: I have no record of Istio 2.0. The newest Istio release I hold is
    1.32 (1.32.0), as of …; a later one may have shipped since.'"""
    said = f"Not by my records: I have no record of {asked_release(mesh, version)}. {_newest(mesh)}"
    return f"{said[:-1]}; a later one may have shipped since.", list(mesh.version.sources)


def _newest(mesh: Mesh) -> str:
    return (
        f"The newest {project_name(mesh)} release I hold is {mesh.version.current}, "
        f"as of {mesh.version.as_of}."
    )


def project_name(mesh: Mesh) -> str:
    """Its name as its releases go by: 'Istio' for Istio (sidecar mode)."""
    return mesh.name.split(" (")[0]


def asked_release(mesh: Mesh, version: str) -> str:
    """'Istio 2.0', as release_name says it, without the mode in brackets."""
    name = release_name(mesh, version)
    return name.replace(mesh.name, project_name(mesh), 1)


def _notes(kb: KnowledgeBase, mesh: Mesh, version: str | None) -> list[str]:
    """The release notes held for the release asked (else for the newest release)."""
    project = release_project(kb, mesh)
    minor = project.minor(version) if project and version else None
    held = [*(minor.sources if minor else []), *mesh.version.sources]
    notes = [s for s in held if s in kb.sources and kb.sources[s].kind == SourceKind.release_notes]
    return list(dict.fromkeys(notes))[:1]
