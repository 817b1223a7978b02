"""Every reply is a valid Slack message inside Block Kit's limits, and escapes user text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.intents.models import Intent, IntentKind
from bot.render import limits
from bot.render.blocks import build_message
from bot.render.plain import render_terminal
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
            next_answer = engine.answer(Intent.from_value(choice.intent.to_value()))
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
    unknown = build_message(engine.ask("zzqx qqq"), share=True)
    known = build_message(engine.ask("explain linkerd"), share=True)
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
