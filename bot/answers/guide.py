"""Help, sources, and the answers for questions that could not be understood."""

from __future__ import annotations

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.evidence import asks_about_figures, figure_sources, freshness, no_figures
from bot.answers.independent_figures import independent_lead
from bot.answers.phrasing import mesh_names
from bot.answers.results import Answer, Choice, Paragraph, Part, Statement, StatementList
from bot.answers.sources_asked import asked_of_sources, trusted_first
from bot.answers.steps import default_pair, standard_steps, step
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Source

SOURCES_PER_PAGE = 12
EXAMPLES = [
    ("compare istio linkerd", "feature matrix, overhead and verdict"),
    ("does linkerd support circuit breaking", "one feature, with version and source"),
    ("which meshes do JWT validation", "every mesh's support for a feature"),
    ("cost 1000 pods", "proxy memory totals, sidecar vs ambient"),
    ("recommend", "a pick from decision rules, with follow-up questions"),
    ("we have 14 services and only need mTLS", "facts in the question are used at once"),
    ("explain ambient mode", "architecture, strengths, status"),
    ("sources", "every source with its date and kind"),
]


def examples_part(limit: int | None = None) -> StatementList:
    """The "Try" list of example questions (all of them, or the first `limit`)."""
    shown = EXAMPLES[:limit] if limit else EXAMPLES
    return StatementList(heading="Try", items=[Statement(label=q, text=w) for q, w in shown])


_KIND_WORDS = {
    "official_docs": "official docs",
    "release_notes": "release notes",
    "repository": "repository",
    "independent_benchmark": "independent benchmark",
    "vendor_benchmark": "vendor benchmark",
    "vendor_marketing": "vendor marketing",
    "blog": "blog",
}


def starters(kb: KnowledgeBase) -> list[Choice]:
    """The common first questions (App Home, the Assistant panel), built from the knowledge."""
    pair = default_pair(kb)
    ambient = [m for m in kb.rules.featured if m in kb.meshes and m not in pair][:1]
    return [
        step("Do we need a mesh?", IntentKind.recommend),
        step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair),
        step("Sidecar cost at 1,000 pods", IntentKind.cost, facts={"pods": 1000}),
        *(step(f"Explain {kb.meshes[m].name}", IntentKind.explain, meshes=[m]) for m in ambient),
        step("All sources", IntentKind.sources),
    ]


def help_answer(kb: KnowledgeBase, intent: Intent) -> Answer:
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="Mesh Advisor",
        lead="Sourced answers to service-mesh questions: Istio, Linkerd, Cilium, Consul, "
        "Kuma and when you need no mesh at all. Ask in plain words.",
        points=[examples_part()],
        next_steps=standard_steps(kb, IntentKind.help),
    )


def sources(kb: KnowledgeBase, intent: Intent) -> Answer:
    asked = asked_of_sources(kb, intent.aspect)
    order = asked[1] if asked else trusted_first
    all_sources = sorted(kb.sources.values(), key=order)
    pages = max(1, -(-len(all_sources) // SOURCES_PER_PAGE))
    page = min(intent.page, pages - 1)
    shown = all_sources[page * SOURCES_PER_PAGE : (page + 1) * SOURCES_PER_PAGE]
    points: list[Part] = [*_by_kind(shown)]
    vendor = sum(1 for s in kb.sources.values() if s.vendor_authored)
    unaddressed = sum(1 for s in kb.sources.values() if s.url is None)
    lead = (
        f"{len(kb.sources)} sources, {vendor} of them vendor-authored and labelled so. "
        "Figures are kept per source, never averaged."
    )
    if not asked:
        lead += (
            " Primary sources first (official docs, release notes, repositories, independent "
            f"benchmarks), then vendor material and blogs; the {unaddressed} with no public "
            "address come last."
        )
    if asks_about_figures(intent) and page == 0:  # the figures asked about come first
        focused = figure_sources(kb, intent, _KIND_WORDS)
        if focused.items:
            points.insert(0, focused)
            lead = f"{focused.heading}: {len(focused.items)} sources, first below. {lead}"
        else:
            lead = f"{no_figures(focused)} {lead}"
        if intent.meshes:  # "how current is your ambient data": the dates behind it
            points.insert(1 if focused.items else 0, freshness(kb, intent))
            lead = f"{lead} The knowledge base as a whole was last reviewed on {kb.as_of}."
    named = [kb.meshes[m] for m in intent.meshes if m in kb.meshes]
    lead_sources: list[str] = []
    if intent.aspect == Aspect.independence and named and page == 0:
        # "that linkerd number is from buoyant, anything independent?": its figures, first
        said, lead_sources = independent_lead(kb, named, intent.measure)
        lead = f"{said} {lead}"
    elif asked and page == 0:  # what the question asks of the sources comes first
        lead = f"{asked[0]} {lead}"
    steps = []
    if page + 1 < pages:
        steps.append(step(f"More sources ({page + 2}/{pages})", IntentKind.sources, page=page + 1))
    steps += standard_steps(kb, IntentKind.sources)[:3]
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title=f"Sources ({page + 1}/{pages})",
        lead=lead,
        lead_sources=Citations(kb).cite(lead_sources) if lead_sources else [],
        points=points,
        next_steps=steps,
    )


def _by_kind(shown: list[Source]) -> list[StatementList]:
    """A page of sources grouped by kind, in the order they come: one list per run of a kind."""
    lists: list[StatementList] = []
    for s in shown:
        heading = _KIND_WORDS[s.kind.value].capitalize()
        label = f"{s.title} — {s.publisher}, {s.date}"
        kind = _KIND_WORDS[s.kind.value] + (", vendor-authored" if s.vendor_authored else "")
        item = Statement(label=label, text=f"{kind}: {s.url or 'no public address'}")
        if lists and lists[-1].heading == heading:
            lists[-1].items.append(item)
        else:
            lists.append(StatementList(heading=heading, items=[item]))
    return lists


def unknown(kb: KnowledgeBase, intent: Intent) -> Answer:
    suggestions = []
    for label in intent.suggestions:
        kind, _, entity = label.partition(":")
        if kind == "mesh" and entity in kb.meshes:
            suggestions.append(
                step(f"Explain {kb.meshes[entity].name}", IntentKind.explain, meshes=[entity])
            )
        elif kind == "feature" and entity in kb.features:
            suggestions.append(
                step(
                    f"Who has {kb.features[entity].name}",
                    IntentKind.which_meshes,
                    features=[entity],
                )
            )
    hint = (
        "Did you mean one of the buttons below?"
        if suggestions
        else ("Try one of the examples below.")
    )
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="I didn't catch that",
        lead=f"I couldn't match “{intent.text}” to a mesh, a feature or a question. {hint}",
        points=[examples_part(5)],
        next_steps=suggestions + standard_steps(kb, IntentKind.unknown)[:3],
    )


def too_long(kb: KnowledgeBase, intent: Intent) -> Answer:
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="That question is too long",
        lead="Please ask in one or two sentences (under 1,000 characters besides pasted "
        "output), "
        "e.g. “compare istio linkerd” or “recommend for 40 services”.",
        points=[Paragraph(text="Long text is not parsed, to keep answers fast for everyone.")],
        next_steps=standard_steps(kb, IntentKind.too_long)[:3],
    )
