"""Slack mrkdwn helpers. Escaping &, < and > is all Slack asks for, and enough
to turn `<!channel>`, `<@U123>` and `<https://x|y>` into inert text."""

from __future__ import annotations


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bold(text: str) -> str:
    return f"*{escape(text)}*" if text else ""


def link(url: str, title: str) -> str:
    """A link whose title cannot close the link markup early."""
    safe_title = escape(title).replace("|", "¦")
    return f"<{escape(url)}|{safe_title}>"
