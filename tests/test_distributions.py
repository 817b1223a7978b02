"""Distributions: a mesh file with `based_on` inherits its base and overrides what differs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge.loader import load_knowledge
from tests.support.knowledge_files import problems_of, write


def distribution(**changes: object) -> dict:
    """A short distribution file of Istio, as a vendor offering would be written."""
    data = {
        "id": "acme-mesh",
        "based_on": "istio",
        "name": "Acme Service Mesh",
        "aliases": ["acme service mesh", "acme mesh"],
        "status": "active",
        "summary": "Acme's supported build of Istio.",
        "version": {"current": "3.1", "as_of": "2026-10-01", "sources": ["istio-releases"]},
        "distribution": {
            "upstream_version": "1.26",
            "control_plane": "self_managed",
            "support": "Acme subscription",
            "pricing": "per core",
            "sources": ["istio-releases"],
        },
        "sources": ["istio-releases"],
        "fit": {
            "platforms": ["kubernetes"],
            "licence": "proprietary",
            "support_from": ["solo"],
            "uses_envoy": True,
            "sources": ["istio-releases"],
        },
        "features": {
            "mtls": {
                "level": "partial",
                "note": "Only with Acme CA.",
                "sources": ["istio-releases"],
            }
        },
        "features_removed": {"wasm_extensions": "Not supported in Acme 3.1."},
    }
    data.update(changes)
    return data


@pytest.fixture
def acme(kb_dir: Path) -> Path:
    write(kb_dir / "meshes/acme-mesh.yaml", distribution())
    return kb_dir


def test_distribution_overrides_a_feature_row(acme):
    mesh = load_knowledge(acme).meshes["acme-mesh"]
    assert mesh.features["mtls"].level == "partial"
    assert mesh.features["mtls"].note == "Only with Acme CA."
    assert mesh.features["mtls"].since is None  # the row is replaced whole, not mixed


def test_removed_feature_reads_no_with_the_reason_and_own_sources(acme):
    mesh = load_knowledge(acme).meshes["acme-mesh"]
    removed = mesh.features["wasm_extensions"]
    assert removed.level == "no"
    assert removed.note == "Not supported in Acme 3.1."
    assert removed.sources == ["istio-releases"]


def test_fields_not_given_are_inherited_and_claims_are_not(acme):
    kb = load_knowledge(acme)
    mesh, istio = kb.meshes["acme-mesh"], kb.meshes["istio"]
    assert mesh.data_plane == istio.data_plane
    assert mesh.license == istio.license
    # Same figures, labelled as measured for the base.
    assert mesh.overhead == [
        f.model_copy(update={"borrowed_from": "istio"}) for f in istio.overhead
    ]
    # Same rows, labelled as the base's (their versions are the base's).
    retries = istio.features["retries"]
    assert mesh.features["retries"] == retries.model_copy(update={"inherited_from": "istio"})
    assert mesh.version.current == "3.1"
    assert mesh.outdated_claims == []
    assert mesh.distribution.control_plane == "self_managed"


@pytest.mark.parametrize(
    ("control_plane", "keeps_control_plane_figures"),
    [("self_managed", True), ("managed", True), ("provider_hosted", False)],
)
def test_a_provider_hosted_control_plane_is_not_the_users_cost(
    kb_dir, control_plane, keeps_control_plane_figures
):
    data = distribution()
    data["distribution"]["control_plane"] = control_plane
    write(kb_dir / "meshes/acme-mesh.yaml", data)
    kb = load_knowledge(kb_dir)
    mesh, istio = kb.meshes["acme-mesh"], kb.meshes["istio"]
    metrics = {f.metric.value for f in mesh.overhead}
    assert any(m.startswith("control_plane_") for m in {f.metric.value for f in istio.overhead})
    assert any(m.startswith("control_plane_") for m in metrics) is keeps_control_plane_figures
    assert "proxy_memory" in metrics  # the data plane is still the user's


def test_a_distribution_states_its_own_fit(kb_dir):
    """Where it runs, its licence and who supports it are never the base's."""
    write(kb_dir / "meshes/acme-mesh.yaml", distribution())
    kb = load_knowledge(kb_dir)
    assert kb.meshes["acme-mesh"].fit.support_from == ["solo"]
    assert kb.meshes["acme-mesh"].fit != kb.meshes["istio"].fit
    data = distribution()
    del data["fit"]
    write(kb_dir / "meshes/acme-mesh.yaml", data)
    assert any(
        p.startswith("meshes/acme-mesh.yaml: fit: current offering 'acme-mesh' has no fit block")
        for p in problems_of(kb_dir)
    )


def test_unknown_base_is_reported(kb_dir):
    write(kb_dir / "meshes/acme-mesh.yaml", distribution(based_on="istoi"))
    assert (
        "meshes/acme-mesh.yaml: based_on: unknown base mesh 'istoi'. "
        "Fix: use the id of a mesh under meshes/" in problems_of(kb_dir)
    )


def test_cycle_is_reported(kb_dir):
    write(kb_dir / "meshes/acme-mesh.yaml", distribution(based_on="beta-mesh"))
    beta = distribution(id="beta-mesh", based_on="acme-mesh", aliases=["beta offering"])
    write(kb_dir / "meshes/beta-mesh.yaml", beta | {"name": "Beta Offering"})
    found = " ".join(problems_of(kb_dir))
    assert "based_on: distributions form a cycle: " in found
    assert "acme-mesh → beta-mesh → acme-mesh" in found or "beta-mesh → acme-mesh → beta" in found


def test_removing_or_overriding_a_feature_the_base_lacks_is_reported(kb_dir):
    bad = distribution(
        features={"teleport": {"level": "yes", "sources": ["istio-releases"]}},
        features_removed={"warp_drive": "never had it"},
    )
    write(kb_dir / "meshes/acme-mesh.yaml", bad)
    found = problems_of(kb_dir)
    assert any(
        p.startswith("meshes/acme-mesh.yaml: features.teleport: overrides feature 'teleport'")
        for p in found
    )
    assert any(
        p.startswith("meshes/acme-mesh.yaml: features_removed.warp_drive: removes feature")
        for p in found
    )
    assert not any("unknown feature 'teleport'" in p for p in found)  # reported once


def test_export_carries_based_on_and_distribution(acme, capsys):
    assert main(["kb", "export", str(acme)]) == 0
    data = json.loads(capsys.readouterr().out)
    acme_mesh = data["meshes"]["acme-mesh"]
    assert acme_mesh["based_on"] == "istio"
    assert acme_mesh["distribution"]["upstream_version"] == "1.26"
    assert acme_mesh["features_removed"] == {"wasm_extensions": "Not supported in Acme 3.1."}
    assert data["meshes"]["istio"]["based_on"] is None
