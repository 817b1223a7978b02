"""What is kept about people: salted hashes of Slack ids, and questions without
mentions or links."""

from __future__ import annotations

import hashlib
import hmac
import re

_SLACK_MARKUP = re.compile(r"<[@#!][^>]*>|<(?:https?|mailto):[^>]*>")
_BARE_LINK = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
MAX_QUESTION = 300
MAX_COMMENT = 500


def hash_id(salt: str, kind: str, slack_id: str) -> str:
    """HMAC-SHA256 of a Slack id under the install's salt (not reversible without it)."""
    return hmac.new(salt.encode(), f"{kind}:{slack_id}".encode(), hashlib.sha256).hexdigest()[:32]


def strip_question(text: str, limit: int = MAX_QUESTION) -> str:
    """Drop user, channel and group mentions and links; collapse spaces."""
    text = _BARE_LINK.sub(" ", _SLACK_MARKUP.sub(" ", text))
    return _SPACE.sub(" ", text).strip()[:limit]
