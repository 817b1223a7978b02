"""What a mesh's licence permits and what running it costs a company its size: the lead of
a licence question ("is consul still open source?", "~300 employees, is linkerd free for us
in prod?"), alone or beside a comparison it is asked in."""

from __future__ import annotations

from bot.answers.citations import Citations
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.licences import banned_licences
from bot.knowledge.models import CncfStatus, FactValue, LicenceKind, Mesh

# What each CNCF standing is, said after "<name> is" ("is kuma cncf?")
_STANDING = {
    CncfStatus.graduated: "a CNCF graduated project, the foundation's highest maturity level",
    CncfStatus.incubating: "a CNCF incubating project, the foundation's middle maturity level",
    CncfStatus.sandbox: (
        "a CNCF Sandbox project, the foundation's entry level for early-stage projects; it is "
        "neither incubating nor graduated"
    ),
    CncfStatus.archived: "an archived CNCF project: it left the foundation's maturity levels",
    CncfStatus.none: "not a CNCF project",
}


def licence_lead(
    mesh: Mesh, employees: int | None, cite: Citations, policy: FactValue = None
) -> tuple[str, list[str]]:
    """What its licence permits, as the licensor words it; for open-source code, that it is
    open source; where I hold neither, its name and that I hold no reading. Where its project
    ships no stable releases, where they come from and, at the company's size, whether its
    free tier covers them (a price I don't hold is said to be so). A licence policy they
    state that rules its licence out ("if legal says no BUSL") is applied first: no."""
    fit = mesh.fit
    if fit and fit.licence in banned_licences(policy):
        lead = (
            f"Under that policy, no: {mesh.name} is licensed {mesh.license}, and a policy "
            f"against {fit.licence.value.replace('_', '-')} licences rules it out, whatever "
            f"that licence allows for internal use. The current release is "
            f"{mesh.version.current}: an older release under another licence, where the line "
            "above names one, means staying on old releases. Otherwise the choice is another "
            "mesh."
        )
        return lead, cite.cite([*fit.sources[:2], *mesh.version.sources[:1]])
    # "is consul still open source?": a source-available licence is said to be so first
    unlike = (
        f"Not open source: {mesh.name} is licensed {mesh.license}, a source-available "
        "licence, not an OSI open-source one. "
        if fit and fit.licence == LicenceKind.source_available
        else ""
    )
    if terms := mesh.license_terms:
        lead, sources = unlike + terms.use, list(terms.sources)
    elif fit and fit.licence == LicenceKind.open_source:
        lead, sources = (
            f"{mesh.name}'s code is open source ({mesh.license}). I hold no reading of what "
            "that licence permits for your use beyond that, so I won't guess: check its terms "
            "with whoever signs off licences for you.",
            fit.sources[:2],
        )
    else:  # "is gloo mesh open source?": a vendor's licence is said to be no OSI one first
        unlike = "Not open source: " if fit and fit.licence == LicenceKind.proprietary else ""
        lead, sources = (
            f"{unlike}{mesh.name} is licensed {mesh.license}. I hold no reading of what that "
            "licence permits for your use, so I won't guess: check its terms with whoever signs "
            "off licences for you.",
            [],
        )
    builds = fit.stable_builds if fit else None
    if builds is None:
        return lead, cite.cite(sources)
    if employees and builds.free_below:  # the company's size is what they ask: answered first
        return _sized_lead(mesh, employees, unlike), cite.cite([*sources, *builds.sources])
    lead += (
        f" The project publishes only edge releases; stable releases, with fixes backported, "
        f"come from {builds.edition}"
    )
    lead += (
        f", free in production for companies under {builds.free_below} employees."
        if (builds.free_below)
        else "."
    )
    return lead, cite.cite([*sources, *builds.sources])


def _sized_lead(mesh: Mesh, employees: int, unlike: str) -> str:
    """Whether the free tier of the edition that ships its stable releases covers a company
    of this size, and what the choice is where it does not."""
    builds = mesh.fit.stable_builds if mesh.fit else None
    assert builds is not None and builds.free_below
    free = f"free in production only for companies under {builds.free_below} employees"
    if employees < builds.free_below:
        return (
            f"{unlike}At {employees} employees you are inside the free tier: {mesh.name}'s "
            f"project publishes only edge releases, and its stable releases come from "
            f"{builds.edition}, {free}."
        )
    return (
        f"{unlike}At {employees} employees you are over the free tier: {mesh.name}'s project "
        "publishes "
        f"only edge releases, and its stable releases come from {builds.edition}, {free}. So "
        f"you either pay for {builds.edition} (I hold no price for it; ask the vendor for a "
        f"quote) or run the project's edge releases in production, free at any size under "
        f"{mesh.license}."
    )


def cncf_lead(kb: KnowledgeBase, mesh: Mesh, cite: Citations) -> tuple[str, list[str]]:
    """Its standing in the CNCF ("is kuma cncf?"); where it is no CNCF project itself, the
    CNCF project it distributes or the ones it is built from; its licence beside it."""
    lead = f"{mesh.name} is {_STANDING[mesh.cncf]}."
    sources = list(mesh.cncf_sources)
    base = kb.meshes.get(mesh.based_on) if mesh.based_on else None
    parts = [p for p in mesh.built_from if p.cncf != CncfStatus.none]
    if mesh.cncf == CncfStatus.none and base and base.cncf != CncfStatus.none:
        lead += f" It is a distribution of {base.name}, {_STANDING[base.cncf]}."
        sources += base.cncf_sources
    elif mesh.cncf == CncfStatus.none and parts:
        built = ", ".join(f"{p.name} ({p.cncf.value})" for p in parts)
        lead += f" It is built from CNCF projects: {built}."
        sources += [sid for p in parts for sid in p.sources]
    lead += f" Its licence: {mesh.license}."
    return lead, cite.cite(sources)
