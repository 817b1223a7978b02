"""Where a message's clauses and sentences part, for every reader that looks within one."""

from __future__ import annotations

import re

# Punctuation, brackets and dashes between clauses: "we run istio (1.20), team of 3 — why?"
CLAUSES = re.compile(r"[,.;:!?()\n—]+")
# A sentence's end: "istio on eks. 40 services"
SENTENCE_END = re.compile(r"[.;!?\n]")
# A sentence a question mark closes: "we run osm on aks. is it still maintained?"
QUESTION = re.compile(r"[^.;!?\n]+\?")
# Where prose sentences part when a message is split into them (".net", "v1.2" end none)
PROSE_SENTENCE_END = re.compile(r"(?:[!?\n]|\.(?!\w))+")


def last_sentence(text: str) -> str:
    """The text's last sentence ('' for none): "… possible? if not which way should we go"."""
    sentences = [s for s in PROSE_SENTENCE_END.split(text) if s.strip()]
    return sentences[-1] if sentences else ""
