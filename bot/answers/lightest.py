"""The lightest mesh: current meshes ranked by data-plane proxy memory at the user's size, or
by the overhead asked ("lowest-latency mesh": added latency), among those with every feature
asked ("lightest sidecarless option"): one that has a feature only partly ranks with that
said beside its bar and why, cited; running no mesh is no answer where a feature is asked.

A delay or a CPU figure depends on the benchmark's load and hardware, so those rankings set
like against like: the one benchmark (source) that measured the most of the meshes, and the
meshes it measured. The others' figures are listed but not ranked against them."""

from __future__ import annotations

import math

from bot.answers import unranked
from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.cost import DEFAULT_PODS, PODS_PER_NODE
from bot.answers.figures import (
    MEASURE_METRICS,
    basis_label,
    borrowed_label,
    figure_bar,
    figure_caveats,
    lead_figure,
)
from bot.answers.money import money_said, price_line
from bot.answers.notices import facts_text
from bot.answers.phrasing import first_sentence
from bot.answers.platform_fit import runs_there
from bot.answers.requirements import Requirements
from bot.answers.results import (
    Answer,
    Chart,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
)
from bot.answers.screening import Screened, screen
from bot.answers.steps import step
from bot.intents.models import Aspect, Intent, IntentKind, Measure
from bot.intents.thread_setup import as_list
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Basis, Figure, Level, Mesh, Metric, Platform, Scope, Status
from bot.knowledge.wording import amount, figure_text, rate_text

# a feature's levels a ranking keeps: in full, or partly (said beside the bar)
HAS_IT = frozenset({Level.yes, Level.partial, Level.extension, Level.enterprise})


def _count(intent: Intent, fact: str) -> int | None:
    value = intent.facts.get(fact)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _candidates(
    kb: KnowledgeBase, intent: Intent, platforms: list[Platform]
) -> tuple[list[Mesh], list[Screened], str]:
    """The current meshes that run on every platform said, with every feature asked about at
    least partly (running no mesh only where none is asked: it has a feature only as tools
    beside it do), among those named if any ("cheapest of linkerd, kuma and cilium"), that the
    thread's stated requirements leave (`screen`: its must-haves, must-nots, support and
    licence; "ok what is lightest of the ones that can?"); with how each left was screened,
    and the rules said that ruled some out."""
    left = [
        m
        for m in kb.current_meshes()
        if (not intent.meshes or m.id in intent.meshes)
        and all(m.features[f].level in HAS_IT for f in intent.features if f in m.features)
        and not (intent.features and m.status == Status.baseline)
        and all(runs_there(m, p) for p in platforms)
    ]
    screened = screen(kb, left, intent.facts)
    kept = [s for s in screened if not s.out]
    return [s.mesh for s in kept], kept, _ruled_by(kb, intent, screened)


def _ruled_by(kb: KnowledgeBase, intent: Intent, screened: list[Screened]) -> str:
    """'a proxy in every pod, none shared by a node's pods': the rules said that ruled an
    offering out of the ranking, beside the platform and must-haves the lead names anyway."""
    ruling = {f.constraint for s in screened if s.out for f in s.reasons}
    named = {"platform", "needs"}
    facts = [c.fact for c in kb.rules.constraints if c.id in ruling and c.fact not in named]
    said = {f: intent.facts[f] for f in dict.fromkeys(facts) if f in intent.facts}
    return facts_text(kb, said) if said else ""


def _partly_kept(kept: list[Screened], asked: list[str]) -> str:
    """' Linkerd meets only partly: traffic mirroring partial.': the must-haves said before
    (not those this question asks, which the ranking's own labels qualify) that an offering
    ranked meets only partly or unconfirmed."""
    said = []
    for s in kept:
        short = [
            f.text for f in s.caveats if f.feature and not f.met_anyway and f.feature not in asked
        ]
        if short and s.mesh.status != Status.baseline:
            said.append(f" {s.mesh.name} meets only partly: {'; '.join(short)}.")
    return "".join(said)


def _partly(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> list[str]:
    """The features asked that the mesh has only partly, by name."""
    return [
        kb.features[f].name
        for f in intent.features
        if f in mesh.features and f in kb.features and mesh.features[f].level != Level.yes
    ]


def _partly_said(
    kb: KnowledgeBase, intent: Intent, meshes: list[Mesh], cite: Citations
) -> Paragraph | None:
    """Each ranked mesh that has a feature asked only partly, with its row's note: 'Istio
    ambient mode has JWT validation partly: …'."""
    said, sources = [], []
    for mesh in meshes:
        for f in intent.features:
            row = mesh.features.get(f)
            if row is None or row.level == Level.yes or f not in kb.features:
                continue
            why = first_sentence(row.note).rstrip(".") if row.note else row.level.value
            said.append(f"{mesh.name} has {kb.features[f].name} only partly: {why}.")
            sources += row.sources
    return Paragraph(text=" ".join(said), sources=cite.cite(sources)) if said else None


def _benchmark(
    kb: KnowledgeBase, meshes: list[Mesh], measure: Measure | None
) -> tuple[Metric, dict[str, Figure]]:
    """The metric to rank by and, for a delay or CPU, each mesh's figure from the one benchmark
    (source) that measured the most of them for themselves. Proxy memory adds up over the
    fleet, so it ranks every mesh's best-sourced figure (empty mapping)."""
    if measure not in (Measure.latency, Measure.cpu):
        return Metric.proxy_memory, {}
    best: tuple[int, Metric, dict[str, Figure]] = (0, MEASURE_METRICS[measure][0], {})
    for metric in MEASURE_METRICS[measure]:
        by_source: dict[str, dict[str, Figure]] = {}
        for mesh in meshes:
            for figure in mesh.overhead:
                if figure.metric == metric and not figure.borrowed_from:
                    for source in figure.sources:
                        by_source.setdefault(source, {}).setdefault(mesh.id, figure)
        for measured in by_source.values():
            if len(measured) > best[0]:
                best = (len(measured), metric, measured)
    return best[1], best[2]


def lightest(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    pods = _count(intent, "pods") or _count(intent, "services") or DEFAULT_PODS
    said = f"{pods:,} pods" if _count(intent, "pods") else f"{pods:,} pods (assumed)"
    nodes = _count(intent, "nodes") or max(1, math.ceil(pods / PODS_PER_NODE))
    platforms = Requirements.from_facts(kb.rules, intent.facts).platforms
    meshes, kept, ruled_by = _candidates(kb, intent, platforms)
    metric, benchmark = _benchmark(kb, meshes, intent.measure)
    by_size = metric == Metric.proxy_memory  # memory adds up over the fleet; a delay does not
    ranked = []
    elsewhere = []  # measured, but only in other benchmarks than the one ranked
    offloaded: list[tuple[Mesh, Figure]] = []  # managed data planes outside the cluster
    allowances: list[tuple[Mesh, Figure]] = []  # a vendor's sizing guidance, not measured
    lent: list[tuple[Mesh, Figure]] = []  # another mesh's measurement: ranked only if all are
    for mesh in meshes:
        figure = benchmark.get(mesh.id) if benchmark else lead_figure(kb, mesh, metric)
        if figure is None and benchmark and lead_figure(kb, mesh, metric):
            elsewhere.append(mesh)
            continue
        if figure is None or (by_size and figure.per not in (Scope.pod, Scope.node)):
            continue
        if _must_haves(intent) and figure.borrowed_from:  # the lender's mode, maybe not this one
            continue
        if figure.high == 0:  # no proxy in the cluster: paid for by use, not in memory
            offloaded.append((mesh, figure))
            continue
        if figure.basis == Basis.guidance:  # an allowance to size for, never measured
            allowances.append((mesh, figure))
            continue
        count = (pods if figure.per == Scope.pod else nodes) if by_size else 1
        ranked.append((figure.high * count, mesh, figure, count))
    if any(not f.borrowed_from for _, _, f, _ in ranked):  # measured ones rank; lent, apart
        lent = [(m, f) for _, m, f, _ in ranked if f.borrowed_from]
        ranked = [r for r in ranked if not r[2].borrowed_from]
    ranked.sort(key=lambda r: r[0])
    measured = _MEASURED.get(metric, metric.value.replace("_", " "))
    among = _among(kb, intent, platforms, ruled_by)
    bars = [
        figure_bar(_bar_label(kb, mesh, figure, _partly(kb, intent, mesh)), figure, count, cite)
        for _, mesh, figure, count in ranked
    ]
    items = [
        Statement(
            label=mesh.name,
            text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of})"
            + "".join(f"; {w}" for w in (borrowed_label(kb, figure), basis_label(figure)) if w),
            sources=cite.cite(figure.sources),
        )
        for _, mesh, figure, _ in ranked
    ]
    # Each offering is said once: ranked, or in the one place that says why it is not.
    set_apart = {m.id for m, _ in [*allowances, *lent, *offloaded]}
    unmeasured = [
        m.name
        for m in meshes
        if m.id not in {r[1].id for r in ranked} | set_apart | {e.id for e in elsewhere}
        and not (ranked and m.status == Status.baseline)  # "running no mesh costs nothing"
    ]
    own = unranked.measured_elsewhere(elsewhere, metric)
    at = f" at {said}, {nodes:,} nodes" if by_size else ""
    if ranked:
        total, first, figure, _ = ranked[0]
        basis = "in that one benchmark" if benchmark else "from its best-sourced figure"
        caveats = figure_caveats(kb, figure)  # another mesh's measurement, or a peak
        said = "lightest with a figure" if figure.borrowed_from else "lightest measured"
        # Unsized, the figure is one proxy's, at the rate it was measured at.
        unit = "" if by_size else f" per {figure.per.value.replace('_', ' ')}{rate_text(figure)}"
        summary = (
            f"{among}y {measured}{at}, {first.name} is the {said}: about "
            f"{amount(total, figure.unit)}{unit} {basis}{f' ({caveats})' if caveats else ''}"
            f"{_extra_proxies(first, metric)}."
            + (unranked.worst_case_note([f for *_, f, _ in ranked]) if benchmark else "")
            + " "
            + _unlike(kb, [(m, f) for _, m, f, _ in ranked], meshes)
        ).strip() + _partly_kept(kept, intent.features)
        # Who is left out of the ranking, and why, follows the chart: the lead stays the
        # verdict and what qualifies it.
        # a feature asked is one running no mesh lacks: no answer to "lightest with JWT"
        free = "" if intent.features else "Running no mesh costs nothing at all."
        apart = f"{_lent(kb, lent)}{free}".strip()
    else:
        summary = f"No {measured} figures are recorded for these meshes, so I can't rank them."
        apart = ""
    if benchmark:
        note = (
            f"Ranked by {measured} from one benchmark, the one that measured the most of these "
            "meshes, so like is set against like: such figures depend on the load and hardware "
            "measured. Licence fees and support prices are not part of this ranking."
        )
        if own:
            note += (
                " Not ranked here, measured only in other benchmarks (not like for like): "
                f"{unranked.elsewhere_text(own)}."
            )
        own_ids = {o.id for o, _ in own}
        lent_only = [m.name for m in elsewhere if m.id not in own_ids]
        if lent_only:
            note += (
                " Not ranked here, as their figures are borrowed from the mesh they are built "
                f"on: {', '.join(lent_only)}."
            )
        items += unranked.elsewhere_items(own, cite)
    else:
        note = (
            f"Ranked by {measured} only, from each mesh's best-sourced figure; figures come from "
            "different benchmarks and are not strictly comparable. Licence fees and support "
            "prices are not part of this ranking."
        )
    if unmeasured:
        note += f" No published figures for {', '.join(unmeasured)}."
    if allowances:
        note += " " + _allowances(allowances, pods, nodes if by_size else 0)
        items += [
            Statement(
                label=mesh.name,
                text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of}); "
                f"{basis_label(figure)}",
                sources=cite.cite(figure.sources),
            )
            for mesh, figure in allowances
        ]
    if offloaded:
        apart = f"{_offloaded(offloaded)} {apart}".strip()
        if intent.aspect != Aspect.price:  # else said with the others' prices
            note += " " + " ".join(f"{m.name}: {f.conditions}." for m, f in offloaded)
    heading = f"Proxy memory at {pods:,} pods" if by_size else measured.capitalize()
    points: list[Part] = [Chart(heading=heading, bars=bars)] if bars else []
    if partly := _partly_said(kb, intent, [m for _, m, _, _ in ranked], cite):
        points.append(partly)
    if apart:
        points.append(Paragraph(text=apart))
    points.append(Paragraph(text=note))
    if intent.aspect == Aspect.price:  # "including licence costs": each one's, as held
        money, money_sources = money_said(kb, [m for m in meshes if m.status != Status.baseline])
        points.insert(1 if bars else 0, Paragraph(text=money, sources=cite.cite(money_sources)))
        first_terms = f"On money, {price_line(ranked[0][1])}; the" if ranked else "The"
        summary += f" {first_terms} others' licence fees and prices, as I hold them, follow."
    figures = [StatementList(heading="Figures behind the ranking", items=items)]
    steps = [
        step(f"Full cost at {pods:,} pods", IntentKind.cost, facts={**intent.facts, "pods": pods}),
        step("Recommend for my setup", IntentKind.recommend, facts=intent.facts),
    ]
    return build_answer(
        kb,
        intent,
        cite,
        title="The lightest mesh",
        lead=summary,
        points=points,
        details=[Section(key="figures", label="Figures behind the ranking", parts=figures)],
        next_steps=steps,
    )


_MEASURED = {
    Metric.proxy_memory: "data-plane proxy memory",
    Metric.proxy_cpu: "proxy CPU",
    Metric.latency_p50: "added latency at p50",
    Metric.latency_p90: "added latency at p90",
    Metric.latency_p99: "added latency at p99",
}


def _among(kb: KnowledgeBase, intent: Intent, platforms: list[Platform], ruled_by: str) -> str:
    """What the ranking keeps to: "Among meshes with mutual TLS that run on EKS, b", "Among
    Linkerd and Kuma, b", "… that meet what you said (no sidecars), b"."""
    names = [kb.meshes[m].name for m in intent.meshes if m in kb.meshes]
    pool = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "meshes"
    kept = [f"with {_features(kb, intent)}"] if _must_haves(intent) else []
    platform = kb.rules.fact("platform")
    if platforms and platform:
        kept.append(f"that run on {platform.says([p.value for p in platforms])}")
    if ruled_by:
        kept.append(f"{'and ' if kept else ''}that meet what you said ({ruled_by})")
    return f"Among {' '.join([pool, *kept])}, b" if kept or names else "B"


def _must_haves(intent: Intent) -> list[str]:
    """The features asked about, and the must-haves the thread said before."""
    return list(dict.fromkeys([*intent.features, *as_list(intent.facts.get("needs"))]))


def _features(kb: KnowledgeBase, intent: Intent) -> str:
    names = [kb.features[f].name.lower() for f in _must_haves(intent) if f in kb.features]
    return " and ".join(names)


def _extra_proxies(mesh: Mesh, metric: Metric) -> str:
    """', plus 60 MB per waypoint where you deploy one': the mesh's proxies that the
    per-pod or per-node total leaves out."""
    extra = [f for f in mesh.overhead if f.metric == metric and f.per == Scope.waypoint]
    return "".join(f", plus {figure_text(f)}{rate_text(f)} where you deploy one" for f in extra[:1])


def _bar_label(kb: KnowledgeBase, mesh: Mesh, figure: Figure, partly: list[str]) -> str:
    """The mesh's name; what its figure counts where the mesh holds figures for other parts
    ("cilium-envoy, mesh part only" beside the whole agent); whose measurement it is where
    it is another's; the features asked it has only partly."""
    lender = kb.meshes.get(figure.borrowed_from or "")
    modes = {f.mode for f in mesh.overhead if f.metric == figure.metric}
    said = [figure.mode] if len(modes) > 1 else []
    said += [f"{name} partial" for name in partly]
    said += [f"borrowed: {lender.name}'s figure"] if lender else []
    said += [w for w in (basis_label(figure),) if w]
    return f"{mesh.name} ({'; '.join(said)})" if said else mesh.name


def _allowances(allowances: list[tuple[Mesh, Figure]], pods: int, nodes: int) -> str:
    """Offerings whose only figure is a vendor's sizing guidance: said apart, not ranked."""
    said = []
    for mesh, figure in allowances:
        count = (pods if figure.per == Scope.pod else nodes) if nodes else 1
        low, high = (amount(v * count, figure.unit) for v in (figure.low, figure.high))
        total = low if low == high else f"{low}–{high}"
        at = f" ({total} at this size)" if nodes else ""
        said.append(f"{mesh.name}: {figure_text(figure)}{at}")
    return (
        "Not ranked, as the only figure is the vendor's sizing guidance for the proxy, not a "
        f"measurement: {'; '.join(said)}."
    )


def _unlike(kb: KnowledgeBase, ranked: list[tuple[Mesh, Figure]], meshes: list[Mesh]) -> str:
    """Up front, where a peak under load is ranked against typical values: that the gap is
    not like for like, and what one source that measured the peak mesh and another alike
    found ("Linkerd 26.3 MB against Istio's 156.2 MB a proxy, both peaks")."""
    peaks = [(m, f) for m, f in ranked if f.basis == Basis.peak]
    if not peaks or len(peaks) == len(ranked):
        return ""
    names = ", ".join(m.name for m, _ in peaks)
    said = (
        f"{names}'s figure is a peak under load and the others' are typical values, so "
        "that gap is not like for like."
    )
    mesh, peak = peaks[0]
    alike = [
        (other, f)
        for other in meshes
        if other.id != mesh.id
        for f in other.overhead
        if f.metric == peak.metric
        and f.basis == peak.basis
        and not f.borrowed_from
        and set(f.sources) & set(peak.sources)
        and f.per == peak.per
    ]
    if alike:
        other, theirs = alike[0]
        source = kb.sources[sorted(set(theirs.sources) & set(peak.sources))[0]]
        said += (
            f" Measured alike ({source.publisher}, {source.date.year}"
            f"{', vendor-run' if source.vendor_authored else ''}, both peaks): "
            f"{mesh.name} {figure_text(peak)} against {other.name} {figure_text(theirs)}."
        )
    return said + " "


def _lent(kb: KnowledgeBase, lent: list[tuple[Mesh, Figure]]) -> str:
    """The offerings with no measurement of their own, set apart from the ranking."""
    if not lent:
        return ""
    by_lender: dict[str, list[str]] = {}
    for mesh, figure in lent:
        lender = kb.meshes.get(figure.borrowed_from or "")
        by_lender.setdefault(lender.name if lender else "another mesh", []).append(mesh.name)
    said = []
    for lender, names in by_lender.items():
        one = len(names) == 1
        said.append(
            f"{_and(names)} {'has' if one else 'have'} no measurement of "
            f"{'its' if one else 'their'} own and {'reuses' if one else 'reuse'} {lender}'s "
            f"figure for the same proxy, so {'it weighs' if one else 'they weigh'} what "
            f"{lender} weighs."
        )
    return f"Not ranked on their own: {' '.join(said)} "


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _offloaded(offloaded: list[tuple[Mesh, Figure]]) -> str:
    """Offerings with no proxy in the cluster, said apart rather than ranked at 0 MB."""
    names = ", ".join(f"{m.name} ({f.mode})" for m, f in offloaded)
    return (
        f"Not ranked: {names} runs no proxy in your cluster; it is billed by use instead, "
        "so its cost is not comparable in memory."
    )
