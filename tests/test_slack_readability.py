"""Every kind of answer, as Slack shows it, reads well in a busy channel.

Over a broad list of questions (long setups, compares of two to five meshes, feature
checks, which-meshes, cost, lightest, lifecycle, licence, price and version support,
unknown names, out of scope, pasted code and tables, pings and markup in the text) the
first card keeps Block Kit's limits and our first-card budget, has a plain fallback
that says the answer, echoes no ping, leaks no note-taking phrasing and renders as
mrkdwn: balanced code marks, no Markdown bold, headings or tables.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import limits
from bot.render.blocks import build_message
from bot.render.lead import OPENING, SENTENCE_END, paragraphs
from bot.render.mrkdwn import escape

QUESTIONS = [
    "we run 400 pods on EKS across 3 clusters, need mTLS everywhere, multi-cluster failover, "
    "a team of 2 SREs, mostly gRPC, low memory matters and we already use Cilium as CNI",
    "recommend a mesh: 50 pods, GKE, small team, no budget, zero trust, no sidecars, some VMs, "
    "FIPS, want Envoy filters",
    "which service mesh for 2000 pods on-prem OpenShift with strict compliance",
    "should we even use a service mesh? we have 12 services",
    "recommend",
    "pick a mesh for us: AKS, 300 pods, windows nodes, traffic splitting for canaries",
    "we are not on Kubernetes, which mesh",
    "osm is dead. which mesh now?",
    "compare istio and linkerd",
    "compare istio, linkerd and cilium",
    "compare istio, linkerd, cilium and kuma",
    "istio vs consul vs kuma vs linkerd vs cilium",
    "compare linkrd and isito",
    "gloo mesh vs istio",
    "linkerd vs not running a mesh — what do we lose?",
    "does linkerd support circuit breaking",
    "does istio ambient support multi-cluster",
    "can kuma do rate limiting",
    "does consul connect support wasm plugins",
    "does linkerd support circuit breaking? and retries and timeouts and rate limiting?",
    "which meshes support multi-cluster",
    "which meshes support FIPS",
    "which meshes can enroll ec2 instances?",
    "which meshes are sidecarless",
    "mtls",
    "how much does linkerd cost at 1000 pods",
    "sidecar cost at 1,000 pods on 50 nodes",
    "istiod memory for 3000 pods",
    "latency overhead istio vs linkerd p99",
    "memroy overhead of sidecars",
    "what is the lightest mesh",
    "which mesh has the lowest latency",
    "which meshes are retired",
    "is open service mesh still maintained",
    "what replaced osm",
    "what licence is linkerd under",
    "is consul still open source",
    "how much does buoyant enterprise for linkerd cost",
    "is there a price for kuma enterprise",
    "which linkerd versions are supported",
    "is istio 1.20 still supported",
    "what is the latest version of linkerd",
    "tell me about kuma",
    "explain cilium service mesh",
    "compare istio and foobarmesh",
    "does meshy mcmeshface support mtls",
    "write me a haiku about being on call",
    "what's the weather in Berlin",
    "where does your info come from",
    "help",
    "hi",
    "<!channel> which mesh should we use for 100 pods?",
    "hey <@U123ABC> says istio is too heavy, compare istio and linkerd",
    "<!here> does linkerd support mTLS & retries <script>alert(1)</script>",
    "compare istio & linkerd for a < 100 pod cluster > 3 nodes",
    "does istio support *bold* and _italic_ and `code` and ~strike~",
    "```apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\n``` why no route to v2?",
    "here is my config ```kind: Server``` is this right for linkerd?",
    "| mesh | mtls |\n|---|---|\n| istio | yes | compare these",
    "<https://evil.example|click me> compare istio linkerd",
]
PING = re.compile(r"<[!@#]")
NOTE_TAKING = ("material read", "was not read")
MARKDOWN = re.compile(r"\*\*|^#{1,3} |^\s*\|?\s*-{3,}\s*\|", re.MULTILINE)


def _texts(obj: object) -> list[str]:
    """Every `text` string in a payload."""
    if isinstance(obj, dict):
        return [
            t
            for k, v in obj.items()
            for t in ([v] if k == "text" and isinstance(v, str) else _texts(v))
        ]
    if isinstance(obj, list):
        return [t for v in obj for t in _texts(v)]
    return []


def _card(engine, text: str) -> tuple[object, dict]:
    answer = engine.ask(text)
    return answer, build_message(answer, share=True, page_link=("Open in browser", "https://x.io"))


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_first_card_fits_and_reads_well(engine, text):
    answer, card = _card(engine, text)
    assert limits.problems(card) == []
    assert len(card["blocks"]) <= 12 - 1 and limits.visible_text(card) <= 2500
    assert card["text"].startswith(escape(answer.title))  # the fallback says the answer
    for shown in _texts(card):
        assert not PING.search(shown), shown
        assert not any(note in shown for note in NOTE_TAKING), shown
        assert not MARKDOWN.search(shown), shown
        assert shown.count("```") % 2 == 0, shown
        assert all(line.count("`") % 2 == 0 for line in shown.replace("```", "").split("\n"))
    for row in (b for b in card["blocks"] if b["type"] == "actions"):
        labels = [e["text"]["text"] for e in row["elements"]]
        assert len(labels) == len(set(labels)), labels


@pytest.mark.parametrize("text", QUESTIONS)
def test_the_first_lines_answer_on_their_own(engine, text):
    _, card = _card(engine, text)
    lead = next(b for b in card["blocks"] if b["type"] == "section")["text"]["text"]
    opening = lead.split("\n\n")[0]
    assert len(opening) <= OPENING or not SENTENCE_END.search(opening), opening


def test_a_long_lead_opens_with_its_verdict_then_the_rest():
    # No block is spent: the opening and the rest share the lead's section.
    lead = "Pick Linkerd. " + " ".join(["It is light and simple to run."] * 12)
    first, rest = paragraphs(lead).split("\n\n")
    assert first.startswith("Pick Linkerd.") and len(first) <= OPENING
    assert f"{first} {rest}" == lead
    assert paragraphs("Pick Linkerd. It is light.") == "Pick Linkerd. It is light."


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(QUESTIONS),
    st.lists(
        st.sampled_from(["<!channel>", "<!here>", "<@U123>", "<#C42|ops>", "&", "<", ">", "`"]),
        min_size=1,
        max_size=4,
    ),
)
def test_pings_anywhere_in_a_question_never_reach_the_channel(engine, question, pings):
    words = question.split(" ")
    for n, ping in enumerate(pings):
        words.insert((n * 3) % (len(words) + 1), ping)
    _, card = _card(engine, " ".join(words))
    assert limits.problems(card) == []
    assert not PING.search(json.dumps(card)), card["text"]
