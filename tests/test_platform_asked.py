"""A platform asked of a mesh is answered from its `fit` block, yes or no first; a comparison
on a platform says which of the compared meshes it rules out, and why."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        ("is kuma supported on openshift", "Yes: Kuma runs on OpenShift"),
        ("will cilium service mesh work on ECS?", "No. Cilium Service Mesh: doesn't run on ECS"),
        ("can I install istio ambient on GKE", "Yes: Istio ambient mode runs on GKE"),
        ("does linkerd work on nomad clusters?", "No. Linkerd: doesn't run on Nomad"),
        ("does consul work on ECS", "Yes: Consul runs on ECS"),
        ("can the aks istio add-on run on eks", "No. AKS Istio-based service mesh add-on"),
    ],
)
def test_a_platform_asked_of_a_mesh_is_answered_yes_or_no(
    engine: AnswerEngine, question: str, opens: str
):
    answer = engine.ask(question)
    assert answer.lead.startswith(opens)
    assert answer.lead_sources  # the fit block's sources


def test_the_fit_note_says_what_it_knows_of_the_platform(engine: AnswerEngine):
    lead = engine.ask("is kong mesh installable on an openshift cluster?").lead
    assert "OpenShift guide included" in lead
    assert "Universal mode" in lead  # the sentence naming it, whole
    assert "licence" not in lead  # not the rest of the note


def test_keeping_the_cni_is_said_met(engine: AnswerEngine):
    lead = engine.ask("will ambient istio work on eks if we keep the aws vpc cni").lead
    assert lead.startswith("Yes: Istio ambient mode runs on EKS")
    assert "keep the current CNI" in lead


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("linkerd or consul for our nomad cluster", "Linkerd is out: doesn't run on Nomad"),
        ("istio vs linkerd vs consul on nomad", "That leaves Consul."),
        ("compare kuma and linkerd on ECS", "None of those compared fits what you said."),
    ],
)
def test_a_comparison_on_a_platform_says_which_it_rules_out(
    engine: AnswerEngine, question: str, says: str
):
    text = render_terminal(engine.ask(question))
    setup = text.split("FOR YOUR SETUP", 1)[1].split("\n\n", 1)[0]
    assert says in setup


def test_a_pick_with_nothing_to_set_it_apart_says_so(engine: AnswerEngine):
    text = render_terminal(engine.ask("istio vs linkerd on eks"))
    setup = text.split("FOR YOUR SETUP", 1)[1].split("\n\n", 1)[0].strip()
    assert not setup.endswith("fits best.")


@pytest.mark.parametrize(
    ("question", "title", "says"),
    [
        ("whats an svid", "SPIFFE", "SPIFFE ID"),
        ("explain spiffe like im new to security", "SPIFFE", "Workload API"),
        ("what does the gamma initiative do?", "GAMMA", "parentRef is the Service"),
        ("what's SPIRE exactly", "SPIRE", "reference implementation"),
        ("explain what a trust anchor is", "Trust anchor", "root CA certificate"),
    ],
)
def test_a_concept_a_feature_row_is_about_is_defined_first(
    engine: AnswerEngine, question: str, title: str, says: str
):
    answer = engine.ask(question)
    assert answer.title == title
    assert says in answer.lead
    assert answer.lead_sources


@pytest.mark.parametrize(
    "question",
    [
        "what's a trust anchor and how would I rotate it on linkerd?",
        "explain the trust anchor in linkerd",
    ],
)
def test_a_concept_asked_with_a_mesh_gives_that_mesh_row_next(engine: AnswerEngine, question):
    text = render_terminal(engine.ask(question))
    assert text.startswith("Trust anchor")
    first = text.split("──", 1)[0]
    assert "LINKERD: TRUST ANCHOR AND CA ROTATION" in first


def test_the_no_mesh_baseline_is_not_counted_among_current_meshes(engine: AnswerEngine):
    text = render_terminal(engine.ask("what is spiffe"))
    standing = text.split("STANDS", 1)[1].split("\n\n", 1)[0]
    assert "No mesh" not in standing
    assert "of 13 current meshes" in standing or "of 1" in standing


def test_xds_is_not_said_of_linkerd(engine: AnswerEngine):
    answer = engine.ask("what is xds")
    assert "Linkerd's Rust proxy gets its configuration over" in answer.lead
    assert "Linkerd" not in render_terminal(answer).split("──", 1)[0].split(answer.lead, 1)[1]


@pytest.mark.parametrize(
    ("question", "feature"),
    [
        ("kuma vs consul mtls", "Mutual TLS (mTLS)"),
        ("how does linkerd's mtls compare to istio's", "Mutual TLS (mTLS)"),
        ("istio or linkerd for circuit breaking?", "Circuit breaking"),
    ],
)
def test_a_comparison_for_a_feature_leads_with_its_rows(engine: AnswerEngine, question, feature):
    answer = engine.ask(question)
    assert answer.lead.startswith(f"On {feature}: ")
    assert "FOR YOUR SETUP" not in render_terminal(answer)  # how a feature was said: no setup


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("kuma memory per pod in mebibytes", "In MiB: Kuma (sidecar): 60 MB per pod"),
        ("istio sidecar ram in MiB for 1000 pods", "≈ 57.2 MiB a pod, ≈ 55.9 GiB for 1,000 pods"),
        ("linkerd vs istio proxy memory at 500 pods, in GiB please", "In GiB: Linkerd"),
        ("istio sidecar cpu at 500 rps in millicores?", "about 100m a proxy at 500 rps"),
    ],
)
def test_a_cost_asked_in_a_unit_says_its_figures_in_it_first(engine: AnswerEngine, question, says):
    lead = engine.ask(question).lead
    assert lead.startswith("In ")
    assert says in lead


def test_a_unit_said_with_a_number_is_a_size_not_a_unit_asked(engine: AnswerEngine):
    assert (
        engine.parser.parse("our istio sidecars sit at ~150Mi each, 400 pods, normal?").unit is None
    )


def test_an_overhead_with_no_figure_says_what_is_held_instead(engine: AnswerEngine):
    answer = engine.ask("linkerd proxy cpu at 2k rps?")
    assert "No sourced CPU figure for Linkerd" in answer.lead
    assert "What I hold instead for Linkerd" in answer.lead
    held = next(p for p in answer.points if p.heading.startswith("No CPU figure"))
    assert held.items and all(i.sources for i in held.items)


def test_a_control_plane_figure_is_not_said_to_scale_to_the_size_asked(engine: AnswerEngine):
    lead = engine.ask("how much ram does linkerd's control plane need for 800 pods").lead
    assert "not scaled to your 800 pods" in lead
