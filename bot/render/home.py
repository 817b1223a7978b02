"""The App Home tab at a glance: what the bot does, how current its knowledge is, and
buttons for the common questions."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.answers.guide import EXAMPLES
from bot.answers.results import Choice
from bot.knowledge.base import KnowledgeBase
from bot.render import limits
from bot.render.blocks import OPEN_PAGE_ACTION
from bot.render.button_values import encode
from bot.render.mrkdwn import escape

HOME_ACTION = "mesh_home"
MAX_EXAMPLES = 5


def _coverage(kb: KnowledgeBase) -> str:
    current = kb.current_meshes()
    retired = len(kb.meshes) - len(current)
    vendor = sum(1 for s in kb.sources.values() if s.vendor_authored)
    return (
        f"*Knowledge reviewed {kb.as_of}* · {len(current)} current meshes and {retired} "
        f"retired · {len(kb.features)} features · {len(kb.sources)} sources "
        f"({vendor} vendor-authored, labelled so) · oldest figure {kb.oldest_as_of}"
    )


def _site_button(site: str) -> list[ButtonElement]:
    """A link to the published pages (their home: the ask box and every mesh)."""
    if len(site) > limits.BUTTON_URL:
        return []
    text = PlainTextObject(text="Open in browser")
    return [ButtonElement(text=text, action_id=OPEN_PAGE_ACTION, value="page", url=site)]


def build_home_view(kb: KnowledgeBase, starters: list[Choice], site: str | None = None) -> View:
    """The Home tab; `site` is where the pages are published, when they are."""
    examples = "\n".join(f"• `/mesh {q}`: {escape(what)}" for q, what in EXAMPLES[:MAX_EXAMPLES])
    names = ", ".join(m.name for m in kb.current_meshes())
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=c.label),
            action_id=f"{HOME_ACTION}_{n}",
            value=encode(c.intent),
        )
        for n, c in enumerate(starters[:5])
    ]
    buttons += _site_button(site) if site else []
    return View(
        type="home",
        blocks=[
            HeaderBlock(text=PlainTextObject(text="Mesh Advisor")),
            SectionBlock(
                text=MarkdownTextObject(
                    text="Sourced answers to service-mesh questions: which mesh, whether you "
                    "need one at all, and what it costs. Every figure shows its source and "
                    "date.\nAsk with `/mesh …`, mention me in a channel, DM me, or open me "
                    "in the assistant panel."
                )
            ),
            SectionBlock(text=MarkdownTextObject(text=_coverage(kb))),
            ActionsBlock(elements=buttons),
            DividerBlock(),
            SectionBlock(text=MarkdownTextObject(text="*Try*\n" + examples)),
            ContextBlock(elements=[MarkdownTextObject(text=escape(f"I know {names}.")[:2000])]),
        ],
    )
