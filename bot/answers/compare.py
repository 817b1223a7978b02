"""Compare 2 to 4 meshes: what decides first (architecture, project, overhead), then the
differences that matter, then details on demand."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import scoring
from bot.answers.alternatives import closest_alternatives
from bot.answers.assembly import build_answer
from bot.answers.but_for import pick_but_for
from bot.answers.citations import Citations, evidence_date, source_rank
from bot.answers.claims import claims_section
from bot.answers.deciding import architecture, deciding_facts
from bot.answers.figures import figure_caveats, lead_figure
from bot.answers.gives_up import gives_up_lead, migration_lead
from bot.answers.licensing import licence_lead
from bot.answers.notices import status_detail
from bot.answers.phrasing import first_sentence, mesh_names
from bot.answers.results import (
    Answer,
    Bar,
    Chart,
    Choice,
    Matrix,
    MatrixRow,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
)
from bot.answers.steps import default_pair, standard_steps, step
from bot.intents.models import MAX_COMPARE, Aspect, Intent, IntentKind
from bot.intents.requirements import implied
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    Category,
    FactValue,
    Figure,
    Level,
    LicenceKind,
    Mesh,
    Metric,
    Rule,
    Scope,
    Support,
)
from bot.knowledge.wording import LEVEL_WORDS, NOT_APPLICABLE, figure_text, level_words

# The differences on the first card, by the number of meshes (the rest: "All features").
KEY_ROWS = {2: 5, 3: 4, 4: 3}
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
DIFFERENCES_LEAD_PAST = 2  # offerings compared past which the differences lead the card
SAID_KEPT = 16  # sets of meshes compared whose comparison is remembered (each holds ~300 objects)
NOT_COMPARABLE = " — from a different source than the others; not directly comparable"


def _meshes(kb: KnowledgeBase, intent: Intent) -> list[str]:
    ids = [m for m in intent.meshes if m in kb.meshes][:MAX_COMPARE]
    for extra in default_pair(kb) + [m.id for m in kb.current_meshes()]:
        if len(ids) >= 2:
            break
        if extra not in ids:
            ids.append(extra)
    return ids


def _statement(
    kb: KnowledgeBase, mesh: Mesh, figure: Figure, cite: Citations, comparable: bool
) -> Statement:
    caveats = figure_caveats(kb, figure)
    caveat = f" — {caveats}" if caveats else ("" if comparable else NOT_COMPARABLE)
    return Statement(
        label=f"{mesh.name}, {figure.metric.value.replace('_', ' ')} ({figure.mode})",
        text=f"{figure_text(figure)}; {figure.conditions} (as of {figure.as_of}){caveat}",
        sources=cite.cite(figure.sources),
    )


def _overhead(kb: KnowledgeBase, meshes: list[Mesh]) -> list[tuple[Mesh, Figure, bool]]:
    """Per metric, the figures of one source that measured every mesh; else each mesh's
    lead figure, flagged as not comparable (figures from different benchmarks are not,
    and a borrowed figure was not measured for its mesh at all)."""
    chosen = []
    for metric in _OVERHEAD_METRICS:
        by_mesh = [
            [f for f in m.overhead if f.metric == metric and not f.borrowed_from] for m in meshes
        ]
        shared = set.intersection(*({s for f in fs for s in f.sources} for fs in by_mesh))
        if shared:
            source = min(shared, key=lambda s: source_rank(kb, s))
            for mesh, figures in zip(meshes, by_mesh, strict=True):
                chosen.append((mesh, next(f for f in figures if source in f.sources), True))
            continue
        leads = [(m, f) for m in meshes if (f := lead_figure(kb, m, metric))]
        # The measurement the others borrow is no "different source" from theirs.
        common = set.intersection(*(set(f.sources) for _, f in leads)) if leads else set()
        chosen += [
            (m, f, len(leads) == 1 or (bool(common) and not f.borrowed_from)) for m, f in leads
        ]
    return chosen


def _memory_chart(kb: KnowledgeBase, chosen: list[tuple[Mesh, Figure, bool]]) -> list[Part]:
    memory = [
        (m, f)
        for m, f, comparable in chosen
        if f.metric == Metric.proxy_memory and f.per == Scope.pod and comparable
    ]
    if len(memory) < 2:
        return []
    source = kb.sources[memory[0][1].sources[0]]
    vendor = ", vendor-run" if source.vendor_authored else ""
    return [
        Chart(
            heading=f"Proxy memory per pod in one benchmark ({source.publisher}, "
            f"{source.date.year}{vendor})",
            bars=[
                Bar(label=m.name, low=f.low, high=f.high, unit=f.unit, sources=list(f.sources))
                for m, f in memory
            ],
        )
    ]


def _overhead_parts(kb: KnowledgeBase, meshes: list[Mesh], cite: Citations) -> list[Part]:
    chosen = _overhead(kb, meshes)
    if not chosen:
        return []
    items = [_statement(kb, m, f, cite, ok) for m, f, ok in chosen]
    return [
        *_memory_chart(kb, chosen),
        StatementList(
            heading="Overhead (one benchmark for all where one exists; see cost for all)",
            items=items,
        ),
    ]


def _differences(
    kb: KnowledgeBase, meshes: list[Mesh], cite: Citations
) -> tuple[list[MatrixRow], list[str]]:
    """Rows where the meshes differ, grouped by category (the category with the biggest
    difference first, then the biggest differences within it); and what is the same."""
    scored: list[tuple[int, MatrixRow]] = []
    same = []
    for feature in kb.features.values():
        supports = [m.features[feature.id] for m in meshes]
        if sibling := _in_a_sibling_mode(kb, meshes, supports):  # OSSM 3 against Istio
            same.append(f"{feature.name} ({sibling})")
            continue
        levels = [s.level for s in supports]
        reasons = [s.not_applicable for s in supports]
        if len(set(levels)) == 1:
            if levels[0] == Level.unknown:  # unknown in all: no likeness to report
                continue
            word = NOT_APPLICABLE if all(reasons) else LEVEL_WORDS[levels[0]]
            same.append(f"{feature.name} ({word})")
            continue
        sources = cite.cite(i for s in supports for i in s.sources)
        weights = [_LEVEL_WEIGHT[level] for level in levels]
        row = MatrixRow(
            label=feature.name,
            feature=feature.id,
            group=feature.category.value,
            cells=levels,
            not_applicable=reasons if any(reasons) else [],
            sources=sources,
            as_of=evidence_date(kb, sources),
        )
        scored.append((max(weights) - min(weights), row))
    biggest: dict[str, int] = {}
    for spread, row in scored:
        biggest[row.group] = max(biggest.get(row.group, 0), spread)
    order = [c.value for c in Category]
    scored.sort(key=lambda item: (-biggest[item[1].group], order.index(item[1].group), -item[0]))
    return [row for _, row in scored], same


def _in_a_sibling_mode(kb: KnowledgeBase, meshes: list[Mesh], supports: list[Support]) -> str:
    """'yes; for Istio (sidecar mode), as its project's Istio ambient mode': a row where one
    offering has the feature as a mode of running (OSSM 3's sidecarless row is Istio ambient
    mode) and every offering lacking it is another mode of that same project, described
    apart (Istio's sidecar entry). The gap is how the entries are split, not a difference
    between the products, so it is no difference."""
    modes = {s.mode for s in supports if s.mode and s.level == Level.yes}
    if len(modes) != 1:
        return ""
    mode = modes.pop()
    lacking = [m for m, s in zip(meshes, supports, strict=True) if s.level != Level.yes]
    if not lacking or mode not in kb.meshes or mode in {m.id for m in meshes}:
        return ""
    if not all(m.mode_aliases and mode in m.mode_aliases.beside for m in lacking):
        return ""
    names = ", ".join(m.name for m in lacking)
    return f"yes; for {names}, as its project's {kb.meshes[mode].name}"


def _key_rows(kb: KnowledgeBase, rows: list[MatrixRow], meshes: list[Mesh]) -> list[MatrixRow]:
    """The differences that matter most: the widest gaps between what is known, weighed by
    how often the feature decides between meshes (its `weight`); among equal scores, the
    ones a reader can check against the fewest sources. A row whose gap is only an unknown
    is no difference to lead with. Shown by area, each area once, the area of the widest
    gap first."""

    def score(row: MatrixRow) -> tuple[int, int]:
        weights = [_LEVEL_WEIGHT[c] for c in row.cells if c != Level.unknown]
        spread = max(weights) - min(weights) if len(weights) > 1 else 0
        weight = kb.features[row.feature].weight if row.feature in kb.features else 1
        return spread * weight, weight

    known = [r for r in rows if score(r)[0] > 0]
    key = sorted(known, key=lambda r: (-score(r)[0], -score(r)[1], len(r.sources)))
    key = key[: KEY_ROWS[len(meshes)]]
    areas = list(dict.fromkeys(r.group for r in key))
    return sorted(key, key=lambda r: areas.index(r.group))


def _read_from_size(kb: KnowledgeBase, intent: Intent) -> dict[str, FactValue]:
    """The facts a comparison reads from the size it is asked at (rules.yaml
    `compared_implied`: "for 5 clusters" is one mesh across them), beside those said."""
    facts = implied(kb.rules, intent.facts, implications=kb.rules.compared_implied)
    return {k: v for k, v in facts.items() if k not in intent.facts}


def _deciders(kb: KnowledgeBase, read: dict[str, FactValue]) -> list[str]:
    """The features the constraints on facts read from the size check: what then decides."""
    return [c.feature for c in kb.rules.constraints if c.fact in read and c.feature]


def _for_your_setup(
    kb: KnowledgeBase,
    intent: Intent,
    ids: list[str],
    cite: Citations,
    read: dict[str, FactValue],
) -> Paragraph | None:
    """The recommender's pick among the compared meshes, when the user told us facts (or the
    size they compare at implies them: `read`) that a constraint or decision rule weighs. How
    the features asked were said ("for mtls": by their name) is no setup: the rows asked for
    lead the comparison instead. Once a setup is weighed, though, those rows are needs of it:
    a mesh the comparison shows lacking one ("Cilium: no" to 200 VMs) never "fits what you
    said"."""
    known = {k: v for k, v in {**intent.facts, **read}.items() if k != "pods"}
    current = [kb.meshes[i] for i in ids if kb.meshes[i].is_current]
    if not (set(known) & scoring.weighed_facts(kb)) or len(current) < 2:
        return None
    weighed = _with_asked_needs(known, intent.features)
    result = scoring.evaluate(kb, weighed, current)
    # A compared mesh the setup rules out is said first, with why ("Linkerd doesn't run on
    # Nomad"), and where only a rule the user can give up keeps it from the pick, that too:
    # the pick is then what is left, not a preference.
    out = [s for s in result.screened if s.out]
    ruled = [
        f"{s.mesh.name} is out: {'; '.join(f.text for f in s.reasons)}. "
        f"{pick_but_for(kb, weighed, s)}".rstrip()
        for s in out
    ]
    if result.pick is None:
        if not out:
            return None
        return Paragraph(
            heading="For your setup",
            text=" ".join([*ruled, "None of those compared fits what you said."]),
            verdict=True,
            sources=cite.cite(x for s in out for f in s.reasons for x in f.sources),
        )
    level = [m for m in result.level if m in ids]
    telling = _telling(result, result.pick)[:2]
    pick = kb.meshes[result.pick].name
    if out and len(out) == len(result.screened) - 1:
        verdict = f"That leaves {pick}."
    elif len(level) > 1 and telling:
        # level on what you said: each one's own reason is the trade-off to weigh
        telling = [t for m in level for t in _telling(result, m)[:1]]
        verdict = f"{mesh_names(kb, level)} come out level on what you said; what sets them apart:"
    elif telling:
        verdict = f"{pick} fits best."
    elif out:
        verdict = f"The others fit what you said; {pick} ranks first on the rest."
    else:
        verdict = (
            "Each fits what you said, and nothing you said sets them apart: the licences, "
            f"releases and architecture under What decides do. {pick} ranks first on my "
            "general rules."
        )
    left = result.survivors
    said = [
        (whom, *rule.said_of(left, rule.sources, result.field.req.needs)) for whom, rule in telling
    ]
    reasons = " ".join(f"{whom}: {text}" for whom, text, _ in said)
    return Paragraph(
        heading="For your setup",
        text=" ".join([*ruled, verdict, *([reasons] if reasons else [])]),
        verdict=True,
        sources=cite.cite(
            [*(x for s in out for f in s.reasons for x in f.sources)]
            + [x for _, _, cited in said for x in cited]
        ),
    )


def _with_asked_needs(known: dict[str, FactValue], asked: list[str]) -> dict[str, FactValue]:
    """The setup with the features the comparison was asked on added to its needs, so the
    verdict weighs the same rows the reader sees first."""
    said = known.get("needs")
    needs = list(dict.fromkeys([*(said if isinstance(said, list) else []), *asked]))
    return {**known, "needs": needs} if needs else known


def _telling(result: scoring.Verdict, pick: str) -> list[tuple[str, Rule]]:
    """The fired rules that set the pick apart from the others compared, each said of the
    mesh it speaks of ("For X", "Against Y"); a reason true of them all decides nothing."""
    alive = [s for s in result.screened if not s.out]
    mine = next(s for s in alive if s.mesh.id == pick)
    told = []
    for rule in result.fired:
        weights = {s.mesh.id: scoring.weight(rule, s, result.field) for s in alive}
        others = [w for m, w in weights.items() if m != pick]
        if not others or weights[pick] <= max(others):
            continue
        low = min(weights, key=lambda m: weights[m])
        if weights[pick] <= 0 and scoring.holds_for(rule, mine, result.field):
            continue  # "against" the others, but as true of the pick
        if weights[pick] > 0:
            told.append((f"For {next(s.mesh.name for s in alive if s.mesh.id == pick)}", rule))
        else:
            told.append((f"Against {next(s.mesh.name for s in alive if s.mesh.id == low)}", rule))
    return told


def _next_steps(kb: KnowledgeBase, intent: Intent, meshes: list[Mesh]) -> list[Choice]:
    """Recommend; add the closest alternatives (see alternatives.py); cost; all features."""
    known = {k: v for k, v in intent.facts.items() if k != "pods"}
    ids = [m.id for m in meshes]
    steps = [step("Recommend for my setup", IntentKind.recommend, facts=known)]
    if len(ids) < MAX_COMPARE:
        steps += [
            step(f"Add {m.name}", IntentKind.compare, meshes=[*ids, m.id], facts=intent.facts)
            for m in closest_alternatives(kb, meshes, intent.facts)
        ]
    steps.append(step("Cost for my size", IntentKind.cost, meshes=ids, facts=intent.facts))
    return steps + standard_steps(kb, IntentKind.compare, only=(IntentKind.features,))


@dataclass(frozen=True)
class _Said:
    """What a comparison says of its meshes whatever else the question told us: made once
    per knowledge base and set of meshes (its parts are frozen, and citing only checks
    that a source is known)."""

    title: str
    lead: str
    lead_sources: list[str]
    first: list[Part]  # before the pick for their setup: status, what decides
    then: list[Part]  # after it: where they differ most, best for
    details: list[Section]


def _said(kb: KnowledgeBase, meshes: list[Mesh]) -> _Said:
    ids = tuple(m.id for m in meshes)
    return kb.kept("compared", ids, lambda: _say(kb, meshes, Citations(kb)), SAID_KEPT)


def _say(kb: KnowledgeBase, meshes: list[Mesh], cite: Citations) -> _Said:
    first: list[Part] = []
    retired = [m for m in meshes if not m.is_current]
    if details := " ".join(d for m in retired if (d := status_detail(m))):  # the lead flags them
        first.append(
            Paragraph(
                heading="Status",
                text=details,
                sources=cite.cite(s for m in retired for s in m.sources),
            )
        )
    lead, lead_sources = architecture(meshes, cite)
    then: list[Part] = []
    rows, same = _differences(kb, meshes, cite)
    columns = [m.name for m in meshes]
    key = _key_rows(kb, rows, meshes)
    differ = [Matrix(heading="Where they differ most", columns=columns, rows=key)] if key else []
    # What decides grows by a paragraph per offering: past two, the few rows where they
    # differ most lead, so the first card still shows them.
    deciding = [deciding_facts(kb, meshes, cite)]
    if len(meshes) > DIFFERENCES_LEAD_PAST:
        first += [*differ, *deciding]
    else:
        first += deciding
        then += differ
    then.append(
        StatementList(
            heading="Best for",
            items=[Statement(label=m.name, text=m.best_for) for m in meshes],
        )
    )
    all_features: list[Part] = []
    if rows:
        all_features.append(Matrix(heading="Every difference, by area", columns=columns, rows=rows))
    if same:
        all_features.append(Paragraph(heading="The same in all", text=", ".join(same) + "."))
    return _Said(
        title=f"{mesh_names(kb, [m.id for m in meshes])} compared",
        lead=lead,
        lead_sources=lead_sources,
        first=first,
        then=then,
        details=[
            Section(key="features", label="All features", parts=all_features),
            Section(
                key="overhead", label="Overhead figures", parts=_overhead_parts(kb, meshes, cite)
            ),
            claims_section(
                "Claims you may have read that are outdated",
                (c for m in meshes for c in m.outdated_claims),
                cite,
            ),
        ],
    )


def _on_what_was_asked(
    kb: KnowledgeBase,
    intent: Intent,
    meshes: list[Mesh],
    cite: Citations,
    read: dict[str, FactValue],
) -> tuple[str, list[str]]:
    """'On Multi-cluster: Kuma: yes. Multi-zone … Consul: yes. WAN federation …': the
    features the comparison is asked for ("kuma vs consul for multi-zone"), or that the size
    it is asked at makes the decider (`read`: "for 5 clusters"), each mesh's row, before
    anything else; '' where none is."""
    said, sources = [], []
    deciders = [f for f in _deciders(kb, read) if f not in intent.features]
    if deciders:
        labels = ", ".join(d.label for k in read if (d := kb.rules.fact(k)))
        names = " and ".join(kb.features[f].name for f in deciders if f in kb.features)
        said.append(f"From the size you compare them at I take it {labels}, so {names} decides.")
    for feature in (kb.features[f] for f in [*intent.features, *deciders][:2] if f in kb.features):
        rows = []
        for mesh in meshes:
            support = mesh.features[feature.id]
            note = f" {support.note}" if support.note else ""
            rows.append(f"{mesh.name}: {level_words(support.level, support.not_applicable)}.{note}")
            sources += cite.cite(support.sources)
        said.append(f"On {feature.name}: " + " ".join(rows))
    return " ".join(said), list(dict.fromkeys(sources))


def _pick_without_setup(meshes: list[Mesh]) -> str:
    """'Which to use depends on your setup, which you haven't said: Istio … is best for …;
    Linkerd for ….' A pick asked between named meshes with nothing to weigh them by."""
    fits = "; ".join(
        f"{m.name} is best for {first_sentence(m.best_for).rstrip('.')}" for m in meshes
    )
    return (
        f"Which to use depends on your setup, which you haven't said: {fits}. Tell me your "
        "platform, size and must-haves and I'll pick."
    )


def compare(kb: KnowledgeBase, intent: Intent) -> Answer:
    ids = _meshes(kb, intent)
    meshes = [kb.meshes[i] for i in ids]
    said = _said(kb, meshes)
    cite = Citations(kb)
    read = _read_from_size(kb, intent)
    setup = _for_your_setup(kb, intent, ids, cite, read)
    asked, asked_sources = _on_what_was_asked(kb, intent, meshes, cite, read)
    if intent.aspect == Aspect.pick:  # "should we use istio or linkerd?" with no setup
        asked = _pick_without_setup(meshes) + (f" {asked}" if asked else "")
    elif intent.aspect == Aspect.licence:  # "is consul still open source? … consul or istio"
        employees = intent.facts.get("employees")
        counted = employees if isinstance(employees, int) else None
        # a licence that is not plain open source is the news: said first
        plain = [m for m in meshes if m.fit and m.fit.licence == LicenceKind.open_source]
        leads = [licence_lead(m, counted, cite) for m in sorted(meshes, key=plain.__contains__)]
        asked = " ".join(lead for lead, _ in leads) + (f" {asked}" if asked else "")
        asked_sources = [*(s for _, sources in leads for s in sources), *asked_sources]
    elif intent.aspect == Aspect.drawbacks and setup:  # "why not istio?" after a pick
        versus = mesh_names(kb, ids[1:])
        asked = f"Why {kb.meshes[ids[0]].name} over {versus} for your setup: {setup.text}"
        asked_sources, setup = setup.sources, None
    elif intent.aspect == Aspect.gives_up:  # "what do we lose?": the move's losses first
        lost, lost_sources = gives_up_lead(kb, meshes[0], meshes[1], cite)
        asked, asked_sources = f"{lost} {asked}".strip(), [*lost_sources, *asked_sources]
    elif intent.aspect == Aspect.migration:  # "how hard is the migration?": as far as held
        move, move_sources = migration_lead(kb, meshes[0], meshes[1], cite)
        asked, asked_sources = f"{move} {asked}".strip(), [*move_sources, *asked_sources]
    cite.read_more(s for m in meshes for s in m.sources)
    return build_answer(
        kb,
        intent,
        cite,
        title=said.title,
        lead=f"{asked} {said.lead}" if asked else said.lead,
        lead_sources=list(dict.fromkeys([*asked_sources, *said.lead_sources])),
        points=[*said.first, *([setup] if setup else []), *said.then],
        details=list(said.details),
        next_steps=_next_steps(kb, intent, meshes),
    )
