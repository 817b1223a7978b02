"""Someone else's proposal ("someone proposed linkerd or istio in every store with multicluster
to central") puts its meshes forward; how it would use them is no need of the team's, but a
reason argued for the mesh is still read. With the traffic to secure going from each small
site to a central one, no mesh is the pick: a mesh at the sites would run on their small nodes
for nothing."""

from __future__ import annotations

import pytest

from bot.answers import choosing, scoring


def _facts_and_pick(engine, text):
    intent = engine.parser.parse(text)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    among = choosing.candidates(kb, intent.options, facts)
    return intent, facts, scoring.outlook(kb, facts, among).verdict.tied


STORES = [
    "retail: ~2000 stores, each runs a tiny k3s box (4gb ram, flaky uplink), plus central eks. "
    "store apps call central apis over the internet. we want mtls store->central. someone "
    "proposed linkerd or istio in every store with multicluster to central. what mesh should "
    "we use?",
    "800 branch offices, each with a small k3s node (2gb ram), calling apis in our central aks "
    "over the internet. need mtls branch to central. our architect suggested istio multicluster "
    "across all branches. which mesh?",
    "300 stores with k3s on tiny boxes, apps call hq apis. we need mtls back to hq. a consultant "
    "recommended linkerd with multicluster. what should we run?",
    "k3s at 50 stores on raspberry pis, need mtls from the stores to hq. what mesh?",
]


@pytest.mark.parametrize("text", STORES)
def test_small_sites_securing_calls_to_central_need_no_mesh(engine, text):
    _, facts, tied = _facts_and_pick(engine, text)
    assert "multi_cluster" not in facts.get("needs", [])
    assert tied == ["no-mesh"]


def test_the_proposal_keeps_its_meshes(engine):
    intent, _, _ = _facts_and_pick(engine, STORES[0])
    assert set(intent.meshes) == {"linkerd", "istio"}


@pytest.mark.parametrize(
    "text",
    [
        "eks, 3 clusters, 200 services, lots of cross-cluster calls. someone proposed linkerd. "
        "we need multicluster failover. which mesh?",
        "k3s at 12 stores and hq, want one mesh spanning all sites and hq for mtls back to hq",
    ],
)
def test_the_teams_own_multicluster_need_stands(engine, text):
    _, facts, tied = _facts_and_pick(engine, text)
    assert facts.get("spans_clusters") is True
    assert "no-mesh" not in tied


def test_a_reason_argued_for_the_proposal_is_read(engine):
    text = "openshift estate with RH support; our lead keeps pitching linkerd because it's leaner"
    _, facts, _ = _facts_and_pick(engine, text)
    assert facts.get("rival_argued") is True
