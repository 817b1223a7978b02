"""Facts a blind expert flagged as stale or wrong, re-checked against primary sources.

Each is asked in several wordings through the parser and the answer engine, and the
rendered answer must carry the corrected fact (not the old one).
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.models import Level
from bot.render.plain import render_terminal


def _text(engine: AnswerEngine, question: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(question)))


@pytest.mark.parametrize(
    "question",
    [
        "is there a UI for gloo mesh?",
        "gloo mesh dashboard?",
        "does solo's gloo mesh come with a web ui",
        "can I see a service graph in gloo mesh",
        "does solo enterprise for istio have a gui",
    ],
)
def test_gloo_mesh_ships_its_own_ui(engine: AnswerEngine, kb, question: str):
    row = kb.meshes["gloo-mesh"].features["dashboard"]
    assert row.level == Level.yes and "solo-architecture" in row.sources
    text = _text(engine, question)
    assert "Dashboard / UI: yes" in text and "gloo-mesh-ui" in text


@pytest.mark.parametrize(
    "question",
    [
        "istio native sidecars on kubernetes 1.30?",
        "does istio use native sidecar containers by default",
        "can istio inject the proxy as a k8s native sidecar",
        "istio sidecar as init container with restartPolicy Always?",
        "is ENABLE_NATIVE_SIDECARS on by default in istio",
    ],
)
def test_istio_native_sidecar_default_names_its_condition(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "1.33 or later" in text
    assert "sidecar.istio.io/nativeSidecar" in text
    assert "the default for eligible pods since 1.27" not in text


@pytest.mark.parametrize(
    "question",
    [
        "can cilium mirror traffic",
        "cilium request shadowing?",
        "does cilium support shadow traffic to a new version",
        "traffic mirroring with cilium gateway api",
        "cilium service mesh dark launch / mirror requests",
    ],
)
def test_cilium_mirrors_at_the_gateway_only(engine: AnswerEngine, kb, question: str):
    row = kb.meshes["cilium"].features["traffic_mirroring"]
    assert row.level == Level.partial
    text = _text(engine, question)
    assert "Traffic mirroring: partial" in text
    assert "At the gateway only" in text and "unknown" not in text.split("SOURCES")[0].lower()


@pytest.mark.parametrize(
    "question",
    [
        "cilium or istio ambient: both sidecarless, which is more mature",
        "compare the sidecarless data plane of cilium and istio ambient",
        "cilium vs ambient sidecarless maturity",
        "cilium service mesh vs istio ambient: sidecar-free since when?",
        "sidecarless cilium vs sidecarless istio ambient",
    ],
)
def test_both_sidecarless_meshes_say_when_they_shipped(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "Cilium 1.12 (July 2022)" in text
    assert "GA in 1.24" in text


@pytest.mark.parametrize(
    "question",
    [
        "does google cloud service mesh do ambient?",
        "gcsm sidecarless?",
        "can managed cloud service mesh run without sidecars",
        "can google cloud service mesh go sidecarless",
        "does gcsm support ambient mode",
    ],
)
def test_managed_csm_is_sidecar_based(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "sidecar-based" in text
    assert "Layer 4 capabilities only" in text


@pytest.mark.parametrize(
    "question",
    [
        "did traefik mesh ever have mtls",
        "does maesh encrypt traffic between services",
        "traefik mesh mutual tls?",
        "is mesh traffic encrypted with traefik mesh",
        "can traefik mesh do mtls between pods",
    ],
)
def test_traefik_mesh_never_had_mtls(engine: AnswerEngine, kb, question: str):
    row = kb.meshes["traefik-mesh"].features["mtls"]
    assert row.level == Level.no and "traefik-mesh-config-1-1" in row.sources
    assert "Never had mTLS" in _text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "aks managed istio ext_authz?",
        "can we plug OPA into the azure istio addon",
        "is custom authorization (CUSTOM action) supported on the AKS mesh add-on",
        "microsoft istio add-on: external authz supported?",
        "does the istio addon on azure let me delegate authorization decisions to an outside "
        "service",
    ],
)
def test_aks_add_on_external_authz_is_outside_azure_support(
    engine: AnswerEngine, kb, question: str
):
    row = kb.meshes["aks-istio-addon"].features["external_authz"]
    assert row.level == Level.partial and "aks-istio-meshconfig" in row.sources
    text = _text(engine, question)
    assert "External authorization: partial" in text and "extensionProviders" in text
    assert "External authorization: yes" not in text


@pytest.mark.parametrize("question", ["does istio support ext authz?", "can istio call out to opa"])
def test_upstream_istio_external_authz_stays_yes(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "External authorization: yes" in text and "extensionProviders" not in text


@pytest.mark.parametrize(
    "question", ["does istio support rate limiting?", "can istio mesh vms", "istio rate limits?"]
)
def test_upstream_istio_rows_carry_no_red_hat_stage(engine: AnswerEngine, question: str):
    assert "Developer Preview" not in _text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "openshift service mesh rate limits supported?",
        "does red hat's istio support throttling requests per client",
        "is request rate limiting supported by Red Hat OpenShift Service Mesh 3",
        "can I cap requests per second with ossm 3",
        "can ossm do rate limiting?",
        "does ossm support virtual machine workloads",
        "can red hat service mesh bring bare-metal VMs into the mesh",
        "openshift service mesh workloadentry for vms supported?",
        "ossm 3 with non-kubernetes workloads?",
        "can I mesh VMs with openshift service mesh?",
    ],
)
def test_ossm_developer_preview_rows_say_so(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert ": partial" in text and "Developer Preview" in text


@pytest.mark.parametrize(
    "question",
    [
        "does openshift service mesh run on ARO?",
        "can I run ossm on rosa",
        "does red hat openshift service mesh run on okd?",
        "is openshift service mesh supported on openshift dedicated",
        "ossm on openshift container platform, which versions?",
    ],
)
def test_ossm_platform_floor_is_the_3_3_one(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "4.18+" in text and "4.16+" not in text


@pytest.mark.parametrize(
    "question",
    [
        "does ecs service connect work on ECS managed instances?",
        "can I use service connect with ecs managed instances capacity",
        "service connect on ecs anywhere?",
        "does amazon ecs service connect run on fargate",
        "can ecs service connect mesh VMs?",
    ],
)
def test_ecs_service_connect_names_managed_instances(engine: AnswerEngine, kb, question: str):
    assert "Managed Instances" in kb.meshes["amazon-ecs-service-connect"].fit.note
    text = _text(engine, question)
    assert "ECS Managed Instances" in text
    assert "were not supported" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Is ambient mode GA in OpenShift Service Mesh 3.3?",
        "is ambient tech preview on OSSM?",
        "does red hat support sidecarless mode in ossm 3",
        "does openshift service mesh support ambient mode",
        "can OSSM run without sidecars",
    ],
)
def test_ossm_ambient_is_ga_and_only_its_multi_cluster_form_is_preview(
    engine: AnswerEngine, question: str
):
    text = _text(engine, question)
    assert "generally available since 3.2" in text
    assert "ambient mode across clusters" in text and "not single-cluster ambient" in text


@pytest.mark.parametrize(
    "question",
    [
        "when does OSSM 2.6 reach end of life?",
        "is openshift service mesh 2.6 still supported",
        "ossm 2 end of life date",
    ],
)
def test_ossm_2_6_end_of_life_is_stated(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "June 30, 2026" in text and "I hold no end-of-life date for 2.6" not in text
