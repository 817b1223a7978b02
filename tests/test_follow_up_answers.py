"""A follow-up in a conversation goes on from the recommendation (bot/answers/answered.py,
bot/answers/after_pick.py, bot/answers/thread.py), in `meshbot chat`, Slack threads and DMs:

- the question it asked next, answered in words ("from our cloud provider", "nope", "any
  vendor is fine") or by number, is that option, as its button would be; a fact volunteered
  for another open question ("sidecars are fine") is recorded too; never "Not a
  service-mesh question";
- "what if we also need JWT validation?" after a question asked of the pick ("why not
  istio?", "why not linkerd?") makes the pick again with it needed, and says how the pick
  changed;
- "how much memory would that save vs sidecars?" after Istio ambient mode was picked costs
  it beside Istio's sidecar mode.

With cases that must not change: a fresh question starts fresh, a number still answers.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body
from tests.support.slack_events import carried, in_thread

OFF_TOPIC = "Not a service-mesh question"


# ---------------------------------------------------------------- answers in words (#1)

EKS = "we need a mesh on EKS for about 150 services"
SUPPORT = "Do you need a vendor's support contract for the mesh?"


def test_the_setup_asks_about_support_next(kb):
    follow_up = talk(kb, EKS).answer.follow_up
    assert follow_up is not None and follow_up.question == SUPPORT
    labels = [c.label for c in follow_up.choices]
    assert labels == ["No", "From our cloud provider", "From any vendor"]


@pytest.mark.parametrize(
    ("reply", "support"),
    [
        ("from our cloud provider", "provider"),
        ("From our cloud provider.", "provider"),
        ("ok, from the cloud provider pls", "provider"),
        ("cloud provider", "provider"),
        ("our cloud vendor i think", "provider"),
        ("from our cloud provdier", "provider"),
        ("option 2", "provider"),
        ("the second one", "provider"),
        ("no", "none"),
        ("nope", "none"),
        ("nah, not needed", "none"),
        ("No thanks", "none"),
        ("no support contract", "none"),
        ("any vendor is fine", "any"),
        ("from any vendor", "any"),
        ("any vendor", "any"),
        ("whichever vendor", "any"),
        ("yes we do", "any"),
    ],
)
def test_the_question_asked_answered_in_words_is_that_option(kb, reply, support):
    conversation = talk(kb, EKS, reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.recommend and question.facts["support"] == support
    assert question.facts["platform"] == ["eks"] and question.facts["services"] == 150
    assert answer.title != OFF_TOPIC


@pytest.mark.parametrize(
    "reply", ["from our cloud provider", "cloud provider", "option 2", "2", "from the provider"]
)
def test_cloud_provider_support_on_eks_says_why_linkerd_went(kb, reply):
    answer = talk(kb, EKS, reply).answer
    assert answer.title == "Recommendation: Amazon VPC Lattice"
    assert answer.lead.startswith(
        "Linkerd, the pick before, is out now: no support contract from AWS."
    )


@pytest.mark.parametrize(
    "reply",
    [
        "sidecars are fine",
        "we're fine with sidecars",
        "sidecars are ok",
        "sidecar are fine",
        "happy with sidecars",
        "ok with sidecars tbh",
    ],
)
def test_a_fact_volunteered_for_another_question_is_recorded(kb, reply):
    conversation = talk(kb, EKS, reply)
    question, answer = conversation.question, conversation.answer
    assert question.facts["no_sidecars"] is False and "support" not in question.facts
    assert answer.lead.startswith("Linkerd stays the pick.")
    # the support question, passed over, is not asked again next (user test s13)
    assert question.passed == ["support"]
    assert answer.follow_up is None or answer.follow_up.question != SUPPORT


@pytest.mark.parametrize(
    ("reply", "facts"),
    [
        ("no, and sidecars are fine", {"support": "none", "no_sidecars": False}),
        ("nope. sidecars are ok", {"support": "none", "no_sidecars": False}),
        ("from any vendor, open source only", {"support": "any", "licence": "open_source"}),
        ("cloud provider; we can run it ourselves", {"support": "provider"}),
    ],
)
def test_several_answers_in_one_reply_are_each_recorded(kb, reply, facts):
    question = talk(kb, EKS, reply).question
    assert {k: question.facts.get(k) for k in facts} == facts


def test_an_answer_beside_more_of_the_setup_takes_both(kb):
    question = talk(kb, EKS, "nope. we need jwt validation too").question
    assert question.facts["support"] == "none"
    assert "jwt_validation" in question.facts["needs"]


MANAGED = "Should someone else run the mesh's control plane?"
AKS = "AKS, 60 services, need mTLS and header routing"


@pytest.mark.parametrize(
    ("reply", "managed"),
    [
        ("yes", True),
        ("yes please", True),
        ("a managed one", True),
        ("managed please", True),
        ("no", False),
        ("no, we can run it", False),
        ("we can run it ourselves", False),
    ],
)
def test_another_question_asked_is_answered_in_words_too(kb, reply, managed):
    # the licence question comes first on AKS (its answers split the pick three ways: CNCF
    # only keeps the add-on, upstream Istio, and closes Linkerd's paid stable edition)
    assert talk(kb, AKS, "no").answer.follow_up.question == MANAGED
    question = talk(kb, AKS, "no", reply).question
    assert question.facts["managed_control_plane"] is managed


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        ("does linkerd support circuit breaking?", IntentKind.feature_check),
        ("compare istio and linkerd", IntentKind.compare),
        ("what is ambient mode", IntentKind.explain),
        ("what if we had 500 pods?", IntentKind.cost),
        ("no, but why not istio?", IntentKind.compare),
    ],
)
def test_a_question_of_its_own_is_no_answer(kb, reply, kind):
    question = talk(kb, EKS, reply).question
    assert question.kind == kind and "support" not in question.facts


@pytest.mark.parametrize("reply", ["sidecars are not fine", "no idea", "not sure yet", "7"])
def test_words_that_answer_nothing_set_nothing(kb, reply):
    facts = talk(kb, EKS, reply).question.facts
    assert "support" not in facts and facts.get("no_sidecars") is not False


@pytest.mark.parametrize(("reply", "support"), [("1", "none"), ("2", "provider"), ("3", "any")])
def test_a_number_still_chooses_the_option_as_its_button_does(kb, reply, support):
    conversation = talk(kb, EKS)
    button = conversation.answer.follow_up.choices[int(reply) - 1].intent
    conversation.say(reply)
    assert conversation.question.facts == button.facts
    assert conversation.question.facts["support"] == support


def test_a_number_as_the_first_question_is_no_answer(kb):
    assert talk(kb, "2").question.facts.get("support") is None


# ---------------------------------------------------------------- what if we also need (#2)

EKS_SMALL = "we run EKS, 80 services, team of 2, need mTLS and retries"
JWT_REPLIES = [
    "what if we also need JWT validation?",
    "and if jwt/oidc validation is a must?",
    "suppose we also have to validate JWTs",
    "ok, jwt validation is needed as well",
    "we need jwt validation at the mesh too",
]


@pytest.mark.parametrize("reply", JWT_REPLIES)
def test_a_must_have_after_why_not_makes_the_pick_again_and_says_what_changed(kb, reply):
    conversation = talk(kb, EKS_SMALL, "1", "why not istio?", reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.recommend
    assert question.facts["platform"] == ["eks"] and question.facts["services"] == 80
    assert {"mtls", "retries", "jwt_validation"} <= set(question.facts["needs"])
    assert answer.title == "Recommendation: Istio (sidecar mode)"
    assert answer.lead.startswith("Linkerd, the pick before, is out now: no JWT validation.")


@pytest.mark.parametrize("reply", JWT_REPLIES)
def test_a_must_have_right_after_the_pick_says_what_changed(kb, reply):
    answer = talk(kb, EKS_SMALL, reply).answer
    assert answer.lead.startswith("Linkerd, the pick before, is out now: no JWT validation.")


@pytest.mark.parametrize(
    "reply",
    [
        "what if we also need windows nodes?",
        "what if we add windows node pools?",
        "and if we need windows nodes too",
        "we also need to mesh windows workloads",
        "suppose windows nodes are a must",
    ],
)
def test_a_must_have_after_the_catch_makes_the_pick_again(kb, reply):
    conversation = talk(kb, AKS, "why not linkerd?", reply)
    question, answer = conversation.question, conversation.answer
    assert question.kind == IntentKind.recommend and question.facts["platform"] == ["aks"]
    assert "windows_nodes" in question.facts["needs"]
    assert answer.lead.startswith("Linkerd stays the pick.")
    assert "Buoyant Enterprise for Linkerd" in answer.lead  # Windows only in the paid edition


def test_a_change_of_answer_says_why_the_old_pick_fell_behind(kb):
    answer = talk(kb, EKS, "no, we dont need a support contract").answer
    assert answer.lead.startswith("Linkerd, the pick before, falls behind (against Linkerd:")


@pytest.mark.parametrize(
    ("reply", "kind", "meshes"),
    [
        ("and cilium?", IntentKind.compare, ["linkerd", "istio", "cilium"]),
        ("does linkerd support circuit breaking?", IntentKind.feature_check, ["linkerd"]),
        ("what would it cost in memory?", IntentKind.cost, ["linkerd", "istio"]),
    ],
)
def test_other_replies_after_why_not_read_as_before(kb, reply, kind, meshes):
    question = talk(kb, EKS_SMALL, "1", "why not istio?", reply).question
    assert (question.kind, question.meshes) == (kind, meshes)


def test_a_must_have_after_a_plain_comparison_still_checks_the_meshes(kb):
    question = talk(kb, "compare istio and linkerd", JWT_REPLIES[0]).question
    assert question.kind == IntentKind.feature_check
    assert question.features == ["jwt_validation"]


# ---------------------------------------------------------------- vs sidecars (#10)

GKE = "GKE, 250 services, 4 teams, need mTLS, JWT and canary"
AMBIENT = (GKE, "no sidecars please", "we dont need vendor support")


@pytest.mark.parametrize(
    "reply",
    [
        "ok and how much memory would that save vs sidecars at 250 pods?",
        "how much memory does that save compared to sidecars?",
        "memory saving vs sidecar mode at 250 pods?",
        "how much ram would it save versus sidecars",
        "and the memory vs sidecar proxies?",
    ],
)
@pytest.mark.parametrize("between", [(), ("why not cilium?",)])
def test_a_saving_vs_sidecars_after_ambient_costs_it_beside_sidecar_mode(kb, reply, between):
    conversation = talk(kb, *AMBIENT, *between, reply)
    question = conversation.question
    assert question.kind == IntentKind.cost
    assert question.meshes == ["istio-ambient", "istio"]
    text = render_terminal(conversation.answer)
    assert "Istio (sidecar mode): 15 GB: 60 MB per pod × 250 pods" in text
    assert "Cilium" not in text.split("SOURCES")[0]


@pytest.mark.parametrize(
    "reply", ["what would it cost in memory?", "and at 500 pods?", "how much cpu does that use?"]
)
def test_a_cost_with_no_mode_set_against_it_adds_none(kb, reply):
    question = talk(kb, *AMBIENT, reply).question
    assert "istio" not in question.meshes


# ---------------------------------------------------------------- through Slack


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def posted(bot: Bot, event: dict, n: int):
    await bot.post(event_body(event, f"EvAns{n}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


def dm(text: str, ts: str) -> dict:
    return {"type": "message", "channel_type": "im", "user": "U111", "channel": "D1"} | {
        "ts": ts,
        "text": text,
    }


@pytest.mark.parametrize("reply", ["from our cloud provider", "2", "cloud provider pls"])
async def test_an_answer_in_words_in_a_thread_is_that_option(bot, reply):
    await posted(bot, in_thread(EKS, "1700000000.000300"), 1)
    answer = await posted(bot, in_thread(reply, "1700000000.000400"), 2)
    assert carried(answer)["facts"]["support"] == "provider"
    assert answer.body["text"].startswith("Recommendation: Amazon VPC Lattice")


@pytest.mark.parametrize("reply", ["nope", "from our cloud provider", "sidecars are fine"])
async def test_an_answer_in_words_in_a_dm_goes_on_from_its_latest_answer(bot, reply):
    await posted(bot, dm(EKS, "1700000001.000100"), 1)
    answer = await posted(bot, dm(reply, "1700000001.000200"), 2)
    assert answer.body["text"].startswith("Recommendation:")
    assert carried(answer)["facts"]["platform"] == ["eks"]
    assert OFF_TOPIC not in json.dumps(answer.body)


async def test_a_must_have_in_a_thread_after_why_not_makes_the_pick_again(bot):
    await posted(bot, in_thread(EKS_SMALL, "1700000000.000300"), 1)
    await posted(bot, in_thread("why not istio?", "1700000000.000400"), 2)
    answer = await posted(bot, in_thread(JWT_REPLIES[0], "1700000000.000500"), 3)
    assert carried(answer)["kind"] == "recommend"
    assert answer.body["text"].startswith("Recommendation: Istio (sidecar mode)")
