"""HTML: the web renderer of answers, beside Block Kit and the terminal.

Autoescaped Jinja; the page around it (and what a follow-up link points to) is
the web adapter's business, passed in as `link_for`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from bot.answers.results import Answer
from bot.intents.models import Intent
from bot.knowledge.wording import NOT_APPLICABLE, level_words
from bot.render.plain import MARKS


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("bot.render", "templates"),
        autoescape=select_autoescape(["html", "svg"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(marks=MARKS, level_words=level_words, not_applicable=NOT_APPLICABLE)
    return env


def render_answer_html(answer: Answer, link_for: Callable[[Intent], str]) -> Markup:
    """The whole answer as an HTML fragment (an <article>)."""
    template = environment().get_template("answer.html")
    return Markup(template.render(answer=answer, numbers=answer.source_numbers, link_for=link_for))
