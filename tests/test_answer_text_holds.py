"""Each sentence of an answer is true by construction: a given-up need is said of the
offering ("No mesh. Caveats: not the managed mesh you ask for"), never as a wish the
runner-up seems to meet; "meets what X does not in full" never lists a need the pick falls
short on too; the pick before is "level" where only the open questions set the two apart, not
"falls behind"; the headline says what the offering is, with its platform's install notes
after; a question about EKS Fargate is headed EKS Fargate; nothing is printed twice."""

from __future__ import annotations

import re

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.conversation import talk
from tests.support.verdicts import verdict

# A managed control plane (or a vendor's support) given up: no mesh is kept, with a caveat.
GIVEN_UP = [
    "AKS, 30 services, we want a Microsoft-managed mesh with mTLS, and we have a Windows node "
    "pool too.",
    "AKS with Windows node pools, a managed control plane please, 20 services, mTLS",
    "GKE Standard, 50 services, managed control plane, must not use Envoy",
    "AKS, Windows Server node pools, managed mesh wanted, mutual TLS for 25 services",
    "We want someone else to run the control plane. AKS with Windows nodes, 40 services, mTLS.",
]


@pytest.mark.parametrize("text", GIVEN_UP)
def test_a_given_up_need_is_said_of_no_mesh_not_as_a_wish(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.relaxed
    none = found.of("no-mesh")
    assert not none.out
    said = [f.text for f in none.caveats]
    assert "not the managed mesh you ask for" in said
    assert not any(t.startswith("you ") for t in said)


# Must not change: where nothing is given up, no mesh is still ruled out on that need.
def test_no_mesh_is_still_ruled_out_as_not_the_managed_mesh(engine: AnswerEngine):
    found = verdict(engine, "GKE, 80 services, someone else must run the mesh control plane")
    assert found.of("no-mesh").reasons[0].text == "not the managed mesh you ask for"


NO_SIDECARS_LATER = [
    (
        "We run 500 services on RKE2 with 4 teams. Need mTLS, JWT validation and multi-cluster "
        "failover. Which mesh?",
        "No sidecars please.",
    ),
    (
        "RKE2, 500 services, 4 teams: mTLS, JWT validation, multi-cluster failover. Which mesh?",
        "We can't have sidecars.",
    ),
    (
        "500 services on rke2, mtls + jwt + multi-cluster failover, which mesh?",
        "actually no sidecars",
    ),
    (
        "On-prem RKE2, 400 services, need mTLS, JWT checks and failover across clusters.",
        "Sidecars are a no-go for us.",
    ),
    (
        "RKE2 with 500 services and four teams; we need mutual TLS, JWT validation and "
        "multi-cluster failover.",
        "without sidecars",
    ),
]


@pytest.mark.parametrize("turns", NO_SIDECARS_LATER)
def test_meets_what_the_rival_does_not_names_only_needs_the_pick_meets(
    engine: AnswerEngine, turns: tuple[str, str]
):
    answer = talk(engine.kb, *turns).answer
    text = render_terminal(answer)
    found = verdict(engine, " ".join(turns))
    for pick, rival, listed in re.findall(
        r"- For (.+?): It meets what (.+?) does not in full: (.+?)\. \[", text
    ):
        by_name = {s.mesh.name: s for s in found.screened}
        if pick not in by_name:
            continue
        short = {f.feature or f.constraint for f in by_name[pick].caveats if not f.met_anyway}
        theirs = {f.text: f.feature or f.constraint for f in by_name[rival].caveats}
        for item in listed.split("; "):
            assert theirs.get(item) not in short, (pick, rival, item)


GROWING = [
    (
        "EKS, 60 services, team of 3, need mTLS and canary releases. Which mesh?",
        "1",
        "We're growing to 400 services.",
    ),
    (
        "EKS, 60 services, team of 3, need mTLS and canary releases. Which mesh?",
        "1",
        "We'll be at 400 services next year.",
    ),
    (
        "EKS, 60 services, team of 3, need mTLS and canary releases. Which mesh?",
        "1",
        "what if we grow to 400 services?",
    ),
    (
        "EKS, 60 services, team of 3, need mTLS and canary releases. Which mesh?",
        "1",
        "Make that 400 services.",
    ),
    (
        "EKS, 60 services, team of 3, need mTLS and canary releases. Which mesh?",
        "1",
        "and at 450 services?",
    ),
]


@pytest.mark.parametrize("turns", GROWING)
def test_the_pick_before_never_falls_behind_and_stays_level(
    engine: AnswerEngine, turns: tuple[str, ...]
):
    text = render_terminal(talk(engine.kb, *turns).answer)
    lead = text.split("\n\n")[0]
    assert not ("falls behind" in lead and "nothing you've said separates them" in lead), lead


AMBIENT_ON_A_PLATFORM = [
    "GKE Standard, 200 services, no sidecars please, need mTLS",
    "EKS, 400 services, team of 3, mTLS and canary releases, sidecars are too costly",
    "gke standard cluster, ~300 svcs, we want sidecarless mTLS",
    "We run 250 services on EKS and can't afford a sidecar per pod; need mutual TLS.",
    "GKE, 200 services, no sidecar proxies, mtls only",
]


@pytest.mark.parametrize("text", AMBIENT_ON_A_PLATFORM)
def test_the_headline_says_what_the_pick_is_not_install_notes(engine: AnswerEngine, text: str):
    said = render_terminal(engine.ask(text))
    lead = said.split("\n\n")[0]
    for note in ("ResourceQuota", "POD_SECURITY_GROUP", "branch ENI", "global.platform"):
        assert note not in lead, lead


FARGATE_CHECKS = [
    "Does Linkerd run on EKS Fargate?",
    "Can Linkerd run on EKS Fargate pods?",
    "Will Linkerd run on EKS Fargate?",
    "Does Istio work on EKS Fargate?",
    "is istio ambient supported on eks fargate?",
]


@pytest.mark.parametrize("text", FARGATE_CHECKS)
def test_a_fargate_question_is_headed_fargate(engine: AnswerEngine, text: str):
    title = render_terminal(engine.ask(text)).splitlines()[0]
    assert "EKS Fargate" in title, title


# Must not change: a plain EKS question stays about EKS, and the answer is yes.
def test_a_plain_eks_question_stays_about_eks(engine: AnswerEngine):
    lines = render_terminal(engine.ask("Does Linkerd run on EKS?")).splitlines()
    assert lines[0] == "Does Linkerd run on EKS?"
    assert lines[2].startswith("Yes")


SAID_ONCE = [
    "We run 40 services on GKE Autopilot and 20 Compute Engine VMs, need mTLS, want a "
    "Google-managed mesh.",
    "Istio vs Linkerd vs Cilium for 300 services on EKS, team of 6?",
    "Which meshes can mirror 10% of traffic to a new version?",
    "Which meshes support JWT validation?",
    "which meshes do rate limiting?",
]


@pytest.mark.parametrize("text", SAID_ONCE)
def test_no_reason_or_row_is_printed_twice(engine: AnswerEngine, text: str):
    lines = [
        line
        for line in render_terminal(engine.ask(text)).splitlines()
        if line.startswith("- ") and len(line) > 40
    ]
    assert len(lines) == len(set(lines)), [line for line in lines if lines.count(line) > 1]
