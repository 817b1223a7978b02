"""The recommendation pipeline: candidates, screening, trade-offs, and the next question.

Pure functions over the knowledge base. Every current offering is a candidate (a retired
mesh the user runs too); constraints rule some out
(screening.py); the decision rules weigh the rest; the open question whose answers
would split the outcome most is the one to ask.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from bot.answers.requirements import Requirements
from bot.answers.screening import Screened, Screener, managed
from bot.answers.told_last import (
    NEEDS_TOLD_LAST,
    needs_told_last,
    told_last,
    without_needs_told_last,
)
from bot.answers.traits import OWN_TRAITS, PLATFORM_TESTS, Field, applies
from bot.intents.wanted import WANTED, wanted_needs, without_wanted
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType, FactValue, Mesh, Option, Question, Rule, RulesFile


@dataclass(frozen=True)
class Verdict:
    """The outcome for one set of facts: who survived screening and how they rank."""

    screened: list[Screened]
    scores: dict[str, int]  # survivors only, best first
    fired: list[Rule]
    field: Field
    relaxed: list[str]  # constraints given up because nothing met them all
    lean: str | None = None  # of those level at the top, the one that holds up best
    outdone: dict[str, int] = dataclasses.field(default_factory=dict)  # a partial need's extra cost
    # of those given up, the ones held at a looser value (`loosens_to`): by id, the value
    # said and the one held
    loosened: dict[str, tuple[FactValue, str]] = dataclasses.field(default_factory=dict)

    @property
    def survivors(self) -> list[str]:
        return list(self.scores)

    @property
    def ruled_out(self) -> list[Screened]:
        return [s for s in self.screened if s.out]

    @property
    def level(self) -> list[str]:
        """Every survivor sharing the top score."""
        if not self.scores:
            return []
        top = max(self.scores.values())
        return [m for m, score in self.scores.items() if score == top]

    @property
    def tied(self) -> list[str]:
        """The pick, or every survivor level at the top when none holds up better (one id
        when the pick is clear)."""
        return [self.lean] if self.lean else self.level

    @property
    def pick(self) -> str | None:
        return self.survivors[0] if self.scores else None

    @property
    def runner_up(self) -> str | None:
        """The next offering behind the pick that meets the requirements as well as any other
        left (fewest shortfalls; rank breaks ties); none when each one left falls short of
        what the pick meets: it is no close second then. Where the pick is a lean among
        several level at the top, the first of the others is: the close call names it, and
        the card has one runner-up."""
        level = [m for m in self.level if m != self.lean] if self.lean else []
        if level:
            return level[0]
        rest = self.survivors[1:]
        if not rest:
            return None
        best = min(rest, key=lambda m: self.of(m).shortfalls)  # the first of the fewest
        return best if self.of(best).shortfalls <= self.of(self.survivors[0]).shortfalls else None

    def of(self, mesh_id: str) -> Screened:
        return self._by_id[mesh_id]

    @cached_property
    def _by_id(self) -> dict[str, Screened]:
        return {s.mesh.id: s for s in reversed(self.screened)}  # the first of an id


@dataclass(frozen=True)
class Change:
    """Answering `question` with `option_label` would make `new_picks` the pick (several when
    they would be level)."""

    question: Question
    option_label: str
    new_picks: tuple[str, ...]


def fires(rule: Rule, facts: dict[str, FactValue]) -> bool:
    """A rule fires when every fact it tests is known and passes, or is unstated where the
    condition is `known: false` (a rule with none: always)."""
    conditions = rule.when.items()
    return all(c.holds(facts[f]) if f in facts else c.holds_unstated() for f, c in conditions)


def weighed_facts(kb: KnowledgeBase) -> frozenset[str]:
    """The facts a constraint screens on or a decision rule fires on: a setup said in them is
    one the recommender weighs (made once per knowledge base)."""
    return kb.derived(
        "weighed_facts",
        lambda kb: frozenset(
            {c.fact for c in kb.rules.constraints} | {k for r in kb.rules.rules for k in r.when}
        ),
    )


def candidates(kb: KnowledgeBase, named: list[str]) -> list[Mesh]:
    """Every current offering, whichever the user names: "istio or linkerd?" is answered
    over all of them, and so is "we're leaving App Mesh"."""
    return kb.current_meshes()


def _own(rule: Rule, mesh: Mesh) -> int:
    """A rule's own score for a mesh, else its base mesh's."""
    own = rule.scores.get(mesh.id)
    if own is None and mesh.based_on:
        own = rule.scores.get(mesh.based_on)
    return own or 0


def _fixed(rule: Rule) -> bool:
    """A rule that weighs an offering by what it is alone: its scores, its own traits
    (traits.OWN_TRAITS), an `applies_if` on those or on a feature row."""
    condition = rule.applies_if.trait if rule.applies_if else None
    own = all(t in OWN_TRAITS for t in rule.traits) and condition in (None, *OWN_TRAITS)
    # of_project: weighed as the base where that is left; rests_on: as the others alike
    return own and not rule.of_project and not rule.rests_on


def _score_tables(kb: KnowledgeBase) -> dict[str, dict[str, int]]:
    """What each fixed rule adds to each offering, by rule and mesh id: the same whatever
    the setup and whoever else is left, so weighed once per knowledge base."""
    alone = Field(kb, Requirements(), [])
    return {
        rule.id: {mesh.id: weight(rule, Screened(mesh), alone) for mesh in kb.meshes.values()}
        for rule in kb.rules.rules
        if _fixed(rule)
    }


def holds_for(rule: Rule, screened: Screened, field: Field) -> bool:
    """The reason's claim is true of this offering: it has a trait the claim rests on
    (`rests_on`)."""
    return any(field.has(trait, screened) for trait in rule.rests_on)


def weight(rule: Rule, screened: Screened, field: Field) -> int:
    """What a rule adds to one offering (`_weight`); where the reason's claim rests on a trait
    (`rests_on`), every offering left that has it weighs as the one it costs most: a reason
    said against one licensed edition holds against every other one left."""
    if not (rule.rests_on and holds_for(rule, screened, field)):
        return _weight(rule, screened, field)
    alike = [_weight(rule, s, field) for s in field.alive if holds_for(rule, s, field)]
    return min([_weight(rule, screened, field), *alike])


def weights(rule: Rule, field: Field) -> dict[str, int]:
    """`weight` of a rule for each offering left, by mesh id, each offering's own weight
    worked out once (not again for every other offering that shares the claim's trait)."""
    own = [_weight(rule, s, field) for s in field.alive]
    alike = [bool(rule.rests_on) and holds_for(rule, s, field) for s in field.alive]
    least = min((w for w, holds in zip(own, alike, strict=True) if holds), default=0)
    return {
        s.mesh.id: least if holds else w
        for s, w, holds in zip(field.alive, own, alike, strict=True)
    }


def _weight(rule: Rule, screened: Screened, field: Field) -> int:
    """What a rule adds to one offering: its own score, else its base mesh's; plus traits.
    Nothing where the offering lacks what the rule's reason speaks of (`applies_if`). A
    reason on the project's code (`of_project`) weighs a build as its base, where that is
    left: the same code is no reason to prefer either."""
    if rule.of_project and (base := _base_left(screened, field)) is not None:
        screened = base
    total = _own(rule, screened.mesh)
    for trait, delta in rule.traits.items():
        if field.has(trait, screened):
            total += delta
    if total and rule.applies_if and not applies(rule.applies_if, screened, field):
        return 0
    return total


def _base_left(screened: Screened, field: Field) -> Screened | None:
    """The offering a build of the project's own code is based on, where that is among those
    left: a vendor's build you run, or a provider's managed one with no closed layer of its
    own (`project_code`: the AKS add-on). A provider's own service on the project's APIs
    (Google's Cloud Service Mesh) is its own product, weighed as itself."""
    mesh, base = screened.mesh, screened.mesh.based_on
    if managed(mesh) and not (mesh.distribution and mesh.distribution.project_code):
        return None
    return next((s for s in field.alive if base and s.mesh.id == base), None)


NEEDS_A_MESH = "needs_a_mesh"  # rules.yaml fact: every mesh is out, and none falls short
MESH_DOUBTED = "mesh_doubted"  # rules.yaml fact: whether to run a mesh at all is the question


@dataclass(frozen=True)
class _Screening:
    screened: list[Screened]
    relaxed: list[str]
    loosened: dict[str, tuple[FactValue, str]]
    facts: dict[str, FactValue]  # those the screening kept: less the wants given up


def _screened(
    screener: Screener, facts: dict[str, FactValue], among: list[Mesh], req: Requirements
) -> _Screening:
    """Screening, giving up what rules.yaml lists one at a time while nothing meets it all:
    first the facts that only make a must-have stricter (`relax_first`: a partial row then
    keeps an offering with its caveat), then the constraints in `relax_order`, each held at
    its looser value first where it has one (`loosens_to`); one the latest reply in a thread
    added (bot/answers/told_last.py) is at most held at that looser value, never dropped.
    Before any of them, where no mesh is left, the needs said only as wants
    (bot/intents/wanted.py): a want never outranks a must-not or a must-have."""
    rules = screener.kb.rules
    relaxed: list[str] = []
    loosened: dict[str, tuple[FactValue, str]] = {}
    first = screened = screener.screen(among, facts, req=req)
    if _only_baseline_short(first) and not facts.get(MESH_DOUBTED):
        # every mesh is out, and going without one falls short of a must-have: what they
        # need only a mesh gives, so running none is no pick either
        facts = {**facts, NEEDS_A_MESH: True}
        first = screened = screener.screen(among, facts, req=req)
    given = facts
    # a want gives way only where no mesh is left at all: a must-have met in part, the way its
    # project documents (JWT at ambient's waypoints), still keeps the want's mesh in
    if wanted_needs(facts) and not [s for s in first if not s.out and not _baseline(s)]:
        facts = without_wanted(facts)
        req = Requirements.from_facts(rules, facts)
        screened = screener.screen(among, facts, req=req)
        relaxed.append(WANTED)
    # only what was said can be given up: "I gave up … someone else runs the control plane"
    # is no answer to a team that never asked for that
    said = {c.id for c in rules.constraints if c.fact in facts}
    preferences = set(_preferences(rules, facts))
    # a constraint the latest reply added is kept (at most held at its looser value): an
    # older one gives way, or nothing is left
    latest = {c.id for c in rules.constraints if c.fact in told_last(facts)} - preferences
    dropped: set[str] = set()
    added = bool(needs_told_last(facts))  # must-haves the latest reply added, not yet given up
    for step in [*[f for f in rules.relax_first if f in facts], *_relax_order(rules, facts)]:
        alive = [s for s in screened if not s.out]
        if alive and _any_in_full(alive):
            break
        # what is left meets a must-have only partly (or is no mesh at all): only a must-not
        # said as a preference is given up for one meeting them all ("avoid envoy if at all
        # possible" beside isolated meshes on one control plane, which Kuma has)
        if alive and step not in preferences and step not in rules.relax_first:
            continue
        if step not in rules.relax_first and step not in said:
            continue
        constraints = frozenset(r for r in relaxed if r not in dropped)
        if added and _said_hard_before(rules, step, preferences, told_last(facts)):
            # a rule said before outranks a need just added ("what if we later need
            # mirroring?" after "no Envoy anywhere"): the new need gives way, where that is
            # what clashes
            added = False
            fewer = without_needs_told_last({k: v for k, v in facts.items() if k not in dropped})
            fewer_req = Requirements.from_facts(rules, fewer)
            tried = screener.screen(among, fewer, constraints, fewer_req)
            if _any_in_full([s for s in tried if not s.out]):
                screened = tried
                relaxed.append(NEEDS_TOLD_LAST)
                break
        before = screened
        relaxed.append(step)
        if step in rules.relax_first:
            dropped.add(step)
        kept = {k: v for k, v in facts.items() if k not in dropped}
        constraints = frozenset(r for r in relaxed if r not in dropped)
        loose_req = Requirements.from_facts(rules, kept) if dropped else req
        screened = screener.screen(among, kept, constraints, loose_req)
        if held := _held_looser(screener, step, kept, among, constraints, screened):
            screened, loosened[step] = held[0], (facts[held[1]], held[2])
        elif step in latest:  # just said, and nothing meets even its looser value: kept
            relaxed.pop()
            screened = before
    alive = [s for s in screened if not s.out]
    if not alive or (relaxed and not _any_in_full(alive) and any(not s.out for s in first)):
        return _Screening(first, [], {}, given)
    return _Screening(screened, relaxed, loosened, facts)


def _only_baseline_short(screened: list[Screened]) -> bool:
    """No mesh at all is the only offering left, and it meets a must-have only partly or
    unconfirmed."""
    alive = [s for s in screened if not s.out]
    return bool(alive) and all(_baseline(s) and s.shortfalls for s in alive)


def _said_hard_before(
    rules: RulesFile, step: str, preferences: set[str], told: frozenset[str]
) -> bool:
    """A must-not kept over new needs (rules.yaml `kept_over_new_needs`; not a must-have made
    stricter, `in_full`) said as a rule, not a preference, before the latest reply (`told`:
    the facts that reply set)."""
    if step not in rules.kept_over_new_needs:
        return False
    constraint = next((c for c in rules.constraints if c.id == step), None)
    fact = rules.fact(constraint.fact if constraint else step)
    if fact is None or fact.type == FactType.features:
        return False
    return step not in preferences and fact.id not in told


def _any_in_full(alive: list[Screened]) -> bool:
    """A mesh left (no mesh at all aside) meets every must-have in full."""
    return any(not _baseline(s) and all(f.in_full for f in s.caveats if f.feature) for s in alive)


def _held_looser(
    screener: Screener,
    step: str,
    facts: dict[str, FactValue],
    among: list[Mesh],
    relaxed: frozenset[str],
    given_up: list[Screened],
) -> tuple[list[Screened], str, str] | None:
    """The constraint given up, held instead at its looser value where something meets that
    (support from Microsoft given up keeps support from any vendor): each offering as the
    looser screening finds it where that rules it out, else as the one giving the constraint
    up finds it (kept, with the named vendor's contract missing as its caveat)."""
    constraint = next((c for c in screener.kb.rules.constraints if c.id == step), None)
    looser = constraint.loosens_to if constraint else None
    if constraint is None or looser is None or facts.get(constraint.fact) == looser:
        return None
    held = {**facts, constraint.fact: looser}
    req = Requirements.from_facts(screener.kb.rules, held)
    loose = screener.screen(among, held, relaxed - {step}, req)
    merged = [strict if strict.out else kept for strict, kept in zip(loose, given_up, strict=True)]
    if all(s.out for s in merged):
        return None
    return merged, constraint.fact, looser


def _preferences(rules: RulesFile, facts: dict[str, FactValue]) -> list[str]:
    """The constraints on must-nots said as preferences ("i'd prefer no sidecars")."""
    fact = rules.refusals.preferred_fact
    said = facts.get(fact) if fact else None
    preferred = said if isinstance(said, list) else []
    return [c.id for c in rules.constraints if c.fact in preferred]


def _relax_order(rules: RulesFile, facts: dict[str, FactValue]) -> list[str]:
    """The constraints to give up, softest first: those on must-nots said as preferences,
    then rules.yaml's `relax_order`."""
    return list(dict.fromkeys([*_preferences(rules, facts), *rules.relax_order]))


def met_in_full(field: Field, fired: list[Rule]) -> dict[str, list[str]]:
    """Each must-have met only partly somewhere, and the meshes left that meet it and every
    other must-have in full (a caveat on how one runs, such as Consul's transparent proxy off
    on EKS Fargate, is no must-have). No mesh at all, the baseline, is no witness (what it
    meets, tools beside it meet), nor is an offering with a trait in
    `caveat_cost.outdone_unless` that a rule fired on weighs (a licensed edition whose
    open-source base, left too, meets the need, where the licence is unasked: what it adds is
    the licence)."""
    needs = dict.fromkeys(f.feature for s in field.alive for f in s.caveats if f.feature)
    witnesses = _witnesses(field, fired)
    return {need: witnesses for need in needs} if witnesses else {}


def _witnesses(field: Field, fired: list[Rule]) -> list[str]:
    """The meshes left that meet every must-have in full and may outdo another (see
    met_in_full)."""
    weighed = {t for rule in fired for t in rule.traits}
    unless = [t for t in field.kb.rules.caveat_cost.outdone_unless if t in weighed]
    return [
        s.mesh.id
        for s in field.alive
        if not _baseline(s)
        and all(f.in_full for f in s.caveats if f.feature)
        and not any(field.has(trait, s) for trait in unless)
    ]


def _confirmed_rivals(screened: Screened, field: Field, witnesses: list[str]) -> set[str]:
    """Where nothing confirms that it runs on the setup's platform at all (on GKE Autopilot),
    the meshes meeting every must-have in full whose fit there is confirmed: between close
    options, one known to run there goes first."""
    tests = {c.id: c.test for c in field.kb.rules.constraints}
    unsure = {
        f.constraint
        for f in screened.caveats
        if f.unconfirmed and tests.get(f.constraint) in PLATFORM_TESTS
    }
    if not unsure:
        return set()
    return {
        s.mesh.id
        for s in field.alive
        if s.mesh.id in witnesses and not any(f.constraint in unsure for f in s.caveats)
    }


def _outdone(
    kb: KnowledgeBase, scores: dict[str, int], field: Field, fired: list[Rule]
) -> dict[str, int]:
    """What a must-have met only partly (or unconfirmed) costs besides, where a mesh left that
    meets it in full is close behind or ahead (within `caveat_cost.outdone`): between those it
    is the need that decides, no mesh at all (app-level mTLS beside cert-manager) included.
    One such need is enough; each further one costs its own caveat. None where every mesh
    meeting it in full trails far behind on what else was said (the need decides nothing
    there), nor for an offering with a trait in `outdone_spares` (what they run already: its
    partial row is lived with, and staying is weighed apart), nor for one a fired rule weighs
    up because its partial way is enough here (`partial_enough`: retries from a client library
    on a small estate)."""
    extra, spared = kb.rules.caveat_cost.outdone, kb.rules.caveat_cost.outdone_spares
    full = met_in_full(field, fired) if extra else {}
    witnesses = _witnesses(field, fired) if extra else []
    enough = [rule for rule in fired if rule.partial_enough]
    cost = {}
    for s in field.alive:
        if not witnesses or any(field.has(trait, s) for trait in spared):
            continue
        if any(weight(rule, s, field) > 0 for rule in enough):
            continue
        rivals = {w for f in s.caveats if not f.met_anyway for w in full.get(f.feature, [])}
        rivals |= _confirmed_rivals(s, field, witnesses)
        if any(scores[w] >= scores[s.mesh.id] - extra for w in rivals if w != s.mesh.id):
            cost[s.mesh.id] = extra
    return cost


def _baseline(screened: Screened) -> bool:
    """No mesh at all: the baseline every mesh is weighed against."""
    return bool(screened.mesh.fit and screened.mesh.fit.mesh is False)


def _caveat_cost(kb: KnowledgeBase, screened: Screened) -> int:
    costs = kb.rules.caveat_cost
    return sum(
        (
            costs.unconfirmed
            if f.unconfirmed
            else costs.bought
            if f.bought
            else costs.conditional
            if f.conditional
            else costs.added
            if f.added
            else costs.partial
        )
        + costs.early.get(f.early, 0)
        + (costs.edge if f.edge else 0)
        for f in screened.caveats
    )


def firing(
    rules: list[Rule],
    facts: dict[str, FactValue],
    before: frozenset[str] | None = None,
    rechecked: frozenset[str] = frozenset(),
) -> list[Rule]:
    """The rules that fire on these facts. Given the ids of those `before` that fired on
    facts that differ only in facts the rules `rechecked` test (`rules_testing`), only those
    are checked again (a what-if answer changes a fact or two)."""
    if before is None:
        return [r for r in rules if fires(r, facts)]
    return [r for r in rules if (fires(r, facts) if r.id in rechecked else r.id in before)]


def rules_testing(kb: KnowledgeBase, facts: Iterable[str]) -> frozenset[str]:
    """The ids of the decision rules that test any of these facts (indexed by fact once per
    knowledge base)."""
    testing = kb.derived("rules_by_fact", _rules_by_fact)
    return frozenset().union(*(testing.get(fact, ()) for fact in facts))


def _rules_by_fact(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    by_fact: dict[str, set[str]] = {}
    for rule in kb.rules.rules:
        for fact in rule.when:
            by_fact.setdefault(fact, set()).add(rule.id)
    return {fact: frozenset(ids) for fact, ids in by_fact.items()}


def evaluate(
    kb: KnowledgeBase,
    facts: dict[str, FactValue],
    among: list[Mesh],
    screener: Screener | None = None,
    rules: list[Rule] | None = None,
) -> Verdict:
    """Screen the candidates, then score the survivors on the rules that fire (`rules`,
    when the caller knows them already)."""
    req = Requirements.from_facts(kb.rules, facts)
    screening = _screened(screener or Screener(kb), facts, among, req)
    if screening.facts is not facts:  # wants given up: weighed on what is kept
        facts, rules = screening.facts, None
        req = Requirements.from_facts(kb.rules, facts)
    screened = screening.screened
    alive = [s for s in screened if not s.out]
    field = Field(kb, req, alive)
    scores = {s.mesh.id: -_caveat_cost(kb, s) for s in alive}
    fired = []
    owned = all(kb.owns(s.mesh) for s in alive)  # not a changed copy of a mesh among them
    tables = kb.derived("rule_score_tables", _score_tables) if owned else {}
    for rule in firing(kb.rules.rules, facts) if rules is None else rules:
        table = tables.get(rule.id)
        if table is None:
            deltas = weights(rule, field)
        else:
            deltas = {s.mesh.id: table[s.mesh.id] for s in alive}
        if any(deltas.values()):
            fired.append(rule)
            for mesh_id, delta in deltas.items():
                scores[mesh_id] += delta
    outdone = _outdone(kb, scores, field, fired)
    for mesh_id, cost in outdone.items():
        scores[mesh_id] -= cost
    ranked = sorted(scores, key=lambda m: -scores[m])  # stable: knowledge-base order breaks ties
    return Verdict(
        screened,
        {m: scores[m] for m in ranked},
        fired,
        field,
        screening.relaxed,
        None,
        outdone,
        screening.loosened,
    )


def open_questions(kb: KnowledgeBase, facts: dict[str, FactValue]) -> list[Question]:
    """The questions on facts not known yet: neither stated nor said as a preference (the
    flag of rules.yaml `refusals.weighed` or `softened`: "no sidecars if we can avoid it"
    answers whether sidecars are acceptable), nor settled by what was said (`unless`)."""
    refusals = kb.rules.refusals
    wished = {**refusals.weighed, **refusals.softened}
    return [
        q
        for q in kb.rules.questions
        if q.fact not in facts
        and (q.fact not in wished or wished[q.fact] not in facts)
        and not q.moot(facts)
    ]


def information(outcomes: list[tuple[str, ...]]) -> tuple[float, float]:
    """What knowing the answer tells about the pick, in bits, each answer as likely: the
    entropy of the pick over every answer less what stays open after one; and that part left
    open, where an answer leaves several level (a tie of k leaves log2 k bits open)."""
    if not outcomes:
        return 0.0, 0.0
    share = 1 / len(outcomes)
    picks: Counter[str] = Counter()
    for tied in outcomes:
        for mesh_id in tied:
            picks[mesh_id] += share / len(tied)
    left = sum(share * math.log2(len(tied)) for tied in outcomes if tied)
    return -sum(p * math.log2(p) for p in picks.values()) - left, left


@dataclass(frozen=True)
class Outlook:
    """The verdict now, and the verdict after each possible answer to each open question."""

    verdict: Verdict
    options: list[tuple[Question, Option, Verdict]]
    passed: frozenset[str] = frozenset()  # questions asked and passed over: not asked next

    def changes(self) -> list[Change]:
        """Every single answer to an open question that would change the pick: one that puts
        another offering ahead, or splits a tie. An answer that only brings another level
        with the pick leaves it standing, so it is no change."""
        now = set(self.verdict.tied)
        return [
            Change(question, option.label, tuple(after.tied))
            for question, option, after in self.options
            if after.tied and set(after.tied) != now and not now < set(after.tied)
        ]

    def most_telling_question(self) -> Question | None:
        """The open question whose answers split the survivors most: information gain about
        the pick its options lead to (screening included), where an answer that would rule
        out every mesh (leaving none, or only doing without one) splits nothing among them;
        never one asked before that a reply passed over (`passed`).
        Of questions that tell as much, the one whose answers leave fewer ties, then the first
        in rules.yaml; while the pick is to run no mesh, none on what the mesh should be. None
        when one offering is left or no answer could change the pick."""
        if len(self.verdict.survivors) <= 1:
            return None
        pick = self.verdict.of(self.verdict.tied[0]).mesh if self.verdict.tied else None
        meshless = bool(pick and pick.fit and pick.fit.mesh is False)
        best, chosen = (0.0, 0.0), None
        for question_id, group in itertools.groupby(self.options, key=lambda item: item[0].id):
            options = list(group)
            if question_id in self.passed:
                continue  # asked already, and the reply went on without answering it
            if meshless and options[0][0].shapes_mesh:
                continue  # "no mesh" picked: what a mesh should be is no question yet
            gain, left = information([tuple(v.tied) for _, _, v in options if _mesh_left(v)])
            rank = (round(gain, 9), -round(left, 9))  # as much learnt, the fewer ties left
            if gain > 1e-9 and rank > best:
                best, chosen = rank, options[0][0]
        return chosen


def _mesh_left(verdict: Verdict) -> bool:
    """A mesh survives screening (not only the no-mesh baseline)."""
    return any(not s.out and not _baseline(s) for s in verdict.screened)


def outlook(kb: KnowledgeBase, facts: dict[str, FactValue], among: list[Mesh]) -> Outlook:
    """The verdict now and after every answer to every open question; the what-ifs share the
    screening checks and re-check only the rules on the facts an answer changes."""
    screener = Screener(kb)
    now = firing(kb.rules.rules, facts)
    before = frozenset(r.id for r in now)

    def after(option: Option) -> Verdict:
        new = {**facts, **option.set}
        rules = firing(kb.rules.rules, new, before, rules_testing(kb, option.set))
        return evaluate(kb, new, among, screener, rules)

    options = [(q, o, after(o)) for q in open_questions(kb, facts) for o in q.offered(facts)]
    verdict = evaluate(kb, facts, among, screener, now)
    return Outlook(_leaning(verdict, options) if facts else verdict, options)


def verdict_now(kb: KnowledgeBase, facts: dict[str, FactValue], among: list[Mesh]) -> Verdict:
    """The verdict `outlook` gives, the what-ifs weighed only where they could lean a tie
    (`_leaning`): a clear pick needs none of them."""
    verdict = evaluate(kb, facts, among, Screener(kb), firing(kb.rules.rules, facts))
    if not facts or len(verdict.level) < 2:
        return verdict
    return outlook(kb, facts, among).verdict


RULED_OUT_BEHIND = 10  # an answer that rules an offering out leaves it this far behind the top


def answers_ahead(options: list[tuple[Question, Option, Verdict]], mesh_id: str, other: str) -> int:
    """The answers to the open questions after which `mesh_id` would score above `other`
    (one ruled out by an answer counts as behind)."""
    count = 0
    for *_, after in options:
        mine, theirs = after.scores.get(mesh_id), after.scores.get(other)
        if mine is not None and (theirs is None or mine > theirs):
            count += 1
    return count


def lead_counts(
    options: list[tuple[Question, Option, Verdict]], lean: str, others: list[str]
) -> tuple[int, int, int] | None:
    """(answers keeping `lean` ahead of the nearest other level offering, answers putting
    that one ahead, answers in all); None where `lean` stays ahead in no more of them than
    one of the others: then no count separates them."""
    total = len(options)
    if not total or not others:
        return None
    mine = min(answers_ahead(options, lean, o) for o in others)
    theirs = max(answers_ahead(options, o, lean) for o in others)
    return (mine, theirs, total) if mine > theirs else None


def _leaning(verdict: Verdict, options: list[tuple[Question, Option, Verdict]]) -> Verdict:
    """Offerings level on what is known: the one that stays nearest the top, summed over
    every answer to the open questions, leads; the tie stands when none does."""
    level = verdict.level
    if len(level) < 2 or not options:
        return verdict
    behind = {
        m: sum(
            v.scores[m] - max(v.scores.values()) if m in v.scores else -RULED_OUT_BEHIND
            for *_, v in options
        )
        for m in level
    }
    best = max(behind.values())
    if list(behind.values()).count(best) > 1:
        return verdict
    lean = next(m for m in level if behind[m] == best)
    # The lean is said as "of the N answers, k would leave it ahead and j the other way
    # round": where that count does not favour it, nothing stated orders them, so it's a tie.
    if lead_counts(options, lean, [m for m in level if m != lean]) is None:
        return verdict
    order = [lean, *(m for m in verdict.scores if m != lean)]
    return replace(verdict, scores={m: verdict.scores[m] for m in order}, lean=lean)
