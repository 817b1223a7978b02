"""Feature questions: does X support F, which meshes support F, the feature catalogue."""

from __future__ import annotations

import re

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations, evidence_date
from bot.answers.claims import claim_statements
from bot.answers.notices import status_detail
from bot.answers.phrasing import first_sentence, mesh_names
from bot.answers.platform_fit import runs_there
from bot.answers.platforms import platform_notes
from bot.answers.qualifiers import qualified
from bot.answers.results import Answer, Paragraph, Part, Section, Statement, StatementList
from bot.answers.screening import runs_beside
from bot.answers.setup_pick import for_setup, recommend_step, setup_of
from bot.answers.steps import standard_steps, step
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    Category,
    Feature,
    Level,
    Mesh,
    Platform,
    Status,
    Support,
)
from bot.knowledge.wording import LEVEL_WORDS, level_words

MAX_PER_LEVEL = 12  # bounded answers, whatever the size of the knowledge base
_ORDER = [Level.yes, Level.partial, Level.extension, Level.enterprise, Level.no, Level.unknown]


def in_sentence(feature: Feature) -> str:
    """The feature's name as it reads mid-sentence: 'mutual TLS (mTLS)', 'JWT validation'.

    Only an ordinary first word is lower-cased; acronyms, mixed case and words the
    feature's own prose capitalises mid-sentence (Kubernetes, Windows) stay as written.
    """
    first = feature.name.split()[0]
    prose = f"{feature.description} {feature.explanation}"
    proper = re.search(rf"[^.!?\s]\s+{re.escape(first)}\b", prose) is not None
    if proper or not first[1:].islower():
        return feature.name
    return first.lower() + feature.name[len(first) :]


def after_support(feature: Feature) -> str:
    """The name as it reads after the verb "support": 'gRPC', not 'gRPC support'."""
    return in_sentence(feature).removesuffix(" support")


def support_text(kb: KnowledgeBase, support: Support, verdict: str = "") -> str:
    """'yes (since 2.13, as of 2026-10). Note…' — the as-of is the newest source's date;
    `verdict`, where given, stands in place of the level's words (one verdict a line)."""
    base = kb.meshes.get(support.inherited_from) if support.inherited_from else None
    upstream = base.name.split(" (")[0] if base else ""
    when = [f"since {f'{upstream} ' if upstream else ''}{support.since}"] if support.since else []
    if as_of := evidence_date(kb, support.sources):
        when.append(f"as of {as_of:%Y-%m}")
    text = verdict or level_words(support.level, support.not_applicable)
    text += f" ({', '.join(when)})" if when else ""
    text = f"{text}. {support.note}".strip() if support.note else text + "."
    if base:
        text += f" Inherited from upstream {upstream}: not checked for this distribution."
    return text


def _checks(kb: KnowledgeBase, meshes: list[Mesh], features: list[Feature], cite: Citations):
    return [
        Statement(
            label=f"{mesh.name}: {feature.name}",
            text=support_text(kb, mesh.features[feature.id]),
            sources=cite.cite(mesh.features[feature.id].sources),
        )
        for mesh in meshes
        for feature in features
    ]


def _as_named(mesh: Mesh, feature: Feature, intent: Intent) -> str:
    """'no, not as its name promises: SigV4 signing instead of mutual TLS': asked by the
    feature's own name ("mTLS"), a partial row that lacks that part answers no, as a
    must-have said so is not met by it. It is the verdict, said once: not beside the row's
    own "partial", which would give two in one line."""
    row = mesh.features[feature.id]
    by_name = intent.facts.get("by_name")
    named = isinstance(by_name, list) and feature.id in by_name
    if not (named and row.level == Level.partial and row.lacks):
        return ""
    return f"no, not as its name promises: {row.lacks}"


def _single(kb: KnowledgeBase, mesh: Mesh, feature: Feature, intent: Intent, text: str) -> str:
    """The one row asked about, with the verdict the question's own words call for."""
    verdict = _as_named(mesh, feature, intent)
    return support_text(kb, mesh.features[feature.id], verdict) if verdict else text


STAGES = {"alpha": "Alpha", "beta": "Beta"}


def readiness(mesh: Mesh, feature: Feature) -> str:
    """Whether a mesh's feature is ready for production, from its maintainers' own label
    (`stage`): 'Not by its maintainers' own label: … is Beta, not generally available.';
    where no label is held, says so, never a guess."""
    support = mesh.features[feature.id]
    what = f"{mesh.name}'s {in_sentence(feature)}"
    if support.level in (Level.no, Level.unknown):
        have = "does not have" if support.level == Level.no else "may not have"
        return f"No: {mesh.name} {have} {in_sentence(feature)}, by what I hold."
    if support.stage:
        label = STAGES[support.stage]
        return f"Not by its maintainers' own label: {what} is {label}, not generally available."
    if ga := mesh.generally_available:  # "is ambient mtls GA?": the mode's own GA, said as such
        return (
            f"I hold no Alpha or Beta label on {what}, and {mesh.name} itself is generally "
            f"available since {ga.since} ({ga.on})."
        )
    return (
        f"I hold no Alpha or Beta label on {what}, nor a statement that it is generally "
        "available, so I can't say whether it is production-ready."
    )


def required(mesh: Mesh, feature: Feature) -> str:
    """What must be installed for a mesh's feature apart from the mesh (`requires`): 'Yes:
    Linkerd needs the Gateway API CRDs on the cluster …'; where none is held, says so."""
    support = mesh.features[feature.id]
    if support.level in (Level.no, Level.unknown):
        return f"{mesh.name} does not have {in_sentence(feature)}, by what I hold."
    if support.requires:
        return f"Yes: for {in_sentence(feature)}, {mesh.name} needs {support.requires.rstrip('.')}."
    return (
        f"I hold nothing {mesh.name} needs installed for {in_sentence(feature)} apart from the "
        "mesh itself; its install docs are the place to check."
    )


def on_platform(kb: KnowledgeBase, mesh: Mesh, where: tuple[list[Platform], str]) -> str:
    """Whether a mesh checked for a feature runs on the platform the question names ("does
    consul do mTLS on fargate?"), with what its fit note says of that platform; '' where the
    platform goes without saying: an offering of that platform alone, or a Kubernetes mesh on
    a Kubernetes platform its note does not name."""
    platforms, named = where
    fit = mesh.fit
    if fit is None or set(fit.platforms) == set(platforms):
        return ""
    if not all(runs_there(mesh, p) for p in platforms):
        fact = kb.rules.fact("platform")
        runs = fact.says([p.value for p in fit.platforms]) if fact else ""
        return f"But {mesh.name} does not run on {named}: it runs on {runs}."
    notes = platform_notes(kb, mesh, [p.value for p in platforms])
    if notes:
        return f"On {named}: {notes[0]}"
    # on EKS as a Kubernetes mesh: nothing to add; on ECS, Nomad, VMs: said
    return f"{mesh.name} runs on {named}." if set(platforms) <= set(fit.platforms) else ""


def feature_check(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    meshes = [kb.meshes[m] for m in intent.meshes if m in kb.meshes]
    features = [kb.features[f] for f in intent.features if f in kb.features][:4]
    items = _checks(kb, meshes, features, cite)
    single = len(items) == 1
    points: list[Part] = []
    # The lead flags each retired mesh with its status and successors: the rest follows.
    if details := [d for m in meshes if (d := status_detail(m))]:
        points.append(Paragraph(heading="Status", text=" ".join(details)))
    if not single:
        points.append(StatementList(items=items))
    asked = {f.id for f in features}
    outdated = claim_statements(
        (c for mesh in meshes for c in mesh.outdated_claims if c.feature in asked), cite
    )
    if outdated:
        points.append(StatementList(heading="You may have read otherwise", items=outdated))
    names = mesh_names(kb, [m.id for m in meshes])
    lead = (
        f"{items[0].label}: {_single(kb, meshes[0], features[0], intent, items[0].text)}"
        if single
        else f"Support for {', '.join(f.name for f in features)} in {names}."
    )
    where = placed(kb, intent)
    there = [said for m in meshes if where and (said := on_platform(kb, m, where))]
    if there and single:  # "does consul do mTLS on fargate?": the platform counts
        lead = f"{lead} {there[0]}"
    elif there:
        points.append(Paragraph(heading=f"On {where[1]}" if where else "", text=" ".join(there)))
    setup = setup_of(kb, intent)  # "does kuma cover X? eks, 45 svcs, …"
    if setup and (picked := for_setup(kb, intent, setup, cite)):
        points.append(picked)
    if intent.aspect == Aspect.readiness:  # "is it production ready?": answered first
        verdicts = [readiness(m, f) for m in meshes for f in features]
        lead = " ".join(verdicts) + (" What I hold: " + lead if single else "")
    if intent.aspect == Aspect.requires:  # "does linkerd need the CRDs installed?": first
        verdicts = [required(m, f) for m in meshes for f in features]
        lead = " ".join(verdicts) + (" What I hold: " + lead if single else "")
    steps = [
        step(f"Which meshes have {f.name}", IntentKind.which_meshes, features=[f.id])
        for f in features[:2]
    ]
    steps += standard_steps(
        kb, IntentKind.feature_check, only=(IntentKind.compare,), meshes=[m.id for m in meshes]
    )
    if setup:
        steps.insert(0, recommend_step(setup))
    return build_answer(
        kb,
        intent,
        cite,
        title=f"{'Do' if len(meshes) > 1 else 'Does'} {names} "
        f"{'need anything installed for' if intent.aspect == Aspect.requires else 'support'} "
        f"{', '.join(after_support(f) for f in features)}?",
        lead=lead,
        lead_sources=items[0].sources if single else [],
        points=points,
        details=[
            Section(
                key="meaning",
                label="What it means",
                parts=[
                    Paragraph(heading=f"What {in_sentence(f)} means", text=f.explanation)
                    for f in features
                ],
            )
        ],
        next_steps=steps,
    )


def by_level(
    kb: KnowledgeBase, feature: Feature, cite: Citations, pool: list[Mesh] | None = None
) -> list[Statement]:
    """Every current mesh's (or the pool's) support for one feature, best support first."""
    levels: dict[Level, list[Mesh]] = {}
    for mesh in kb.current_meshes() if pool is None else pool:
        levels.setdefault(mesh.features[feature.id].level, []).append(mesh)
    return [
        Statement(
            label=mesh.name,
            text=support_text(kb, mesh.features[feature.id]),
            sources=cite.cite(mesh.features[feature.id].sources),
        )
        for level in _ORDER
        for mesh in levels.get(level, [])[:MAX_PER_LEVEL]
    ]


def placed(kb: KnowledgeBase, intent: Intent) -> tuple[list[Platform], str] | None:
    """The platforms a question places itself on, and their names ("ECS"); None where it
    names none."""
    said = intent.facts.get("platform")
    platforms = [Platform(p) for p in (said if isinstance(said, list) else [said]) if p]
    if not platforms:
        return None
    fact = kb.rules.fact("platform")
    return platforms, fact.says([p.value for p in platforms]) if fact else ", ".join(platforms)


def which_meshes(kb: KnowledgeBase, intent: Intent) -> Answer:
    """The meshes with the features asked, among every current mesh or among the current
    ones the question names ("among linkerd, kuma and cilium, which can mirror traffic?");
    with no feature, the meshes that run on the platform asked ("which run on nomad?")."""
    if not intent.features:
        return which_run_on(kb, intent)
    cite = Citations(kb)
    features = [kb.features[f] for f in intent.features if f in kb.features][:3]
    named = [kb.meshes[m] for m in intent.meshes if m in kb.meshes and kb.meshes[m].is_current]
    # The no-mesh baseline is no mesh: not counted among "current meshes".
    meshes = [m for m in kb.current_meshes() if m.status != Status.baseline]
    # "who does sidecarless besides istio ambient": the list is of the others
    meshes = [m for m in meshes if m.id not in intent.excepted]
    where = placed(kb, intent)
    if where:  # "is there anything on ECS that does weighted routing?": those that run there
        meshes = [m for m in meshes if all(runs_there(m, p) for p in where[0])]
    pool = named if len(named) > 1 else meshes
    among = "current meshes" if pool is not named else "meshes you named"
    if where and pool is meshes:
        among += f" on {where[1]}"
    if intent.excepted and pool is meshes:
        among += f" other than {mesh_names(kb, [m for m in intent.excepted if m in kb.meshes])}"
    everyone = "every mesh" if pool is not named else "each one named"
    points: list[Part] = []
    everything: list[Part] = []
    lead_bits = []
    qualifier = ""  # "… on by default", where the question asks it
    for feature in features:
        items = by_level(kb, feature, cite, pool)
        full = [i for i in items if i.text.startswith(LEVEL_WORDS[Level.yes])]
        asked = qualified(kb, intent, feature, pool) if pool is not named else None
        if asked:  # "… by default?", "… for east-west?": the rows that meet it, first
            names = {kb.meshes[m].name for m in asked.meeting}
            meeting = [i for i in items if i.label in names]
            points.append(StatementList(heading=asked.heading, items=meeting))
            rest = StatementList(
                heading=f"{feature.name}: the others", items=[i for i in items if i not in meeting]
            )
            everything += [rest] if rest.items else []
            lead_bits.append(asked.lead)
            qualifier = f" {asked.phrase}"
            continue
        # the meshes named: each one's row first, whatever its support ("out of linkerd, kuma
        # and consul, which support JWT validation?" answers for all three)
        every = StatementList(heading=f"{feature.name}: {everyone}", items=items)
        points.append(
            every
            if pool is named
            else StatementList(heading=f"{feature.name}: full support", items=full)
        )
        if pool is not named and (short := _short_of_full(kb, feature, pool)):
            points.append(Paragraph(text=short))
        # the rows the full list leaves out, each said once (the full list has the rest)
        rest = StatementList(
            heading=f"{feature.name}: short of full support",
            items=[i for i in items if i not in full],
        )
        everything += [
            *([] if pool is named or not rest.items else [rest]),
            Paragraph(heading=f"What {in_sentence(feature)} means", text=feature.explanation),
        ]
        lead_bits.append(f"{feature.name}: {len(full)} of {len(items)} {among} support it fully.")
    if len(features) > 1:  # "which meshes do X and Y": the ones with both, first
        lead_bits.insert(0, _all_of(kb, features, pool, among))
    subject = "meshes" if pool is not named else f"of {mesh_names(kb, [m.id for m in named])}"
    if where and pool is meshes:
        subject += f" on {where[1]}"
    if intent.excepted and pool is meshes:
        subject += f" other than {mesh_names(kb, [m for m in intent.excepted if m in kb.meshes])}"
    return build_answer(
        kb,
        intent,
        cite,
        title=f"Which {subject} support {after_support(features[0])}{qualifier}?"
        if len(features) == 1
        else f"Which {subject} support these features?",
        lead=" ".join(lead_bits),
        points=[p for p in points if not isinstance(p, StatementList) or p.items],
        details=[
            Section(
                key="all_meshes",
                label="The others" if pool is not named else "What it means",
                parts=everything,
            )
        ],
        next_steps=standard_steps(kb, IntentKind.which_meshes)[:4],
    )


_SHORT_OF_FULL = (Level.partial, Level.extension, Level.enterprise)


def _short_of_full(kb: KnowledgeBase, feature: Feature, pool: list[Mesh]) -> str:
    """One line under the full-support list: the meshes that have the feature in part,
    through an add-on or only in a paid edition ("Enterprise only: Consul, Linkerd"), so a
    regulated team sees the paid route without opening every row."""
    said = []
    for level in _SHORT_OF_FULL:
        names = [m.id for m in pool if m.features[feature.id].level == level]
        if names:
            said.append(f"{LEVEL_WORDS[level].capitalize()}: {mesh_names(kb, names)}")
    if not said:
        return ""
    return f"Short of full support: {'; '.join(said)}. Each row is under “The others”."


def _all_of(kb: KnowledgeBase, features: list[Feature], pool: list[Mesh], among: str) -> str:
    """The meshes of the pool that support every feature asked about fully."""
    every = [m.id for m in pool if all(m.features[f.id].level == Level.yes for f in features)]
    if not every:
        return f"None of the {among} supports all of them fully."
    return f"Full support for all of them: {mesh_names(kb, every)}."


def feature_catalogue(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    points: list[Part] = []
    details: list[Section] = []
    for category in Category:
        features = [f for f in kb.features.values() if f.category == category]
        if not features:
            continue
        name = category.value.capitalize()
        points.append(
            Paragraph(heading=f"{name} ({len(features)})", text=", ".join(f.name for f in features))
        )
        items = [Statement(label=f.name, text=first_sentence(f.explanation)) for f in features]
        details.append(
            Section(
                key=category.value, label=name, parts=[StatementList(heading=name, items=items)]
            )
        )
    return build_answer(
        kb,
        intent,
        cite,
        title="Features Mesh Advisor knows",
        lead=f"{len(kb.features)} features in {len(points)} areas. Ask "
        "“which meshes support <feature>” or “does <mesh> support <feature>”.",
        points=points,
        details=details,
        next_steps=standard_steps(kb, IntentKind.features),
    )


def which_run_on(kb: KnowledgeBase, intent: Intent) -> Answer:
    """The current meshes that run on the platforms asked: with that platform's integration,
    only on the machines it schedules onto (Nomad's hosts), or not at all. The no-mesh
    baseline is no mesh, so it is not listed."""
    cite = Citations(kb)
    said = intent.facts.get("platform")
    platforms = [Platform(p) for p in (said if isinstance(said, list) else [said]) if p]
    fact = kb.rules.fact("platform")
    where = fact.says([p.value for p in platforms]) if fact else ", ".join(platforms)
    cloud = intent.facts.get("cloud")
    native, beside, absent = [], [], []
    for mesh in (m for m in kb.current_meshes() if m.status == Status.active and m.fit):
        if all(runs_there(mesh, p) for p in platforms):
            native.append(mesh)
            continue
        defs = [kb.rules.platforms.get(p) for p in platforms]
        machines = [d.machines if d else None for d in defs]
        if all(runs_beside(mesh, m, cloud if isinstance(cloud, str) else None) for m in machines):
            beside.append(mesh)
        else:
            absent.append(mesh)

    def listed(meshes: list[Mesh], notes: bool = False) -> list[Statement]:
        return [
            Statement(
                label=m.name,
                text=f"runs on {fact.says([p.value for p in m.fit.platforms]) if fact else ''}"
                + "".join(f". {n.rstrip('.')}" for n in platform_notes(kb, m, platforms) if notes),
                sources=cite.cite(m.fit.sources),
            )
            for m in meshes
            if m.fit
        ]

    total = len(native) + len(beside) + len(absent)
    verb = "runs" if len(native) == 1 else "run"
    lead = f"{len(native)} of the {total} current meshes {verb} on {where}"
    lead += f": {mesh_names(kb, [m.id for m in native])}." if native else "."
    if beside:
        lead += (
            f" {mesh_names(kb, [m.id for m in beside])} can also run on its hosts, without "
            f"{where} integration (you run the mesh's own agents beside it)."
        )
    native_items = listed(native, notes=True)
    points: list[Part] = [StatementList(heading=f"Runs on {where}", items=native_items)]
    if beside:
        points.append(
            StatementList(
                heading=f"On the hosts, without {where} integration", items=listed(beside)
            )
        )
    points = [p for p in points if p.items]
    rest = [StatementList(heading=f"Not on {where}", items=listed(absent))] if absent else []
    return build_answer(
        kb,
        intent,
        cite,
        title=f"Which meshes run on {where}?",
        lead=lead,
        points=points,
        details=[Section(key="all_meshes", label="Every mesh", parts=rest)] if rest else [],
        next_steps=[
            step(f"Recommend for {where}", IntentKind.recommend, facts=intent.facts),
            *standard_steps(kb, IntentKind.which_meshes)[:3],
        ],
    )
