"""Recommendation reads (round 2): a choice set against a product I don't cover, refusals
listed before the cue after them, VMs counted by a cloud's word for them, a budget beside a
pod count, the next question that leaves something, and a reply narrowing a ranking."""

from __future__ import annotations

import pytest

from bot.answers import choosing, scoring
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _headline(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(text))).splitlines()[0]


@pytest.mark.parametrize(
    ("question", "options"),
    [
        (
            "Should we use Tetrate Service Bridge or Gloo Mesh for 300 services across 3 EKS "
            "clusters?",
            ["gloo-mesh"],
        ),
        ("tetrate service bridge or gloo mesh? 300 services on eks", ["gloo-mesh"]),
        ("gloo mesh or tetrate service bridge for 3 eks clusters, 300 services?", ["gloo-mesh"]),
        (
            "Tetrate Service Bridge vs Gloo Mesh for 300 services on EKS, recommendation?",
            ["gloo-mesh"],
        ),
        (
            "we're choosing between Tetrate Service Bridge and Gloo Mesh, 3 EKS clusters, 300 "
            "services. which?",
            ["gloo-mesh"],
        ),
        ("greymatter or kuma for 40 services on gke, which one?", ["kuma"]),
    ],
)
def test_a_covered_mesh_set_against_an_uncovered_product_is_the_choice(
    engine: AnswerEngine, question: str, options: list[str]
):
    intent = engine.parser.parse(question)
    assert intent.kind.value == "recommend"
    assert intent.unknown_names
    assert intent.options == options
    mesh = engine.kb.meshes[options[0]]
    assert _headline(engine, question) == f"Recommendation: {mesh.name}"


@pytest.mark.parametrize(
    ("question", "options"),
    [
        # named only as history or alone: every offering is weighed
        ("we looked at tetrate service bridge last year. eks, 300 services, which mesh?", []),
        (
            "tetrate service bridge, 300 services across 3 eks clusters, which mesh should we use?",
            [],
        ),
        # two covered ones: unchanged
        ("should we go with consul or kuma? eks, 100 services, need mtls", ["consul", "kuma"]),
        ("eks, 220 services, 3 person team. istio or linkerd?", ["istio", "linkerd"]),
    ],
)
def test_choices_without_an_uncovered_side_keep_their_reading(
    engine: AnswerEngine, question: str, options: list[str]
):
    assert engine.parser.parse(question).options == options


def test_one_named_alone_is_no_shortlist_when_it_is_not_current(engine: AnswerEngine):
    kb = engine.kb
    retired = next(m.id for m in kb.meshes.values() if not m.is_current)
    assert choosing.shortlist(kb, [retired], {}) == []
    assert [m.id for m in choosing.shortlist(kb, ["kuma"], {})][:1] == ["kuma"]


@pytest.mark.parametrize(
    "text",
    [
        "sidecars and Envoy are both off the table. 80 services on EKS, which mesh?",
        "envoy and sidecars are banned here. 80 services on EKS, which mesh?",
        "sidecars or envoy are all a no go for us; 80 services on EKS, which mesh?",
        "80 services on EKS. Sidecars and Envoy are both out of the question. which mesh?",
        "eks, 80 services: envoy and sidecars are both non starters. what should we run?",
    ],
)
def test_a_cue_after_a_list_refuses_all_of_it(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("no_sidecars") is True
    assert facts.get("no_envoy") is True


@pytest.mark.parametrize(
    "text",
    [
        "sidecars and envoy are fine. 80 services on EKS, which mesh?",
        "sidecars and Envoy are both acceptable. 80 services on EKS, which mesh?",
        "envoy and sidecars are both ok with us. 80 services on EKS, which mesh?",
    ],
)
def test_a_list_accepted_refuses_nothing(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("no_sidecars") is not True
    assert "no_envoy" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "we run 300 EC2 instances and 40 services, which mesh?",
        "300 ec2 instances, 40 services. what mesh?",
        "40 services spread over 300 EC2 instances, recommend a mesh",
        "about 300 GCE instances and 40 services, which mesh?",
        "300 azure vms, 40 services, which mesh should we pick?",
    ],
)
def test_a_clouds_word_for_vms_counts_vms(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("vms") == 300
    assert "pods" not in facts


@pytest.mark.parametrize(
    ("text", "pods"),
    [("300 instances, 40 services, which mesh?", 300), ("eks, 900 pods, which mesh?", 900)],
)
def test_instances_alone_and_pods_are_still_pods(engine: AnswerEngine, text: str, pods: int):
    assert engine.parser.parse(text).facts.get("pods") == pods


@pytest.mark.parametrize(
    "text",
    [
        "3,000 pods, 20 GB budget for the mesh, which one?",
        "3000 pods and a 20GB budget for mesh overhead, which mesh?",
        "3,000 pods, 20 GB budget. which mesh?",
        "we have 3,000 pods and a 20 GB memory budget; what would sidecars cost us?",
        "3000 pods. 20GB budget overall. which mesh fits?",
    ],
)
def test_a_budget_beside_a_pod_count_is_the_whole_estates(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("mesh_memory") == 20 * 1024
    assert "pod_memory" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "3,000 pods, 50Mi budget per pod. which mesh?",
        "sidecars get a 50Mi budget, 3000 pods. which mesh?",
        "3000 pods, 50Mi budget each, which mesh?",
        "1000 pods, sidecar budget: 50Mi, which mesh",
    ],
)
def test_a_budget_apiece_stays_a_pods(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("pod_memory") == 50
    assert "mesh_memory" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "No BUSL licences. bare-metal kubernetes, 150 services, need mTLS, multi-cluster and VM "
        "workloads. which mesh?",
        "no busl. 150 services on bare metal k8s, mtls, multi cluster, vms too. what mesh?",
        "on-prem kubernetes, 150 svcs, must have mtls + multicluster + vm support, no BUSL. "
        "recommend a mesh",
        "150 services, bare metal kubernetes, need multi-cluster, mTLS and VMs in the mesh, "
        "nothing source-available. which one?",
        "we need mtls, multi-cluster and vm workloads for 150 services on bare metal; no busl "
        "licences please. which mesh?",
    ],
)
def test_the_next_question_is_never_one_whose_answer_leaves_nothing(
    engine: AnswerEngine, text: str
):
    kb = engine.kb
    intent = engine.parser.parse(text)
    among = choosing.candidates(kb, intent.options, intent.facts)
    outlook = scoring.outlook(kb, intent.facts, among)
    asked = outlook.most_telling_question()
    assert asked is not None
    for question, _, after in outlook.options:
        if question.id == asked.id:
            assert scoring._mesh_left(after) and not after.relaxed


def test_vm_onboarding_in_sidecar_mode_only_is_read_from_the_mode_without_sidecars(
    engine: AnswerEngine,
):
    text = "no sidecars. 150 services on bare metal kubernetes, need mTLS and VM workloads."
    verdict = scoring.evaluate(
        engine.kb, engine.parser.parse(text).facts, engine.kb.current_meshes()
    )
    gloo = verdict.of("gloo-mesh")
    assert gloo is None or gloo.out


@pytest.mark.parametrize(
    ("reply", "feature"),
    [
        ("only ones with JWT validation", "jwt_validation"),
        ("just the ones that do mTLS and retries", "retries"),
        ("only those with multi-cluster support", "multi_cluster"),
        ("which of those support JWT validation?", "jwt_validation"),
        ("only meshes with rate limiting", "rate_limiting"),
    ],
)
def test_a_reply_narrowing_a_ranking_keeps_the_question(
    engine: AnswerEngine, reply: str, feature: str
):
    first = engine.parser.parse("which mesh is lightest at 300 pods?")
    then = engine.parser.parse_follow_up(reply, first)
    assert then.kind.value == "lightest"
    assert feature in then.features
    assert then.facts.get("pods") == 300


def test_a_reply_narrowing_a_pick_screens_for_it(engine: AnswerEngine):
    first = engine.parser.parse("we run 200 services on EKS, which mesh?")
    then = engine.parser.parse_follow_up("only ones with JWT validation", first)
    assert then.kind.value == "recommend"
    assert "jwt_validation" in then.facts.get("needs", [])


@pytest.mark.parametrize(
    "reply",
    ["which meshes support JWT validation?", "does linkerd support JWT validation?"],
)
def test_a_new_question_after_a_ranking_is_its_own(engine: AnswerEngine, reply: str):
    first = engine.parser.parse("which mesh is lightest at 300 pods?")
    assert engine.parser.parse_follow_up(reply, first).kind.value != "lightest"
