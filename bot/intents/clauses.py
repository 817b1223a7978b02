"""Where a message's clauses and sentences part, for every reader that looks within one."""

from __future__ import annotations

import re

# Punctuation, brackets and dashes between clauses: "we run istio (1.20), team of 3 — why?"
CLAUSES = re.compile(r"[,.;:!?()\n—]+")
# A sentence's end: "istio on eks. 40 services"
SENTENCE_END = re.compile(r"[.;!?\n]")
