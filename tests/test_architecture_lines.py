"""An offering's architecture line agrees with its feature rows: OpenShift Service Mesh 3 runs
Istio's ambient mode too (GA since 3.2), so a comparison says so instead of "sidecar in every
pod" beside "Sidecarless data plane (yes)"; `kb check` holds a distribution to that."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write

OSSM = "Red Hat OpenShift Service Mesh 3: Envoy (C++) sidecar in each meshed pod, or ambient mode"


def _architecture(engine: AnswerEngine, text: str) -> str:
    """The comparison's first lines: the architecture line leads it."""
    return "\n".join(render_terminal(engine.ask(text)).splitlines()[:4])


@pytest.mark.parametrize(
    "text",
    [
        "We're on OpenShift on AWS (ROSA) and we want to use upstream Istio ambient instead of "
        "OSSM. Good idea?",
        "compare openshift service mesh and istio ambient",
        "OSSM 3 vs linkerd on openshift, how do they differ?",
        "red hat service mesh vs upstream istio ambient mode",
        "ossm or consul for our openshift clusters? compare them",
        "difference between openshift service mesh and kuma",
    ],
)
def test_ossm_architecture_names_its_ambient_mode(engine: AnswerEngine, text: str):
    line = _architecture(engine, text)
    assert OSSM in line, line


# Must not change: the sidecar-only offerings keep their lines.
@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("istio vs linkerd", "Istio (sidecar mode): Envoy (C++) sidecar in every pod"),
        ("aks istio add-on vs linkerd", "AKS Istio-based service mesh add-on: Envoy (C++) sidecar"),
    ],
)
def test_sidecar_only_offerings_keep_their_line(engine: AnswerEngine, text: str, said: str):
    assert said in _architecture(engine, text)


def test_a_distribution_running_another_mode_needs_its_own_data_plane(kb_dir):
    ossm = read(kb_dir / "meshes/openshift-service-mesh.yaml")
    del ossm["data_plane"]
    write(kb_dir / "meshes/openshift-service-mesh.yaml", ossm)
    assert any(
        p.startswith("meshes/openshift-service-mesh.yaml: data_plane: its data plane is istio's")
        for p in problems_of(kb_dir)
    )
