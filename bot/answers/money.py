"""What running each mesh costs in money, as held: its licence fee or pricing, never a figure
the knowledge base does not hold ("what would linkerd vs istio cost us in dollars?")."""

from __future__ import annotations

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Figure, LicenceKind, Mesh

NO_DOLLARS = (
    "I hold no dollar total for running a mesh: the node cost is the memory and CPU figures "
    "here at your own instance prices."
)


def price_line(mesh: Mesh) -> str:
    """'Linkerd: open source (Apache-2.0), no licence fee; stable releases come from Buoyant
    Enterprise for Linkerd, free in production under 50 employees, paid above (no price
    held)'; '' where nothing on its price is held."""
    fit, dist = mesh.fit, mesh.distribution
    if dist and dist.pricing:
        return f"{mesh.name}: {dist.pricing.rstrip('.')}"
    if fit and fit.pricing:  # "ECS Service Connect: no charge of its own: …"
        return f"{mesh.name}: {fit.pricing.rstrip('.')}"
    if fit and fit.billed_by_use and (billed := _billed(mesh)):
        said = billed.conditions.rstrip(".")
        return f"{mesh.name}: billed by use, not in memory: {said[:1].lower()}{said[1:]}"
    if not fit or fit.licence != LicenceKind.open_source:
        return f"{mesh.name}: licensed {mesh.license}; I hold no price for it" if fit else ""
    said = f"{mesh.name}: open source ({mesh.license}), no licence fee"
    if builds := fit.stable_builds:
        below = builds.free_below
        free = f", free in production under {below} employees" if below else ""
        said += f"; stable releases come from {builds.edition}{free}, paid above (no price held)"
    return said


def _billed(mesh: Mesh) -> Figure | None:
    """The figure that says how an offering with no proxy in the cluster is billed instead."""
    return next((f for f in mesh.overhead if f.high == 0 and f.conditions), None)


def price_sources(mesh: Mesh) -> list[str]:
    """The sources behind `price_line`."""
    fit, dist = mesh.fit, mesh.distribution
    if dist and dist.pricing:
        return list(dist.sources)
    if fit and fit.pricing:
        return list(fit.pricing_sources)
    if fit and fit.billed_by_use and (billed := _billed(mesh)):
        return list(billed.sources[:1])
    builds = fit.stable_builds if fit else None
    return [*(fit.sources[:1] if fit else []), *(builds.sources if builds else [])]


def money_said(kb: KnowledgeBase, meshes: list[Mesh]) -> tuple[str, list[str]]:
    """'In money: …': each mesh's licence fee or pricing as held, and that no dollar total is;
    with the ids of the sources behind it."""
    lines = [(m, line) for m in meshes if (line := price_line(m))]
    text = "In money: " + " ".join([*(f"{line}." for _, line in lines), NO_DOLLARS])
    return text, [s for m, _ in lines for s in price_sources(m) if s in kb.sources]


def monthly_bill(mesh: Mesh, services: int, gb_month: int | None) -> str:
    """A monthly total from the unit prices held, with its arithmetic: "At 80 services and 2,048
    GB a month: 80 services × $0.025 an hour × 730 hours = $1,460.00, plus 2,048 GB × $0.025
    = $51.20: about $1,511.20 a month, plus …"; '' where no unit prices are held."""
    prices = mesh.fit.unit_prices if mesh.fit else None
    if prices is None:
        return ""
    hours = services * prices.service_hour * prices.hours_a_month
    said = (
        f"{services:,} services × ${prices.service_hour:,.3f} an hour × "
        f"{prices.hours_a_month:,} hours = ${hours:,.2f}"
    )
    if gb_month is None:
        size = f"{services:,} services"
        tail = f", plus ${prices.gb:,.3f} per GB processed (tell me GB a month for that part)"
        total = hours
    else:
        size = f"{services:,} services and {gb_month:,} GB a month"
        data = gb_month * prices.gb
        said += f", plus {gb_month:,} GB × ${prices.gb:,.3f} = ${data:,.2f}"
        tail = ""
        total = hours + data
    return (
        f"At {size} ({prices.region} prices): {said}: about ${total:,.2f} a month{tail}, "
        f"plus {prices.unpriced}."
    )
