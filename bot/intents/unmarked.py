"""The question a message asks without a question mark: its last sentence, when it opens on
a word that asks ("we have 60 svc x 2 replicas on aks. what does the add-on cost us in
memory")."""

from __future__ import annotations

import re

from bot.intents.cues import CuePhrases
from bot.knowledge.aliases import normalise

_SENTENCE_ENDS = re.compile(r"[.!;\n]+")


def unmarked_question(text: str, cues: CuePhrases) -> str | None:
    """The last sentence, normalised, when no question mark is written and it opens on a
    `question_openers` word; None otherwise."""
    if "?" in text:
        return None
    sentences = [s for s in (normalise(p) for p in _SENTENCE_ENDS.split(text)) if s]
    last = " ".join(sentences[-1].split()) if sentences else ""
    return last if last and cues.starts("question_openers", last) else None
