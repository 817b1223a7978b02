"""Explain one mesh: what it is, how it is built, strengths, weaknesses, status."""

from __future__ import annotations

from bot.answers.common import Citations, answer, mesh_names, standard_steps, status_line, step
from bot.answers.results import Answer, Code, Fact, FactList, Paragraph, Part
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase


def explain(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    mesh = kb.meshes[intent.meshes[0]]
    cite.cite(mesh.sources)
    parts: list[Part] = []
    status = status_line(kb, mesh)
    if status:
        parts.append(Paragraph(heading="Status", text=status))
    dp = mesh.data_plane
    parts.append(
        FactList(
            heading="At a glance",
            items=[
                Fact(label="Data plane", text=f"{dp.proxy} ({dp.language}), {dp.model.value}"),
                Fact(label="Control plane", text=", ".join(mesh.control_plane) or "none"),
                Fact(label="License", text=mesh.license),
                Fact(label="CNCF", text=mesh.cncf.value),
                Fact(
                    label="Version",
                    text=f"{mesh.version.current} (as of {mesh.version.as_of})",
                    sources=cite.cite(mesh.version.sources),
                ),
                Fact(label="Best for", text=mesh.best_for),
            ],
        )
    )
    if mesh.strengths:
        parts.append(Paragraph(heading="Strengths", text="• " + "\n• ".join(mesh.strengths)))
    if mesh.weaknesses:
        parts.append(Paragraph(heading="Weaknesses", text="• " + "\n• ".join(mesh.weaknesses)))
    if mesh.outdated_claims:
        parts.append(
            FactList(
                heading="Outdated claims you may have read",
                items=[
                    Fact(label=f"“{c.claim}”", text=c.current, sources=cite.cite(c.sources))
                    for c in mesh.outdated_claims
                ],
            )
        )
    if mesh.install:
        parts.append(Code(heading="Install", language="sh", code="\n".join(mesh.install)))
    if mesh.snippet:
        parts.append(
            Code(heading=mesh.snippet.title, language=mesh.snippet.language, code=mesh.snippet.code)
        )
    if mesh.links:
        parts.append(
            FactList(
                heading="Links",
                items=[Fact(label=link.title, text=str(link.url)) for link in mesh.links],
            )
        )
    alternatives = mesh.replaced_by or [m for m in ("istio", "linkerd") if m != mesh.id]
    steps = [
        step(f"Compare {mesh_names(kb, [mesh.id, a])}", IntentKind.compare, meshes=[mesh.id, a])
        for a in alternatives[:2]
        if a in kb.meshes
    ]
    steps += standard_steps(kb, IntentKind.explain)[:3]
    return answer(
        kb, intent, cite, title=mesh.name, summary=mesh.summary, parts=parts, next_steps=steps
    )
