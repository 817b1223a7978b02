"""The App Home tab: what the bot does, quick-start buttons, knowledge dates."""

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
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.render.mrkdwn import escape

HOME_ACTION = "mesh_home"
QUICK_STARTS = [
    ("Recommend a mesh for us", Intent(kind=IntentKind.recommend)),
    ("Compare Istio and Linkerd", Intent(kind=IntentKind.compare, meshes=["istio", "linkerd"])),
    ("Sidecar cost at 1,000 pods", Intent(kind=IntentKind.cost, facts={"pods": 1000})),
    ("Explain ambient mode", Intent(kind=IntentKind.explain, meshes=["istio-ambient"])),
    ("All sources", Intent(kind=IntentKind.sources)),
]


def build_home_view(kb: KnowledgeBase) -> View:
    examples = "\n".join(f"• `/mesh {q}`: {escape(what)}" for q, what in EXAMPLES)
    current = ", ".join(m.name for m in kb.current_meshes())
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=label),
            action_id=f"{HOME_ACTION}_{n}",
            value=intent.to_value(),
        )
        for n, (label, intent) in enumerate(QUICK_STARTS)
        if set(intent.meshes) <= set(kb.meshes)
    ]
    versions = "; ".join(
        f"{m.name} {m.version.current} (checked {m.version.as_of})"
        for m in kb.current_meshes()
        if m.data_plane.model.value != "none"
    )
    return View(
        type="home",
        blocks=[
            HeaderBlock(text=PlainTextObject(text="Mesh Advisor")),
            SectionBlock(
                text=MarkdownTextObject(
                    text=(
                        "Sourced, honest answers to service-mesh questions: which mesh, "
                        "whether you need one at all, and what it costs. "
                        f"I know {escape(current)}, and the retired meshes you may still "
                        "read about.\nAsk with `/mesh …`, mention me in a channel, or DM me."
                    )
                )
            ),
            SectionBlock(text=MarkdownTextObject(text="*Try*\n" + examples)),
            ActionsBlock(elements=buttons),
            DividerBlock(),
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text=escape(
                            f"Knowledge reviewed {kb.as_of} · oldest figure {kb.oldest_as_of} · "
                            f"version {kb.version}. Versions: {versions}"
                        )[:2000]
                    )
                ]
            ),
        ],
    )
