"""The question asked, answered as asked: a length keeps the verdict, a reply asking only a
length shortens the answer before, a pick asked of one product I lack is that product's
question, the cloud's load-balancer chores are outside, and a price complained of leaves."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import IntentKind
from bot.knowledge.loader import load_knowledge
from bot.render.plain import render_terminal

KB = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="module")
def engine() -> AnswerEngine:
    return AnswerEngine(load_knowledge(KB))


@pytest.mark.parametrize(
    "text",
    [
        "tl;dr: Istio or Linkerd for 50 services?",
        "short version: istio or linkerd for 50 services",
        "tldr istio vs linkerd, 50 services",
        "in a nutshell, istio or linkerd at 50 services?",
        "istio or linkerd for 50 services? keep it short",
    ],
)
def test_brief_keeps_the_verdict(engine: AnswerEngine, text: str) -> None:
    out = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "fits best" in out and len(out.splitlines()) < 12


@pytest.mark.parametrize(
    "text",
    [
        "Explain Google Cloud Service Mesh in a few lines",
        "explain istio ambient in a few lines",
        "what is linkerd, in two lines",
        "describe kuma in a couple of lines",
        "explain mtls in a few sentences",
    ],
)
def test_length_in_lines(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.brief
    assert len(render_terminal(engine.answer(intent)).splitlines()) < 12


@pytest.mark.parametrize("reply", ["tl;dr please", "tldr", "short version?", "sum it up"])
def test_reply_asking_a_length_shortens_the_answer_before(engine: AnswerEngine, reply: str) -> None:
    chat = Conversation(engine)
    full = chat.say("compare istio and linkerd")
    short = chat.say(reply)
    assert short.intent.brief and short.title == full.title
    assert len(render_terminal(short).splitlines()) < 12


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("how is gloo mesh priced?", "in one line?"),
        ("what does kong mesh cost", "tl;dr please"),
        ("what licence is kuma under?", "short version?"),
    ],
)
def test_a_length_asked_after_an_aspect_shortens_that_aspect(
    engine: AnswerEngine, question: str, reply: str
) -> None:
    chat = Conversation(engine)
    full = chat.say(question)
    short = chat.say(reply)
    assert short.intent.brief and short.intent.aspect == full.intent.aspect is not None
    assert short.lead == full.lead  # what was asked of it (its price, its licence), in brief


def test_a_new_question_in_brief_is_still_new(engine: AnswerEngine) -> None:
    chat = Conversation(engine)
    chat.say("compare istio and linkerd")
    answer = chat.say("tl;dr: what is kuma?")
    assert answer.intent.meshes == ["kuma"]


@pytest.mark.parametrize(
    "reply",
    [
        "whats the differnce between isito and linkerd in one line",
        "istio vs linkerd in one sentence",
        "tl;dr: how does linkerd differ from istio?",
        "difference between istio and linkerd, in a nutshell",
        "istio or linkerd? short answer please",
    ],
)
def test_a_new_question_in_a_thread_asking_a_length_is_brief(
    engine: AnswerEngine, reply: str
) -> None:
    chat = Conversation(engine)
    chat.say("what is a service mesh")
    answer = chat.say(reply)
    assert answer.intent.brief
    assert len(render_terminal(answer).splitlines()) < 12


@pytest.mark.parametrize(
    "reply", ["istio vs linkerd", "whats the difference between istio and linkerd line by line"]
)
def test_a_question_in_a_thread_asking_no_length_is_whole(engine: AnswerEngine, reply: str) -> None:
    chat = Conversation(engine)
    chat.say("what is a service mesh")
    assert not chat.say(reply).intent.brief


@pytest.mark.parametrize(
    "text",
    [
        "Should we use Meshery?",
        "should we adopt Meshery",
        "is Meshery worth it for us?",
        "would you recommend Tetrate Service Bridge?",
        "Should we use Tetrate Service Bridge?",
        "Is Tetrate Service Bridge a good choice?",
    ],
)
def test_a_pick_of_one_product_i_lack(engine: AnswerEngine, text: str) -> None:
    answer = engine.answer(engine.parser.parse(text))
    assert answer.kind == IntentKind.not_in_kb
    assert not answer.title.startswith("Recommendation")


@pytest.mark.parametrize(
    "text", ["should we use istiogen for 80 services", "we're on EKS, should we use Meshery?"]
)
def test_a_setup_beside_the_product_still_picks(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize(
    "text",
    [
        "How do I configure an AWS ALB ingress for my EKS cluster?",
        "how do we set up an ALB ingress on EKS",
        "How can I expose a service through an ALB ingress on our EKS cluster",
        "whats the right way to configure an alb ingress for eks",
        "how should we configure alb ingresses on eks",
    ],
)
def test_the_clouds_load_balancer_is_outside(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does istio ingress gateway work with an ALB ingress?", IntentKind.feature_check),
    ],
)
def test_near_texts_keep_their_reading(engine: AnswerEngine, text: str, kind: IntentKind) -> None:
    assert engine.parser.parse(text).kind == kind


@pytest.mark.parametrize("text", ["is gloo mesh expensive?", "how expensive is gloo mesh?"])
def test_a_price_asked_is_answered_with_the_price(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    assert answer.kind != IntentKind.out_of_scope
    assert "price" in answer.lead.lower()


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("Gloo licences are expensive, cheaper alternative?", "gloo-mesh"),
        ("gloo mesh licensing is so expensive, what else?", "gloo-mesh"),
        ("our consul enterprise licence is very expensive, something cheaper?", "consul"),
        ("gloo mesh licences are really expensive, any cheaper options?", "gloo-mesh"),
        ("kong mesh licences are so expensive, cheaper alternative?", "kong-mesh"),
    ],
)
def test_a_price_complained_of_leaves(engine: AnswerEngine, text: str, left: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("incumbent") == left and intent.facts.get("licence") == "open_source"


@pytest.mark.parametrize(
    "text",
    [
        "Need vendor-supported mesh on-prem, air-gapped. 100 services. Who sells support?",
        "who sells support for a service mesh? we run 100 services on prem kubernetes",
        "eks, 60 services, need mTLS. which vendors sell support?",
        "GKE 40 services, who can we buy support from?",
        "openshift, 200 svcs, which companies sell support for a mesh?",
    ],
)
def test_who_sells_support_lists_the_sellers(engine: AnswerEngine, text: str) -> None:
    answer = engine.answer(engine.parser.parse(text))
    sellers = next(p for p in answer.points if getattr(p, "heading", "") == "Who sells support")
    assert any("Buoyant" in item.text or "Solo.io" in item.text for item in sellers.items)


@pytest.mark.parametrize(
    "text",
    ["we want vendor support, eks, 100 services", "which meshes have vendor support on eks?"],
)
def test_support_wanted_is_no_sellers_list(engine: AnswerEngine, text: str) -> None:
    answer = engine.answer(engine.parser.parse(text))
    assert all(getattr(p, "heading", "") != "Who sells support" for p in answer.points)


def test_who_sells_support_for_a_named_mesh_keeps_its_reading(engine: AnswerEngine) -> None:
    intent = engine.parser.parse("who sells support for linkerd?")
    assert intent.kind == IntentKind.explain and intent.meshes == ["linkerd"]


def test_licences_paid_a_lot_for_leave_gloo(engine: AnswerEngine) -> None:
    text = (
        "We're paying a lot for Gloo Mesh licences. What's a cheaper alternative with the "
        "same Istio features?"
    )
    answer = engine.answer(engine.parser.parse(text))
    assert answer.kind == IntentKind.recommend
    assert answer.intent.facts.get("incumbent") == "gloo-mesh"
    assert not answer.title.endswith("Gloo Mesh (Solo Enterprise for Istio)")
