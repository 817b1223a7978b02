"""Compare 2 to 4 meshes: verdict, differences first, overhead, outdated claims."""

from __future__ import annotations

from bot.answers import recommender
from bot.answers.common import (
    LEVEL_WORDS,
    Citations,
    answer,
    figure_text,
    lead_figure,
    mesh_names,
    source_rank,
    standard_steps,
    status_line,
    step,
)
from bot.answers.results import (
    Answer,
    Bar,
    Chart,
    Fact,
    FactList,
    Matrix,
    MatrixRow,
    Paragraph,
    Part,
)
from bot.intents.models import MAX_COMPARE, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Category, Figure, Level, Mesh, Metric, Scope

DEFAULT_PAIR = ["istio", "linkerd"]
MAX_MATRIX_ROWS = 24  # answers stay readable, and their cost flat as the catalogue grows
MAX_SAME = 24
_LEVEL_WEIGHT = {
    Level.yes: 3,
    Level.partial: 2,
    Level.extension: 2,
    Level.enterprise: 1,
    Level.no: 0,
    Level.unknown: 1,
}
_OVERHEAD_METRICS = (
    Metric.proxy_memory,
    Metric.proxy_cpu,
    Metric.latency_p99,
    Metric.latency_p90,
    Metric.control_plane_memory,
)


def _meshes(kb: KnowledgeBase, intent: Intent) -> list[str]:
    ids = [m for m in intent.meshes if m in kb.meshes][:MAX_COMPARE]
    for extra in DEFAULT_PAIR + [m.id for m in kb.current_meshes()]:
        if len(ids) >= 2:
            break
        if extra not in ids:
            ids.append(extra)
    return ids


def _fact(mesh: Mesh, figure: Figure, cite: Citations, caveat: str = "") -> Fact:
    return Fact(
        label=f"{mesh.name}, {figure.metric.value.replace('_', ' ')} ({figure.mode})",
        text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of}){caveat}",
        sources=cite.cite(figure.sources),
    )


def _overhead(kb: KnowledgeBase, meshes: list[Mesh]) -> list[tuple[Mesh, Figure, bool]]:
    """Per metric, the figures of one source that measured every mesh; else each mesh's
    lead figure, flagged as not comparable (figures from different benchmarks are not)."""
    chosen = []
    for metric in _OVERHEAD_METRICS:
        by_mesh = [[f for f in m.overhead if f.metric == metric] for m in meshes]
        shared = set.intersection(*({s for f in fs for s in f.sources} for fs in by_mesh))
        if shared:
            source = min(shared, key=lambda s: source_rank(kb, s))
            for mesh, figures in zip(meshes, by_mesh, strict=True):
                chosen.append((mesh, next(f for f in figures if source in f.sources), True))
            continue
        leads = [(m, f) for m in meshes if (f := lead_figure(kb, m, metric))]
        chosen += [(m, f, len(leads) == 1) for m, f in leads]
    return chosen


def _overhead_parts(kb: KnowledgeBase, meshes: list[Mesh], cite: Citations) -> list[Part]:
    chosen = _overhead(kb, meshes)
    if not chosen:
        return []
    caveat = " — from a different source than the others; not directly comparable"
    facts = [_fact(m, f, cite, "" if comparable else caveat) for m, f, comparable in chosen]
    parts: list[Part] = []
    memory = [
        (m, f)
        for m, f, comparable in chosen
        if f.metric == Metric.proxy_memory and f.per == Scope.pod and comparable
    ]
    if len(memory) > 1:
        source = kb.sources[memory[0][1].sources[0]]
        vendor = ", vendor-run" if source.vendor_authored else ""
        parts.append(
            Chart(
                heading=f"Proxy memory per pod in one benchmark ({source.publisher}, "
                f"{source.date.year}{vendor})",
                bars=[
                    Bar(label=m.name, low=f.low, high=f.high, unit=f.unit, sources=list(f.sources))
                    for m, f in memory
                ],
            )
        )
    parts.append(
        FactList(
            heading="Overhead (one benchmark for all where one exists; see cost for all)",
            items=facts,
        )
    )
    return parts


def _differences(
    kb: KnowledgeBase, meshes: list[Mesh], cite: Citations
) -> tuple[list[MatrixRow], list[str]]:
    """Rows where the meshes differ, grouped by category (the category with the biggest
    difference first, then the biggest differences within it); and what is the same."""
    scored: list[tuple[int, MatrixRow]] = []
    same = []
    for feature in kb.features.values():
        levels = [m.features[feature.id].level for m in meshes]
        if len(set(levels)) == 1:
            same.append(f"{feature.name} ({LEVEL_WORDS[levels[0]]})")
            continue
        for m in meshes:
            cite.cite(m.features[feature.id].sources)
        weights = [_LEVEL_WEIGHT[level] for level in levels]
        row = MatrixRow(label=feature.name, group=feature.category.value, cells=levels)
        scored.append((max(weights) - min(weights), row))
    biggest: dict[str, int] = {}
    for spread, row in scored:
        biggest[row.group] = max(biggest.get(row.group, 0), spread)
    order = [c.value for c in Category]
    scored.sort(key=lambda item: (-biggest[item[1].group], order.index(item[1].group), -item[0]))
    return [row for _, row in scored], same


def compare(kb: KnowledgeBase, intent: Intent) -> Answer:
    ids = _meshes(kb, intent)
    meshes = [kb.meshes[i] for i in ids]
    cite = Citations(kb)
    parts: list[Part] = []
    verdict = "; ".join(f"{m.name}: best for {m.best_for.rstrip('.')}" for m in meshes)
    warnings = [status_line(kb, m) for m in meshes if not m.is_current]
    if warnings:
        parts.append(Paragraph(heading="Status", text=" ".join(warnings)))
        for m in meshes:
            if not m.is_current:
                cite.cite(m.sources)
    known = {k: v for k, v in intent.facts.items() if k != "pods"}
    candidates = [i for i in ids if i in kb.rules.candidates]
    if known and len(candidates) >= 2:
        result = recommender.evaluate(kb.rules, known, among=candidates)
        reasons = [r.because for r in result.fired][:2]
        for r in result.fired[:2]:
            cite.cite(r.sources)
        parts.append(
            Paragraph(
                heading="For your setup",
                text=f"{kb.meshes[result.pick].name} fits best. " + " ".join(reasons),
            )
        )

    rows, same = _differences(kb, meshes, cite)
    if rows:
        parts.append(
            Matrix(
                heading="Where they differ (grouped by area, biggest differences first)",
                columns=[m.name for m in meshes],
                rows=rows[:MAX_MATRIX_ROWS],
            )
        )
        if len(rows) > MAX_MATRIX_ROWS:
            parts.append(
                Paragraph(
                    text=f"{len(rows) - MAX_MATRIX_ROWS} smaller differences "
                    "not shown; ask “does <mesh> support <feature>”."
                )
            )
    if same:
        more = f", and {len(same) - MAX_SAME} more" if len(same) > MAX_SAME else ""
        parts.append(
            Paragraph(heading="The same in all", text=", ".join(same[:MAX_SAME]) + more + ".")
        )

    parts += _overhead_parts(kb, meshes, cite)

    claims = [(m, c) for m in meshes for c in m.outdated_claims]
    if claims:
        parts.append(
            FactList(
                heading="Claims you may have read that are outdated",
                items=[
                    Fact(label=f"“{c.claim}”", text=c.current, sources=cite.cite(c.sources))
                    for _, c in claims
                ],
            )
        )

    others = [m.id for m in kb.current_meshes() if m.id not in ids][:2]
    steps = [
        step(f"Add {kb.meshes[o].name}", IntentKind.compare, meshes=[*ids, o], facts=intent.facts)
        for o in others
        if len(ids) < MAX_COMPARE
    ]
    steps.insert(0, step("Recommend for my setup", IntentKind.recommend, facts=known))
    steps.append(step("Cost at 1,000 pods", IntentKind.cost, meshes=ids, facts={"pods": 1000}))
    steps += [
        s for s in standard_steps(kb, IntentKind.compare) if s.intent.kind in (IntentKind.sources,)
    ]
    return answer(
        kb,
        intent,
        cite,
        title=f"{mesh_names(kb, ids)} compared",
        summary=verdict + ".",
        parts=parts,
        next_steps=steps,
    )
