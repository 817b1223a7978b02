"""An Istio sidecar team asking "move to ambient or stay on sidecars?": staying is one side
of the choice asked, no demand for a proxy in every pod, and "ambient or stay" runs no
ambient. With sidecar memory the complaint and only mTLS and L4 policy used, ambient is the
pick; where they lean on sidecar-only features it is not."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick

MEMORY_HURTS = [
    "eks, upstream istio 1.26 sidecars, ~2k pods. sidecars eat ~25% of cluster memory. we only "
    "really use mtls, L4 authz by service account, and a handful of virtualservices for canary "
    "on 6 svcs. no envoyfilters, no wasm, no vms, no multi-cluster. move to ambient or stay on "
    "sidecars? what do you recommend",
    "istio sidecars on gke, 1500 pods, the sidecars use 30% of node memory. we only use mtls "
    "and authz policies. should we move to ambient or stay on sidecars?",
    "we run istio 1.24 with sidecars on aks (self-managed), 800 pods, sidecar memory is "
    "killing us. only mtls + a few canaries. ambient or stick with sidecars?",
    "eks, istio sidecars, 3k pods, proxies eat a quarter of our memory. we use mtls and L4 "
    "policies only. what do you recommend",
]


@pytest.mark.parametrize("text", MEMORY_HURTS)
def test_sidecar_memory_hurting_moves_to_ambient(engine, text):
    facts, tied = facts_and_pick(engine, text)
    assert "per_pod_proxy" not in facts
    assert facts.get("incumbent") != "istio-ambient"
    assert tied == ["istio-ambient"]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("eks, ~2k pods. sidecars are mandatory, which mesh?", "per_pod_proxy"),
        ("security insists on sidecars. eks 40 svcs", "per_pod_proxy"),
        ("we must stay on sidecars, or at least a proxy per pod. eks", "per_pod_proxy"),
        ("linkerd stays. eks 40 services", "incumbent"),
    ],
)
def test_a_demand_or_a_mesh_kept_is_still_read(engine, text, fact):
    facts, _ = facts_and_pick(engine, text)
    assert fact in facts


def test_sidecar_only_features_keep_sidecars(engine):
    _, tied = facts_and_pick(
        engine,
        "istio sidecar mode on eks, 2k pods, we rely on envoyfilters and wasm plugins heavily. "
        "memory is high. move to ambient or stay on sidecars?",
    )
    assert "istio-ambient" not in tied
