"""What decides between meshes before any feature does: how each is built, who stands
behind it and how its releases reach users, and what its proxy costs in memory.

Every sentence is composed from the knowledge base (data_plane, license, cncf, project,
distribution, version, overhead), each with its sources.
"""

from __future__ import annotations

import re

from bot.answers.citations import Citations
from bot.answers.figures import lead_figure
from bot.answers.phrasing import first_sentence
from bot.answers.results import Statement, StatementList
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Basis, CncfStatus, Figure, Mesh, Metric
from bot.knowledge.wording import figure_text

HEADLINE_METRIC = Metric.proxy_memory
NOT_COMPARABLE = "not comparable: different sources"
_MODE = re.compile(r"\s*\([^)]*\)$")  # "Istio (sidecar mode)"

Line = tuple[str, list[str]]  # the text for one mesh, and the sources behind it


def architecture(meshes: list[Mesh], cite: Citations) -> Line:
    """The data plane of each mesh (the proxy, its language, sidecar or not); meshes with
    the same data plane share one entry."""
    groups: dict[str, list[str]] = {}
    for mesh in meshes:
        groups.setdefault(mesh.data_plane.summary, []).append(mesh.name)
    sources = cite.cite(s for m in meshes for s in m.data_plane.sources)
    if len(groups) == 1 and len(meshes) > 1:
        return f"All: {next(iter(groups))}.", sources
    return "; ".join(f"{_names(names)}: {text}" for text, names in groups.items()) + ".", sources


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _governance(mesh: Mesh) -> Line:
    cncf = f", CNCF {mesh.cncf.value}" if mesh.cncf != CncfStatus.none else ""
    if mesh.project:
        return f"{mesh.license}{cncf}; {mesh.project.steward}", mesh.project.sources
    distribution = mesh.distribution.sources if mesh.distribution else []
    return f"{mesh.license}{cncf}", distribution or mesh.sources[:1]


def _project(mesh: Mesh) -> str:
    """The project's name without the mode an entry covers: "Istio (sidecar mode)" is Istio."""
    return _MODE.sub("", mesh.name)


def _releases(kb: KnowledgeBase, mesh: Mesh) -> Line:
    """A distribution's upstream against the current one (what sets it apart in a comparison,
    whatever else its release model says); else the project's release model."""
    dist = mesh.distribution
    base = kb.meshes.get(mesh.based_on or "")
    if mesh.project and not (dist and base and dist.upstream_version):
        return mesh.project.releases.rstrip("."), mesh.project.sources
    if dist and base and dist.upstream_version:
        support = (
            f"; {first_sentence(dist.support).split('; ')[0].rstrip('.')}" if dist.support else ""
        )
        return (
            f"ships {_project(base)} {dist.upstream_version}; upstream {_project(base)} is at "
            f"{base.version.current}{support}",
            [*dist.sources, *base.version.sources[:1]],
        )
    return f"current release {mesh.version.current}", mesh.version.sources


def _headline_figures(kb: KnowledgeBase, meshes: list[Mesh]) -> tuple[dict[str, Figure], bool]:
    """Each mesh's best-ranked proxy-memory figure (as the cost answer headlines it), and
    whether they all come from one source."""
    picked = {m.id: f for m in meshes if (f := lead_figure(kb, m, HEADLINE_METRIC))}
    return picked, len({f.sources[0] for f in picked.values()}) <= 1


def _source_label(kb: KnowledgeBase, figure: Figure) -> str:
    source = kb.sources[figure.sources[0]]
    vendor = ", vendor-run" if source.vendor_authored else ""
    return f"{source.publisher} {source.date.year}{vendor}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:].rstrip(".") + "."


def _memory(kb: KnowledgeBase, figure: Figure | None) -> Line:
    if figure is None:
        return "no sourced proxy-memory figure", []
    # What the figure is comes first, as the reader compares it at once: another mesh's
    # measurement (whose source the mark cites), or a peak rather than a typical value.
    lender = kb.meshes.get(figure.borrowed_from or "")
    who = f"borrowed: {lender.name.split(' (')[0]}" if lender else _source_label(kb, figure)
    if figure.basis != Basis.measured:  # a card's budget: the one word ("peak", "guidance")
        who = f"{figure.basis.value.replace('_', ' ')}, {who}"
    label = f"proxy memory {figure_text(figure)} ({who})"
    return label, list(figure.sources)


def deciding_facts(kb: KnowledgeBase, meshes: list[Mesh], cite: Citations) -> StatementList:
    """Per mesh: licence and governance, release and support model, proxy memory."""
    figures, comparable = _headline_figures(kb, meshes)
    items = []
    for mesh in meshes:
        lines = [_governance(mesh), _releases(kb, mesh), _memory(kb, figures.get(mesh.id))]
        items.append(
            Statement(
                label=mesh.name,
                text=" ".join(_sentence(text) for text, _ in lines),
                sources=cite.cite(i for _, ids in lines for i in ids),
            )
        )
    note = "" if comparable else f" (memory figures {NOT_COMPARABLE})"
    return StatementList(heading=f"What decides{note}", items=items)
