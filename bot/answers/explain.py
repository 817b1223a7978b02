"""Explain one mesh: what it is and its status first; design, claims and install on demand.
A question naming no mesh explains a concept instead (concepts.py)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.answers import scoring
from bot.answers.alternatives import closest_alternatives
from bot.answers.assembly import build_answer
from bot.answers.catch import catch_on_setup
from bot.answers.citations import Citations
from bot.answers.claims import claims_section
from bot.answers.concepts import explain_features, explain_parts, explain_service_mesh
from bot.answers.interop import interop_lead
from bot.answers.licensing import cncf_lead, licence_lead
from bot.answers.money import monthly_bill, price_line, price_sources
from bot.answers.notices import status_detail
from bot.answers.phrasing import first_sentence, mesh_names
from bot.answers.platforms import platform_notes
from bot.answers.results import (
    Answer,
    Choice,
    Code,
    Paragraph,
    Part,
    Section,
    Statement,
    StatementList,
)
from bot.answers.steps import standard_steps, step
from bot.answers.support import support_lead
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, LicenceKind, Mesh, Platform

MAX_SUCCESSORS = 2  # a retired mesh's replacements offered as comparisons


def _at_a_glance(mesh: Mesh, cite: Citations) -> StatementList:
    dp = mesh.data_plane
    return StatementList(
        heading="At a glance",
        items=[
            Statement(label="Data plane", text=f"{dp.proxy} ({dp.language}), {dp.model.value}"),
            Statement(
                label="Version",
                text=f"{mesh.version.current} (as of {mesh.version.as_of})",
                sources=cite.cite(mesh.version.sources),
            ),
            Statement(label="Best for", text=mesh.best_for),
        ],
    )


def _design(mesh: Mesh) -> list[Part]:
    parts: list[Part] = [
        StatementList(
            heading="Design and project",
            items=[
                Statement(label="Control plane", text=", ".join(mesh.control_plane) or "none"),
                Statement(label="License", text=mesh.license),
                Statement(label="CNCF", text=mesh.cncf.value),
            ],
        )
    ]
    if mesh.strengths:
        parts.append(Paragraph(heading="Strengths", text="• " + "\n• ".join(mesh.strengths)))
    if mesh.weaknesses:
        parts.append(Paragraph(heading="Weaknesses", text="• " + "\n• ".join(mesh.weaknesses)))
    return parts


def _install(mesh: Mesh) -> list[Part]:
    parts: list[Part] = []
    if mesh.install:
        parts.append(Code(heading="Install", language="sh", code="\n".join(mesh.install)))
    if mesh.snippet:
        parts.append(
            Code(heading=mesh.snippet.title, language=mesh.snippet.language, code=mesh.snippet.code)
        )
    if mesh.links:
        parts.append(
            StatementList(
                heading="Links",
                items=[Statement(label=link.title, text=str(link.url)) for link in mesh.links],
            )
        )
    return parts


def _alternatives(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> list[str]:
    """A retired mesh's successors; else the closest alternatives (see alternatives.py):
    its sidecarless sibling, the offering that differs least, the user's platform's own."""
    if not mesh.is_current:
        return [m for m in mesh.replaced_by if m in kb.meshes][:MAX_SUCCESSORS]
    return [m.id for m in closest_alternatives(kb, [mesh], intent.facts)]


def _next_steps(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> list[Choice]:
    """Compare with each alternative, then recommend and cost, keeping the user's facts."""
    steps = [
        step(
            f"Compare {mesh_names(kb, [mesh.id, other])}",
            IntentKind.compare,
            meshes=[mesh.id, other],
            facts=intent.facts,
        )
        for other in _alternatives(kb, intent, mesh)
    ]
    only = (IntentKind.recommend, IntentKind.cost)
    return steps + standard_steps(kb, IntentKind.explain, only=only, facts=intent.facts)


def explain(kb: KnowledgeBase, intent: Intent) -> Answer:
    """The features asked about ("what does revision-based upgrade mean in istio": where
    every mesh stands on it, that one too); else a mesh's parts ("what is a waypoint proxy":
    what it is and the mesh it belongs to); else one mesh; else what a service mesh is."""
    if intent.features:
        return explain_features(kb, intent)
    if intent.parts:
        return explain_parts(kb, intent)
    if intent.meshes:
        return _explain_mesh(kb, intent)
    return explain_service_mesh(kb, intent)


def _platform_fit(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> tuple[str, str] | None:
    """Whether the mesh runs on the platform the question names ("can kong mesh run on
    openshift?"), from its `fit` block as screening reads it: yes or no first, then what else
    said of the setup it meets or misses, and the platform notes."""
    platforms = intent.facts.get("platform")
    if not isinstance(platforms, list) or not platforms or mesh.fit is None:
        return None
    fact = kb.rules.fact("platform")
    named = fact.says(platforms) if fact else ", ".join(map(str, platforms))
    # a flag that names part of the platform ("EKS Fargate") is where the question asks about
    parts = [f.narrows for f in kb.rules.facts if f.narrows and intent.facts.get(f.id) is True]
    named = " and ".join(parts) if parts else named
    screened = scoring.evaluate(kb, dict(intent.facts), [mesh]).screened[0]
    runs = fact.says([p.value for p in mesh.fit.platforms]) if fact else ""
    title = f"Does {mesh.name} run on {named}?"
    own = {p.value for p in mesh.fit.platforms}
    if screened.out:
        reasons = "; ".join(f.text for f in screened.reasons)
        text = f"No. {mesh.name}: {reasons}. It runs on {runs}."
    elif screened.caveats:
        caveats = "; ".join(f.text for f in screened.caveats)
        text = f"Yes, with caveats: {mesh.name} runs on {named} ({caveats})."
    else:
        via = "" if set(map(str, platforms)) <= own else f" (as Kubernetes; its platforms: {runs})"
        met = [
            f.label
            for f in kb.rules.facts
            if f.id in intent.facts
            and f.id != "platform"
            and intent.facts[f.id]
            and any(c.fact == f.id for c in kb.rules.constraints)
        ]
        also = f", and it meets what else you said ({'; '.join(met)})" if met else ""
        text = f"Yes: {mesh.name} runs on {named}{via}{also}."
    summary = mesh.on([Platform(p) for p in platforms], intent.facts)
    notes = [summary.summary] if summary else []
    notes += platform_notes(kb, mesh, [str(p) for p in platforms])
    return title, " ".join([text, *notes])


def _price_lead(
    kb: KnowledgeBase, mesh: Mesh, cite: Citations, facts: Mapping[str, FactValue]
) -> tuple[str, list[str]]:
    """Its pricing as held (a distribution's `pricing`, its own), or that it is open source
    with no licence fee; never a resource figure. A price the knowledge base does not hold is
    said to be so, with who sells it. Billed by use, with services said, the monthly total
    from the unit prices held follows ("lattice for 80 services and 2 TB a month")."""
    fit, dist = mesh.fit, mesh.distribution
    sellers = [kb.rules.fact("support").says(v) for v in fit.support_from] if fit else []
    who = f" (ask {', '.join(sellers)} for a quote)" if sellers else ""
    if dist and dist.pricing:
        said = f"Pricing of {mesh.name}, as I hold it: {dist.pricing.rstrip('.')}."
        if fit and fit.included_with:  # "included with the OpenShift subscription": no quote
            return said, cite.cite(dist.sources)
        return f"{said} I hold no price list for it{who}.", cite.cite(dist.sources)
    if fit and fit.pricing:  # "what does service connect cost?": no charge of its own
        said = f"Pricing of {mesh.name}, as I hold it: {fit.pricing.rstrip('.')}."
        return said, cite.cite(fit.pricing_sources)
    if fit and fit.billed_by_use and (billed := price_line(mesh)):  # "vpc lattice pricing?"
        services, data = facts.get("services"), facts.get("data_gb_month")
        if isinstance(services, int) and fit.unit_prices:
            gb = data if isinstance(data, int) else None
            total = monthly_bill(mesh, services, gb)
            return f"{billed}. {total}", cite.cite([*price_sources(mesh), *fit.unit_prices.sources])
        return f"{billed}.", cite.cite(price_sources(mesh))
    if fit and fit.licence == LicenceKind.open_source:
        said = f"{mesh.name} is open source ({mesh.license}): no licence fee to run it."
        if builds := fit.stable_builds:  # what is paid for is the vendor's edition
            free = (
                f", free in production for companies under {builds.free_below} employees"
                if builds.free_below
                else ""
            )
            said += (
                f" Stable releases come from {builds.edition}{free}; I hold no price list "
                f"for it or for support{who}."
            )
            return said, cite.cite([*fit.sources, *builds.sources])
        return f"{said} I hold no price for support or vendor builds{who}.", cite.cite(fit.sources)
    return f"I hold no price for {mesh.name}{who}; its licence: {mesh.license}.", []


CAN_DO = (
    "What I can do for {name}: say whether it supports a feature you rely on, what its proxies "
    "cost at your size, whether your release is still supported, or weigh it against another "
    "mesh."
)


def _troubleshooting(kb: KnowledgeBase, intent: Intent, mesh: Mesh) -> Answer:
    """A failure reported of a mesh, naming none of its features or costs ("503s right after
    enabling istio sidecar injection, any idea?"): what it is in a line and what I can do,
    after the notice that diagnosis is outside what I cover; not the whole explanation."""
    cite = Citations(kb)
    lead = f"{first_sentence(mesh.summary)} {CAN_DO.format(name=mesh.name)}"
    return build_answer(
        kb,
        intent,
        cite,
        title=mesh.name,
        lead=lead,
        lead_sources=cite.cite(mesh.sources[:1]),
        points=[],
        details=[],
        next_steps=_next_steps(kb, intent, mesh),
    )


def _explain_mesh(kb: KnowledgeBase, intent: Intent) -> Answer:
    mesh = kb.meshes[intent.meshes[0]]
    if intent.aspect == Aspect.troubleshooting and mesh.is_current:
        return _troubleshooting(kb, intent, mesh)
    cite = Citations(kb)
    points: list[Part] = []
    if status := status_detail(mesh):  # the lead flags its status and successors
        points.append(Paragraph(heading="Status", text=status))
    fit = _platform_fit(kb, intent, mesh) if mesh.is_current else None
    title, lead, lead_sources = mesh.name, mesh.summary, cite.cite(mesh.sources[:1])
    if intent.aspect == Aspect.licence:  # "can we still use it internally?": answered first
        employees = intent.facts.get("employees")
        counted = employees if isinstance(employees, int) else None
        policy = intent.facts.get("licence")
        lead, lead_sources = licence_lead(mesh, counted, cite, policy)
    elif intent.aspect == Aspect.cncf:  # "is kuma cncf?": its standing in the CNCF
        lead, lead_sources = cncf_lead(kb, mesh, cite)
    elif intent.aspect == Aspect.price:  # "what does GCSM cost for 200 vCPUs?": money
        lead, lead_sources = _price_lead(kb, mesh, cite, intent.facts)
    elif intent.aspect == Aspect.support:  # "who do we call if it breaks at 3am?"
        lead, lead_sources = support_lead(kb, mesh, cite)
    elif intent.aspect == Aspect.interop and (meets := interop_lead(kb, intent, mesh, cite)):
        title, lead, lead_sources = meets  # "can ambient and sidecar pods talk to each other?"
    elif intent.aspect == Aspect.drawbacks and (
        weighed := catch_on_setup(kb, mesh, intent, cite)
    ):  # "what's the catch with it?" in a thread: on the thread's setup
        title, lead, lead_sources = weighed.title, weighed.lead, weighed.sources
    elif intent.aspect == Aspect.drawbacks and mesh.weaknesses:  # "why not linkerd?"
        lead = (
            f"Why not {mesh.name} for what? With no setup said I can't weigh it, so here are its "
            f"{len(mesh.weaknesses)} known weaknesses, the usual reasons to pass on it; tell me "
            "your platform, size and must-haves and I'll say whether any of them matters to you."
        )
        points.append(Paragraph(heading="Weaknesses", text="• " + "\n• ".join(mesh.weaknesses)))
    elif fit:  # the platform asked about leads; what the mesh is follows
        points.insert(0, Paragraph(heading=mesh.name, text=lead, sources=lead_sources))
        title, lead = fit
        summary = mesh.on([Platform(p) for p in intent.facts.get("platform", [])], intent.facts)
        fit_sources = [*(mesh.fit.sources if mesh.fit else [])]
        lead_sources = cite.cite([*fit_sources, *(summary.sources if summary else [])])
    points.append(_at_a_glance(mesh, cite))
    cite.read_more(mesh.sources[1:])
    return build_answer(
        kb,
        intent,
        cite,
        title=title,
        lead=lead,
        lead_sources=lead_sources,
        points=points,
        details=[
            Section(key="design", label="Design, strengths, weaknesses", parts=_design(mesh)),
            claims_section("Outdated claims you may have read", mesh.outdated_claims, cite),
            Section(key="install", label="Install and links", parts=_install(mesh)),
        ],
        next_steps=_next_steps(kb, intent, mesh),
    )
