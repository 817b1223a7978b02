"""Small talk and the edges of the knowledge base: greetings, thanks, out-of-scope topics."""

from __future__ import annotations

from bot.answers.assembly import build_answer
from bot.answers.citations import Citations
from bot.answers.guide import examples_part
from bot.answers.notices import did_you_mean, not_in_kb_sentence, product_notes
from bot.answers.results import Answer, Paragraph
from bot.answers.steps import standard_steps
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase


def greeting(kb: KnowledgeBase, intent: Intent) -> Answer:
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="Happy to help",
        lead="Ask me about service meshes in plain words: compare meshes, check a feature, "
        "estimate sidecar cost, or get a recommendation for your setup.",
        points=[examples_part(4)],
        next_steps=standard_steps(kb, IntentKind.greeting)[:3],
    )


def out_of_scope(kb: KnowledgeBase, intent: Intent) -> Answer:
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="Not a service-mesh question",
        lead="That's outside what I cover: choosing and running a service mesh (Istio, "
        "Linkerd, Cilium, Consul, Kuma and their managed offerings), and when you need no mesh "
        "at all.",
        points=[examples_part(2)],
        next_steps=standard_steps(kb, IntentKind.out_of_scope)[:3],
    )


def not_in_kb(kb: KnowledgeBase, intent: Intent) -> Answer:
    """Only names the knowledge base lacks: say so, offer close spellings, list what it has."""
    known = ", ".join(m.name for m in kb.current_meshes())
    notes = product_notes(kb, intent)  # a product mentioned, not covered: what is known of it
    return build_answer(
        kb,
        intent,
        Citations(kb),
        title="Not an offering I cover" if notes else "Not in my knowledge base",
        lead=not_in_kb_sentence(intent, kb),
        points=[*notes, Paragraph(heading="Meshes I know", text=known + ".")],
        next_steps=did_you_mean(kb, intent) + standard_steps(kb, IntentKind.not_in_kb)[:3],
    )
