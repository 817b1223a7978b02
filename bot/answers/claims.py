"""Outdated claims: what was once said of a mesh beside what holds now, as statements and
as the detail that lists them."""

from __future__ import annotations

from collections.abc import Iterable

from bot.answers.citations import Citations
from bot.answers.results import Part, Section, Statement, StatementList
from bot.knowledge.models import OutdatedClaim


def claim_statements(claims: Iterable[OutdatedClaim], cite: Citations) -> list[Statement]:
    """Each claim in quotes, with what holds now and the sources that say so."""
    return [
        Statement(label=f"“{c.claim}”", text=c.current, sources=cite.cite(c.sources))
        for c in claims
    ]


def claims_section(heading: str, claims: Iterable[OutdatedClaim], cite: Citations) -> Section:
    """The "Outdated claims" detail (without claims it has no parts, so it is left out)."""
    items = claim_statements(claims, cite)
    parts: list[Part] = [StatementList(heading=heading, items=items)] if items else []
    return Section(key="claims", label="Outdated claims", parts=parts)
