"""What a Slack message carries from before its question is context, not the question: quoted
lines, a conversation recounted before a turn, a mesh swapped out of a comparison, a base named
for the distributions, a pasted output's columns, an aside naming the mesh they run."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure
from bot.render.plain import render_terminal

QUOTED = [
    ("> istio vs linkerd\nok that helped. next: kuma vs consul", ["kuma", "consul"]),
    (
        "&gt; compare istio and linkerd\nthanks! can you do cilium vs linkerd too",
        ["cilium", "linkerd"],
    ),
    ("> istio ambient vs linkerd memory\n\nnow gloo mesh vs istio please", ["gloo-mesh", "istio"]),
    (
        "> which mesh is lightest?\ngreat answer. different q: does kuma support rate limiting?",
        ["kuma"],
    ),
    ("> you said linkerd doesn't do rate limiting\nwhich meshes support global rate limiting?", []),
]


@pytest.mark.parametrize(("text", "meshes"), QUOTED)
def test_quoted_lines_are_what_was_asked_before(engine: AnswerEngine, text: str, meshes: list[str]):
    assert engine.parser.parse(text).meshes == meshes


def test_a_quote_is_the_question_when_nothing_else_is_named(engine: AnswerEngine):
    intent = engine.parser.parse("> does linkerd support retries\ncan you answer this?")
    assert (intent.kind, intent.meshes, intent.features) == (
        IntentKind.feature_check,
        ["linkerd"],
        ["retries"],
    )


RECOUNTED = [
    (
        "we discussed kuma vs consul in the thread yesterday, but separate question: "
        "which meshes do traffic mirroring?",
        IntentKind.which_meshes,
        [],
    ),
    (
        "you compared cilium and istio above, but now: which meshes support wasm plugins?",
        IntentKind.which_meshes,
        [],
    ),
    (
        "we went over istio vs linkerd earlier in the thread. anyway, which meshes can run "
        "on windows nodes?",
        IntentKind.which_meshes,
        [],
    ),
    (
        "following up on the linkerd vs kuma thread — now do gloo mesh vs istio",
        IntentKind.compare,
        ["gloo-mesh", "istio"],
    ),
    (
        "you recommended istio over linkerd upthread but stepping back, does consul support mtls?",
        IntentKind.feature_check,
        ["consul"],
    ),
]


@pytest.mark.parametrize(("text", "kind", "meshes"), RECOUNTED)
def test_what_a_turn_follows_is_history(
    engine: AnswerEngine, text: str, kind: IntentKind, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (kind, meshes)


@pytest.mark.parametrize(
    "text",
    [
        "we compared istio vs linkerd in the thread but now how do they compare on memory?",
        "you compared istio and linkerd above, but what about kuma?",
    ],
)
def test_a_turn_pointing_back_keeps_the_history(engine: AnswerEngine, text: str):
    assert {"istio", "linkerd"} <= set(engine.parser.parse(text).meshes)


SWAPPED = [
    ("same comparison but with cilium instead of istio, vs linkerd", ["cilium", "linkerd"]),
    ("redo it with kuma in place of consul, against linkerd", ["kuma", "linkerd"]),
    ("gloo mesh rather than istio, vs linkerd - how do they compare", ["gloo-mesh", "linkerd"]),
    (
        "istio ambient instead of sidecar istio — how does that compare with linkerd?",
        ["istio-ambient", "linkerd"],
    ),
    ("compare kuma and linkerd rather than consul", ["kuma", "linkerd"]),
]


@pytest.mark.parametrize(("text", "meshes"), SWAPPED)
def test_a_mesh_swapped_out_is_no_side(engine: AnswerEngine, text: str, meshes: list[str]):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("should we use kuma instead of consul?", ["kuma", "consul"]),
        ("what do we lose going with linkerd instead of istio", ["linkerd", "istio"]),
    ],
)
def test_instead_of_between_two_keeps_both(engine: AnswerEngine, text: str, meshes: list[str]):
    assert engine.parser.parse(text).meshes == meshes


BASE_FOR_THEM = [
    (
        "ossm vs gloo mesh — how do these two enterprise istios compare",
        ["openshift-service-mesh", "gloo-mesh"],
    ),
    (
        "gcsm vs the aks add-on: both managed istio, which one patches faster",
        ["google-cloud-service-mesh", "aks-istio-addon"],
    ),
    (
        "aks addon or gcsm? trying to see how the managed istios differ",
        ["aks-istio-addon", "google-cloud-service-mesh"],
    ),
    (
        "how do the managed istios (gcsm, aks addon) stack up against each other",
        ["google-cloud-service-mesh", "aks-istio-addon"],
    ),
    (
        "gloo mesh vs ossm, the two enterprise istios: which has better multi-cluster",
        ["gloo-mesh", "openshift-service-mesh"],
    ),
]


@pytest.mark.parametrize(("text", "meshes"), BASE_FOR_THEM)
def test_a_base_said_for_the_distributions_is_no_third_side(
    engine: AnswerEngine, text: str, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)


@pytest.mark.parametrize("text", ["gloo mesh vs istio", "gcsm vs plain istio"])
def test_a_base_set_against_its_distribution_stays_a_side(engine: AnswerEngine, text: str):
    assert "istio" in engine.parser.parse(text).meshes


PASTED = [
    (
        "```\nNAME CPU(cores) MEMORY(bytes)\nlinkerd-proxy 3m 20Mi\n```\n"
        "that's per pod. how much memory would linkerd need at 2000 pods?",
        Measure.memory,
    ),
    (
        "```\nPOD CPU MEM\nistio-proxy 15m 60Mi\n```\nwhat's the latency hit of istio at 2000 rps",
        Measure.latency,
    ),
    ("per your data, how much memory does istio use at 1000 pods", Measure.memory),
    ("based on your numbers what's the cpu overhead of kuma at 500 pods", Measure.cpu),
    (
        "```\nNAME   CPU(cores)   MEMORY(bytes)\nkuma-sidecar   9m   41Mi\n```\n"
        "one pod. what's the ram bill for kuma across 1500 pods going by your figures?",
        Measure.memory,
    ),
]


@pytest.mark.parametrize(("text", "measure"), PASTED)
def test_the_question_names_the_measure_and_your_data_is_where_to_answer_from(
    engine: AnswerEngine, text: str, measure: Measure
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.measure) == (IntentKind.cost, measure)


def test_where_the_numbers_come_from_is_still_asked(engine: AnswerEngine):
    assert engine.parser.parse("where do your memory numbers come from?").kind == IntentKind.sources


RUN_IN_ASIDE = [
    (
        "this is what we run (linkerd w/ default install). how does it compare to kuma?",
        ["linkerd", "kuma"],
    ),
    (
        "```\n$ kubectl get pods -n linkerd\nlinkerd-destination-5d 4/4 Running 0 12d\n```\n"
        "that's what we run now (linkerd stable). how does it stack up against cilium?",
        ["linkerd", "cilium"],
    ),
    (
        "what we run today (plain istio, sidecars) - how does it stack up against gcsm?",
        ["istio", "google-cloud-service-mesh"],
    ),
    ("here's what we run (kuma, 2 zones). how does it compare with consul?", ["kuma", "consul"]),
    (
        "we currently run (istio 1.22 w/ sidecars). how does it stack up against linkerd?",
        ["istio", "linkerd"],
    ),
]


@pytest.mark.parametrize(("text", "meshes"), RUN_IN_ASIDE)
def test_an_aside_naming_the_mesh_they_run_is_a_side(
    engine: AnswerEngine, text: str, meshes: list[str]
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)


@pytest.mark.parametrize(
    "text",
    [
        "is kong mesh a fork of kuma?",
        "how does kong mesh relate to kuma",
        "kong mesh: fork of kuma or the same code?",
        "isn't kong mesh just kuma repackaged",
        "wait, is kong mesh basically forked from kuma?",
    ],
)
def test_how_a_distribution_relates_to_its_base_leads_the_answer(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    lead = render_terminal(engine.answer(intent)).split("\n\n")[0:2]
    assert "distribution of Kuma" in " ".join(lead)
