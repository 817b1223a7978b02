"""A recommendation honours what the user says of a mesh they don't run: one they refuse is
out with every build of its project, one they want (or a build offering it in full) is what
is picked, one they like weighs for it, and a managed offering they turn down is out. Every
case goes through the public path (parse, then the verdict or the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# Istio's builds, read from the knowledge base (each entry's `based_on`), not listed here.
ISTIO_FAMILY = ("istio", "istio-ambient", "gloo-mesh", "google-cloud-service-mesh")

REFUSED = [
    (
        "must have 24/7 vendor support with an SLA, EKS, and the team refuses Istio after a "
        "bad experience. what mesh?",
        "istio",
    ),
    ("AKS, 50 services, istio is off the table for us. which mesh?", "istio"),
    ("we're on openshift, 120 services, no istio please. what should we run?", "istio"),
    ("GKE shop, 80 services, we want nothing built on istio. recommend a mesh", "istio"),
    ("team hates linkerd. eks, 100 services, need mTLS. which mesh?", "linkerd"),
    ("kuma is a no-go for us. k8s plus 40 VMs, which mesh should we use?", "kuma"),
]


@pytest.mark.parametrize(("text", "refused"), REFUSED)
def test_a_refused_project_and_its_builds_are_out(engine: AnswerEngine, text: str, refused: str):
    found = verdict(engine, text)
    family = [m for m in engine.kb.meshes.values() if m.api_family == refused]
    assert len(family) > 1 or refused == "linkerd"  # a project heads its builds
    for mesh in family:
        assert found.of(mesh.id).out, mesh.id
    assert found.pick is not None and found.pick not in {m.id for m in family}


def test_the_refused_builds_come_from_the_knowledge_base(engine: AnswerEngine):
    found = verdict(engine, REFUSED[3][0])
    for mesh_id in ISTIO_FAMILY:
        assert found.of(mesh_id).out
    reason = found.of("google-cloud-service-mesh").reasons[0].text
    assert reason == "built on Istio, which you refuse"


@pytest.mark.parametrize(
    "text",
    [
        "we have no istio experience, 40 services on eks. which mesh?",
        "GKE Autopilot. We don't want to run istiod ourselves: a managed control plane, mTLS "
        "and retries.",
        "we don't run istio today; eks, 60 services, which mesh?",
    ],
)
def test_a_mesh_named_otherwise_is_not_refused(engine: AnswerEngine, text: str):
    assert "refused_mesh" not in engine.parser.parse(text).facts


WANTED_AMBIENT = [
    "we're on GKE and want ambient mode specifically. what should we run?",
    "we're on GKE and want upstream Istio ambient mode, not the managed one. any issues?",
    "GKE, 60 services, our architects want istio ambient. what should we deploy?",
    "on AKS and we want ambient mode, what do you recommend?",
    "EKS, 200 services, ambient mode is a must. which mesh?",
]


@pytest.mark.parametrize("text", WANTED_AMBIENT)
def test_a_wanted_mode_is_picked_and_builds_without_it_are_out(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.pick == "istio-ambient"
    for mesh_id in ("linkerd", "cilium", "istio", "aks-istio-addon", "google-cloud-service-mesh"):
        assert found.of(mesh_id).out, mesh_id
    assert not found.of("gloo-mesh").out  # Solo's Istio runs ambient in full


def test_the_provider_build_lacking_the_mode_says_so(engine: AnswerEngine):
    found = verdict(engine, WANTED_AMBIENT[0])
    assert found.of("google-cloud-service-mesh").reasons[0].text == (
        "Istio ambient mode, which you want, only in part"
    )


def test_the_platforms_own_settings_are_said_on_gke_after_what_it_is(engine: AnswerEngine):
    """The headline says what the offering is; GKE's settings (a ResourceQuota, the chart
    profile) are said under "On GKE", not as the pick's first sentence."""
    text = render_terminal(engine.ask(WANTED_AMBIENT[1]))
    lead, _, rest = text.partition("NEXT QUESTION")
    assert "ResourceQuota" not in lead and "ztunnel" in lead
    on_gke = rest.split("ON GKE\n", 1)[1].split("\n\n", 1)[0]
    assert "ResourceQuota" in on_gke and "global.platform=gke" in on_gke


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("we're on GKE and really want Linkerd, what should we run?", "linkerd"),
        ("eks, 90 services, we have to use kuma. which setup do you recommend?", "kuma"),
    ],
)
def test_a_wanted_mesh_is_the_pick(engine: AnswerEngine, text: str, wanted: str):
    assert verdict(engine, text).pick == wanted


@pytest.mark.parametrize(
    "text",
    [
        "we want istio or linkerd on eks, 100 services, which one?",
        "ecs fargate. compliance now wants TLS between services. we do NOT want to run consul "
        "servers or any control plane, managed please",
        "we want something lighter than istio, eks, 80 services. which mesh?",
    ],
)
def test_no_single_mesh_wanted(engine: AnswerEngine, text: str):
    assert "wanted_mesh" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "we're on GKE and want upstream Istio, not the managed one. 80 services, which mesh?",
        "GKE, 120 services, we want vanilla istio, not the managed version. what do we deploy?",
        "AKS, 70 services. we want istio but not the managed add-on... which mesh?",
    ],
)
def test_a_managed_offering_turned_down_is_out(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    for mesh_id in ("google-cloud-service-mesh", "aks-istio-addon"):
        assert found.of(mesh_id).out, mesh_id
    assert found.pick in ("istio", "istio-ambient")


LIKED = [
    (
        "OpenShift 4.15, we don't need Red Hat support for the mesh, team likes Linkerd. is "
        "Linkerd ok or should we use OSSM?",
        "linkerd",
    ),
    ("AKS, 40 services, the team really likes Kuma. which mesh?", "kuma"),
    ("we prefer linkerd. eks, 60 services, mTLS and retries. what do you recommend?", "linkerd"),
    ("GKE, 100 services, we're big fans of istio, which mesh should we use?", "istio"),
    ("self-managed k8s, 30 services, everyone likes cilium. recommend a mesh", "cilium"),
]


@pytest.mark.parametrize(("text", "liked"), LIKED)
def test_a_liked_mesh_weighs_for_it(engine: AnswerEngine, text: str, liked: str):
    found = verdict(engine, text)
    family = {m.id for m in engine.kb.meshes.values() if m.api_family == liked} | {liked}
    assert set(found.survivors[:2]) & family, found.survivors


def test_a_liked_mesh_that_fits_is_said_to_fit(engine: AnswerEngine):
    text = render_terminal(engine.ask(LIKED[0][0]))
    assert "Linkerd fits every requirement you stated" in text or (
        "Recommendation: Linkerd" in text
    )


@pytest.mark.parametrize(
    "text",
    [
        LIKED[0][0],
        "AKS, 60 services, no microsoft support needed. which mesh?",
        "EKS, 50 services, we don't need any vendor support. which mesh?",
        "GKE, 45 services, don't need google support for it. what should we run?",
        "openshift 4.16, 90 services, red hat support not required for the mesh. which one?",
    ],
)
def test_support_declined_is_no_argument_for_the_providers_offering(
    engine: AnswerEngine, text: str
):
    assert "support you may already buy" not in render_terminal(engine.ask(text))
