"""Which overhead figures of the meshes asked about come from an independent benchmark ("that
linkerd number is from buoyant themselves, anything independent?"): per measure, the
independent figures held, or who measured the ones held where none is independent."""

from __future__ import annotations

from bot.answers.figures import MEASURE_METRICS
from bot.intents.models import Measure
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Figure, Mesh, SourceKind
from bot.knowledge.wording import figure_text

MAX_SHOWN = 2  # independent figures named per measure
MEASURE_WORDS = {
    Measure.memory: "memory",
    Measure.cpu: "CPU",
    Measure.latency: "latency",
    Measure.control_plane: "control plane",
}


def independent_lead(
    kb: KnowledgeBase, meshes: list[Mesh], measure: Measure | None
) -> tuple[str, list[str]]:
    """'Linkerd: independent figures for latency (LiveWyer 2024: 16.8 ms per request path,
    p99). No independent Linkerd figure for memory (only Linkerd project (Buoyant)'s vendor
    benchmark (2021)).' for each mesh, and the ids of the sources it names."""
    measures = [measure] if measure else list(Measure)
    said, cited = [], []
    for mesh in meshes[:3]:
        have, lack = [], []
        for asked in measures:
            figures = _figures(mesh, asked)
            if not figures:
                continue
            independent = [f for f in figures if _independent(kb, f)]
            if independent:
                shown = "; ".join(_said(kb, f) for f in independent[:MAX_SHOWN])
                have.append(f"{MEASURE_WORDS[asked]} ({shown})")
                cited += [s for f in independent[:MAX_SHOWN] for s in f.sources]
            else:
                whose = _whose(kb, [s for f in figures for s in f.sources if s in kb.sources])
                lack.append(f"{MEASURE_WORDS[asked]} (only {whose})")
                cited += [s for f in figures[:1] for s in f.sources]
        if not have and not lack:
            said.append(f"{mesh.name}: I hold no overhead figure for it.")
            continue
        bits = [f"{mesh.name}: independent figures for {' and '.join(have)}."] if have else []
        if lack:
            bits.append(f"No independent {mesh.name} figure for {' or '.join(lack)}.")
        said.append(" ".join(bits))
    return " ".join(said), list(dict.fromkeys(cited))


def _figures(mesh: Mesh, measure: Measure) -> list[Figure]:
    return [
        f for f in mesh.overhead if f.metric in MEASURE_METRICS[measure] and not f.borrowed_from
    ]


def _independent(kb: KnowledgeBase, figure: Figure) -> bool:
    kinds = [kb.sources[s].kind for s in figure.sources if s in kb.sources]
    return SourceKind.independent_benchmark in kinds


def _said(kb: KnowledgeBase, figure: Figure) -> str:
    source = next(
        kb.sources[s]
        for s in figure.sources
        if s in kb.sources and kb.sources[s].kind == SourceKind.independent_benchmark
    )
    metric = figure.metric.value.removeprefix("latency_").replace("_", " ")
    return f"{source.publisher} {source.date.year}: {figure_text(figure)}, {metric}"


def _whose(kb: KnowledgeBase, source_ids: list[str]) -> str:
    """ "Istio project's official docs (2019-2024), Linkerd project (Buoyant)'s vendor
    benchmark (2021)": who published the figures held, by kind, with their years."""
    years: dict[tuple[str, str], set[int]] = {}
    for sid in source_ids:
        source = kb.sources[sid]
        key = (source.publisher, source.kind.value.replace("_", " "))
        years.setdefault(key, set()).add(source.date.year)
    said = []
    for (publisher, kind), held in sorted(years.items()):
        span = f"{min(held)}" if len(held) == 1 else f"{min(held)}-{max(held)}"
        said.append(f"{publisher}'s {kind} ({span})")
    return ", ".join(said)
