"""Feature questions: does X support F, which meshes support F, the feature catalogue."""

from __future__ import annotations

from bot.answers.common import (
    LEVEL_WORDS,
    Citations,
    answer,
    first_sentence,
    mesh_names,
    standard_steps,
    status_line,
    step,
)
from bot.answers.results import Answer, Fact, FactList, Paragraph, Part
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Category, Level, Mesh, Support

MAX_PER_LEVEL = 12  # bounded answers, whatever the size of the knowledge base
_ORDER = [Level.yes, Level.partial, Level.extension, Level.enterprise, Level.no, Level.unknown]


def _support_text(support: Support) -> str:
    text = LEVEL_WORDS[support.level]
    if support.since:
        text += f" (since {support.since})"
    return f"{text}. {support.note}".strip() if support.note else text + "."


def feature_check(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    meshes = [kb.meshes[m] for m in intent.meshes if m in kb.meshes]
    features = [kb.features[f] for f in intent.features if f in kb.features][:4]
    items: list[Fact] = []
    parts: list[Part] = []
    for mesh in meshes:
        for feature in features:
            support = mesh.features[feature.id]
            items.append(
                Fact(
                    label=f"{mesh.name}: {feature.name}",
                    text=_support_text(support),
                    sources=cite.cite(support.sources),
                )
            )
    parts.append(FactList(items=items))
    outdated = [
        Fact(label=f"“{c.claim}”", text=c.current, sources=cite.cite(c.sources))
        for mesh in meshes
        for c in mesh.outdated_claims
        if c.feature in {f.id for f in features}
    ]
    if outdated:
        parts.append(FactList(heading="You may have read otherwise", items=outdated))
    warnings = [status_line(kb, m) for m in meshes if not m.is_current]
    if warnings:
        parts.append(Paragraph(heading="Status", text=" ".join(warnings)))
    for feature in features:
        parts.append(
            Paragraph(heading=f"What {feature.name.lower()} means", text=feature.explanation)
        )
    first = meshes[0].features[features[0].id] if meshes and features else None
    summary = (
        f"{meshes[0].name} and {features[0].name.lower()}: {_support_text(first)}"
        if first and len(items) == 1
        else f"Support for {', '.join(f.name for f in features)} "
        f"in {mesh_names(kb, intent.meshes)}."
    )
    steps = [
        step(f"Which meshes have {f.name}", IntentKind.which_meshes, features=[f.id])
        for f in features[:2]
    ]
    steps += standard_steps(kb, IntentKind.feature_check)[:3]
    return answer(
        kb,
        intent,
        cite,
        title=f"Does {mesh_names(kb, intent.meshes)} support "
        f"{', '.join(f.name.lower() for f in features)}?",
        summary=summary,
        parts=parts,
        next_steps=steps,
    )


def which_meshes(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    features = [kb.features[f] for f in intent.features if f in kb.features][:3]
    current = kb.current_meshes()
    parts: list[Part] = []
    summary_bits = []
    for feature in features:
        by_level: dict[Level, list[Mesh]] = {}
        for mesh in current:
            by_level.setdefault(mesh.features[feature.id].level, []).append(mesh)
        items = []
        for level in _ORDER:
            for mesh in by_level.get(level, [])[:MAX_PER_LEVEL]:
                support = mesh.features[feature.id]
                items.append(
                    Fact(
                        label=mesh.name,
                        text=_support_text(support),
                        sources=cite.cite(support.sources),
                    )
                )
        parts.append(FactList(heading=feature.name, items=items))
        parts.append(Paragraph(text=feature.explanation))
        yes = [m.name for m in by_level.get(Level.yes, [])]
        summary_bits.append(
            f"{feature.name}: "
            + (", ".join(yes) if yes else "no mesh fully")
            + (" support it." if yes else " supports it.")
        )
    steps = standard_steps(kb, IntentKind.which_meshes)[:4]
    return answer(
        kb,
        intent,
        cite,
        title=f"Which meshes support {features[0].name.lower()}?"
        if len(features) == 1
        else "Which meshes support these features?",
        summary=" ".join(summary_bits),
        parts=parts,
        next_steps=steps,
    )


def feature_catalogue(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    parts: list[Part] = []
    for category in Category:
        features = [f for f in kb.features.values() if f.category == category]
        if features:
            parts.append(
                FactList(
                    heading=category.value.capitalize(),
                    items=[
                        Fact(label=f.name, text=first_sentence(f.explanation)) for f in features
                    ],
                )
            )
    return answer(
        kb,
        intent,
        cite,
        title="Features Mesh Advisor knows",
        summary=f"{len(kb.features)} features in {len(parts)} categories. Ask "
        "“which meshes support <feature>” or “does <mesh> support <feature>”.",
        parts=parts,
        next_steps=standard_steps(kb, IntentKind.features),
    )
