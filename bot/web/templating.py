"""The pages' templates (Jinja2), imported on the first page request: serving Slack
starts without Jinja, and a process that never shows a page never loads it."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2
from aiohttp import web
from markupsafe import Markup

from bot.answers.results import Answer
from bot.intents.models import Intent
from bot.render.html import render_answer_html


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader("bot.web", "templates"),
                jinja2.PackageLoader("bot.render", "templates"),
            ]
        ),
        autoescape=jinja2.select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, context: dict[str, Any]) -> web.Response:
    """A page from `template` with `context`, as text/html."""
    html = environment().get_template(template).render(context)
    return web.Response(text=html, content_type="text/html")


def answer_html(answer: Answer, link_for: Callable[[Intent], str]) -> Markup:
    """An answer as an HTML fragment, for a page to embed."""
    return render_answer_html(answer, link_for)
