"""Explain a concept: a feature ("explain spiffe like I'm a backend dev") or the service mesh
itself ("what's a service mesh? my manager asked"). What it is first, then where the
current meshes stand on it, so the answer is one a reader can act on.
"""

from __future__ import annotations

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.features import by_level, in_sentence, support_text
from bot.answers.notices import status_line
from bot.answers.phrasing import mesh_names
from bot.answers.results import Answer, Paragraph, Part, Section, StatementList
from bot.answers.steps import default_pair, standard_steps, step
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Category, DataPlaneModel, Feature, Level, Status
from bot.knowledge.models import Part as PartModel

MAX_FEATURES = 3  # concepts explained in one answer
PER_CATEGORY = 4  # features named for each area of what a mesh does
DESIGNS = {
    DataPlaneModel.sidecar: "A proxy beside every workload (sidecar)",
    DataPlaneModel.sidecarless: "No proxy in the workload (per-node proxies, eBPF or the network)",
}


def _standing_parts(
    kb: KnowledgeBase, feature: Feature, cite: Citations
) -> tuple[Paragraph, Section]:
    """Where a feature stands across the meshes, and every mesh's row on it behind a button."""
    standing = Paragraph(
        heading=f"Where {in_sentence(feature)} stands", text=_standing(kb, feature)
    )
    every_mesh = Section(
        key=f"every_mesh_{feature.id}",
        label=f"{feature.name}: every mesh",
        parts=[StatementList(items=by_level(kb, feature, cite))],
    )
    return standing, every_mesh


def _without_a_mesh(kb: KnowledgeBase, feature: Feature, cite: Citations) -> list[Paragraph]:
    """What doing without a mesh gives of a feature, where the no-mesh baseline has it in part
    or in full ("do I really need a mesh to get mTLS?": cert-manager and the app's own TLS)."""
    rows = [
        (m, m.features[feature.id])
        for m in kb.meshes.values()
        if m.status == Status.baseline and feature.id in m.features
    ]
    return [
        Paragraph(
            heading="Without a mesh",
            text=_sentence(support_text(kb, row)),
            sources=cite.cite(row.sources),
        )
        for _, row in rows
        if row.level in (Level.yes, Level.partial)
    ]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _standing(kb: KnowledgeBase, feature: Feature) -> str:
    """'Full support in 9 of 13 current meshes: …; partial in …'. The no-mesh baseline is no
    mesh: neither counted nor said to support anything."""
    current = [m for m in kb.current_meshes() if m.status != Status.baseline]
    by = {
        level: [m.id for m in current if m.features[feature.id].level == level]
        for level in (Level.yes, Level.partial)
    }
    text = f"Full support in {len(by[Level.yes])} of {len(current)} current meshes"
    text += f": {mesh_names(kb, by[Level.yes])}." if by[Level.yes] else "."
    if by[Level.partial]:
        text += f" Partial in {mesh_names(kb, by[Level.partial])}."
    return text


def explain_features(kb: KnowledgeBase, intent: Intent) -> Answer:
    """What each feature is and does, and which current meshes support it."""
    cite = Citations(kb)
    features = [kb.features[f] for f in intent.features if f in kb.features][:MAX_FEATURES]
    # A concept the row is about asked by name ("what is SPIFFE"): defined first, sourced.
    defined = [found for p in intent.parts if (found := kb.concept(p))]
    if defined:
        return _explain_defined(kb, intent, defined, features, cite)
    single = len(features) == 1
    points: list[Part] = []
    details: list[Section] = []
    for feature in features:
        if not single:
            points.append(Paragraph(heading=feature.name, text=feature.explanation))
        standing, every_mesh = _standing_parts(kb, feature, cite)
        points.append(standing)
        points.extend(_without_a_mesh(kb, feature, cite))
        details.append(every_mesh)
    steps = [
        step(f"Which meshes have {f.name}", IntentKind.which_meshes, features=[f.id])
        for f in features
    ]
    return build_answer(
        kb,
        intent,
        cite,
        title=", ".join(f.name for f in features),
        lead=features[0].explanation
        if single
        else "What each one is, and where the current meshes stand on it.",
        points=points,
        details=details,
        next_steps=steps + standard_steps(kb, IntentKind.explain, only=(IntentKind.features,)),
    )


def _explain_defined(
    kb: KnowledgeBase,
    intent: Intent,
    defined: list[tuple[Feature, PartModel]],
    features: list[Feature],
    cite: Citations,
) -> Answer:
    """What the concept is (its own sources), then the feature row it belongs to: the named
    mesh's row first ("… and how do I rotate it in linkerd"), then where the meshes stand."""
    first = defined[0][1]
    points: list[Part] = [
        Paragraph(heading=_title(c.name), text=c.explanation, sources=cite.cite(c.sources))
        for _, c in defined[1:]
    ]
    by_id = {f.id: f for f in [*(f for f, _ in defined), *features]}
    rows = list(by_id.values())
    named = [kb.meshes[m] for m in intent.meshes if m in kb.meshes]
    details: list[Section] = []
    for feature in rows:
        points.append(Paragraph(heading=f"In a mesh: {feature.name}", text=feature.explanation))
        for mesh in named:
            support = mesh.features[feature.id]
            points.append(
                Paragraph(
                    heading=f"{mesh.name}: {feature.name}",
                    text=support_text(kb, support),
                    sources=cite.cite(support.sources),
                )
            )
        standing, every_mesh = _standing_parts(kb, feature, cite)
        points.append(standing)
        details.append(every_mesh)
    return build_answer(
        kb,
        intent,
        cite,
        title=", ".join(_title(c.name) for _, c in defined),
        lead=first.explanation,
        lead_sources=cite.cite(first.sources),
        points=points,
        details=details,
        next_steps=[
            *(
                step(f"Which meshes have {f.name}", IntentKind.which_meshes, features=[f.id])
                for f in rows
            ),
            *standard_steps(kb, IntentKind.explain, only=(IntentKind.features,)),
        ],
    )


def explain_parts(kb: KnowledgeBase, intent: Intent) -> Answer:
    """What each part asked about is (a waypoint proxy, HBONE), and the offering it belongs
    to: its summary and status, and where to go on from there."""
    cite = Citations(kb)
    found = [owned for p in intent.parts if (owned := kb.part(p))][:MAX_FEATURES]
    if not found:
        return _explain_terms(kb, intent)
    single = len(found) == 1
    points: list[Part] = []
    if not single:
        points += [
            Paragraph(
                heading=_title(part.name), text=part.explanation, sources=cite.cite(part.sources)
            )
            for _, part in found
        ]
    owners = list(dict.fromkeys(mesh.id for mesh, _ in found))
    for mesh in (kb.meshes[m] for m in owners):
        text = mesh.summary
        if status := status_line(kb, mesh):
            text = f"{status} {text}"
        points.append(
            Paragraph(
                heading=f"Part of {mesh.name}", text=text, sources=cite.cite(mesh.sources[:1])
            )
        )
    first = found[0][1]
    return build_answer(
        kb,
        intent,
        cite,
        title=", ".join(_title(part.name) for _, part in found),
        lead=first.explanation if single else "What each one is, and the mesh it belongs to.",
        lead_sources=cite.cite(first.sources) if single else [],
        points=points,
        next_steps=[
            *(step(f"Explain {kb.meshes[m].name}", IntentKind.explain, meshes=[m]) for m in owners),
            *standard_steps(kb, IntentKind.explain, only=(IntentKind.cost, IntentKind.features)),
        ],
    )


def _explain_terms(kb: KnowledgeBase, intent: Intent) -> Answer:
    """What each word of the field asked about is ("what's eBPF"), then the two data-plane
    designs with the current meshes that use each."""
    cite = Citations(kb)
    terms = [term for t in intent.parts if (term := kb.term(t))][:MAX_FEATURES]
    single = len(terms) == 1
    points: list[Part] = []
    if not single:
        points += [
            Paragraph(heading=t.name, text=t.explanation, sources=cite.cite(t.sources))
            for t in terms
        ]
    # how each mesh is built is context, not who uses the term: on demand, after it
    designs = Section(key="designs", label="How the meshes are built", parts=_designs(kb, cite))
    return build_answer(
        kb,
        intent,
        cite,
        title=", ".join(t.name for t in terms),
        lead=terms[0].explanation if single else "What each one is, and where meshes use it.",
        lead_sources=cite.cite(terms[0].sources) if single else [],
        points=points,
        details=[designs],
        next_steps=[
            step(f"What a {kb.service_mesh.name.lower()} is", IntentKind.explain),
            *standard_steps(kb, IntentKind.explain, only=(IntentKind.cost, IntentKind.features)),
        ],
    )


def _title(name: str) -> str:
    """A part's name as a heading: "waypoint proxy" -> "Waypoint proxy", "HBONE" as it is."""
    return name[:1].upper() + name[1:]


def _does(kb: KnowledgeBase) -> str:
    """What a mesh does, by area: 'Security: mutual TLS (mTLS), …'."""
    lines = []
    for category in Category:
        names = [f.name for f in kb.features.values() if f.category == category]
        if names:
            more = f" and {len(names) - PER_CATEGORY} more" if len(names) > PER_CATEGORY else ""
            lines.append(f"{category.value.capitalize()}: {', '.join(names[:PER_CATEGORY])}{more}")
    return "• " + "\n• ".join(lines)


def _designs(kb: KnowledgeBase, cite: Citations) -> list[Part]:
    """The two data-plane designs, with the current meshes that use each."""
    parts: list[Part] = []
    for model, label in DESIGNS.items():
        meshes = [m for m in kb.current_meshes() if m.data_plane.model == model]
        if meshes:
            sources = [s for m in meshes for s in m.data_plane.sources]
            parts.append(
                Paragraph(
                    heading=label,
                    text=f"{mesh_names(kb, [m.id for m in meshes])}.",
                    sources=cite.cite(list(dict.fromkeys(sources))),
                )
            )
    return parts


def explain_service_mesh(kb: KnowledgeBase, intent: Intent) -> Answer:
    """What a service mesh is, what it does, its two designs, and the no-mesh baseline."""
    cite = Citations(kb)
    concept = kb.service_mesh
    points: list[Part] = [Paragraph(heading="What it does", text=_does(kb))]
    points += _designs(kb, cite)
    for baseline in (m for m in kb.meshes.values() if m.status == Status.baseline):
        points.append(
            Paragraph(
                heading="Or no mesh at all",
                text=baseline.summary,
                sources=cite.cite(baseline.sources[:1]),
            )
        )
    pair = default_pair(kb)
    return build_answer(
        kb,
        intent,
        cite,
        title=f"What a {concept.name.lower()} is",
        lead=concept.summary,
        lead_sources=cite.cite(concept.sources),
        points=points,
        next_steps=[
            step("Do we need a mesh?", IntentKind.recommend),
            step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair),
            *standard_steps(kb, IntentKind.explain, only=(IntentKind.cost, IntentKind.features)),
        ],
    )
