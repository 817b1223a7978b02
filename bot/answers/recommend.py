"""Recommend an offering: what was ruled out and why, the trade-offs among the rest, the
pick (or an honest tie), what would change it, and the question that matters most next."""

from __future__ import annotations

from dataclasses import replace

from bot.answers import arguing, choosing, editions, firmness, scoring, whatif, wishes
from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.footprint import DEFAULT_PODS
from bot.answers.kept_rules import kept_needs, need_gave_way, want_gave_way
from bot.answers.managed_elsewhere import managed_elsewhere
from bot.answers.notices import facts_text
from bot.answers.phrasing import after_colon, first_sentence, mesh_names, ordinal
from bot.answers.platform_licence import platform_licence
from bot.answers.requirements import Requirements
from bot.answers.results import (
    Answer,
    Choice,
    FollowUp,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
    Table,
    TableRow,
)
from bot.answers.scoring import Change, Outlook, Verdict
from bot.answers.screening import Finding, Screened, free_edition
from bot.answers.steps import standard_steps, step
from bot.answers.support import support_lead
from bot.answers.told_last import with_told_last
from bot.answers.traded import traded_note
from bot.answers.ways_out import WayOut, ways_out, ways_out_items, ways_out_lead
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    FactDef,
    FactValue,
    Mesh,
    Question,
    Rule,
    RulesFile,
    ScreeningTest,
    StableBuilds,
)
from bot.knowledge.wording import amount

KEY_REASONS = 3  # reasons on the first card; all of them behind "All reasons"
KEY_RULED_OUT = 3  # reasons the ruled-out line groups eliminations by; all behind "Ruled out"
GROUP_NAMES = 4  # offerings named for one reason in that line
MAX_CHANGES = 5
MAX_LEANING = 3  # offerings named in a reason's label
SIZED_TRAITS = frozenset({"lightest_at_size"})  # reasons that show the memory at your size
SITE_TRAITS = frozenset({"lightest_control_plane"})  # reasons that show control-plane memory
RETIRED_TRAITS = frozenset(
    {"successor", "migration_path", "provider_successor"}
)  # reasons that cite the retired mesh's own sources


def _leaning(kb: KnowledgeBase, rule: Rule, verdict: Verdict) -> str:
    """Which way a rule pushes among the offerings left: 'For Linkerd; against Istio'."""
    deltas = {m: scoring.weight(rule, verdict.of(m), verdict.field) for m in verdict.survivors}
    up = [m for m, d in deltas.items() if d > 0]
    down = [m for m, d in deltas.items() if d < 0]
    bits = []
    for word, ids in (("for", up), ("against", down)):
        if ids:
            more = len(ids) - MAX_LEANING
            names = (
                mesh_names(kb, ids[:MAX_LEANING])
                if more <= 0
                else (", ".join(kb.meshes[m].name for m in ids[:MAX_LEANING]) + f" and {more} more")
            )
            bits.append(f"{word} {names}")
    text = "; ".join(bits)
    return text[:1].upper() + text[1:]


def _footprints(kb: KnowledgeBase, verdict: Verdict) -> tuple[str, list[str]]:
    """'At 1,500 pods: Istio ambient mode about 600 MB, Linkerd about 30 GB.' from the
    overhead figures, lightest first, with their sources."""
    found = sorted(verdict.field.footprints.items(), key=lambda item: item[1].total)
    shown = found[:MAX_LEANING]
    if not shown:
        return "", []
    size = verdict.field.req.size
    bits = [f"{kb.meshes[m].name} about {amount(f.total, f.unit)}" for m, f in shown]
    nodes = verdict.field.req.nodes
    on = f" on {nodes:,} nodes" if nodes else ""
    text = (
        f" At {size:,} pods{on} (a pod a service where only services are known): "
        if size
        else f" At {DEFAULT_PODS:,} pods (a size I assumed: you gave none): "
    )
    return text + ", ".join(bits) + ".", [s for _, f in shown for s in f.sources]


def _control_planes(kb: KnowledgeBase, verdict: Verdict) -> tuple[str, list[str]]:
    """' A control plane each: Linkerd about 365 MB, Istio ambient mode about 597 MB
    (borrowed: measured for Istio (sidecar mode)).' from the overhead figures, lightest first."""
    found = sorted(verdict.field.control_planes.items(), key=lambda item: item[1].total)
    shown = found[:MAX_LEANING]
    if not shown:
        return "", []
    bits = [
        f"{kb.meshes[m].name} about {amount(f.total, f.unit)}"
        + (
            f" (borrowed: measured for {kb.meshes[f.borrowed_from].name})"
            if f.borrowed_from
            else ""
        )
        for m, f in shown
    ]
    text = " A control plane each, at its lightest (peaks in a small test app): "
    return text + ", ".join(bits) + ".", [s for _, f in shown for s in f.sources]


def _rule_sources(kb: KnowledgeBase, rule: Rule, verdict: Verdict) -> list[str]:
    """A rule's sources; with `cite_weighed`, only those of the offerings it weighs here; a
    reason about the retired mesh they move off cites that mesh's main source first (its
    status: the retirement notice)."""
    retired = kb.meshes.get(verdict.field.req.retired_mesh or "")
    if retired and any(t in RETIRED_TRAITS for t in rule.traits):
        # the notices of the mesh they leave, not those of other retired meshes
        own = [s for s in rule.sources if s in retired.sources]
        return list(dict.fromkeys([*retired.sources[:1], *own]))
    if not rule.cite_weighed:
        return list(rule.sources)
    weighed = [
        verdict.of(m).mesh
        for m in verdict.survivors
        if scoring.weight(rule, verdict.of(m), verdict.field)
    ]
    theirs = {sid for mesh in weighed for sid in mesh.offering_sources}
    return [sid for sid in rule.sources if sid in theirs] or list(rule.sources)


def _rival(verdict: Verdict) -> str | None:
    """The offering the pick was chosen over: the runner-up, else the next one left."""
    if len(verdict.tied) > 1:
        return None
    return verdict.runner_up or next(iter(verdict.survivors[1:]), None)


def _by_weight_on_the_pick(verdict: Verdict) -> list[Rule]:
    """The rules that fired: first those that put the pick ahead of the offering it was
    chosen over (most first), then those that move the pick (or a tied offering) most; the
    order in rules.yaml breaks ties. A reason that weighs the pick and its rival alike
    decided nothing between them, so it comes after every one that did."""
    top = [verdict.of(m) for m in verdict.tied]
    rival = _rival(verdict)

    def moves(rule: Rule) -> int:
        return max((abs(scoring.weight(rule, s, verdict.field)) for s in top), default=0)

    def ahead(rule: Rule) -> int:
        if rival is None or verdict.pick is None:
            return 0
        field = verdict.field
        gap = scoring.weight(rule, verdict.of(verdict.pick), field) - scoring.weight(
            rule, verdict.of(rival), field
        )
        return max(gap, 0)

    return sorted(verdict.fired, key=lambda rule: (-ahead(rule), -moves(rule)))


def _decided_by_screening(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> Statement | None:
    """What screening decided, where it did: the pick is the only mesh left, or the only
    offering left that meets every requirement in full."""
    pick = verdict.pick
    if pick is None or len(verdict.tied) > 1:
        return None
    mine = verdict.of(pick)
    others = [verdict.of(m) for m in verdict.survivors[1:]]
    meshes = [s for s in others if not (s.mesh.fit and s.mesh.fit.mesh is False)]
    name = kb.meshes[pick].name
    out = len(verdict.ruled_out)
    if not meshes and out:
        held = "; ".join(f.text for f in mine.caveats)
        lead = editions.only_edition_text(kb, mine.mesh, verdict.field.req, out) or (
            f"{name} is the only mesh your requirements leave"
            + (f" ({held})" if held else "")
            + f": the other {out} offerings are ruled out (see Ruled out)"
        )
        text = lead + (", and running no mesh falls short of what you need." if others else ".")
        sources = [f.sources[0] for f in mine.caveats if f.sources]
        sources += [s.reasons[0].sources[0] for s in verdict.ruled_out if s.reasons[0].sources]
        return Statement(label=f"For {name}", text=text, sources=cite.cite(sources[:3]))
    if mine.shortfalls or not others or min(s.shortfalls for s in others) == 0:
        return None
    nearest = min(others, key=lambda s: s.shortfalls)
    text = (
        f"{name} meets everything you require in full; every other option left falls short "
        f"somewhere ({nearest.mesh.name}: {'; '.join(f.text for f in nearest.caveats)})."
    )
    sources = [f.sources[0] for f in nearest.caveats if f.sources]
    return Statement(label=f"For {name}", text=text, sources=cite.cite(sources[:2]))


def _rival_falls_short(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> Statement | None:
    """Where the pick leads the offering it was chosen over on what each meets in full: the
    rival's caveats the pick does not share."""
    rival = _rival(verdict)
    if rival is None or verdict.pick is None:
        return None
    # a gap the pick shares on the same need (its own wording aside) is none it meets in full
    mine = {_need_of(f) for f in verdict.of(verdict.pick).caveats if not f.met_anyway}
    theirs = [f for f in verdict.of(rival).caveats if _need_of(f) not in mine and not f.met_anyway]
    if not theirs or verdict.of(rival).shortfalls <= verdict.of(verdict.pick).shortfalls:
        return None
    name, other = kb.meshes[verdict.pick].name, kb.meshes[rival].name
    text = f"It meets what {other} does not in full: {'; '.join(f.text for f in theirs)}."
    sources = [f.sources[0] for f in theirs if f.sources]
    return Statement(label=f"For {name}", text=text, sources=cite.cite(sources[:2]))


def _need_of(finding: Finding) -> str:
    """What a caveat falls short on: the must-have feature it read, else its constraint."""
    return finding.feature or finding.constraint


def _outdone_by_the_pick(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> Statement | None:
    """Where a must-have decided: an offering that would stand level with the pick or ahead
    of it but for a must-have it meets only partly, which the pick meets in full."""
    pick = verdict.pick
    if pick is None or len(verdict.tied) > 1 or verdict.of(pick).shortfalls:
        return None
    top = verdict.scores[pick]
    passed = [
        m for m, cost in verdict.outdone.items() if m != pick and verdict.scores[m] + cost >= top
    ]
    if not passed:
        return None
    # the one it would stand furthest ahead of the pick, the first of those in rank order
    other = verdict.of(max(passed, key=lambda m: verdict.scores[m] + verdict.outdone[m]))
    short = [f for f in other.caveats if f.feature and not f.met_anyway]
    name, theirs = kb.meshes[pick].name, other.mesh.name
    stand = (
        "ahead" if verdict.scores[other.mesh.id] + verdict.outdone[other.mesh.id] > top else "level"
    )
    text = (
        f"It meets in full what {theirs} meets only partly, and you require it: "
        f"{'; '.join(f.text for f in short)}. On the rest {theirs} would stand {stand}, but a "
        "must-have met in full outweighs that."
    )
    sources = [f.sources[0] for f in short if f.sources]
    return Statement(label=f"For {name}", text=text, sources=cite.cite(sources[:2]))


def _reasons(
    kb: KnowledgeBase, verdict: Verdict, cite: Citations
) -> tuple[list[Statement], list[Statement]]:
    """Why the pick: what screening decided (or what the offering it was chosen over meets
    only partly), then the rules by their weight on it; and apart, the reasons that weigh
    against the pick itself (a small team's few hands, said of ambient mode too): the
    trade-off it carries, no reason for it."""
    decided = (
        _decided_by_screening(kb, verdict, cite)
        or _outdone_by_the_pick(kb, verdict, cite)
        or _rival_falls_short(kb, verdict, cite)
    )
    reasons = [decided] if decided else []
    against: list[Statement] = []
    pick = verdict.of(verdict.pick) if verdict.pick and len(verdict.tied) == 1 else None
    ranked = _by_weight_on_the_pick(verdict)
    for rule in arguing.arguable(verdict, ranked, _rival(verdict), said=bool(decided)):
        text, sources = rule.said_of(
            verdict.survivors, _rule_sources(kb, rule, verdict), verdict.field.req.needs
        )
        if any(t in SIZED_TRAITS for t in rule.traits):
            sized, figures = _footprints(kb, verdict)
            text, sources = text + sized, sources + figures
        if any(t in SITE_TRAITS for t in rule.traits):
            sized, figures = _control_planes(kb, verdict)
            text, sources = text + sized, sources + figures
        said = Statement(label=_leaning(kb, rule, verdict), text=text, sources=cite.cite(sources))
        costs = pick is not None and scoring.weight(rule, pick, verdict.field) < 0
        (against if costs else reasons).append(said)
    return reasons, against


def _gaps(kb: KnowledgeBase, screened: Screened) -> str:
    return "; ".join(f.text for f in screened.caveats)


def _feature_gaps(kb: KnowledgeBase, screened: Screened) -> list[Finding]:
    """The caveats on must-have features (not on relaxed preferences)."""
    feature_tests = {ScreeningTest.has_features, ScreeningTest.has_feature}
    tests = {c.id: c.test for c in kb.rules.constraints}
    return [f for f in screened.caveats if tests.get(f.constraint) in feature_tests]


def _must_haves(
    kb: KnowledgeBase, verdict: Verdict, req: Requirements, cite: Citations
) -> Paragraph | None:
    """What fits the must-haves, stated once for every offering left ("All 4 options left
    support mTLS and Golden metrics"), with the ones that meet them only through an add-on or
    a paid edition they buy anyway, and the ones that have them only partly."""
    needs = [f for f in req.needs if f in kb.features]
    left = verdict.survivors
    if not needs or not left:
        return None
    names = _and([kb.features[f].name for f in needs])
    gaps = {m: found for m in left if (found := _feature_gaps(kb, verdict.of(m)))}
    partly = {m: [f for f in found if not f.met_anyway] for m, found in gaps.items()}
    partly = {m: found for m, found in partly.items() if found}
    anyway = {m: [f for f in found if f.met_anyway] for m, found in gaps.items()}
    anyway = {m: found for m, found in anyway.items() if found and m not in partly}
    full = len(left) - len(partly) - len(anyway)
    if len(left) == 1:
        text = f"{kb.meshes[left[0]].name} supports {names}"
    elif not partly and not anyway:
        every = "Both" if len(left) == 2 else f"All {len(left)}"
        text = f"{every} options left support {names}"
    else:
        text = f"{full} of the {len(left)} options left fully support {names}"
    shown = list(anyway)[:KEY_RULED_OUT]
    if shown:
        bits = [f"{kb.meshes[m].name}: {'; '.join(f.text for f in anyway[m])}" for m in shown]
        more = len(anyway) - len(shown)
        said = "; ".join(bits) + (f"; and {more} more" if more > 0 else "")
        text += (
            f" ({said})" if len(left) == 1 else f"; {len(anyway)} {_only_through(anyway)} ({said})"
        )
    text += _needless(kb, needs, left)
    sources = [f.sources[0] for m in shown for f in anyway[m] if f.sources]
    if partly:
        text, more_sources = _partly(kb, text, partly, only=len(left) == 1)
        sources += more_sources
    # One mark a caveat named, as on the ruled-out line; the Ruled out table has them all.
    return Paragraph(heading="Your must-haves", text=text + ".", sources=cite.cite(sources))


def _needless(kb: KnowledgeBase, needs: list[str], left: list[str]) -> str:
    """The offerings left that meet a must-have by running none of the data plane whose
    problem it fixes (features.yaml `fixes_model`): "Istio ambient mode runs no sidecar"."""
    bits = []
    for need in needs:
        model = kb.features[need].fixes_model
        free = [m for m in left if model and kb.meshes[m].data_plane.model != model]
        if free:
            runs = "run" if len(free) > 1 else "runs"
            bits.append(
                f"{mesh_names(kb, free)} {runs} no {model}, so {kb.features[need].name} "
                "is no concern there"
            )
    return f" ({'; '.join(bits)})" if bits else ""


def _only_through(anyway: dict[str, list[Finding]]) -> str:
    """How the offerings that meet the must-haves all the same meet them: "more only in a
    paid edition", "more only with an add-on or a condition" (never counted as full)."""
    found = [f for found in anyway.values() for f in found]
    ways = [
        way
        for way, kind in (
            ("in a paid edition", any(f.bought for f in found)),
            ("with an add-on", any(f.added for f in found)),
            ("on a condition", any(f.conditional for f in found)),
        )
        if kind
    ]
    return "more only " + " or ".join(ways)


def _partly(
    kb: KnowledgeBase, text: str, partly: dict[str, list[Finding]], only: bool
) -> tuple[str, list[str]]:
    """The must-have paragraph's tail on the offerings that have them only partly or
    unconfirmed (the one left: what it has only partly)."""
    shown = list(partly)[:KEY_RULED_OUT]
    if only:
        name = kb.meshes[shown[0]].name
        said = "; ".join(f.text for f in partly[shown[0]])
        return f"{name}, the one option left, meets some only partly or unconfirmed: {said}", [
            f.sources[0] for f in partly[shown[0]] if f.sources
        ]
    bits = [f"{kb.meshes[m].name} ({'; '.join(f.text for f in partly[m])})" for m in shown]
    more = len(partly) - len(shown)
    text += f"; {len(partly)} only partly or unconfirmed: " + "; ".join(bits)
    text += f" and {more} more" if more > 0 else ""
    return text, [f.sources[0] for m in shown for f in partly[m] if f.sources]


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _reason_of(screened: Screened) -> str:
    return "; ".join(f.text for f in screened.reasons)


def _wished(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> set[str]:
    """The offerings ruled out that have what a preference weighs for (a rule on a
    `refusals.softened` flag, "want managed if possible"): the ones they hoped for."""
    soft = set(kb.rules.refusals.softened.values())
    fired = scoring.firing(kb.rules.rules, facts)
    traits = [t for r in fired if soft & set(r.when) for t, w in r.traits.items() if w > 0]
    platform = {c.id for c in kb.rules.constraints if c.fact == "platform"}
    return {
        s.mesh.id
        for s in verdict.ruled_out
        if any(verdict.field.has(t, s) for t in traits)
        and not any(f.constraint in platform for f in s.reasons)  # never theirs to have
    }


def _ruled_out_line(
    kb: KnowledgeBase, verdict: Verdict, cite: Citations, facts: dict[str, FactValue]
) -> Paragraph | None:
    """The offerings ruled out, grouped by the reason that ruled each out first, biggest group
    first: "Istio, Linkerd and 5 more: no support contract from Microsoft; … : doesn't run on
    AKS" says every elimination in a line, where naming three of them said the least telling."""
    out = verdict.ruled_out
    if not out:
        return None
    groups: dict[str, list[Screened]] = {}
    for screened in out:
        groups.setdefault(screened.reasons[0].text, []).append(screened)
    wished = _wished(kb, verdict, facts)
    # what they would have liked ("managed if possible") first: why it is out answers them
    ranked = sorted(
        groups.items(),
        key=lambda group: (not any(s.mesh.id in wished for s in group[1]), -len(group[1])),
    )
    shown = ranked[:KEY_RULED_OUT]
    text = "; ".join(f"{_some([s.mesh.name for s in group])}: {why}" for why, group in shown)
    more = sum(len(group) for _, group in ranked[len(shown) :])
    text += f"; and {more} more (see Ruled out)." if more > 0 else "."
    # One mark a group, its first elimination's first source (a fit block lists its main page
    # first); the Ruled out table carries them all.
    sources = [g[0].reasons[0].sources[0] for _, g in shown if g[0].reasons[0].sources]
    return Paragraph(heading=f"Ruled out ({len(out)})", text=text, sources=cite.cite(sources))


def _some(names: list[str]) -> str:
    """Up to GROUP_NAMES names, then how many more."""
    if len(names) <= GROUP_NAMES:
        return _and(names)
    return _and([*names[: GROUP_NAMES - 1], f"{len(names) - GROUP_NAMES + 1} more"])


def _elimination(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> Table:
    """Every offering considered: kept (with any caveat) or ruled out, with the reason. A row
    cites each finding's first source (a fit block lists its main page first), one mark a
    reason, as the Ruled out paragraph does: a row of seven marks is read as none."""
    rows = []
    for s in verdict.screened:
        if s.out:
            outcome, reason, sources = (
                "ruled out",
                _reason_of(s),
                [f.sources[0] for f in s.reasons if f.sources],
            )
        elif s.caveats:
            outcome, reason, sources = (
                "kept, with caveats",
                _gaps(kb, s),
                [f.sources[0] for f in s.caveats if f.sources],
            )
        else:
            outcome, reason, sources = "kept", "meets every requirement stated", []
        rows.append(TableRow(cells=[s.mesh.name, outcome, reason], sources=cite.cite(sources)))
    kept = [r for r in rows if r.cells[1] != "ruled out"]
    out = [r for r in rows if r.cells[1] == "ruled out"]
    return Table(
        heading="Options screened", columns=["Offering", "Outcome", "Reason"], rows=kept + out
    )


def _named(
    kb: KnowledgeBase, verdict: Verdict, named: list[str], cite: Citations
) -> Paragraph | None:
    """How the offerings the question names fare when the pick is another ("istio or
    linkerd?", "is linkerd ok?"): ruled out and why, or whether they fit what was stated and
    where they rank among the options left."""
    considered = {s.mesh.id for s in verdict.screened}
    shown = [m for m in dict.fromkeys(named) if m in considered and m not in verdict.tied]
    if not shown:
        return None
    bits, sources = [], []
    for mesh_id in shown:
        screened, name = verdict.of(mesh_id), kb.meshes[mesh_id].name
        if screened.out:
            bits.append(f"{name} is ruled out: {screened.reasons[0].text}")
            sources += screened.reasons[0].sources[:1]
            continue
        place = verdict.survivors.index(mesh_id) + 1
        fits = (
            f"fits with caveats ({_gaps(kb, screened)})"
            if screened.caveats
            else "fits every requirement you stated"
        )
        left = len(verdict.survivors)
        bits.append(f"{name} {fits} and ranks {ordinal(place)} of the {left} options left")
    return Paragraph(
        heading="The ones you named", text="; ".join(bits) + ".", sources=cite.cite(sources)
    )


def _beyond_named(
    kb: KnowledgeBase, facts: dict[str, FactValue], among: list[Mesh], verdict: Verdict
) -> Paragraph | None:
    """Where the pick is kept to the offerings the question names to choose between, the one
    outside them that would lead otherwise, as a note."""
    other = choosing.elsewhere(kb, facts, among, verdict.pick)
    if other is None:
        return None
    named = mesh_names(kb, [m.id for m in among if m.fit and m.fit.mesh is not False])
    return Paragraph(
        heading="Beyond the ones you named",
        text=f"I kept the pick to {named}, as you asked. Among every offering, "
        f"{kb.meshes[other].name} would rank first on what you've said: best for "
        f"{kb.meshes[other].best_for}",
    )


def _provider_note(
    kb: KnowledgeBase,
    verdict: Verdict,
    req: Requirements,
    facts: dict[str, FactValue],
    said: set[str | None] | None = None,
) -> str:
    """When the platform's own offering, or the one a fact says they have ("Cilium is already
    the CNI": rules.yaml fact `mesh`), was ruled out by other must-haves, say so: "can we just
    use cilium's mesh features?" is answered there."""
    had = {f.mesh for f in kb.rules.facts if f.mesh and f.had and facts.get(f.id) is True}
    native = [
        s
        for s in verdict.ruled_out
        if s.mesh.id in had
        or (
            req.provider
            and s.mesh.fit
            and s.mesh.fit.provider == req.provider
            and set(req.platforms) & set(s.mesh.fit.platforms)
        )
    ]
    shown = [s for s in native if s.mesh.id not in (said or set())]  # not said already
    return " ".join(f"{s.mesh.name} is out: {_reason_of(s)}{_rest_meshed(kb, s)}." for s in shown)


def _rest_meshed(kb: KnowledgeBase, screened: Screened) -> str:
    """Where an offering is out only for the kinds of workload it cannot take in (Windows
    nodes, VMs: features with `workloads`), what it still does: mesh the rest, those left
    outside; '' otherwise."""
    kinds = [f.feature for f in screened.reasons]
    if not kinds or not all(k in kb.features and kb.features[k].workloads for k in kinds):
        return ""
    names = " and ".join(kb.features[k].name for k in dict.fromkeys(kinds))
    return (
        f"; it would still mesh the rest, with {names} left outside the mesh and their traffic "
        "secured some other way (TLS in the apps, as with no mesh)"
    )


def _provider_bound(kb: KnowledgeBase, mesh_id: str) -> bool:
    fit = kb.meshes[mesh_id].fit
    return bool(fit and fit.provider)


NEEDS = "needs"  # rules.yaml: the constraint on the features the user needs
STABLE = "stable-releases"  # rules.yaml: the constraint on stable releases


def _changes(kb: KnowledgeBase, ahead: Outlook, req: Requirements) -> list[Statement]:
    """Answers that would change the pick; with no platform known, only the platform
    question may lead to one provider's own offering."""
    seen = set()
    lines = []
    for c in ahead.changes():
        # An offering this answer rules out is no option, whatever else is answered, unless
        # the answer tells of their estate or needs (not of what the mesh should be) and
        # nothing meets it beside what they said ("one mesh across the 4 clusters" with
        # Microsoft support): then what it would cost is the change to name.
        if (c.question.id, c.new_picks) in seen:
            continue
        after = next(
            v for q, o, v in ahead.options if q.id == c.question.id and o.label == c.option_label
        )
        given_up = [r for r in after.relaxed if r not in ahead.verdict.relaxed]
        if given_up and not c.question.shapes_mesh:
            seen.add((c.question.id, c.new_picks))
            lines.append(_costs_a_requirement(kb, ahead.verdict, after, c, given_up))
            continue
        if any(ahead.verdict.of(m).out or _gives_up_a_need(ahead.verdict, m) for m in c.new_picks):
            continue
        if not req.platforms and _asks_provider(c.question, c.option_label):
            if c.question.id not in {q for q, _ in seen}:
                seen.add((c.question.id, c.new_picks))
                lines.append(_provider_depends(kb, c.question.ask, c.option_label))
            continue
        if (
            not req.platforms
            and c.question.fact != "platform"
            and any(_provider_bound(kb, m) for m in c.new_picks)
        ):
            continue
        seen.add((c.question.id, c.new_picks))
        names = [kb.meshes[m].name for m in c.new_picks]
        because = whatif.why_changed(kb, ahead.verdict, after, c.new_picks[0])
        lines.append(
            Statement(
                label=f"{c.question.ask} → {c.option_label}",
                text=f"the pick becomes {names[0]}{because}"
                if len(names) == 1
                else f"{_and(names)} would be level",
            )
        )
    return lines[:MAX_CHANGES]


def _costs_a_requirement(
    kb: KnowledgeBase, now: Verdict, after: Verdict, change: Change, given_up: list[str]
) -> Statement:
    """An answer that nothing meets beside every requirement said: the pick then, and what it
    gives up ('nothing with vendor support from Microsoft does that: Gloo Mesh and Istio would
    be level, with vendor support from any vendor instead')."""
    said, instead = [], []
    for constraint, fact in _given_up_facts(kb, given_up):
        if constraint in after.loosened:
            held, looser = after.loosened[constraint]
            said.append(f"{fact.label} from {fact.says(held)}")
            instead.append(f"with {fact.label} from {fact.says(looser)} instead")
        else:
            said.append(fact.label)
            instead.append(f"without {fact.label}")
    names = [kb.meshes[m].name for m in change.new_picks]
    then = f"the pick becomes {names[0]}" if len(names) == 1 else f"{_and(names)} would be level"
    lost = whatif.why_changed(kb, now, after, change.new_picks[0]) if len(names) == 1 else ""
    return Statement(
        label=f"{change.question.ask} → {change.option_label}",
        text=f"nothing with {_and(said) or 'everything you said'} does that: {then}, "
        f"{_and(instead) or 'giving something up'}{lost}",
    )


def _gives_up_a_need(verdict: Verdict, new_pick: str) -> bool:
    """The what-if pick meets more of the features the user needs only partly or unconfirmed
    than the pick now does: a hard need is not traded away in a "what would change"."""

    def short(mesh_id: str) -> int:
        return sum(
            1 for f in verdict.of(mesh_id).caveats if f.constraint == NEEDS and not f.met_anyway
        )

    return verdict.pick is not None and short(new_pick) > short(verdict.pick)


def _asks_provider(question: Question, label: str) -> bool:
    """The option asks for the platform provider's support: no pick follows from it until
    the platform, and so the provider, is known."""
    return any(o.label == label and o.set.get("support") == "provider" for o in question.options)


def _provider_depends(kb: KnowledgeBase, ask: str, label: str) -> Statement:
    """'depends on where you run: X on AKS, Y on GKE': each provider's own offering."""
    platform = kb.rules.fact("platform")
    own = []
    for mesh in kb.current_meshes():
        fit = mesh.fit
        if fit is None or fit.provider is None:
            continue
        where = [
            p.value
            for p in fit.platforms
            if (d := kb.rules.platforms.get(p)) is not None and d.provider == fit.provider
        ]
        if where and platform:
            own.append(f"{mesh.name} on {platform.says(where)}")
    return Statement(
        label=f"{ask} → {label}",
        text="depends on where you run: " + "; ".join(own) if own else "depends on where you run",
    )


def _splits(kb: KnowledgeBase, ahead: Outlook, level: list[str]) -> str:
    """What would split offerings level at the top: one open question whose answers leave
    each of them the only pick (the one asked next first), said as that question's answers;
    else, for each, an answer that leaves it the only pick, or what it is best for."""
    if together := _one_question_splits(kb, ahead, level):
        return "What would split them: " + together + "."
    bits = []
    for mesh_id in level:
        mesh = kb.meshes[mesh_id]
        answer = next(
            ((q, o) for q, o, after in ahead.options if after.tied == [mesh_id]),
            None,
        )
        if answer:
            question, option = answer
            bits.append(f"{mesh.name} if the answer to “{question.ask}” is {option.label}")
        else:
            bits.append(f"{mesh.name} is best for {first_sentence(mesh.best_for).rstrip('.')}")
    return "What would split them: " + "; ".join(bits) + "."


def _one_question_splits(kb: KnowledgeBase, ahead: Outlook, level: list[str]) -> str:
    """'your answer to “Q?” (A: X; B: Y)' for the open question with an answer leaving each
    level offering the only pick, by the clearest lead it gives the least clear of them (the
    question asked next, then the order in rules.yaml, breaking ties); for each offering the
    answer that leaves it furthest ahead. '' where no question has such answers."""
    asked_next = ahead.most_telling_question()
    best: tuple[tuple[int, bool, int], str] | None = None
    for n, question_id in enumerate(dict.fromkeys(q.id for q, _, _ in ahead.options)):
        leads: dict[str, tuple[int, str]] = {}
        ask = ""
        for q, option, after in ahead.options:
            if q.id != question_id or len(after.tied) != 1 or after.tied[0] not in level:
                continue
            ask, mesh_id = q.ask, after.tied[0]
            others = [v for m, v in after.scores.items() if m != mesh_id]
            ahead_by = after.scores[mesh_id] - max(others, default=after.scores[mesh_id])
            if mesh_id not in leads or ahead_by > leads[mesh_id][0]:
                leads[mesh_id] = (ahead_by, option.label)
        if set(leads) != set(level):
            continue
        rank = (
            min(by for by, _ in leads.values()),
            asked_next is not None and question_id == asked_next.id,
            -n,
        )
        if best is None or rank > best[0]:
            said = "; ".join(f"{leads[m][1]}: {kb.meshes[m].name}" for m in level)
            best = (rank, f"your answer to “{ask}” ({said})")
    return best[1] if best else ""


def _follow_up(
    rules: RulesFile, ahead: Outlook, intent: Intent, facts: dict[str, FactValue]
) -> FollowUp | None:
    """The most telling open question, each answer a button whose intent is the setup with
    that answer laid over it (the constraint it sets marked as the latest said, as a reply in
    words marks it: bot/answers/told_last.py)."""
    question = ahead.most_telling_question()
    if question is None:
        return None
    return FollowUp(
        question=question.ask,
        choices=[
            Choice(
                label=o.label,
                intent=Intent(
                    kind=IntentKind.recommend,
                    meshes=intent.meshes,
                    facts=with_told_last(rules, facts, {**facts, **o.set}),
                ),
            )
            for q, o, _ in ahead.options
            if q.id == question.id
        ],
    )


def _what_would_change(
    kb: KnowledgeBase,
    intent: Intent,
    cite: Citations,
    verdict: Verdict,
    changes: list[Statement],
    follow_up: FollowUp | None,
) -> Answer:
    """ "What would change your pick?": the answers to open questions that would move it, not
    the recommendation again; where none would, what it stands on."""
    pick = mesh_names(kb, verdict.tied)
    if changes:
        lead = (
            f"{pick} is my pick on what you've told me; {len(changes)} "
            f"answer{'s' if len(changes) > 1 else ''} to what I haven't asked yet would change it."
        )
        points: list[Part] = [StatementList(heading="What would change the pick", items=changes)]
    else:
        lead = (
            f"{pick} is my pick on what you've told me, and no answer to what I haven't asked "
            "yet would change it: only a change to what you said would (a need, the platform, "
            "the licence or support you accept)."
        )
        points = []
    return build_answer(
        kb,
        intent,
        cite,
        title=f"What would change the pick from {pick}",
        lead=lead,
        points=points,
        next_steps=[step("The whole recommendation", IntentKind.recommend, facts=intent.facts)],
        follow_up=follow_up,
    )


def _title(kb: KnowledgeBase, verdict: Verdict) -> str:
    if verdict.pick is None:
        return "Recommendation: nothing fits every requirement"
    if len(verdict.tied) > 1:
        return f"Recommendation: {mesh_names(kb, verdict.tied)} tie"
    return f"Recommendation: {kb.meshes[verdict.pick].name}"


def _relaxed_note(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> str:
    """Which requirements were given up because nothing met them all; one said as a
    preference by its name there ("the mesh someone else wants")."""
    if not verdict.relaxed:
        return ""
    names = _given_up_names(kb, verdict, facts)
    return f"Nothing meets every requirement, so I gave up the softest: {names}."


def _given_up_names(
    kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue], plain: bool = False
) -> str:
    """The requirements given up, in words ('no sidecars'); '' where none was. `plain`: each
    as it was asked, without the looser value kept ('vendor support from Microsoft')."""
    if not verdict.relaxed:
        return ""
    listed = kb.rules.fact(kb.rules.refusals.preferred_fact or "")
    preferred = facts.get(listed.id) if listed else None
    soft = set(preferred) if listed and isinstance(preferred, list) else set()
    return _and(
        [
            listed.says(f.id) if listed and f.id in soft else _given_up(verdict, c, f, plain)
            for c, f in _given_up_facts(kb, verdict.relaxed)
        ]
    )


def _given_up_facts(kb: KnowledgeBase, given_up: list[str]) -> list[tuple[str, FactDef]]:
    """Each constraint given up (or fact, for `relax_first`), with the fact it is said by."""
    facts = {c.id: c.fact for c in kb.rules.constraints}
    found = ((c, kb.rules.fact(facts.get(c, c))) for c in given_up)
    return [(c, f) for c, f in found if f]


def _given_up(verdict: Verdict, constraint: str, fact: FactDef, plain: bool = False) -> str:
    """A requirement given up in words: 'vendor support', or where it is held at a looser
    value 'vendor support from Microsoft, keeping vendor support from any vendor' (`plain`:
    'vendor support from Microsoft')."""
    if constraint not in verdict.loosened:
        return fact.label
    said, looser = verdict.loosened[constraint]
    asked = f"{fact.label} from {fact.says(said)}"
    return asked if plain else f"{asked}, keeping {fact.label} from {fact.says(looser)}"


def _lead(
    kb: KnowledgeBase,
    ahead: Outlook,
    req: Requirements,
    facts: dict[str, FactValue],
    firm: bool,
    known: bool,
    before: str | None,
    conflict: str = "",
    out: list[WayOut] | None = None,
) -> str:
    verdict = ahead.verdict
    # How the pick changed from the one before comes first (the reply changed the setup to
    # see that), then what was relaxed, which bears on the pick, then what the offering they
    # want lacks of their other needs (`conflict`); why the provider's own offering is out
    # comes after the pick, which is what the reader asked for.
    changed = whatif.since_before(kb, verdict, before)
    relaxed = (
        want_gave_way(kb, verdict, facts)
        or need_gave_way(kb, verdict, facts)
        or _relaxed_note(kb, verdict, facts)
    )
    if relaxed and verdict.pick and out:
        kept = _given_up_names(kb, verdict, facts, plain=True)
        relaxed += " " + ways_out_lead(kb, out, f"Or, keeping {kept or 'that'}")
    note = " ".join(part for part in (changed, relaxed, conflict) if part)
    said = {wishes.wanted_id(facts)} if conflict else set()
    provider = _provider_note(kb, verdict, req, facts, said)
    after = f" {provider}" if provider else ""
    if verdict.pick is None:
        relax = (
            ways_out_lead(kb, out)
            if out
            else ("see what ruled each out, and relax the one that matters least.")
        )
        return (
            f"{note} Every offering I know fails at least one requirement you stated; "
            f"{relax}{after}"
        ).strip()
    if len(verdict.tied) > 1 and not facts:
        return (
            f"I know nothing about your setup yet, so no pick: on general grounds "
            f"{mesh_names(kb, verdict.tied)} tie. Answer the question below, the one that "
            "narrows the options most."
        )
    if len(verdict.tied) > 1:
        head = (
            f"No single pick yet: {mesh_names(kb, verdict.tied)} fit equally well on what I know. "
            + _splits(kb, ahead, verdict.tied)
        )
        return f"{note} {head}{after}".strip()
    pick = kb.meshes[verdict.pick]
    # what the offering is (on their platform) leads; the rest of that platform's summary,
    # what it asks of the install there, is a point of its own (_on_platform)
    summary = there.summary if (there := pick.on(req.platforms, facts)) else pick.summary
    head = f"{pick.name} ({'firm' if firm else 'tentative'}): {first_sentence(summary)}"
    weakness = main_caveat(kb, verdict.of(verdict.pick), req)
    lacks = f" Main caveat: {weakness}" if weakness else ""
    traded = traded_note(kb, verdict, facts)
    return f"{note} {head}{lacks}{traded}{_close_call(kb, ahead)}{after}".strip()


def main_caveat(kb: KnowledgeBase, screened: Screened, req: Requirements) -> str:
    """What matters most against the pick for this setup: a requirement it meets only partly;
    else, where its project ships no stable builds and the setup has not settled how it gets
    them, where those come from and on what terms; else its first weakness."""
    pick = screened.mesh
    if paid := editions.caveat_text(kb, pick, req):
        return paid + " (see Caveats)."
    short = [f.text for f in screened.caveats if not f.met_anyway]
    if short:
        return "; ".join(short) + " (see Caveats)."
    builds = pick.fit.stable_builds if pick.fit else None
    said = any(f.constraint == STABLE for f in screened.findings)
    vendors = pick.fit.support_from if pick.fit else []
    if builds and not said and not free_edition(builds, req) and req.support not in vendors:
        free = (
            f", free in production only for companies under {builds.free_below} employees"
            if builds.free_below
            else ""
        )
        return (
            f"the open-source project ships only edge releases; stable releases come from "
            f"{builds.edition}{free}.{_over_free_tier(kb, pick, builds, req)}"
        )
    weakness = first_sentence(pick.weaknesses[0]) if pick.weaknesses else ""
    return after_colon(kb, weakness) if weakness else ""


def _over_free_tier(kb: KnowledgeBase, pick: Mesh, builds: StableBuilds, req: Requirements) -> str:
    """A company over the stable edition's free tier has three ways on with the mesh: its
    edge releases, paying for the edition, or another mesh; staying weighs most where it is
    the mesh they run ("we used Linkerd stable releases … stay, pay, or move?")."""
    if not (builds.free_below and req.employees and req.employees >= builds.free_below):
        return ""
    theirs = req.incumbent == pick.id
    move = (
        "or move, which costs the migration (see Why and the runner-up)"
        if theirs
        else "or pick another mesh (see the runner-up)"
    )
    return (
        f" At {req.employees} employees you are over that: {'stay on' if theirs else 'run'} "
        f"the project's edge "
        f"releases (free at any size), pay for {builds.edition} (I hold no price for it), "
        f"{move}."
    )


def _close_call(kb: KnowledgeBase, ahead: Outlook) -> str:
    """Why the pick leads others level with it on what is known."""
    verdict = ahead.verdict
    if not verdict.lean:
        return ""
    others = [m for m in verdict.level if m != verdict.lean]
    name = kb.meshes[verdict.lean].name
    fits = f"{mesh_names(kb, others)} {'fit' if len(others) > 1 else 'fits'}"
    counts = scoring.lead_counts(ahead.options, verdict.lean, others)
    if counts is None:  # no lean without the count that says why (scoring._leaning)
        return ""
    mine, theirs, total = counts
    rival = mesh_names(kb, others) if len(others) == 1 else "any of them"
    why = (
        f"nothing you've said separates them; {name} is listed first because more of the "
        f"answers my open questions could get would put it ahead ({mine} of {total}, against "
        f"{theirs} for {rival}). "
    )
    return (
        f" A close call: {fits} what you've said as well as {name}, and "
        f"{why}{_splits(kb, ahead, verdict.level)}"
    )


def _runner_up(kb: KnowledgeBase, ahead: Outlook) -> Paragraph | None:
    """The one level with the pick that the close call names; else the offering left that an
    answer to the question asked next would make the pick, with that answer and what it
    changes; else the next one behind the pick, by what it is best for."""
    verdict = ahead.verdict
    if len(verdict.tied) > 1:
        return None
    level = len(verdict.level) > 1
    turn = None if level else _turning_answer(ahead)
    runner_id = turn[2] if turn else verdict.runner_up
    if runner_id is None:
        return None
    runner = kb.meshes[runner_id]
    caveats = _gaps(kb, verdict.of(runner.id))
    extra = f" Caveats: {caveats}." if caveats else ""
    if turn is None:
        text = f"{runner.name}. Close behind: best for {runner.best_for}{extra}"
    else:
        question, label, _, after = turn
        because = whatif.why_changed(kb, verdict, after, runner_id)
        text = (
            f"{runner.name}. The pick if your answer to “{question.ask}” is {label}"
            f"{because}.{extra}"
        )
    return Paragraph(heading="Runner-up", text=text)


def _turning_answer(ahead: Outlook) -> tuple[Question, str, str, Verdict] | None:
    """The first answer to the question asked next that leaves one other offering of those
    left the only pick, without giving up a need the pick meets."""
    verdict = ahead.verdict
    asked = ahead.most_telling_question()
    for question, option, after in ahead.options:
        if asked is None or question.id != asked.id:
            continue
        if len(after.tied) != 1 or after.tied[0] == verdict.pick:
            continue
        mesh_id = after.tied[0]
        if mesh_id in verdict.scores and not _gives_up_a_need(verdict, mesh_id):
            return question, option.label, mesh_id, after
    return None


def _pick_caveats(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> Paragraph | None:
    if verdict.pick is None or len(verdict.tied) > 1:
        return None
    caveats = verdict.of(verdict.pick).caveats
    if not caveats:
        return None
    return Paragraph(
        heading="Caveats",
        text="; ".join(f"{f.text}: {f.why.rstrip('.')}" if f.why else f.text for f in caveats)
        + ".",
        sources=cite.cite(s for f in caveats for s in f.sources),
    )


def _on_platform(
    kb: KnowledgeBase,
    verdict: Verdict,
    req: Requirements,
    facts: dict[str, FactValue],
    cite: Citations,
) -> Paragraph | None:
    """The rest of the pick's summary on the one platform they run, after the first sentence
    the lead says (what the offering is there): what that platform asks of its install
    (Istio ambient on GKE: a ResourceQuota), beside the caveats, never as the headline."""
    if verdict.pick is None or len(verdict.tied) > 1:
        return None
    there = kb.meshes[verdict.pick].on(req.platforms, facts)
    rest = there.summary.removeprefix(first_sentence(there.summary)).strip() if there else ""
    if there is None or not rest:
        return None
    said, fact = req.platforms[0].value, kb.rules.fact("platform")
    platform = fact.says(said) if fact else said
    return Paragraph(heading=f"On {platform}", text=rest, sources=cite.cite(there.sources))


def _next_steps(kb: KnowledgeBase, verdict: Verdict, facts: dict[str, FactValue]) -> list[Choice]:
    steps = []
    pair = verdict.tied[:2] if len(verdict.tied) > 1 else [verdict.pick, verdict.runner_up]
    pair = [m for m in pair if m]
    if len(pair) == 2:
        steps.append(
            step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair, facts=facts)
        )
    if facts:
        steps.append(step("Start over", IntentKind.recommend))
    return steps + standard_steps(kb, IntentKind.recommend, only=(IntentKind.cost,), facts=facts)


def _sellers(kb: KnowledgeBase, verdict: Verdict, cite: Citations) -> StatementList | None:
    """Who sells support for each offering still in the running, best first: what "who sells
    support?" asks beside the pick (`Aspect.support`)."""
    items = []
    for mesh in (kb.meshes[m] for m in verdict.survivors):
        if mesh.fit is None or not (mesh.fit.provider or mesh.fit.support_from):
            continue
        said, sources = support_lead(kb, mesh, cite)
        items.append(Statement(label=mesh.name, text=said, sources=sources))
    return StatementList(heading="Who sells support", items=items) if items else None


def recommend(kb: KnowledgeBase, intent: Intent) -> Answer:
    cite = Citations(kb)
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    req = Requirements.from_facts(kb.rules, facts)
    among = choosing.candidates(kb, intent.options, facts)
    ahead = replace(scoring.outlook(kb, facts, among), passed=frozenset(intent.passed))
    verdict = ahead.verdict
    follow_up = _follow_up(kb.rules, ahead, intent, facts)
    reasons, against = _reasons(kb, verdict, cite)
    sellers = _sellers(kb, verdict, cite) if intent.aspect == Aspect.support else None
    points: list[Part] = [
        p
        for p in (
            sellers,
            platform_licence(kb, facts, req, cite),
            managed_elsewhere(kb, facts, req, cite),
            _named(kb, verdict, intent.meshes, cite),
            _beyond_named(kb, facts, among, verdict),
            _pick_caveats(kb, verdict, cite),
            _on_platform(kb, verdict, req, facts, cite),
            _must_haves(kb, verdict, kept_needs(kb, verdict, facts, req), cite),
        )
        if p
    ]
    out = ways_out(kb, facts, among, verdict) if verdict.pick is None or verdict.relaxed else []
    if out:
        points.append(
            StatementList(heading="Ways out", items=ways_out_items(kb, out, verdict, cite))
        )
    if reasons:
        points.append(StatementList(heading="Why", items=reasons[:KEY_REASONS]))
    if against:
        points.append(StatementList(heading="Against it", items=against[:1]))
    if (
        not reasons and verdict.pick
    ):  # with nothing left there is nothing to weigh, nor a question asked
        ask = " Answer the question above to sharpen it." if follow_up else ""
        points.append(
            Paragraph(text=f"Nothing you told me weighs one of these above the others yet.{ask}")
        )
    points += [p for p in (_ruled_out_line(kb, verdict, cite, facts), _runner_up(kb, ahead)) if p]
    if facts:
        known = facts_text(kb, {k: v for k, v in facts.items() if kb.rules.fact(k)}, "; ")
        points.append(Paragraph(heading="What I know", text=known + "."))
    if verdict.pick:
        there = kb.meshes[verdict.pick].on(req.platforms, facts)
        cite.read_more([*kb.meshes[verdict.pick].sources, *(there.sources if there else [])])
    changes = _changes(kb, ahead, req)
    details = [
        Section(
            key="ruled_out",
            label="Ruled out",
            parts=[_elimination(kb, verdict, cite)] if verdict.ruled_out else [],
        ),
        Section(
            key="reasons",
            label="More reasons",
            # those Why leaves out: Why's are said once
            parts=[StatementList(heading="More reasons", items=more)]
            if (more := reasons[KEY_REASONS:] + against[1:])
            else [],
        ),
        Section(
            key="changes",
            label="What would change it",
            parts=[StatementList(heading="What would change the pick", items=changes)]
            if changes
            else [],
        ),
    ]
    if intent.aspect == Aspect.changes and verdict.pick:
        return _what_would_change(kb, intent, cite, verdict, changes, follow_up)
    conflict, conflict_sources = wishes.wanted_falls_short(kb, verdict, facts)
    if not conflict:
        conflict, conflict_sources = wishes.wish_costs_a_must_have(kb, verdict, facts)
    if not conflict:
        conflict, conflict_sources = wishes.wish_lost(kb, verdict, facts)
    return build_answer(
        kb,
        intent,
        cite,
        title=_title(kb, verdict),
        lead=_lead(
            kb,
            ahead,
            req,
            facts,
            firm=firmness.is_firm(verdict, asking=follow_up is not None),
            known=bool(facts),
            before=intent.pick,
            conflict=conflict,
            out=out,
        ),
        lead_sources=conflict_sources,
        points=points,
        details=details,
        next_steps=_next_steps(kb, verdict, facts),
        follow_up=follow_up,
    )
