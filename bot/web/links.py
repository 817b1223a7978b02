"""Addresses of the page that shows an answer in full, for links from Slack."""

from __future__ import annotations

from urllib.parse import urlencode

from bot.answers.results import Answer
from bot.intents.models import MAX_COMPARE, IntentKind


def page_url(public_url: str, answer: Answer) -> str:
    """The comparison, the mesh's page, or the ask page continuing with the same intent."""
    base = public_url.rstrip("/")
    intent = answer.intent
    meshes = intent.meshes
    if answer.kind == IntentKind.compare and 2 <= len(meshes) <= MAX_COMPARE:
        query = [("meshes", ",".join(meshes))]
        query += [(k, str(intent.facts[k])) for k in ("pods", "rps") if k in intent.facts]
        return f"{base}/compare?{urlencode(query)}"
    if answer.kind == IntentKind.explain and len(meshes) == 1:
        return f"{base}/meshes/{meshes[0]}"
    return f"{base}/ask?{urlencode({'i': intent.model_dump_json(exclude_defaults=True)})}"


def link_label(answer: Answer) -> str:
    return "Open full comparison" if answer.kind == IntentKind.compare else "Open in browser"
