"""What a licence policy rules out, for the parser and the answers alike."""

from __future__ import annotations

from bot.knowledge.models import FactValue, LicenceKind


def banned_licences(policy: FactValue) -> set[LicenceKind]:
    """The licence kinds a licence policy rules out: source-available for "no BUSL", and
    proprietary too for "open source only"."""
    if policy not in ("open_source", "no_source_available"):
        return set()
    banned = {LicenceKind.source_available}
    if policy == "open_source":
        banned.add(LicenceKind.proprietary)
    return banned
