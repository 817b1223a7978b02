"""Small hardware weighs a mesh's footprint: on Pi-class boards, edge boxes and k3s the
control plane runs on the same small nodes, so its size counts beside the proxies'. Each read
through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

SMALL_NODES = [
    "k3s on-prem, 3 small clusters at edge sites, raspberry-pi-class nodes, need mTLS only.",
    "three k3s clusters out at edge sites running on raspberry pis. we just want mtls between "
    "services. which mesh?",
    "edge deployment: k3s on arm64 boards, 20 services per site, need mtls and metrics. what "
    "mesh would you pick?",
    "we run k3s on small edge boxes in 5 factories, need encryption between pods with mTLS. "
    "recommend a mesh",
    "k3s cluster of pi-class hardware, ~30 services, need mTLS + retries. what should we use?",
    "our nodes are jetson nanos running k3s at 4 sites; mtls between services is required. "
    "which service mesh?",
]


@pytest.mark.parametrize("text", SMALL_NODES)
def test_small_nodes_weigh_the_control_plane(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["small_nodes"] is True and facts["memory_budget"] == "tight"
    assert verdict(engine, text).tied == ["linkerd"]


def test_the_reason_names_the_control_planes_weighed(engine: AnswerEngine):
    out = render_terminal(engine.answer(engine.parser.parse(SMALL_NODES[0])))
    assert "On small nodes the mesh's control plane runs on those same nodes" in out
    assert "Linkerd about 365 MB" in out


@pytest.mark.parametrize(
    "text",
    [
        "we run Traefik Mesh on k3s and want to move off it. which mesh?",
        "traefik mesh on k3s is dead, what should replace it? we use it for mtls",
        "k3s cluster, 40 services, migrating away from traefik mesh. recommendation?",
        "leaving traefik mesh; we're on k3s. what's the successor?",
        "our k3s clusters run traefik mesh, which is abandoned now. what should we move to?",
    ],
)
def test_k3s_alone_leans_to_a_light_control_plane(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["small_distro"] is True
    assert verdict(engine, text).tied in (["linkerd"], ["istio-ambient"])


def test_a_single_pi_whose_traffic_already_leaves_over_tls_needs_no_mesh(engine: AnswerEngine):
    text = (
        "k3s single node on raspberry pi 4 (4gb) at ~200 wind turbines, 6 pods each. all data "
        "leaves via mqtt over tls to the cloud. do we need a mesh on the pis?"
    )
    assert verdict(engine, text).tied == ["no-mesh"]


# Windows pods are meshed only by Buoyant Enterprise for Linkerd (beta): that decides, and is
# said first, naming the paid edition rather than the open-source project.
@pytest.mark.parametrize(
    "text",
    [
        "AKS cluster with windows node pools and linux pools, need mTLS across all pods. "
        "recommend a mesh",
        "eks with windows containers for legacy .net apps, security wants mtls everywhere. what "
        "should we run?",
        "hybrid aks: some windows server 2022 nodes, the rest linux. we need encrypted service "
        "to service traffic with mtls, windows pods included",
        "which mesh can do mtls for windows pods on eks? ~60 services",
        "we run .net framework apps in windows containers on aks and want a service mesh with "
        "mtls for them",
    ],
)
def test_windows_pods_name_the_paid_edition_that_meshes_them(engine: AnswerEngine, text: str):
    out = render_terminal(engine.answer(engine.parser.parse(text)))
    assert verdict(engine, text).tied == ["linkerd"]
    assert "only in Buoyant Enterprise for Linkerd, a paid edition" in out.split("WHY")[0]
    assert "Only Buoyant Enterprise for Linkerd, a paid edition, meets Windows nodes" in out


# On an estate that is all Kubernetes, Windows workloads can only be pods: a mesh that meshes
# Windows VMs alone (Consul) is out, however they are named.
@pytest.mark.parametrize(
    "text",
    [
        "we have windows workloads on EKS (windows node group) and need mtls between them and "
        "the linux services. which mesh?",
        "windows workloads on EKS, need mtls for them",
        "we run windows servers on EKS for some .net apps; mtls needed everywhere. which mesh?",
        "AKS, some windows machines in the cluster, need mtls across all services",
        "gke with a windows node group for old .net services; we want mutual tls between all of "
        "them",
    ],
)
def test_windows_on_kubernetes_alone_rules_out_windows_vms_only(engine: AnswerEngine, text: str):
    result = verdict(engine, text)
    assert "consul" in {s.mesh.id for s in result.ruled_out}
    assert "consul" not in result.survivors


# Windows Server 2025 VMs are what Buoyant's Windows VM support loads on; VMs of a release
# unsaid may be older, and Consul's Windows VMs are then the surer fit.
@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "legacy IIS apps on windows server 2025 VMs + linux k8s cluster. need mTLS between "
            "the windows VMs and the k8s services. paying a vendor is fine",
            "Linkerd",
        ),
        ("eks plus 40 windows vms on prem, need mtls across them", "Consul"),
    ],
)
def test_windows_vms_beside_kubernetes_keep_consul(engine: AnswerEngine, text: str, pick: str):
    result = verdict(engine, text)
    assert "consul" in result.survivors
    assert engine.ask(text).title == f"Recommendation: {pick}"
