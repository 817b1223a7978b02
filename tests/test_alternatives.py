"""Compare suggests the closest alternatives to add, not the next names in the alphabet."""

from __future__ import annotations

import pytest

from bot.answers.results import Matrix
from bot.intents.models import Intent, IntentKind


def added(engine, meshes: list[str], **facts) -> list[str]:
    """The meshes the compare answer's "Add …" buttons would add."""
    answer = engine.answer(Intent(kind=IntentKind.compare, meshes=meshes, facts=facts))
    return [
        c.intent.meshes[-1]
        for c in answer.next_steps
        if c.intent.kind == IntentKind.compare and c.intent.meshes[:-1] == meshes
    ]


def rows_differing(engine, a: str, b: str) -> int:
    """Rows of the "All features" difference table of a two-mesh compare."""
    answer = engine.answer(Intent(kind=IntentKind.compare, meshes=[a, b]))
    section = answer.section("features")
    assert section is not None
    return sum(len(p.rows) for p in section.parts if isinstance(p, Matrix))


@pytest.mark.parametrize(("meshes", "sibling"), [(["istio", "linkerd"], "istio-ambient")])
def test_the_sidecarless_sibling_comes_first(engine, meshes, sibling):
    assert added(engine, meshes)[0] == sibling
    assert added(engine, ["istio-ambient", "linkerd"])[0] == "istio"  # and back


def test_suggestions_are_not_the_alphabetically_first_meshes(engine, kb):
    suggested = added(engine, ["istio", "linkerd"])
    others = sorted(m.id for m in kb.current_meshes() if m.id not in ("istio", "linkerd"))
    assert suggested != others[: len(suggested)]
    assert not {"aks-istio-addon", "amazon-ecs-service-connect"} & set(suggested)


@pytest.mark.parametrize(
    "meshes", [["istio", "linkerd"], ["cilium", "linkerd"], ["kuma", "consul"]]
)
def test_the_nearest_mesh_differs_least_on_the_feature_matrix(engine, kb, meshes):
    suggested = added(engine, meshes)
    nearest = suggested[-1]  # after the sibling, if there is one

    def gap(candidate: str) -> int:
        return min(rows_differing(engine, m, candidate) for m in meshes)

    rivals = [
        m.id
        for m in kb.current_meshes()
        if m.id not in meshes + suggested and m.based_on is None  # distributions: see below
    ]
    assert all(gap(nearest) <= gap(rival) for rival in rivals), nearest


@pytest.mark.parametrize(
    ("platform", "offering"),
    [
        ("aks", "aks-istio-addon"),  # Istio's distribution on AKS
        ("gke", "google-cloud-service-mesh"),
        ("openshift", "openshift-service-mesh"),
        ("eks", "amazon-vpc-lattice"),  # no Istio distribution: the provider's own offering
    ],
)
def test_the_users_platform_adds_its_distribution(engine, platform, offering):
    assert offering in added(engine, ["istio", "linkerd"], platform=platform)
    assert offering not in added(engine, ["istio", "linkerd"])


def test_a_platform_without_a_provider_adds_no_providers_offering(engine, kb):
    """VMs belong to nobody: Google's mesh also runs on VMs, but is not "VMs' own"."""
    suggested = added(engine, ["istio", "linkerd"], platform="vms")
    assert not [m for m in suggested if kb.meshes[m].fit and kb.meshes[m].fit.provider]


def test_a_full_comparison_suggests_nothing_to_add(engine):
    assert added(engine, ["istio", "linkerd", "cilium", "consul"]) == []


def test_a_platform_said_in_words_adds_its_distribution(engine):
    answer = engine.ask("compare istio and linkerd, we run on AKS")
    labels = [c.label for c in answer.next_steps]
    assert "Add AKS Istio-based service mesh add-on" in labels
