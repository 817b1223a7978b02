"""The answer engine: text or intent in, Answer out. No Slack, no I/O."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.compare import compare
from bot.answers.conversation import greeting, not_in_kb, out_of_scope
from bot.answers.cost import cost
from bot.answers.explain import explain
from bot.answers.features import feature_catalogue, feature_check, which_meshes
from bot.answers.guide import help_answer, sources, too_long, unknown
from bot.answers.lifecycle import lifecycle
from bot.answers.lightest import lightest
from bot.answers.notices import with_notices
from bot.answers.recommend import recommend
from bot.answers.results import Answer
from bot.intents.models import Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.knowledge.base import KnowledgeBase

Handler = Callable[[KnowledgeBase, Intent], Answer]

HANDLERS: dict[IntentKind, Handler] = {
    IntentKind.compare: compare,
    IntentKind.feature_check: feature_check,
    IntentKind.which_meshes: which_meshes,
    IntentKind.cost: cost,
    IntentKind.recommend: recommend,
    IntentKind.explain: explain,
    IntentKind.sources: sources,
    IntentKind.features: feature_catalogue,
    IntentKind.help: help_answer,
    IntentKind.greeting: greeting,
    IntentKind.out_of_scope: out_of_scope,
    IntentKind.not_in_kb: not_in_kb,
    IntentKind.lifecycle: lifecycle,
    IntentKind.lightest: lightest,
    IntentKind.unknown: unknown,
    IntentKind.too_long: too_long,
}


class AnswerEngine:
    """Parses questions and answers them from one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.parser = IntentParser(kb)

    def ask(self, text: str) -> Answer:
        return self.answer(self.parser.parse(text))

    def answer(self, intent: Intent) -> Answer:
        """Answer an intent (from the parser or from a button's value)."""
        intent = self._sane(intent)
        return with_notices(
            self.kb, intent, HANDLERS[intent.kind](self.kb, intent), self._also(intent)
        )

    def _also(self, intent: Intent) -> Answer | None:
        """The answer to a check asked beside the main ask, where there is one."""
        if intent.also is None:
            return None
        checked = self._sane(intent.also)
        if checked.kind != IntentKind.feature_check:
            return None
        return feature_check(self.kb, checked)

    def _sane(self, intent: Intent) -> Intent:
        """The help intent instead of one naming what this knowledge base lacks (a stale button)."""
        meshes_ok = all(m in self.kb.meshes for m in intent.meshes)
        features_ok = all(f in self.kb.features for f in intent.features)
        features_ok = features_ok and all(
            self.kb.part(p) or self.kb.term(p) or self.kb.concept(p) for p in intent.parts
        )
        needs = {
            IntentKind.feature_check: bool(intent.meshes) and bool(intent.features),
            IntentKind.which_meshes: bool(intent.features) or "platform" in intent.facts,
        }
        if not (meshes_ok and features_ok) or not needs.get(intent.kind, True):
            return Intent(kind=IntentKind.help)
        return intent
