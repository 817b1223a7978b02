"""Every reply is a valid Slack message inside Block Kit's limits, and escapes user text."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.advisor import Advisor
from bot.answers.decision import DECISION_KINDS
from bot.answers.results import Chart, Code, Matrix, Paragraph, StatementList
from bot.intents.models import Intent, IntentKind
from bot.render import limits
from bot.render.adr import render_adr
from bot.render.blocks import build_message
from bot.render.button_values import decode, encode
from bot.render.html import render_answer_html
from bot.render.plain import render_terminal
from bot.slack.metrics import Metrics
from bot.slack.replies import SlackReplies
from tests.support import builder_links, walk
from tests.test_intents import PHRASES

QUESTIONS = [p[0] for p in PHRASES] + [
    "compare istio linkerd cilium consul",
    "compare istio istio ambient linkerd kuma nginx service mesh traefik mesh",
    "explain istio",
    "explain linkerd",
    "explain cilium",
    "explain consul",
    "explain kuma",
    "explain no mesh",
    "explain aws app mesh",
    "explain traefik mesh",
    "explain nginx service mesh",
    "which meshes support rate limiting and fault injection and wasm",
    "cost 1000000 pods",
    "cost 1 pod",
    "all features",
]


def assert_valid(message: dict) -> None:
    assert limits.problems(message) == []
    parsed = Block.parse_all(message["blocks"])
    assert [b.to_dict() for b in parsed] == message["blocks"]
    json.dumps(message)


@pytest.mark.parametrize("text", QUESTIONS)
def test_every_answer_fits_block_kit(engine, text):
    answer = engine.ask(text)
    for share in (False, True):
        assert_valid(build_message(answer, share=share))
    assert render_terminal(answer).strip()


def test_every_button_continues_to_a_valid_answer(engine):
    seen = 0
    for text in (
        "compare istio linkerd",
        "recommend",
        "help",
        "cost 1000 pods",
        "sources",
        "asdfgh",
        "explain linkerd",
    ):
        answer = engine.ask(text)
        choices = list(answer.next_steps) + (answer.follow_up.choices if answer.follow_up else [])
        for choice in choices:
            intent, _ = decode(encode(choice.intent))
            next_answer = engine.answer(intent)
            assert_valid(build_message(next_answer))
            seen += 1
    assert seen > 20


def test_all_sources_page_through(engine, kb):
    answer = engine.answer(Intent(kind=IntentKind.sources))
    pages = 1
    while more := [c for c in answer.next_steps if c.label.startswith("More sources")]:
        answer = engine.answer(more[0].intent)
        assert_valid(build_message(answer))
        pages += 1
    assert pages * 12 >= len(kb.sources)


@pytest.mark.parametrize(
    "hostile",
    [
        "<!channel> compare istio linkerd",
        "<!here> asdf",
        "<@U123> hello qwerty",
        "<https://evil.example|click me> zzz",
        "&lt;!channel&gt; xyz",
        "*bold* _it_ `code` zzz",
    ],
)
def test_user_text_is_escaped(engine, hostile):
    message = build_message(engine.ask(hostile))
    dumped = json.dumps(message)
    for dangerous in ("<!channel>", "<!here>", "<@U123>", "<https://evil.example|"):
        assert dangerous not in dumped
    assert "<!channel>" not in message["text"]


def test_clamp_never_cuts_mid_word():
    text = "alpha beta gamma " * 400
    clamped = limits.fit(text, 3000)
    assert len(clamped) <= 3000 and clamped.endswith("…")
    assert clamped[:-1].split()[-1] in {"alpha", "beta", "gamma"}


def test_checker_catches_each_limit():
    header = {"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}
    button = {
        "type": "button",
        "text": {"type": "plain_text", "text": "b" * 76},
        "action_id": "a",
        "value": "v",
    }
    found = limits.problems(
        {"text": "", "blocks": [header] * 51 + [{"type": "actions", "elements": [button]}]}
    )
    joined = " ".join(found)
    for expected in ("no fallback text", "51", "header text", "button text"):
        assert expected in joined


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(
            st.sampled_from(
                [
                    *list("<>&!@*_~`|#:"),
                    "istio ",
                    "linkerd ",
                    "<!channel>",
                    "🚀",
                    "cost ",
                    "1k pods ",
                ]
            ),
            max_size=60,
        ).map("".join),
        st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=20), st.integers(1, 600)),
    )
)
def test_any_text_gives_a_valid_non_empty_reply(engine, text):
    message = build_message(engine.ask(text))
    assert_valid(message)
    assert message["text"].strip()
    assert "<!channel>" not in json.dumps(message)


def test_answers_quoting_the_user_offer_no_share_button(engine):
    replies = SlackReplies(Advisor(), Metrics())
    replies.advisor.engine = engine
    unknown = replies.for_text("zzqx qqq", "command", share=True)
    known = replies.for_text("explain linkerd", "command", share=True)
    ids = [
        e["action_id"]
        for m in (unknown, known)
        for b in m["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert ids.count("mesh_share") == 1


def test_next_steps_keep_what_the_user_told_us(engine):
    cost = engine.ask("what does linkerd cost for 40 services with a small team")
    recommend = next(c for c in cost.next_steps if c.intent.kind == IntentKind.recommend)
    assert recommend.intent.facts["services"] == 40
    assert recommend.intent.facts["team_size"] == "small"
    compare = engine.ask("linkerd or istio for 40 services?")
    add = next(c for c in compare.next_steps if c.label.startswith("Add "))
    assert add.intent.facts["services"] == 40


# --- Progressive disclosure, citations, nothing dropped ---------------------------------

INTENT_QUESTIONS = {
    IntentKind.compare: "compare istio linkerd cilium consul",
    IntentKind.feature_check: "does linkerd support circuit breaking and rate limiting",
    IntentKind.which_meshes: "which meshes support rate limiting and fault injection and wasm",
    IntentKind.cost: "cost 1000 pods",
    IntentKind.recommend: "recommend for 300 services, 4 platform teams, multi-cluster",
    IntentKind.explain: "explain istio",
    IntentKind.sources: "sources",
    IntentKind.features: "all features",
    IntentKind.help: "help",
    IntentKind.greeting: "hi there",
    IntentKind.out_of_scope: "which kafka broker should we use",
    IntentKind.lifecycle: "which meshes are deprecated?",
    IntentKind.lightest: "what's the lightest mesh for 2,000 pods?",
    IntentKind.not_in_kb: "compare foomesh and barmesh",
    IntentKind.unknown: "zzqx qqq",
    IntentKind.too_long: "compare istio linkerd " * 80,
}


def test_every_intent_is_covered(engine):
    asked = {engine.ask(text).kind for text in INTENT_QUESTIONS.values()}
    assert asked == set(IntentKind) & set(INTENT_QUESTIONS)
    assert set(INTENT_QUESTIONS) >= set(engine_kinds())


def engine_kinds() -> set[IntentKind]:
    from bot.answers.engine import HANDLERS

    return set(HANDLERS)


@pytest.mark.parametrize("text", [*INTENT_QUESTIONS.values(), *QUESTIONS])
def test_first_card_is_short(engine, text):
    card = build_message(engine.ask(text), share=True)
    assert len(card["blocks"]) <= 12 - 1  # one left for the adapter's feedback block
    assert limits.visible_text(card) <= 2500
    assert "meshbot" not in json.dumps(card)  # nobody is sent to the CLI for the rest


@pytest.mark.parametrize("text", [*INTENT_QUESTIONS.values(), *QUESTIONS])
def test_first_card_drops_no_control_and_no_next_step(engine, text):
    answer = engine.ask(text)
    card = build_message(answer, share=True, page_link=("Open in browser", "https://x.example"))
    labels = [b["text"]["text"] for b in walk.buttons(card)]
    steps = [b["text"]["text"] for b in walk.buttons(card, "mesh_step_")]
    offered = [limits.fit(c.label, limits.BUTTON_TEXT) for c in answer.next_steps]
    assert steps == list(dict.fromkeys(offered))  # each step once, none dropped
    details = [limits.fit(s.label, limits.BUTTON_TEXT) for s in answer.details]
    assert set(details) <= set(labels)
    assert "Open in browser" in labels
    assert ("Write up as a decision record" in labels) is (answer.kind in DECISION_KINDS)
    assert len(card["blocks"]) <= 12 - 1 and limits.visible_text(card) <= 2500


def test_first_card_counts_sources_and_dates(engine, kb):
    card = build_message(engine.ask("compare istio linkerd"))
    footer = card["blocks"][-1]["elements"][-1]["text"]
    assert re.search(rf"\d+ sources · checked {kb.as_of:%Y-%m}", footer)
    labels = [b["text"]["text"] for b in walk.buttons(card, "mesh_details")]
    assert labels[:3] == ["All features", "Overhead figures", "Outdated claims"]
    assert re.fullmatch(r"All \d+ sources", labels[-1])


def assert_citations_resolve(answer) -> None:
    """In every message each mark is listed and each listed entry is marked; the sources
    pages list exactly the answer's entries, and every one is cited in some message."""
    numbers = set(range(1, len(answer.sources) + 1))
    cited_anywhere: set[int] = set()
    listed_on_sources_pages: set[int] = set()
    for message in walk.all_messages(answer):
        marks, entries = walk.marks_and_entries(message)
        if walk.is_sources_page(message):
            listed_on_sources_pages |= entries
        else:
            assert marks == entries, (marks, entries)
            cited_anywhere |= marks
    assert cited_anywhere == numbers
    assert listed_on_sources_pages == numbers
    terminal = render_terminal(answer)
    body, _, listing = terminal.partition("\nSOURCES\n")
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", listing, re.M)}
    assert {int(n) for n in walk.MARK.findall(body)} == listed == numbers
    page = str(render_answer_html(answer, link_for=lambda intent: "#"))
    body, _, listing = page.partition('<section class="sources">')
    assert {int(n) for n in re.findall(r">\[(\d+)\]</a>", body)} == numbers
    assert {int(n) for n in re.findall(r'id="answer-source-(\d+)"', listing)} == numbers
    record = render_adr(answer)
    body, _, listing = record.partition("\n## Sources\n")
    assert {int(n) for n in walk.MARK.findall(body)} == numbers
    assert {int(n) for n in re.findall(r"^- \[(\d+)\] ", listing, re.M)} == numbers


def question_texts(kb) -> st.SearchStrategy[str]:
    meshes = st.sampled_from(sorted(m.name for m in kb.meshes.values()))
    features = st.sampled_from(sorted(f.name.lower() for f in kb.features.values()))
    numbers = st.integers(1, 5000)
    return st.one_of(
        st.builds(lambda a, b: f"compare {a} and {b}", meshes, meshes),
        st.builds(lambda a, f: f"does {a} support {f}", meshes, features),
        st.builds(lambda f: f"which meshes support {f}", features),
        st.builds(lambda n, a: f"cost {n} pods with {a}", numbers, meshes),
        st.builds(lambda n: f"recommend for {n} services, small team", numbers),
        st.builds(lambda a: f"explain {a}", meshes),
        st.builds(lambda a, b, n: f"{a} or {b} for {n} services?", meshes, meshes, numbers),
    )


@pytest.mark.parametrize("text", [*INTENT_QUESTIONS.values(), *QUESTIONS])
def test_citations_resolve_for_every_intent(engine, text):
    assert_citations_resolve(engine.ask(text))


def test_citations_resolve_for_generated_questions(engine, kb):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(question_texts(kb))
    def check(text):
        assert_citations_resolve(engine.ask(text))

    check()


def part_probes(part) -> list[str]:
    """Texts that prove a part was drawn: its heading and its first and last items."""
    probes = [part.heading] if part.heading else []
    if isinstance(part, Paragraph):
        probes.append(part.text[:40])
    elif isinstance(part, StatementList):
        probes += [part.items[0].label, part.items[-1].label] if part.items else []
    elif isinstance(part, Matrix):
        probes += [part.rows[0].label, part.rows[-1].label]
    elif isinstance(part, Chart):
        probes += [part.bars[0].label, part.bars[-1].label]
    elif isinstance(part, Code):
        probes.append(part.code.splitlines()[0])
    return [p.replace("“", "").replace("”", "")[:40] for p in probes]


@pytest.mark.parametrize("text", [*INTENT_QUESTIONS.values(), *QUESTIONS])
def test_no_part_is_lost_in_any_renderer(engine, text):
    answer = engine.ask(text)
    slack = (
        "\n".join(walk.block_text(b) for m in walk.all_messages(answer) for b in m["blocks"])
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
    )
    slack = slack.replace("“", "").replace("”", "")
    assert "meshbot" not in slack  # Slack users are never sent to the CLI for the rest
    terminal = render_terminal(answer).replace("“", "").replace("”", "")
    page = html.unescape(str(render_answer_html(answer, link_for=lambda intent: "#")))
    page = page.replace("“", "").replace("”", "")
    parts = [*answer.points, *(p for s in answer.details for p in s.parts)]
    for part in parts:
        for probe in part_probes(part):
            assert probe in slack, (part.type, probe)
            assert probe.upper() in terminal.upper(), (part.type, probe)
            assert probe in page, (part.type, probe)


def test_cost_assumption_is_shown_on_the_card(engine):
    card = build_message(engine.ask("cost 1000 pods"))
    assert "1,000 pods on 34 nodes (assumed: 30 pods a node)" in card["blocks"][1]["text"]["text"]


def test_recommendation_question_sits_right_under_the_pick(engine):
    card = build_message(engine.ask("recommend"))
    kinds = [b["type"] for b in card["blocks"]]
    assert kinds[:4] == ["header", "section", "section", "actions"]
    assert card["blocks"][3]["elements"][0]["action_id"].startswith("mesh_follow_up_")


def test_docs_link_a_builder_card_for_each_kind_of_answer():
    docs = (Path(__file__).resolve().parent.parent / "docs" / "slack.md").read_text()
    links = re.findall(r"\]\((https://app\.slack\.com/block-kit-builder/#[^)]+)\)", docs)
    assert len(links) == len(builder_links.EXAMPLES)
    for kind, link in zip(builder_links.EXAMPLES, links, strict=True):
        assert f"**{kind}**" in docs
        blocks = builder_links.blocks_of(link)
        assert len(blocks) <= 12
        assert limits.problems({"text": "t", "blocks": blocks}) == []


def test_a_tampered_button_value_gets_the_help_card():
    for value in ("", "{", '{"i":{"kind":"nope"}}', '{"i":{"kind":"compare"},"v":{"start":-1}}'):
        intent, view = decode(value)
        assert intent.kind == IntentKind.help and not view.section
