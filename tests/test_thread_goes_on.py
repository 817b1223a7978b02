"""A reply in a thread goes on from what the thread said: `meshbot chat`, Slack threads and
DMs share one way (bot/answers/thread.py, bot/intents/thread_setup.py).

- More of the setup is read beside the thread's, as if said in one message: VMs said after
  "we run EKS" are workloads to bring in beside EKS, not the estate's platform.
- One mesh set against nothing named ("compare that with istio ambient") is set against the
  thread's mesh: the pick, after a recommendation.
- A cost that names no mesh is the thread's mesh's: the pick, after a recommendation.

The Slack round trip (the thread's question in the bot's message metadata) is at the end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.running import Bot, start_bot, stop_bot
from tests.support.signing import event_body
from tests.support.slack_events import THREAD, carried, mention

# ---------------------------------------------------------------- VMs beside the platform (#2)

EKS_SETUP = "We run EKS, 40 services, team of 3."
EKS = f"{EKS_SETUP} Which mesh should we use?"
EKS_VMS = [
    "we also need to mesh about 10 EC2 VMs",
    "we've also got ~15 legacy VMs on EC2 that must join",
    "what if we also have to bring 10 VMs into the mesh?",
    "and we need to onboard ~10 ec2 vms",
    "oh, and about 12 VMs on EC2 have to be meshed too",
    "forgot to say: 20 vms need mtls as well",
]


@pytest.mark.parametrize("reply", EKS_VMS)
def test_vms_said_after_the_platform_are_workloads_beside_it(kb, reply):
    conversation = talk(kb, EKS, reply)
    facts = conversation.question.facts
    assert facts["platform"] == ["eks"] and facts["services"] == 40
    assert "vm_workloads" in facts["needs"] and "nodes" not in facts
    text = render_terminal(conversation.answer)
    assert "VMs without Kubernetes" not in text and "is out now" not in text


@pytest.mark.parametrize("reply", EKS_VMS)
def test_vms_said_after_the_platform_read_as_said_in_one_message(kb, reply):
    question = talk(kb, EKS, reply).question
    one = talk(kb, f"{EKS_SETUP} {reply}. Which mesh should we use?").question
    # what the reply added is marked as its own (`needs_told_last`), anew each turn
    told = {k: v for k, v in question.facts.items() if k != "needs_told_last"}
    assert told == one.facts


@pytest.mark.parametrize(
    "reply",
    [
        "we also need to mesh about 20 azure vms",
        "what if we also have to bring 20 VMs into the mesh?",
    ],
)
def test_vms_said_after_aks_keep_aks(kb, reply):
    facts = talk(kb, "AKS, 60 services, 4 engineers, need mTLS. Which mesh?", reply).question.facts
    assert facts["platform"] == ["aks"] and facts["vms"] == 20
    assert {"mtls", "vm_workloads"} <= set(facts["needs"])


@pytest.mark.parametrize(
    ("reply", "platform"),
    [
        ("actually we're on GKE, not EKS", ["gke"]),  # another platform replaces it
        ("we don't run kubernetes at all, it's all VMs", ["vms"]),  # Kubernetes refused
        ("actually it's all vms, no k8s", ["vms"]),
    ],
)
def test_a_platform_of_its_own_still_replaces_the_threads(kb, reply, platform):
    facts = talk(kb, EKS, reply).question.facts
    assert facts["platform"] == platform and facts["services"] == 40


def test_vms_with_no_platform_said_before_are_the_estate(kb):
    thread = "which mesh for 40 services, team of 3?"
    facts = talk(kb, thread, "no kubernetes, just 10 vms").question.facts
    assert facts.get("platform", ["vms"]) == ["vms"] and facts["nodes"] == 10


# ---------------------------------------------------------------- set against the pick (#8)

EKS_MULTI = (
    "We're on EKS with 30 services and need mTLS and golden metrics. What mesh would you pick?",
    "3 clusters actually, one mesh across them",
)
AGAINST_AMBIENT = [
    "compare that with istio ambient",
    "how does it stack up against istio ambient?",
    "vs istio ambient?",
    "what are the differences with ambient mode",
    "how does istio ambient compare",
    "what's the difference between that and istio ambient?",
]


@pytest.mark.parametrize("reply", AGAINST_AMBIENT)
def test_one_mesh_compared_after_a_pick_is_set_against_the_pick(kb, reply):
    conversation = talk(kb, *EKS_MULTI, reply)
    question = conversation.question
    assert question.kind == IntentKind.compare
    assert question.meshes == ["linkerd", "istio-ambient"] and question.pick == "linkerd"
    assert question.facts["platform"] == ["eks"] and question.facts["clusters"] == 3
    assert conversation.answer.title == "Linkerd and Istio ambient mode compared"
    assert "FOR YOUR SETUP" in render_terminal(conversation.answer)


def test_more_of_the_setup_after_the_comparison_makes_the_pick_again(kb):
    answer = talk(kb, *EKS_MULTI, AGAINST_AMBIENT[0], "what if we also need jwt validation?").answer
    assert answer.lead.startswith("Linkerd, the pick before, is out now: no JWT validation.")


@pytest.mark.parametrize(
    ("thread", "reply", "kind", "meshes"),
    [
        ("compare istio and linkerd", "how does consul compare", IntentKind.compare,
         ["istio", "linkerd", "consul"]),
        ("compare istio and linkerd", "vs kuma?", IntentKind.compare, ["istio", "linkerd", "kuma"]),
        ("tell me about linkerd", "compare that with kuma", IntentKind.compare,
         ["linkerd", "kuma"]),
        ("what is ztunnel", "compare that with linkerd", IntentKind.compare,
         ["istio-ambient", "linkerd"]),
        # a concept explained: how the mesh stands on it, as "and kuma?" asks
        ("explain spiffe", "compare with kuma", IntentKind.feature_check, ["kuma"]),
        # what the thread asked of its mesh, asked of both
        ("does linkerd do retries?", "compare that with istio ambient", IntentKind.feature_check,
         ["linkerd", "istio-ambient"]),
    ],
)  # fmt: skip
def test_one_mesh_compared_is_set_against_the_threads_meshes(kb, thread, reply, kind, meshes):
    question = talk(kb, thread, reply).question
    assert (question.kind, question.meshes) == (kind, meshes)


@pytest.mark.parametrize(
    ("thread", "reply", "kind", "meshes"),
    [
        (EKS, "tell me about kuma", IntentKind.explain, ["kuma"]),
        (EKS, "is kuma an option or not?", IntentKind.explain, ["kuma"]),  # a bare "or"
        (EKS, "does kuma do retries?", IntentKind.feature_check, ["kuma"]),
        (EKS, "why not kuma?", IntentKind.compare, ["linkerd", "kuma"]),
    ],
)
def test_other_replies_naming_one_mesh_read_as_before(kb, thread, reply, kind, meshes):
    question = talk(kb, thread, reply).question
    assert (question.kind, question.meshes) == (kind, meshes)


def test_one_mesh_compared_with_no_thread_is_about_it_alone(kb):
    question = talk(kb, "compare that with istio ambient").question
    assert (question.kind, question.meshes) == (IntentKind.explain, ["istio-ambient"])


# ---------------------------------------------------------------- a cost of the thread's mesh

OPENSHIFT_VMS = (
    "We're on OpenShift, 120 services, and we need Red Hat support. Which mesh?",
    "we also need to bring some VMs into the mesh",
)


@pytest.mark.parametrize(
    "reply",
    [
        "what would the sidecar memory be at 400 pods?",
        "how much memory will the proxies take at 400 pods?",
        "what's the memory overhead for 400 pods?",
        "and the ram cost at 400 pods?",
        "how much memory would that eat with 400 pods",
    ],
)
def test_a_cost_after_a_pick_is_the_picks_on_the_setup(kb, reply):
    conversation = talk(kb, *OPENSHIFT_VMS, reply)
    question = conversation.question
    assert question.kind == IntentKind.cost
    assert question.meshes == ["openshift-service-mesh"] and question.facts["pods"] == 400
    assert question.facts["platform"] == ["openshift"] and question.facts["support"] == "red-hat"
    lead = conversation.answer.lead
    assert "Red Hat OpenShift Service Mesh 3" in lead and "Linkerd" not in lead


@pytest.mark.parametrize(
    ("thread", "reply", "meshes"),
    [
        ("compare istio and linkerd", "what would it cost in memory?", ["istio", "linkerd"]),
        ("compare istio and linkerd", "how much cpu?", ["istio", "linkerd"]),
        ("tell me about kuma", "how much memory does it use?", ["kuma"]),
        ("what is ztunnel", "how much memory does it use?", ["istio-ambient"]),
        (EKS, "what would it cost in memory?", ["linkerd"]),
    ],
)
def test_a_cost_naming_no_mesh_is_the_threads_meshes(kb, thread, reply, meshes):
    question = talk(kb, thread, reply).question
    assert (question.kind, question.meshes) == (IntentKind.cost, meshes)


@pytest.mark.parametrize(
    ("thread", "reply", "meshes"),
    [
        (EKS, "what does kuma cost at 400 pods?", ["kuma"]),  # a mesh of its own
        ("explain spiffe", "how much memory does it use?", []),  # no mesh in the thread
        ("what's the lightest mesh for 2,000 pods?", "how much memory at 500 pods?", []),
    ],
)
def test_a_cost_with_a_mesh_of_its_own_or_none_in_the_thread_reads_as_before(
    kb, thread, reply, meshes
):
    assert talk(kb, thread, reply).question.meshes == meshes


# ---------------------------------------------------------------- through Slack


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    running = await start_bot()
    yield running
    await stop_bot(running)


async def posted(bot: Bot, text: str, n: int, thread_ts: str | None = None):
    ts = THREAD if thread_ts is None else f"1700000000.00{n}0"
    await bot.post(event_body(mention(f"<@UBOT> {text}", ts, thread_ts), f"Ev{n}"))
    calls = await bot.slack.wait_for("chat.postMessage", n)
    return calls[n - 1]


async def test_a_thread_reply_brings_vms_in_beside_the_platform(bot):
    await posted(bot, EKS, 1)
    reply = await posted(bot, EKS_VMS[0], 2, THREAD)
    facts = carried(reply)["facts"]
    assert facts["platform"] == ["eks"] and "vm_workloads" in facts["needs"]
    assert reply.body["text"].startswith("Recommendation: Linkerd")


async def test_a_thread_reply_compares_the_pick_then_costs_the_comparison(bot):
    await posted(bot, EKS_MULTI[0], 1)
    compared = await posted(bot, AGAINST_AMBIENT[0], 2, THREAD)
    question = carried(compared)
    assert question["kind"] == "compare" and question["pick"] == "linkerd"
    assert question["meshes"] == ["linkerd", "istio-ambient"]
    assert compared.body["text"].startswith("Linkerd and Istio ambient mode compared")
    costed = carried(await posted(bot, "what would it cost in memory at 600 pods?", 3, THREAD))
    assert costed["kind"] == "cost" and costed["meshes"] == ["linkerd", "istio-ambient"]
