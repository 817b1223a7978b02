"""The question asked is the one answered (round 2 user test): a provider's Istio named by
provider, "besides X" lists, money asked, sources asked in chat spelling, a lightest ranking
that says each offering once, one verdict a line, a former name announced, a current mesh's
version without the retired list, a licence asked beside a comparison or of a company's size,
and a retired mesh named in a pick."""

from __future__ import annotations

import re

import pytest

from bot.intents.models import Aspect, IntentKind
from bot.render.plain import render_terminal

GCSM, AKS, OSSM = "google-cloud-service-mesh", "aks-istio-addon", "openshift-service-mesh"


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("google's istio vs azure's managed istio", {GCSM, AKS}),
        ("compare gke managed istio with the aks addon", {GCSM, AKS}),
        ("gcp managed istio or azure managed istio?", {GCSM, AKS}),
        ("red hat's istio vs google's istio", {OSSM, GCSM}),
        ("GCSM vs the AKS addon, trying to see how the two managed istios differ", {GCSM, AKS}),
    ],
)
def test_a_providers_istio_named_by_provider_is_its_distribution(engine, text, meshes):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare
    assert set(intent.meshes) == meshes
    shown = render_terminal(engine.answer(intent))
    assert " is out: " not in shown  # side by side: nothing ruled out by a guessed platform


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("is google's managed istio multi-cluster", GCSM),
        ("does azure hosted istio support ambient", AKS),
    ],
)
def test_a_providers_istio_asked_about_is_checked(engine, text, mesh):
    assert engine.parser.parse(text).meshes == [mesh]


def test_self_run_istio_on_the_providers_platform_stays_upstream(engine):
    intent = engine.parser.parse("self-managed istio on gke vs gke managed istio")
    assert set(intent.meshes) == {"istio", GCSM}


@pytest.mark.parametrize(
    ("text", "left_out", "feature"),
    [
        ("who else does sidecarless apart from istio ambient", "istio-ambient", "sidecarless"),
        ("sidecarless options other than istio ambient?", "istio-ambient", "sidecarless"),
        ("who does mtls besides linkerd", "linkerd", "mtls"),
        ("any mesh other than consul with fips", "consul", "fips_tls"),
        ("anything besides istio do wasm", "istio", "wasm_extensions"),
    ],
)
def test_a_list_asked_besides_a_mesh_leaves_it_out(engine, kb, text, left_out, feature):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes
    assert intent.features[:1] == [feature]
    assert intent.excepted == [left_out]
    answer = engine.answer(intent)
    name = kb.meshes[left_out].name
    assert f"other than {name}" in answer.title
    shown = render_terminal(answer)
    assert f"- {name}:" not in shown  # no row of its own


def test_besides_before_the_mesh_asked_about_keeps_the_check(engine):
    intent = engine.parser.parse("besides istio, does linkerd do retries")
    assert intent.kind == IntentKind.feature_check
    assert "linkerd" in intent.meshes and not intent.excepted


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("what's kong mesh gonna cost us in $ per cluster", "kong-mesh"),
        ("gloo mesh price per cluster?", "gloo-mesh"),
        ("how many dollars is gloo mesh a year", "gloo-mesh"),
        ("kong mesh licensing cost per cluster", "kong-mesh"),
        ("how much does gcsm cost in usd", GCSM),
        ("gloo mesh, what's it run per cluster in €?", "gloo-mesh"),
    ],
)
def test_money_asked_gets_the_pricing_held_never_overhead(engine, text, mesh):
    intent = engine.parser.parse(text)
    assert (intent.meshes, intent.aspect) == ([mesh], Aspect.price)
    lead = engine.answer(intent).lead
    assert "I hold no price list" in lead or "no licence fee" in lead, lead
    assert not re.search(r"\d MB", lead), lead


def test_a_shell_variable_is_no_money(engine):
    intent = engine.parser.parse("echo $HOME — how much memory does istio use at 500 pods")
    assert intent.kind == IntentKind.cost and intent.aspect is None


@pytest.mark.parametrize(
    "text",
    [
        "where do u get ur sidecar memory numbers",
        "where did u get that istio latency figure",
        "ur memory figures, where from?",
        "where do u get the proxy memory figures",
        "where r ur overhead numbers from",
    ],
)
def test_sources_asked_in_chat_spelling_are_a_sources_question(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.sources


@pytest.mark.parametrize(
    "text",
    [
        "which mesh uses the least memory",
        "smallest footprint mesh at 2000 pods",
        "what's the most lightweight mesh by ram",
        "lightest service mesh for 500 pods",
        "which mesh has the lowest memory overhead per pod",
    ],
)
def test_the_lightest_ranking_says_each_offering_once(engine, text):
    answer = engine.ask(text)
    shown = render_terminal(answer)
    unpublished = re.search(r"No published figures for ([^.]*)\.", shown)
    listed = unpublished.group(1) if unpublished else ""
    assert "No mesh" not in listed  # "running no mesh costs nothing" says it
    assert "Amazon VPC Lattice" not in listed  # billed by use, said apart
    reused = re.search(r"Not ranked on their own: ([^.]*) reuse", shown)
    assert reused, shown
    for name in ("Consul", "Kuma", "Gloo Mesh"):
        assert name in reused.group(1)
        assert name not in listed


@pytest.mark.parametrize(
    "text",
    [
        "is ecs service connect traffic mtls",
        "does service connect give us mutual tls",
        "can ecs service connect do mtls",
        "mtls with ecs service connect?",
        "ecs service connect mutual tls support",
    ],
)
def test_a_row_short_of_its_name_gives_one_verdict(engine, text):
    lead = engine.ask(text).lead
    assert "no, not as its name promises: TLS with no client certificates (" in lead, lead
    assert "held as" not in lead and "partial" not in lead.split(". ")[0], lead


@pytest.mark.parametrize(
    "text",
    [
        "what about maesh",
        "maesh vs istio",
        "is maesh still maintained",
        "does maesh do mtls",
        "explain maesh",
    ],
)
def test_a_former_name_is_announced(engine, text):
    shown = render_terminal(engine.ask(text))
    assert "I read “maesh” as Traefik Mesh (its former name: renamed at v1.4" in shown, shown


@pytest.mark.parametrize(
    "text",
    [
        "latest linkerd version?",
        "what version is kuma on",
        "current istio release",
        "newest cilium version",
        "what's the latest consul version",
    ],
)
def test_a_current_meshs_version_has_no_retired_list(engine, text):
    answer = engine.ask(text)
    assert answer.title.endswith(": latest version and support"), answer.title
    assert not any(d.key == "retired" for d in answer.details)
    assert "retired meshes" not in render_terminal(answer).lower()


@pytest.mark.parametrize(
    "text",
    [
        "is consul still open source? we're picking between consul and istio for k8s plus vms",
        "consul vs istio for kubernetes and vms — is consul even open source anymore?",
        "is consul open source still? deciding between consul and istio",
        "istio or consul for k8s + vm fleet? is consul still oss?",
        "comparing consul and istio for our vms. is consul still open source?",
    ],
)
def test_a_licence_asked_beside_a_comparison_leads_it(engine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare and intent.aspect == Aspect.licence
    assert set(intent.meshes) == {"consul", "istio"}
    assert "licence" not in intent.facts  # a question, no licence policy
    answer = engine.answer(intent)
    assert answer.lead.startswith("Not open source: Consul is licensed BUSL-1.1"), answer.lead
    assert "Istio (sidecar mode)'s code is open source (Apache-2.0)" in answer.lead
    assert "Consul is out" not in render_terminal(answer)


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("we're 300 people, do we have to pay for linkerd", True),
        ("is linkerd free for a 300 person company?", True),
        ("is linkerd free for our 1200 employee company?", True),
        ("we have 40 staff, is linkerd free in production?", False),
        ("our company has 45 employees. is linkerd free for us?", False),
    ],
)
def test_whether_linkerd_is_free_turns_on_the_companys_size(engine, text, over):
    intent = engine.parser.parse(text)
    assert (intent.meshes, intent.aspect) == (["linkerd"], Aspect.licence)
    lead = engine.answer(intent).lead
    assert "free in production only for companies under 50 employees" in lead
    if over:
        assert "you are over the free tier" in lead and "edge releases" in lead
    else:
        assert "you are inside the free tier" in lead


@pytest.mark.parametrize(
    "text",
    [
        "we run traefik ingress on k3s — should we add traefik mesh for mtls?",
        "should we use traefik mesh for mtls",
        "thinking about traefik mesh for mtls on our k3s cluster",
        "would traefik mesh for mtls be ok on k3s",
        "k3s with traefik as the ingress. should we just add traefik mesh for mtls?",
    ],
)
def test_a_retired_mesh_named_in_a_pick_gets_its_status_and_a_current_pick(engine, kb, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend and "traefik-mesh" in intent.meshes
    answer = engine.answer(intent)
    assert answer.lead.startswith("Traefik Mesh is inactive"), answer.lead
    picked = answer.title.removeprefix("Recommendation: ")
    assert picked in {m.name for m in kb.current_meshes()}, answer.title
    assert "The mesh you run" not in render_terminal(answer)
