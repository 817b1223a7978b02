"""The learning report as App Home blocks, for admins."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.render import limits
from bot.render.mrkdwn import escape
from bot.store.report import Report

HOME_VIEW_BLOCKS = 100


def _section(title: str, lines: list[str]) -> SectionBlock:
    body = "\n".join(lines) if lines else "_nothing yet_"
    return SectionBlock(
        text=MarkdownTextObject(text=limits.fit(f"*{title}*\n{body}", limits.SECTION_TEXT))
    )


def report_blocks(report: Report, days: int) -> list[dict[str, Any]]:
    """A short summary: the top gaps, 👎 rates, downvoted facts and comparisons."""
    gaps = [f"• {g.count}× {escape(g.text)}" for g in report.gaps[:8]]
    intents = [
        f"• {escape(v.intent)}: {v.down} 👎 of {v.up + v.down} ({v.down_rate:.0%})"
        for v in report.feedback[:8]
    ]
    meshes = [
        f"• {escape(v.mesh)}: {v.down} 👎 of {v.up + v.down} ({v.down_rate:.0%})"
        for v in report.feedback_by_mesh[:8]
    ]
    facts = [
        f"• {escape(f.mesh)}{' · ' + escape(f.feature) if f.feature else ''}: {f.down} 👎"
        for f in report.downvoted_facts[:8]
    ]
    compared = [f"• {escape(' vs '.join(c.meshes))}: {c.count}" for c in report.comparisons[:8]]
    blocks = [
        DividerBlock(),
        HeaderBlock(text=PlainTextObject(text=f"What users asked (last {days} days)")),
        _section("Knowledge gaps", gaps),
        _section("👎 per intent", intents),
        _section("👎 per mesh", meshes),
        _section("Facts most often shown with a 👎", facts),
        _section("Most asked comparisons", compared),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text="Visible to admins only. Full report: `meshbot report --since 30d`."
                )
            ]
        ),
    ]
    return [b.to_dict() for b in blocks]
