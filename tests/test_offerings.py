"""The offerings people run: vendor distributions, AWS's App Mesh successors, retired meshes."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from bot.knowledge.models import ControlPlaneModel, Level, Status
from bot.knowledge.yaml_files import KnowledgeYamlLoader
from tests.conftest import KNOWLEDGE

RETIRED = (Status.retired, Status.archived, Status.inactive)


def own_rows(mesh_id: str) -> set[str]:
    """Feature ids a distribution file sets itself (overridden or removed)."""
    path = KNOWLEDGE / "meshes" / f"{mesh_id}.yaml"
    data = yaml.load(path.read_text(), Loader=KnowledgeYamlLoader)
    return set(data.get("features", {})) | set(data.get("features_removed", {}))


def ask(text: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", text, "--knowledge", str(KNOWLEDGE)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_openshift_service_mesh_inherits_the_istio_rows_it_does_not_override(kb):
    ossm, istio = kb.meshes["openshift-service-mesh"], kb.meshes["istio"]
    overridden = own_rows("openshift-service-mesh")
    inherited = set(istio.features) - overridden
    assert inherited and overridden
    from_istio = {"inherited_from": "istio"}
    assert all(
        ossm.features[f] == istio.features[f].model_copy(update=from_istio) for f in inherited
    )
    # Ambient is GA in OSSM 3.2, while the istio entry is sidecar mode only.
    assert ossm.features["sidecarless"].level == Level.yes
    assert istio.features["sidecarless"].level == Level.no
    assert ossm.distribution.control_plane == ControlPlaneModel.self_managed


def test_managed_offerings_drop_what_their_control_plane_blocks(kb):
    gke, aks = kb.meshes["google-cloud-service-mesh"], kb.meshes["aks-istio-addon"]
    assert gke.distribution.control_plane == ControlPlaneModel.provider_hosted
    assert aks.distribution.control_plane == ControlPlaneModel.managed  # istiod on your nodes
    assert not any(f.metric.value.startswith("control_plane_") for f in gke.overhead)
    assert any(f.metric.value.startswith("control_plane_") for f in aks.overhead)
    removed = ((gke, "wasm_extensions"), (aks, "wasm_extensions"), (aks, "vm_workloads"))
    for mesh, feature in removed:
        row = mesh.features[feature]
        assert row.level == Level.no and row.note and row.sources
    assert aks.features["sidecarless"].level == Level.no
    # GKE ambient networking: a sidecarless L4 mesh in Preview, not Istio's ambient mode.
    assert gke.features["sidecarless"].level == Level.partial


def test_retired_meshes_keep_the_feature_rows_they_had(kb):
    retired = [m for m in kb.meshes.values() if m.status in RETIRED]
    assert {m.id for m in retired} >= {
        "open-service-mesh",
        "aws-app-mesh",
        "nginx-service-mesh",
        "traefik-mesh",
    }
    for mesh in retired:
        known = [f for f, row in mesh.features.items() if row.level != Level.unknown]
        assert mesh.features["mtls"].level != Level.unknown, mesh.id
        assert len(known) >= len(mesh.features) // 3, mesh.id  # they were all unknown
        assert mesh.replaced_by, mesh.id


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what replaces App Mesh?", ["Amazon ECS Service Connect", "Amazon VPC Lattice"]),
        (
            "does gke managed mesh support sidecarless",
            [
                "partial",
                "https://docs.cloud.google.com/kubernetes-engine/docs/concepts/ambient-overview",
            ],
        ),
        (
            "we run OSM, what do we lose moving to Linkerd?",
            ["Open Service Mesh and Linkerd compared", "External authorization"],
        ),
        ("openshift service mesh vs linkerd", ["Red Hat OpenShift Service Mesh 3 and Linkerd"]),
    ],
)
def test_questions_about_offerings_get_sourced_answers(question, expected):
    out = ask(question)
    assert all(text in out for text in expected), out
    assert "SOURCES" in out
