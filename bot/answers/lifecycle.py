"""Which meshes are retired, archived or inactive: status, date and successor for each.

A question that names meshes ("is kuma still being developed?", "has nginx service mesh
been abandoned?") is answered for them first: a retired one's status, date and successors lead every
answer that names it (bot/answers/notices.py); a current one's latest version and how its
project ships releases lead this one. The other retired meshes follow.
"""

from __future__ import annotations

from bot.answers import scoring
from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.notices import status_line
from bot.answers.phrasing import mesh_names
from bot.answers.releases import release_lead, release_name, release_project
from bot.answers.results import Answer, Part, Section, Statement, StatementList
from bot.answers.status_asked import (
    asked_release,
    beyond_newest,
    news_lead,
    project_name,
    readiness_lead,
    unreleased_lead,
)
from bot.answers.steps import standard_steps, step
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Mesh


def lifecycle(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    named = [kb.meshes[m] for m in intent.meshes if m in kb.meshes]
    maintained = [m for m in named if m.is_current]
    if len(maintained) == 1 == len(named) and (asked := _status_asked(kb, intent, named[0]))[0]:
        return _asked_of_status(kb, intent, named[0], asked, cite)
    if intent.version and len(named) == 1:
        return _release(kb, intent, named[0], intent.version, cite)
    gone = [m for m in kb.meshes.values() if not m.is_current]
    items = [
        _gone(kb, m, cite)
        for m in gone
        if m not in named  # a named one's status leads the answer already
    ]
    points: list[Part] = []
    details: list[Section] = []
    lead_sources: list[str] = []
    lead = _lead(kb, named, gone)
    if named == maintained and len(maintained) == 1:  # the lead says all of it
        said, why = _releases_for_setup(kb, intent, maintained[0])
        lead = f"{lead} {said}".rstrip()
        lead_sources = cite.cite([*_status_sources(maintained[0]), *why])
    elif maintained:
        asked = [_maintained(m, cite) for m in maintained]
        points.append(StatementList(heading="What you asked about", items=asked))
    if items and named != maintained:  # asked about current meshes only: nothing retired asked
        listed = StatementList(heading="Status, date and successor", items=items)
        if named:  # asked about a retired one: the other retired meshes are one click away
            details.append(Section(key="retired", label="Other retired meshes", parts=[listed]))
        else:
            points.append(listed)
    steps = [
        step(f"Explain {m.name}", IntentKind.explain, meshes=[m.id]) for m in (named or gone)[:2]
    ] + standard_steps(kb, IntentKind.lifecycle)[:2]
    return build_answer(
        kb,
        intent,
        cite,
        title=_title(kb, named, maintained),
        lead=lead,
        lead_sources=lead_sources,
        points=points,
        details=details,
        next_steps=steps,
    )


def _title(kb: KnowledgeBase, named: list[Mesh], maintained: list[Mesh]) -> str:
    """What the lead answers: one current mesh asked about leads with its latest version and
    support ("whats the latest istio version" is not asked as "is it maintained?")."""
    if named and named == maintained and len(maintained) == 1:
        return f"{maintained[0].name}: latest version and support"
    if maintained:
        names = mesh_names(kb, [m.id for m in maintained])
        return f"{'Are' if len(maintained) > 1 else 'Is'} {names} maintained?"
    return "Retired and inactive meshes"


def _status_asked(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> tuple[str, str, list[str]]:
    """What one maintained mesh's status question asks beyond its support, as a title, a lead
    and its sources: readiness, a release's news, or a release newer than any held; else
    empty."""
    version = intent.version
    if intent.aspect == Aspect.news:
        lead, sources = news_lead(kb, mesh, version)
        asked = asked_release(mesh, version) if version else project_name(mesh)
        return f"What's new in {asked}?", lead, sources
    if version and beyond_newest(kb, mesh, version):
        lead, sources = unreleased_lead(mesh, version)
        return f"Is {asked_release(mesh, version)} out?", lead, sources
    if intent.aspect == Aspect.readiness and not version:
        lead, sources = readiness_lead(kb, mesh)
        return f"Is {mesh.name} ready for production?", lead, sources
    return "", "", []


def _asked_of_status(
    kb: KnowledgeBase,
    intent: Intent,
    mesh: Mesh,
    asked: tuple[str, str, list[str]],
    cite: Citations,
) -> Answer:
    """The status question's own ask answered first, then the mesh's version and support."""
    title, lead, sources = asked
    about = [_maintained(mesh, cite)]
    steps = [step(f"Explain {mesh.name}", IntentKind.explain, meshes=[mesh.id])]
    return build_answer(
        kb,
        intent,
        cite,
        title=title,
        lead=lead,
        lead_sources=cite.cite(sources),
        points=[StatementList(heading="What you asked about", items=about)],
        next_steps=steps + standard_steps(kb, IntentKind.lifecycle)[:2],
    )


def _release(
    kb: KnowledgeBase, intent: Intent, mesh: Mesh, version: str, cite: Citations
) -> Answer:
    """One release asked about: its end of life or support, then the mesh's status."""
    lead, sources = release_lead(mesh, release_project(kb, mesh), version)
    about = [_maintained(mesh, cite) if mesh.is_current else _gone(kb, mesh, cite)]
    steps = [step(f"Explain {mesh.name}", IntentKind.explain, meshes=[mesh.id])]
    return build_answer(
        kb,
        intent,
        cite,
        title=f"Is {release_name(mesh, version)} supported?",
        lead=lead,
        lead_sources=cite.cite(sources),
        points=[StatementList(heading="What you asked about", items=about)],
        next_steps=steps + standard_steps(kb, IntentKind.lifecycle)[:2],
    )


def _gone(kb: KnowledgeBase, mesh: Mesh, cite: Citations) -> Statement:
    """A retired or inactive mesh's status, date and successors."""
    text = status_line(kb, mesh)
    return Statement(label=mesh.name, text=text, sources=cite.cite(mesh.sources[:2]))


def _lead(kb: KnowledgeBase, named: list[Mesh], gone: list[Mesh]) -> str:
    """What the meshes asked about are: a current one's version and how its project ships
    releases; a retired one's status leads every answer already (bot/answers/notices.py), so
    only the others gone follow it. Asked about none, the retired meshes and the maintained
    ones: that list is the answer."""
    maintained = [m for m in named if m.is_current]
    if len(maintained) == 1:
        return _current_lead(kb, maintained[0])
    if maintained:
        return f"Not retired: {mesh_names(kb, [m.id for m in maintained])} are maintained."
    others = [m.id for m in gone if m not in named]
    if named:
        if not others:
            return "No other mesh in my knowledge base is retired."
        return f"Also no longer current: {mesh_names(kb, others)}."
    retired = mesh_names(kb, [m.id for m in gone])
    current = mesh_names(kb, [m.id for m in kb.current_meshes()])
    if not gone:
        return f"Every mesh in my knowledge base is maintained: {current}."
    return (
        f"{len(gone)} meshes in my knowledge base are no longer current: {retired}. "
        f"Maintained: {current}."
    )


def _current_lead(kb: KnowledgeBase, mesh: Mesh) -> str:
    """One maintained mesh asked about: its latest version first (what "what's the latest
    istio version?" asks), then that it is not retired, said without a bare "Yes" that would
    read as agreeing with "is it being retired?", then the lines supported and how it ships."""
    project = release_project(kb, mesh)
    supported = [m.version for m in project.supported()] if project else []
    lines = f" Supported lines: {', '.join(supported)}." if supported else ""
    latest = f"Latest {mesh.name} version: {mesh.version.current}, as of {mesh.version.as_of}."
    return f"{latest} It is maintained, not retired.{lines} {_release_model(mesh)}".rstrip()


def _releases_for_setup(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> tuple[str, list[str]]:
    """What its release model means for the setup they told ("open source only, no vendor
    contract: is Linkerd OK given the stable releases?"): the mesh screened as if stable
    releases were wanted, and, where that rules it out (its stable builds are only in a
    vendor's edition their setup closes), why, with its sources; else nothing."""
    told = {k: v for k, v in intent.facts.items() if k in scoring.weighed_facts(kb)}
    if not mesh.fit or not mesh.fit.stable_builds or not told:
        return "", []
    screened = scoring.evaluate(kb, {**told, "stable_releases": True}, [mesh]).of(mesh.id)
    if not screened.out:
        return "", []
    reasons = [r for r in screened.reasons if r.sources]
    if not reasons:
        return "", []
    why = "; ".join(r.text for r in reasons)
    return (
        f"For what you said: {why}, so open-source {mesh.name} means running its edge "
        "releases in production.",
        [x for r in reasons for x in r.sources],
    )


def _release_model(mesh: Mesh) -> str:
    """'Since 2.15 the project ships only edge releases …'; for a vendor's distribution, whose
    releases are its vendor's, how long that vendor supports them ('Solo supports n-3 Gloo
    Mesh versions and n-4 minor versions of its Istio distribution'); else ''."""
    if mesh.project:
        said = mesh.project.releases.rstrip(".")
    elif mesh.distribution and mesh.distribution.support:
        said = f"Support: {mesh.distribution.support.rstrip('.')}"
    else:
        return ""
    return f"{said[:1].upper()}{said[1:]}."


def _maintained(mesh: Mesh, cite: Citations) -> Statement:
    """A current mesh's latest version and how its project ships releases."""
    version = mesh.version
    text = f"{mesh.status.value.capitalize()}: version {version.current} (as of {version.as_of})."
    if mesh.project:
        releases = mesh.project.releases
        text += f" {releases[:1].upper()}{releases[1:]}."
    return Statement(label=mesh.name, text=text, sources=cite.cite(_status_sources(mesh)))


def _status_sources(mesh: Mesh) -> list[str]:
    """Where a current mesh's version and release model (or its vendor's support) come from."""
    sources = list(mesh.version.sources)
    if mesh.project:
        sources += [s for s in mesh.project.sources if s not in sources]
    elif mesh.distribution and mesh.distribution.support:
        sources += [s for s in mesh.distribution.sources if s not in sources]
    return sources
