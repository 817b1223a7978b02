"""What to do next about a going offering they run: a pick among what may replace it, with the
status said first (bot/intents/moving_on.py); a status alone asked stays the status."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


def _pick(engine, text):
    """The intent, the offerings the answer picks (several in a tie) and its lead."""
    intent = engine.parser.parse(text)
    answer = engine.answer(intent)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    verdict = scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes)).verdict
    return intent, verdict.tied, answer.lead


@pytest.mark.parametrize(
    ("text", "gone", "said"),
    [
        (
            "we still have the osm add-on on our aks clusters and just learned it's archived. "
            "where do we go from here?",
            "open-service-mesh",
            "Open Service Mesh is archived",
        ),
        (
            "running nginx service mesh across 3 clusters, heard it's dead. what should we "
            "replace it with?",
            "nginx-service-mesh",
            "NGINX Service Mesh is retired",
        ),
        (
            "we're on traefik mesh in k3s and it seems abandoned — options?",
            "traefik-mesh",
            "Traefik Mesh is inactive",
        ),
        (
            "currently running osm on aks and support is ending. which way would you go?",
            "open-service-mesh",
            "Open Service Mesh is archived",
        ),
        (
            "we run nginx service mesh on two clusters. still supported or should we bail?",
            "nginx-service-mesh",
            "NGINX Service Mesh is retired",
        ),
        (
            "still on traefik mesh for our 12 services, the repo looks dead. whats the "
            "migration path?",
            "traefik-mesh",
            "Traefik Mesh is inactive",
        ),
    ],
)
def test_a_going_mesh_they_run_and_what_next_asked_is_a_pick(engine, text, gone, said):
    """The status leads; what they run is never picked; one of what may replace it is."""
    intent, tied, lead = _pick(engine, text)
    assert intent.kind == IntentKind.recommend
    assert lead.startswith(said)
    assert tied and gone not in tied
    assert all(engine.kb.meshes[m].is_current for m in tied)


@pytest.mark.parametrize(
    "text",
    [
        "we're on OSSM 2.x and it's going end of life soon, what now?",
        "still running openshift service mesh 2.6 on OCP 4.16, it's EOL-ish. upgrade path?",
        "currently on ossm 2.x, red hat says it is being retired. what are our options?",
        "running ossm 2.6 on openshift, end of support is coming. where do we go from here?",
        "we're on OSSM 2.x — heard it's deprecated. what should we move to?",
    ],
)
def test_an_old_line_of_the_offering_they_run_picks_its_successor_line(engine, text):
    """OSSM 2 beside a status word: Red Hat OpenShift Service Mesh 3, the same product line,
    with what is held on the 2.x line said first."""
    intent, tied, lead = _pick(engine, text)
    assert intent.kind == IntentKind.recommend
    assert tied == ["openshift-service-mesh"]
    assert "OpenShift Service Mesh 2" in lead.split(". ")[0]
    assert "migration from the newest 2.6 patch" in lead


@pytest.mark.parametrize(
    "text",
    [
        "we run osm on aks. is it still maintained?",
        "nginx service mesh — still supported or should we bail",
        "is traefik mesh dead or should we move off it",
        "kuma: still maintained or should we look elsewhere",
        "is osm really archived? what replaces it on aks",
        "we're on linkerd stable-2.14.10, are we out of support? what's the upgrade path",
        "is OpenShift Service Mesh 2 still supported?",
    ],
)
def test_a_status_asked_with_no_mesh_of_theirs_going_and_no_next_step_stays_the_status(
    engine, text
):
    assert engine.parser.parse(text).kind == IntentKind.lifecycle


@pytest.mark.parametrize(
    "text",
    [
        "Envoy sidecars take about 20% of our cluster memory across 2500 pods. We run Istio and "
        "rely on AuthorizationPolicy everywhere. EKS.",
        "our sidecars are ~25% of requested memory over 3000 pods; we run upstream istio with "
        "lots of VirtualServices, rewriting them is dead on arrival. eks",
        "we run istio on eks, 1800 pods, and the proxies eat 15% of node memory. we live on "
        "istio's AuthorizationPolicy.",
        "finance says istio's sidecars are 30% of our memory bill across 5000 pods. we run "
        "istio today on EKS and won't rewrite policies",
        "We run Istio (sidecars) on EKS at 4000 pods; the proxies are 12% of requested memory.",
    ],
)
def test_the_share_of_memory_the_mesh_they_run_takes_weighs_its_other_mode(engine, text):
    """A tenth of the memory or more, taken by the mesh they run, hurts: its sidecar-free
    mode, the same APIs, is picked; "dead on arrival" says nothing of a status."""
    intent, tied, _ = _pick(engine, text)
    assert intent.kind == IntentKind.recommend
    assert tied[:1] == ["istio-ambient"]


@pytest.mark.parametrize(
    "text",
    [
        "a mesh that needs a CNI swap is dead on arrival for us. eks, 300 pods, recommend one",
        "anything without mtls is dead in the water. gke, 60 services, which mesh?",
        "dead simple is what we want: 10 services on eks, which mesh should we use?",
    ],
)
def test_an_idiom_holding_a_status_word_asks_no_status(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.recommend


@pytest.mark.parametrize("text", ["is kuma dead?", "is traefik mesh still maintained?"])
def test_a_status_word_alone_still_asks_the_status(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.lifecycle


@pytest.mark.parametrize(
    "text",
    [
        "on aks we'd like the istio add-on plus ambient mode with no sidecars. can we? if not "
        "which way would you go",
        "gke: managed istio and no sidecars both - possible? if not which way should we go",
        "eks, 80 services, want linkerd but also need the istio apis. doable? if not, which way "
        "would u go",
        "we want sidecarless on aks with the managed add-on, is that a thing? otherwise which "
        "way do we go",
        "openshift, want OSSM with ambient, works? if not which way would you lean",
    ],
)
def test_which_way_to_go_asks_a_pick(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.recommend


def test_the_add_on_without_ambient_is_said_out_in_the_lead(engine):
    text = (
        "on aks we'd like the istio add-on plus ambient mode with no sidecars. can we? if not "
        "which way would you go"
    )
    intent, tied, lead = _pick(engine, text)
    assert tied == ["istio-ambient"]
    assert "AKS Istio-based service mesh add-on is out: no sidecar-free mode" in lead
    assert "add-on" in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    "text",
    [
        "we run OSM, what do we lose moving to Linkerd?",
        "we're still on nginx service mesh. how does it compare to linkerd?",
    ],
)
def test_a_next_step_naming_another_mesh_is_no_open_ask(engine, text):
    """What moving to a named mesh costs sets the two side by side; no pick is asked."""
    assert engine.parser.parse(text).kind == IntentKind.compare
