"""Whether a pick is firm: no question left that could change it, no requirement given up to
reach it, and none of its must-haves met only by a pre-GA row (alpha, beta, preview) or by a
paid edition they have not said they buy."""

from __future__ import annotations

from bot.answers.scoring import Verdict
from bot.answers.screening import Finding, Screened


def shaky(screened: Screened) -> list[Finding]:
    """The must-haves it meets only in a pre-GA release, or only in a paid edition not
    bought anyway (the vendor's support is not one they want)."""
    return [f for f in screened.caveats if f.early or (f.paid_only and not f.bought)]


def is_firm(verdict: Verdict, asking: bool) -> bool:
    """A pick is firm only when nothing is asked (`asking`: a question that could change it),
    nothing was given up to reach it, and no must-have rests on a shaky row."""
    if asking or verdict.pick is None or verdict.relaxed or verdict.loosened:
        return False
    return not shaky(verdict.of(verdict.pick))
