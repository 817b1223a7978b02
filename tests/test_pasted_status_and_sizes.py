"""Round-2 user test, problems 6-8: what a paste or a revision name shows is what is asked.

- A pasted `kubectl top` row of a proxy is its measured memory: "is this normal? … is ambient
  worth it?" is answered from it (in or above the measured range, the fleet at their count,
  what ambient would take instead), for both modes named in prose.
- A pasted `istioctl version` and "do we need to upgrade urgently?" asks that release's
  status, with the upgrade path, not a pick.
- "asm-1-24" is the AKS Istio add-on's revision of Istio 1.24, answered from its calendar.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure

TOP = (
    "```\n$ kubectl top pod --containers -n shop\n"
    "POD                      NAME          CPU(cores)   MEMORY(bytes)\n"
    "cart-7d9f8b6c5-abcde     cart          12m          210Mi\n"
    "cart-7d9f8b6c5-abcde     istio-proxy   8m           148Mi\n"
    "orders-5c7d9f-xyz12      orders        20m          300Mi\n"
    "orders-5c7d9f-xyz12      istio-proxy   9m           161Mi\n```"
)
ASKED = "is this normal for istio sidecars? we have 400 pods like this, is ambient worth it?"
VERSION = (
    "```\n$ istioctl version\nclient version: 1.23.2\ncontrol plane version: 1.23.2\n"
    "data plane version: 1.23.2 (312 proxies)\n```"
)


@pytest.mark.parametrize(
    "text",
    [
        f"{ASKED}\n{TOP}",
        f"{TOP}\n{ASKED}",
        f"istio sidecars look fat to me:\n{TOP}\n400 pods like that. is that typical? would "
        "ambient be worth it?",
        f"{TOP}\nnormal for istio sidecar proxies?? 400 pods. thinking abt ambient",
        f"400 pods, istio sidecars at this:\n{TOP}\nis that typical or are we misconfigured? "
        "ambient worth a look?",
        f"is that usual for istio sidecar mode? ~400 pods, considering ambient\n{TOP}",
    ],
)
def test_a_pasted_proxy_row_answers_is_this_normal_for_both_modes(engine: AnswerEngine, text):
    answer = engine.ask(text)
    intent = answer.intent
    assert intent.kind == IntentKind.cost
    assert intent.measure == Measure.memory
    assert set(intent.meshes) == {"istio", "istio-ambient"}
    assert intent.facts["pods"] == 400 and intent.facts["pod_memory"] == 161
    assert "also_measures" not in intent.facts  # the paste's CPU column asks for nothing
    lead = answer.lead
    assert lead.startswith("You see 161 MiB a proxy: well above the usual")
    assert "400 pods take about 63 GiB" in lead
    assert "In its place, Istio ambient mode (ztunnel) would take about 168 MB" in lead


def test_a_proxy_within_its_measured_figure_is_said_to_be(engine: AnswerEngine):
    lead = engine.ask(
        "```\n$ kubectl top pod --containers\nweb-1   istio-proxy   4m   41Mi\n```\n"
        "is that normal for istio sidecars? 200 pods"
    ).lead
    assert lead.startswith("You see 41 MiB a proxy: at or below the 60 MB per pod measured")


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # the prose names the measure: the paste's columns do not change it
        (f"istio sidecar cpu at 400 pods? for reference:\n{TOP}", Measure.cpu),
        # a memory question with no paste keeps its reading
        ("istio sidecar memory at 400 pods?", Measure.memory),
    ],
)
def test_a_measure_said_in_prose_stays(engine: AnswerEngine, text, measure):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.measure) == (IntentKind.cost, measure)


@pytest.mark.parametrize(
    "text",
    [
        f"our istioctl version says this, do we need to upgrade urgently?\n{VERSION}",
        f"{VERSION}\nhow urgently do we need to upgrade this?",
        f"how urgent is an upgrade for us?\n{VERSION}",
        f"is this too old? should we upgrade?\n{VERSION}",
        f"r we too far behind?? need to upgrade asap or can it wait\n{VERSION}",
        "we run istio 1.23, do we need to upgrade urgently?",
    ],
)
def test_a_release_and_an_urgent_upgrade_asks_its_status(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert (answer.intent.kind, answer.intent.meshes) == (IntentKind.lifecycle, ["istio"])
    assert answer.lead.startswith("Istio (sidecar mode) 1.23 reached end of life on 2025-04-16.")
    assert "9 minor releases behind the newest, 1.32" in answer.lead
    assert "1.23 → 1.25 → 1.27 → 1.29 → 1.31 → 1.32 (5 hops)" in answer.lead


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a move to another mode is no question about the release they run
        (f"should we upgrade to ambient?\n{VERSION}", IntentKind.explain),
        (
            "should we upgrade to linkerd or stay on istio? 200 services on EKS",
            IntentKind.recommend,
        ),
        ("is istio 1.31 still supported?", IntentKind.lifecycle),
    ],
)
def test_near_upgrade_questions_keep_their_reading(engine: AnswerEngine, text, kind):
    answer = engine.ask(text)
    assert answer.intent.kind == kind
    assert "hops)" not in answer.lead  # a supported line needs no path


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("AKS istio add-on revision asm-1-24 - is that still supported?", "1.24"),
        ("is asm-1-24 still supported on aks?", "1.24"),
        ("we're on asm-1-25 on our AKS clusters, are we out of support?", "1.25"),
        ("Is ASM-1-22 EOL? azure istio addon", "1.22"),
        ("is the asm-1-30 revision supported", "1.30"),
        ("aks mesh: asm-1-24 still in support?", "1.24"),
    ],
)
def test_an_aks_revision_name_asks_that_release_of_the_add_on(engine: AnswerEngine, text, version):
    answer = engine.ask(text)
    assert (answer.intent.kind, answer.intent.meshes) == (IntentKind.lifecycle, ["aks-istio-addon"])
    assert answer.intent.version == version
    assert "Google" not in answer.lead


def test_an_ended_aks_revision_gives_the_month_published(engine: AnswerEngine):
    lead = engine.ask("AKS istio add-on revision asm-1-24 - is that still supported?").lead
    assert lead.startswith(
        "AKS Istio-based service mesh add-on 1.24 reached end of life in September 2025."
    )
    assert "Supported as of 2026-08-21: 1.30, 1.29, 1.28." in lead
    assert "az aks mesh upgrade start" in lead  # no hop count published: the policy says how


def test_an_ended_line_without_a_documented_span_gives_the_policy(engine: AnswerEngine, kb):
    lead = engine.ask("is kuma 2.5 still supported").lead
    assert lead.startswith("Kuma 2.5 reached end of life on")
    assert f"Policy: {kb.meshes['kuma'].project.releases}." in lead


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("is anthos service mesh still a thing", "google-cloud-service-mesh"),
        ("asm 1.24 still supported?", "google-cloud-service-mesh"),
        ("is istio 1.24 still supported?", "istio"),
    ],
)
def test_names_that_are_no_aks_revision_keep_their_reading(engine: AnswerEngine, text, mesh):
    assert engine.parser.parse(text).meshes == [mesh]


@pytest.mark.parametrize(
    "text", ["ASM?", "what about ASM?", "asm", "thoughts on asm??", "is ASM any good"]
)
def test_a_bare_asm_says_it_is_ambiguous(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert "is ambiguous: it also names Alibaba Cloud Service Mesh" in answer.lead
    assert "asm-1-NN" in answer.lead


@pytest.mark.parametrize(
    "text", ["is anthos service mesh still a thing", "what is anthos service mesh"]
)
def test_the_full_former_name_is_not_ambiguous(engine: AnswerEngine, text):
    answer = engine.ask(text)
    assert answer.intent.meshes == ["google-cloud-service-mesh"]
    assert "ambiguous" not in answer.lead
