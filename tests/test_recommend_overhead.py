"""Overhead said to matter, weighed the way an expert does: the heaviest data plane left is
steered away from, many small sites weigh memory, a team running Istio's sidecars that wants
less overhead is pointed to the same mesh's ambient mode, and a managed control plane said to
be no longer required is answered. Each setup read through the public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


# Low overhead asked: the sidecar Istio the AKS add-on runs is the heaviest data plane left,
# no longer level with Linkerd.
@pytest.mark.parametrize(
    "text",
    [
        "ok what if we drop the managed requirement? still AKS, ~200 pods, we want lowest "
        "overhead and something simple to run. what then?",
        "AKS, about 200 pods, lowest overhead possible, small team. which mesh?",
        "we're on AKS with 250 pods and want the least resource overhead from a mesh, small "
        "team, what do you suggest?",
        "AKS cluster, ~300 pods, low overhead matters most, keep it simple to run",
        "self-run mesh on AKS for 200 pods, minimal overhead please, tiny team",
    ],
)
def test_low_overhead_steers_away_from_the_heaviest_data_plane(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["linkerd"]


# A mesh at each of many sites on nodes under 16 GiB: memory decides, so sidecar Istio is no
# longer level with the light meshes.
@pytest.mark.parametrize(
    "text",
    [
        "40 edge sites, each a 3-node cluster with 8GB RAM per node, offline a lot of the "
        "time. need mTLS between workloads and back to core. which mesh, if any?",
        "we have 25 retail sites, each a 3 node k3s cluster with 8GB of RAM per node; need "
        "mtls. which mesh?",
        "mesh for 60 edge locations, 2 nodes each with 8 GB RAM, mTLS needed",
        "12 factory sites each running a small cluster, nodes have 12GB memory, need mtls to "
        "the core",
        "30 store clusters on 8gb nodes, need mtls between services, which mesh if any?",
    ],
)
def test_many_sites_on_modest_nodes_weigh_memory(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["memory_budget"] == "tight"
    tied = verdict(engine, text).tied
    assert tied == ["linkerd"] and "istio" not in tied


# A team running Istio's sidecars that wants less overhead: the same mesh's ambient mode.
@pytest.mark.parametrize(
    "text",
    [
        "we already run istio sidecars on EKS, ~2000 pods, we want lower overhead. should we "
        "switch?",
        "currently running istio in sidecar mode, 3000 pods on eks, we want the lowest overhead "
        "now. switch?",
        "we use istio sidecars on AKS, 800 pods; minimal overhead is what we want. stay or switch?",
        "we've been running istio on EKS for 2 years, 2500 pods, want less overhead. should we "
        "move?",
        "we already run istio sidecars on EKS, ~2000 pods, need traffic mirroring, we want "
        "lower overhead. should we switch?",
    ],
)
def test_less_overhead_from_istio_sidecars_moves_to_ambient(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["istio-ambient"]


# Near misses: overhead unasked, or a mesh with no lighter mode of its own, or a managed
# control plane wanted, or one site or large nodes: nothing changes.
@pytest.mark.parametrize(
    ("text", "tied"),
    [
        ("AKS, ~200 pods, small team, which mesh?", ["aks-istio-addon", "linkerd"]),
        ("AKS, ~200 pods, small team, we want it managed. which mesh?", ["aks-istio-addon"]),
        ("we already run istio sidecars on EKS, ~2000 pods. should we switch?", ["istio"]),
        (
            "we already run linkerd on EKS, ~2000 pods, we want lower overhead. should we switch?",
            ["linkerd"],
        ),
        (
            "40 clusters on EKS, nodes have 64GB RAM, need mTLS. which mesh?",
            ["istio-ambient", "istio", "linkerd"],
        ),
        (
            "one 3-node cluster with 8GB RAM per node, need mtls. which mesh?",
            ["istio-ambient", "istio", "linkerd"],
        ),
    ],
)
def test_overhead_unasked_or_no_lighter_mode_changes_nothing(
    engine: AnswerEngine, text: str, tied: list[str]
):
    assert verdict(engine, text).tied == tied


@pytest.mark.parametrize(
    ("text", "managed"),
    [
        ("what if we drop the managed requirement? AKS, 200 pods", False),
        ("AKS 200 pods, forget the managed requirement", False),
        ("AKS 200 pods, managed isn't a must anymore", False),
        ("AKS 200 pods, it doesn't have to be managed", False),
        ("AKS 200 pods, we can run the control plane ourselves", False),
        ("AKS 200 pods, we don't need it managed", False),
        ("AKS 200 pods, we want it managed", True),
        ("AKS 200 pods, we want a managed control plane", True),
        ("AKS 200 pods, which mesh?", None),
    ],
)
def test_a_managed_requirement_dropped_answers_the_managed_question(
    engine: AnswerEngine, text: str, managed: bool | None
):
    assert engine.parser.parse(text).facts.get("managed_control_plane") is managed
