"""The statements of a message: its sentences that are not questions.

What a sentence closed by "?" says is asked, not told ("what would 500 pods on istio cost?"
runs nothing), so readers of what a setup runs or complains of read statements only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.knowledge.aliases import normalise

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")  # where one sentence ends and the next begins


def statements(text: str) -> Iterator[str]:
    """Each sentence of `text` that is not a question, normalised; empty ones skipped."""
    for sentence in SENTENCE_BREAK.split(text):
        if not sentence.rstrip().endswith("?") and (said := normalise(sentence)):
            yield said
