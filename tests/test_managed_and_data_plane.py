"""A managed control plane wanted only if possible, a small team beside managed offerings,
the pain of the data plane they run, and a release channel that is no network edge: read
through the public path (parse, answer, render)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _answer(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    return intent, engine.answer(intent)


# "want managed if possible": a preference weighed for the managed offering, not a screen
@pytest.mark.parametrize(
    "text",
    [
        "we're on gke with about 60 services and a 3 person platform team. managed would be "
        "preferred if possible. what mesh?",
        "gke, 40 microservices, small platform team, ideally something managed. recommend a mesh",
        "which service mesh for gke? ~80 services, 5 engineers, we'd prefer managed where possible",
        "gke cluster, 70 services, tiny team. if possible we want it managed by google. which "
        "mesh should we pick",
        "recommend a mesh for gke: 45 services, 3 engineers running the platform, managed "
        "preferably",
    ],
)
def test_managed_if_possible_is_weighed_not_screened(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert intent.facts.get("managed_preferred") is True
    assert "managed_control_plane" not in intent.facts
    assert answer.title == "Recommendation: Google Cloud Service Mesh (managed)"
    shown = render_terminal(answer)
    assert "control plane managed if possible" in shown
    assert "you would run its control plane yourself" not in shown  # nothing screened out


@pytest.mark.parametrize(
    "text",
    [
        "we need a managed mesh on gke, 50 services",
        "gke, 50 services. we want a managed mesh. ideally one with google support",
        "gke with 30 services; someone else must run the control plane",
    ],
)
def test_managed_said_plainly_stays_a_requirement(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert intent.facts.get("managed_control_plane") is True
    assert "managed_preferred" not in intent.facts


@pytest.mark.parametrize(
    "text",
    [
        "we want managed kubernetes and a mesh: gke, 50 services, which one",
        "we prefer managed k8s; 50 services on gke. which mesh",
    ],
)
def test_managed_kubernetes_is_no_managed_mesh(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert "managed_control_plane" not in intent.facts
    assert "managed_preferred" not in intent.facts


# A small team's few hands count against installing and upgrading a control plane, never
# against one the provider runs.
@pytest.mark.parametrize(
    ("text", "managed"),
    [
        ("aks, 60 services, 3 person platform team. which mesh?", "AKS Istio-based"),
        (
            "we're on gke with 90 services and a small platform team, what mesh do you recommend",
            "Google Cloud Service Mesh",
        ),
        ("small team on aks, around 120 services, need a mesh recommendation", "AKS Istio-based"),
        ("gke, 2 engineers on platform, 50 services, which mesh", "Google Cloud Service Mesh"),
        ("aks with 80 microservices, tiny ops team; what mesh should we run", "AKS Istio-based"),
    ],
)
def test_small_team_reason_spares_managed_offerings(engine: AnswerEngine, text: str, managed: str):
    _, answer = _answer(engine, text)
    lines = render_terminal(answer).splitlines()
    # the reason's lines ("- For Linkerd; against …: A small team has few hands …")
    few_hands = [
        line.split(":")[0] for line in lines if line.startswith("- For") and "few hands" in line
    ]
    assert few_hands
    assert not any(managed in weighed for weighed in few_hands)
    assert any(managed in line and "provider operates and upgrades" in line for line in lines)


# "we want istio ambient (hate sidecars) but managed by google if possible": nothing they run,
# the managed mesh's partial ambient said first among what is out, self-run ambient picked
@pytest.mark.parametrize(
    "text",
    [
        "gke: we want ambient mode specifically, no sidecars, ideally managed by google. does "
        "that exist?",
        "we want istio ambient, hate sidecars, and would prefer google to run the control plane "
        "if possible. we're on gke",
        "we want istio ambient specifically on gke - hate sidecars - preferably google managed. "
        "is it a thing?",
        "on gke we really want istio ambient (no sidecars please), google managed if we can. "
        "possible?",
        "we want ambient istio specifically (hate sidecars) on gke, managed by google where "
        "possible",
    ],
)
def test_wanted_ambient_with_managed_hope(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert "incumbent" not in intent.facts
    assert "hurts" not in intent.facts
    assert intent.facts.get("managed_preferred") is True
    assert answer.title == "Recommendation: Istio ambient mode"
    shown = render_terminal(answer)
    assert "You already run it" not in shown
    ruled = shown.split("RULED OUT", 1)[1].split("\n")[1]
    assert ruled.startswith("Google Cloud Service Mesh (managed): Istio ambient mode")


@pytest.mark.parametrize(
    "text",
    [
        "we want linkerd (hate envoy). gke, 40 services",
        "we want istio ambient because sidecars are painful. eks, 200 services",
    ],
)
def test_a_wanted_mesh_is_not_the_one_complained_of(engine: AnswerEngine, text: str):
    intent, _ = _answer(engine, text)
    assert "incumbent" not in intent.facts


# The pain is the incumbent's data plane: its other mode, moved to in place, leads.
@pytest.mark.parametrize(
    "text",
    [
        "we run istio sidecars on 1500 pods and the memory bill is brutal. ambient or linkerd?",
        "currently on istio with sidecars, 3000 pods, memory overhead is killing us. move to "
        "ambient or linkerd?",
        "istio sidecar mode, ~2500 pods, the ram bill is killing us. should we go ambient or "
        "switch to linkerd",
        "we're running istio (sidecars) across 1800 pods and the memory is killing us. linkerd "
        "or ambient?",
        "we use istio in sidecar mode, 1200 pods; our memory bill is through the roof. what next?",
    ],
)
def test_sidecar_memory_pain_leads_to_ambient_in_place(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert intent.facts.get("incumbent") == "istio"
    assert intent.facts.get("low_overhead") is True
    assert answer.title == "Recommendation: Istio ambient mode"
    assert "same mesh's other mode" in render_terminal(answer)


# "edge-only releases" is Linkerd's release channel, not the network's edge.
@pytest.mark.parametrize(
    "text",
    [
        "we run linkerd on bare metal and management got nervous about the edge-only releases "
        "thing. should we move?",
        "we've got linkerd in prod and the edge releases thing spooked our leadership. migrate "
        "to something else?",
        "already using linkerd on-prem; edge-only release model worries mgmt. what should we "
        "move to, if anything?",
        "we have got linkerd on our own clusters and the edge only releases spooked mgmt. "
        "what now?",
        "we run linkerd; worried about edge only releases. stay or migrate?",
    ],
)
def test_edge_releases_are_a_release_channel(engine: AnswerEngine, text: str):
    intent, answer = _answer(engine, text)
    assert "edge_only" not in intent.facts
    assert intent.facts.get("stable_releases") is True
    assert intent.facts.get("incumbent") == "linkerd"
    assert answer.title in {"Recommendation: Linkerd", "Recommendation: Istio ambient mode"}
    shown = render_terminal(answer)
    assert "Buoyant Enterprise for Linkerd" in shown


@pytest.mark.parametrize(
    "text",
    [
        "We have 20 services on AKS and need mTLS, we run the control plane ourselves. Which mesh?",
        "AKS 20 services, we'll run our own control plane, need mtls",
        "GKE, 60 services, we operate the control plane ourselves, which mesh",
        "EKS 300 pods, we will run the control plane ourselves, need mtls",
        "we host the control plane ourselves, AKS, 40 services, mTLS. recommend a mesh",
    ],
)
def test_running_the_control_plane_said_is_not_asked_again(engine, text):
    intent = engine.parser.parse(text)
    assert intent.facts.get("managed_control_plane") is False
    follow_up = engine.answer(intent).follow_up
    assert follow_up is None or "run the mesh's control plane" not in follow_up.question


@pytest.mark.parametrize(
    "text",
    [
        "we don't want to run the control plane ourselves, AKS 20 services mtls",
        "we really don't want to run our own control plane. AKS 20 svcs",
    ],
)
def test_not_running_it_ourselves_still_wants_it_managed(engine, text):
    assert engine.parser.parse(text).facts.get("managed_control_plane") is True
