"""The read-only pages, served by the same aiohttp app as /slack/events.

GET /                 every mesh, and a form to compare them
GET /meshes/{id}      one mesh: status, version, every feature, figures, successor
GET /compare          ?mesh=a&mesh=b (or ?meshes=a,b), optional pods and rps
GET /ask              ?q=question (or ?i=intent from a follow-up link)
GET /adr              the same, as a Markdown decision record to download

The templates (Jinja2) are imported on the first page request (see templating.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from importlib.resources import files
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from aiohttp import web
from multidict import MultiDict
from pydantic import ValidationError

from bot.advisor import Advisor
from bot.answers.decision import DECISION_KINDS, NO_DECISION, cost_for_decision
from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer
from bot.intents.models import Intent, IntentKind
from bot.render.adr import render_adr
from bot.web import queries, views
from bot.web.queries import PageError

if TYPE_CHECKING:
    from markupsafe import Markup

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
MAX_INTENT_CHARS = 2000

Handler = Callable[[web.Request, AnswerEngine], Awaitable[web.StreamResponse]]


def _intent_query(intent: Intent) -> str:
    return urlencode({"i": intent.model_dump_json(exclude_defaults=True)})


class Pages:
    """Request handlers; each reads the engine serving now, so a reload shows at once."""

    def __init__(self, advisor: Advisor, base: str = "") -> None:
        self.advisor = advisor
        self.base = base.rstrip("/")

    def ask_link(self, intent: Intent) -> str:
        return f"{self.base}/ask?{_intent_query(intent)}"

    def adr_link(self, intent: Intent) -> str:
        return f"{self.base}/adr?{_intent_query(intent)}"

    def page(self, handler: Handler) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def wrapped(request: web.Request) -> web.StreamResponse:
            engine = self.advisor.engine
            if engine is None:
                raise web.HTTPServiceUnavailable(text="The knowledge base is not loaded yet.")
            etag = _etag(engine.kb.version, request.path_qs)
            if etag in request.headers.get("If-None-Match", ""):
                return web.Response(status=304, headers={"ETag": etag, **SECURITY_HEADERS})
            try:
                response = await handler(request, engine)
            except PageError as error:
                response = self.render(engine, "error.html", {"error": error})
                response.set_status(error.status)
            else:
                response.headers["ETag"] = etag
            response.headers.update(SECURITY_HEADERS)
            return response

        return wrapped

    def render(self, engine: AnswerEngine, template: str, context: dict) -> web.Response:
        from bot.web import templating

        kb = engine.kb
        common = {"base": self.base, "kb_as_of": kb.as_of, "kb_version": kb.version}
        return templating.render(template, {**common, **context})

    async def index(self, request: web.Request, engine: AnswerEngine) -> web.StreamResponse:
        return self.render(engine, "index.html", {"meshes": views.index_rows(engine.kb)})

    async def mesh(self, request: web.Request, engine: AnswerEngine) -> web.StreamResponse:
        mesh_id = request.match_info["mesh_id"]
        if mesh_id not in engine.kb.meshes:
            mesh_id = queries.mesh_ids(engine.kb, MultiDict(mesh=mesh_id))[0]
        return self.render(engine, "mesh.html", {"page": views.mesh_page(engine.kb, mesh_id)})

    async def compare(self, request: web.Request, engine: AnswerEngine) -> web.StreamResponse:
        query = queries.compare_query(engine.kb, request.query, request.query_string)
        page = views.comparison_page(engine.kb, query.meshes)
        facts = {k: v for k, v in (("pods", query.pods), ("rps", query.rps)) if v}
        cost = None
        if query.pods:
            result = engine.answer(Intent(kind=IntentKind.cost, meshes=query.meshes, facts=facts))
            cost = _answer_html(result, self.ask_link)
        names = " vs ".join(m.name for m in page.meshes)
        compare_intent = Intent(kind=IntentKind.compare, meshes=query.meshes, facts=facts)
        context = {
            "page": page,
            "names": names,
            "cost": cost,
            "adr_link": self.adr_link(compare_intent),
        }
        return self.render(engine, "compare.html", context)

    async def ask(self, request: web.Request, engine: AnswerEngine) -> web.StreamResponse:
        result = _answer_for(request, engine)
        context = {"question": queries.question(request.query), "answer": None, "adr_link": None}
        if result is not None:
            context["answer"] = _answer_html(result, self.ask_link)
            if result.kind in DECISION_KINDS:
                context["adr_link"] = self.adr_link(result.intent)
        return self.render(engine, "ask.html", context)

    async def adr(self, request: web.Request, engine: AnswerEngine) -> web.StreamResponse:
        result = _answer_for(request, engine)
        if result is None:
            raise PageError(400, "Nothing to write up", "Ask a question first, e.g. ?q=recommend.")
        if result.kind not in DECISION_KINDS:
            raise PageError(400, "Nothing to write up", NO_DECISION)
        text = render_adr(result, cost_for_decision(engine, result))
        return web.Response(
            text=text,
            content_type="text/markdown",
            headers={"Content-Disposition": 'attachment; filename="mesh-decision-record.md"'},
        )


def _answer_html(answer: Answer, link_for: Callable[[Intent], str]) -> Markup:
    from bot.web import templating

    return templating.answer_html(answer, link_for)


def _answer_for(request: web.Request, engine: AnswerEngine) -> Answer | None:
    """The answer to ?q= (a question) or ?i= (a follow-up link's intent); None for neither."""
    encoded = request.query.get("i", "")
    if encoded:
        if len(encoded) > MAX_INTENT_CHARS:
            raise PageError(400, "That link is broken", "The follow-up link is too long.")
        try:
            intent = Intent.model_validate_json(encoded)
        except ValidationError:
            raise PageError(400, "That link is broken", "Ask the question again below.") from None
        return engine.answer(intent)
    text = queries.question(request.query)
    return engine.ask(text) if text else None


def _etag(kb_version: str, path_qs: str) -> str:
    digest = hashlib.sha256(f"{kb_version}\n{path_qs}".encode()).hexdigest()[:20]
    return f'"{digest}"'


def add_web_routes(app: web.Application, advisor: Advisor, base: str = "") -> None:
    """Register the pages (and their stylesheet) on an aiohttp app."""
    pages = Pages(advisor, base)
    app.router.add_get("/", pages.page(pages.index))
    app.router.add_get("/meshes/{mesh_id}", pages.page(pages.mesh))
    app.router.add_get("/compare", pages.page(pages.compare))
    app.router.add_get("/ask", pages.page(pages.ask))
    app.router.add_get("/adr", pages.page(pages.adr))
    stylesheet = files("bot.web").joinpath("static/style.css").read_bytes()
    style_etag = f'"{hashlib.sha256(stylesheet).hexdigest()[:20]}"'

    async def style(request: web.Request) -> web.Response:
        if style_etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers={"ETag": style_etag})
        return web.Response(
            body=stylesheet,
            content_type="text/css",
            headers={
                "ETag": style_etag,
                "Cache-Control": "public, max-age=3600",
                **SECURITY_HEADERS,
            },
        )

    app.router.add_get("/static/style.css", style)
