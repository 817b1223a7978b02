"""Long setups whose history or tooling must not outweigh what they ask: a licence legal
cleared, sidecars to drop, a cluster count denied, and the tools that already cover a need
(each read through the public path: parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "we're all-in on hashicorp. nomad on ~40 vms, vault for secrets, and we already pay for "
        "consul enterprise. legal reviewed the busl thing in 2023 and it's fine for us. security "
        "wants mtls between nomad jobs. no k8s. what mesh?",
        "legal reviewed busl and it's fine for us. nomad on 40 vms, we already pay for consul "
        "enterprise, need mtls. what mesh?",
        "hashicorp shop: nomad + vault + consul ent (paid). our lawyers looked at the bsl change "
        "and approved it. we need mutual tls between nomad jobs now. no kubernetes. "
        "recommendation?",
        "all hashicorp here, nomad on 50 vms, consul enterprise already bought, bsl was reviewed "
        "by legal and it's ok for us. need service-to-service mtls with intentions, no k8s. "
        "which mesh",
        "nomad on vms, paying for consul enterprise already, BUSL was cleared by legal and is "
        "fine for us. mTLS between jobs please. what should we run?",
    ],
)
def test_a_licence_legal_cleared_is_no_licence_policy(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("licence") != "no_source_available"
    assert verdict(engine, text).tied == ["consul"]


@pytest.mark.parametrize(
    "text",
    [
        "we're on istio sidecars on eks, ~2,000 pods, and the sidecars are 20% of our node "
        "bill. we replaced vpc-cni with cilium. ask: drop sidecars, keep l7 authz and jwt "
        "validation at the mesh. someone said just use cilium mesh. does that hold up?",
        "on istio sidecars in eks, 1500 pods, sidecars cost too much. we want to remove the "
        "sidecars but keep jwt validation and l7 authz policies in the mesh. cilium is our cni. "
        "is cilium mesh enough?",
        "eks, cilium cni, istio with sidecars today (~800 pods). plan: eliminate sidecars, "
        "still need request authentication (jwt) and layer 7 authorization. what should we "
        "move to?",
        "sidecars are eating 20% of our compute on istio. want to get rid of the sidecars, keep l7 "
        "authorization and jwt auth. we already run cilium as cni, someone says just use "
        "cilium's mesh. thoughts?",
        "istio sidecars on eks (2000 pods) → drop the sidecar proxies, keep jwt + l7 authz. "
        "cilium is the cni. what's the move?",
    ],
)
def test_sidecars_to_drop_with_jwt_kept_is_ambient(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("no_sidecars") is True
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    "text",
    [
        "k8s (eks), ~40 pods, one team, all spring boot, resilience4j for retries/circuit "
        "breakers, micrometer + grafana for metrics. product wants canary deploys for the one "
        "public api, which argo rollouts can do at the ingress. no mtls requirement, no "
        "multi-cluster. my gut says a mesh is overkill",
        "eks, 35 pods, a single team of spring boot devs. we use resilience4j for retries and "
        "circuit breaking, micrometer and grafana for metrics. product wants canary releases "
        "for our public api, which argo rollouts can do at the nginx ingress. no mtls needed, "
        "single cluster. is a mesh overkill?",
        "small eks setup (45 pods), everything spring boot, resilience4j handles retries and "
        "circuit breakers and micrometer does metrics. need canary deploys on one api, which "
        "argo rollouts handles at the alb. mtls not required. mesh or not?",
        "we're on eks with about 40 pods owned by one team. resilience4j for retries/timeouts, "
        "micrometer + grafana for metrics; canary deploys for the public api which argo "
        "rollouts can do at the ingress. no mtls requirement. is a service mesh worth it?",
        "one eks cluster, 30 pods, java. resilience4j for circuit breaking, micrometer for "
        "metrics, and we want canaries, which argo rollouts can do at our ingress. nobody "
        "needs mtls and it's a single cluster. do we need a mesh at all?",
    ],
)
def test_needs_their_tools_cover_leave_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert {"golden_metrics", "traffic_split"} <= set(facts["covered"])
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "eks, 40 pods, no multi-cluster, need mtls. what mesh?",
        "gke, 60 services, we don't need cross-cluster, just retries and mtls. recommend one",
        "aks with 100 pods, not multi cluster, need canary. which mesh?",
    ],
)
def test_several_clusters_denied_are_none(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "clusters" not in facts and facts.get("spans_clusters") is not True


@pytest.mark.parametrize(
    "text",
    [
        "fed contractor, eks in govcloud, ~500 pods, fedramp high. the ATO needs fips 140 "
        "validated crypto for all in-transit encryption incl mesh mtls, no exceptions (our 3PAO "
        "flagged upstream builds). we have budget for an enterprise subscription. which meshes?",
        "eks in govcloud, 400 pods. we need fips 140 validated crypto for mesh mtls, no "
        "exceptions. we have budget for an enterprise subscription. which meshes qualify?",
        "federal workload on eks (govcloud), ~300 pods: mesh mtls must use fips validated "
        "crypto; no exceptions. enterprise licence budget is approved. what mesh?",
        "fedramp moderate, eks, 600 pods. fips 140-3 validated modules for service-to-service "
        "encryption, non-negotiable. we can pay for an enterprise edition. options?",
        "eks govcloud ~500 pods, fedramp high. in-transit encryption incl. mesh mtls has to be "
        "fips 140 validated, no exceptions. budget for enterprise is there. which meshes?",
    ],
)
def test_fips_said_with_no_exceptions_after_it_is_asked_in_full(engine: AnswerEngine, text: str):
    assert "fips_tls" in engine.parser.parse(text).facts["in_full"]
    assert verdict(engine, text).tied[0] in {"gloo-mesh", "kong-mesh", "consul", "linkerd"}


@pytest.mark.parametrize(
    "text",
    [
        "aks question. 220 pods, mostly .net 8 on linux node pools. we DO have one windows node "
        "pool with 3 old .net framework services but those are being decommissioned next "
        "quarter, so dont care about meshing them. microsoft supports it, full stop. need mtls "
        "+ some canary splitting. what do we go with",
        "aks, 200 pods on linux pools. one windows node pool with old services but those are "
        "being decommissioned next quarter, so dont care about meshing them. need mtls + "
        "canary, microsoft support required. what mesh?",
        "aks, 200 pods. one windows node pool, being decommissioned. need mtls + canary, "
        "microsoft support required. what mesh?",
        "we're on aks with ~150 pods. there's a small windows pool that is getting phased out, "
        "no need to mesh them. must be supported by microsoft. mtls and traffic splitting, "
        "which mesh?",
        "aks, 300 pods, .net 8 on linux. the windows nodes are to be decommissioned in q2 so we "
        "don't need to mesh them. want mtls and canaries with azure support. recommendation?",
    ],
)
def test_a_workload_on_its_way_out_is_no_must_have(engine: AnswerEngine, text: str):
    assert "windows_nodes" in engine.parser.parse(text).facts["not_needed"]
    assert verdict(engine, text).tied == ["aks-istio-addon"]


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        (
            "we've been on app mesh on eks since 2021, ~600 pods, aws sent the end of support "
            "email. we tried istio in 2022 and an upgrade took down payments. team of 3, need "
            "mtls + retries, no cni swap, no licence budget. what do we replace app mesh with?",
            {"linkerd", "istio-ambient", "istio", "kuma"},
        ),
        (
            "app mesh on eks is going away. we ran linkerd for a while in 2020 and dropped it. "
            "300 pods, need mtls and timeouts, open source only. what should we replace it with?",
            {"linkerd", "istio-ambient", "istio", "kuma"},
        ),
        (
            "still on osm on aks (archived). we looked at istio and consul last year. 150 pods, "
            "need mtls, want microsoft support. what's the target?",
            {"aks-istio-addon"},
        ),
        (
            "eks, 400 pods, app mesh today; someone keeps floating gloo and kong mesh. we need "
            "mtls and retries, no enterprise budget, small team. what do we swap app mesh for?",
            {"linkerd", "istio-ambient", "istio", "kuma"},
        ),
        (
            "openshift 4.14, 500 pods, still on ossm 2.x. istio upstream was tried in a lab. need "
            "mtls strict, red hat support only. what is our target?",
            {"openshift-service-mesh"},
        ),
    ],
)
def test_meshes_in_the_history_of_a_setup_asking_the_target_are_no_comparison(
    engine: AnswerEngine, text: str, fits: set[str]
):
    assert verdict(engine, text).tied[0] in fits


def test_a_support_contract_lacked_as_a_reason_is_no_support_refused(engine: AnswerEngine):
    text = (
        "openshift 4.16, 1100 pods. last time we ran upstream istio in a lab nobody could get "
        "sign-off for prod bc no support contract. what's the target?"
    )
    assert engine.parser.parse(text).facts.get("support") != "none"
