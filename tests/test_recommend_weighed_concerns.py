"""What a setup weighs, read as an expert would and carried through the public path:
refusing to pay one vendor is no open-source-only policy, "open source fine" is no policy at
all, what is ranked first ("memory is the #1 concern") decides, billing by use can be refused,
the heaviest data plane loses where memory is tight, "no Envoy" with no needs said doubts
ambient's waypoints, a platform being left ("our old EKS side") is not theirs, and VMs in their
own data centres are no provider's VMs."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

PAYING_ONE_VENDOR_REFUSED = [
    ("gke, 60 pods, need mtls. we refuse to pay google for the managed mesh", "google"),
    ("aks, 30 services, mtls + metrics. we refuse to pay microsoft for a mesh add-on", "microsoft"),
    ("gke, 25 svcs. finance won't pay google for cloud service mesh, need mtls", "google"),
    ("openshift 50 services, we do not want to pay red hat extra for the mesh. mtls", "red-hat"),
    ("gke, 40 pods, small team. don't want to be paying google per client for csm", "google"),
    (
        "gke, 40 pods, 2 engs, series A. need mtls + golden metrics. do NOT want to pay google "
        "per-client for csm",
        "google",
    ),
]


@pytest.mark.parametrize(("text", "vendor"), PAYING_ONE_VENDOR_REFUSED)
def test_refusing_to_pay_one_vendor_refuses_that_vendor_not_every_licence(
    engine: AnswerEngine, text: str, vendor: str
):
    facts = engine.parser.parse(text).facts
    assert facts.get("not_from") == [vendor]
    assert "licence" not in facts
    result = verdict(engine, text)
    assert result.pick in {"linkerd", "istio-ambient", "istio"}
    assert result.of("linkerd").out is False


def test_two_engineers_said_clipped_are_a_small_team(engine: AnswerEngine):
    facts = engine.parser.parse("gke, 40 pods, 2 engs, need mtls").facts
    assert (facts["engineers"], facts["team_size"]) == (2, "small")


@pytest.mark.parametrize(
    "text",
    [
        "eks, 200 services, need mtls. open source fine",
        "aks 90 services, mtls and retries; open source is fine, no vendor needed",
        "gke, 120 svcs, need mtls + golden metrics. open source works for us",
        "k8s on prem, 70 services, need mtls. open source is ok",
        "eks, 300 pods, need mtls. open source is good enough",
    ],
)
def test_open_source_said_acceptable_is_no_licence_policy(engine: AnswerEngine, text: str):
    assert "licence" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "eks, 3000 pods, mtls only. RAM is our biggest worry",
        "gke 5000 pods, need mtls. the top priority is memory",
        "aks, 2000 pods. memory is the number one concern, need mtls",
        "eks 4000 pods, need mtls, our main constraint is node memory",
        "gke, 6000 pods, mtls. memory footprint is our #1 priority",
        "gke, ~8000 pods across 6 clusters. mesh memory cost is the #1 concern. only need "
        "mtls + l4 authz, maybe l7 for a few svcs later. dont want per-client / per-pod mesh "
        "billing. open source fine",
    ],
)
def test_memory_ranked_first_is_a_tight_budget_and_picks_a_light_data_plane(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts["memory_budget"] == "tight"
    assert "licence" not in facts
    assert verdict(engine, text).pick in {"istio-ambient", "linkerd"}


def test_latency_ranked_first_is_what_matters_most(engine: AnswerEngine):
    assert engine.parser.parse("our top priority is latency, aks").facts["low_latency"] is True


@pytest.mark.parametrize(
    "text",
    [
        "eks 50 services, need mtls, we don't want per-request mesh billing",
        "eks, 60 svcs, no usage-based pricing for the mesh please, need retries",
        "eks, 80 services, need metrics. we refuse metered billing for networking",
        "eks 40 svcs, avoid pay per use pricing, need mtls and retries",
        "eks, 30 services, need mtls; no per-client billing",
    ],
)
def test_billing_by_use_refused_rules_out_what_is_billed_so(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts["no_usage_billing"] is True
    assert "rate_limiting" not in intent.features
    assert verdict(engine, text).of("amazon-vpc-lattice").out


@pytest.mark.parametrize(
    "text",
    [
        "no per-pod proxies please, 200 pods on gke",
        "we don't need per-client rate limits, eks 300 pods",
    ],
)
def test_per_pod_or_per_client_before_a_meshs_job_is_no_billing(engine: AnswerEngine, text: str):
    assert "no_usage_billing" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "eks ~1500 pods. NOT a security project - we just want golden metrics + traces for "
        "every svc w/o touching app code. node memory is tight. we're on aws vpc cni and "
        "networking team vetoes any new cni",
        "gke, 2000 pods, only observability: golden metrics + tracing. memory is tight",
        "aks 1800 pods, we want golden metrics and traces without code changes, nodes are "
        "memory constrained",
        "eks with 1200 pods, need golden metrics and distributed tracing, tight memory budget, "
        "no new cni",
        "on-prem k8s, 3000 pods, metrics and traces only, ram is tight",
    ],
)
def test_on_a_tight_budget_the_heaviest_data_plane_loses(engine: AnswerEngine, text: str):
    result = verdict(engine, text)
    assert "tight-memory-heaviest" in {r.id for r in result.fired}
    assert result.pick in {"linkerd", "istio-ambient", "no-mesh"}


@pytest.mark.parametrize(
    "text",
    [
        "we run traefik mesh on bare metal k3s (~90 pods) and it's basically dead right? want "
        "something equally simple. hard no on envoy, we got burned debugging envoy configs",
        "traefik mesh on k3s, 80 pods, it's dead. want something simple, no envoy please",
        "we're on traefik mesh (rke2, 60 pods), need a replacement. envoy is a no-go",
        "k3s cluster with traefik mesh, ~100 pods, looking to move. we refuse anything envoy based",
        "replacing traefik mesh on bare metal k8s, 70 pods. absolutely no envoy",
        "traefik mesh is unmaintained; 120 pods on k3s. we won't run envoy",
    ],
)
def test_no_envoy_with_no_needs_said_leaves_ambient_unconfirmed(engine: AnswerEngine, text: str):
    result = verdict(engine, text)
    ambient = result.of("istio-ambient")
    assert not ambient.out and any(f.unconfirmed for f in ambient.findings)
    assert result.pick == "linkerd"


def test_no_envoy_with_only_mtls_needed_keeps_ambient_at_no_cost(engine: AnswerEngine):
    ambient = verdict(engine, "k3s, 90 pods, only need mtls, no envoy").of("istio-ambient")
    assert not ambient.out and not any(f.unconfirmed for f in ambient.findings)


@pytest.mark.parametrize(
    "text",
    [
        "ROSA (openshift on aws), 2 clusters in diff regions, ~500 pods. migrating off app mesh "
        "(was on our old EKS side, that's being folded into ROSA). need multi-cluster mtls + "
        "failover. red hat support preferred, open to solo if its better for multicluster",
        "ROSA, 2 clusters, 400 pods, moving off app mesh from our old EKS setup. need "
        "multi-cluster mtls and failover, red hat support preferred",
        "OCP on aws (rosa), 3 clusters, our previous eks side is being retired, multi-cluster "
        "mtls + failover, prefer red hat support",
        "rosa, 2 regions, 600 pods; app mesh was on our old eks, need cross cluster mtls and "
        "failover. red hat support wanted",
        "openshift (ROSA) x2 clusters, migrating from our former EKS platform, need "
        "multicluster mtls and failover; red hat support",
    ],
)
def test_a_platform_being_left_is_not_theirs(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["platform"] == ["openshift"]
    assert verdict(engine, text).pick in {"openshift-service-mesh", "gloo-mesh"}


@pytest.mark.parametrize(
    "text",
    [
        "we run ecs (fargate), eks, and ~200 on-prem vms. app mesh today on the aws bits. want "
        "ONE mesh across all three. legal: no BUSL. we'll pay for support",
        "ecs fargate + eks + ~150 on-prem vms, one mesh across all of them, no BUSL, we'll pay "
        "for support",
        "we have ECS services, an EKS cluster and 100 vms on premises. want one mesh everywhere. "
        "no busl. vendor support ok",
        "ECS + EKS today, and ~80 VMs in our data center. single mesh for everything, no "
        "business source license, paid support fine",
        "one mesh for our ecs tasks, eks pods and on-prem vms (about 250). no busl. we'd pay for "
        "support",
    ],
)
def test_vms_in_their_own_data_centres_are_no_providers_vms(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert (facts["cloud"], facts["support"]) == ("own", "any")
    result = verdict(engine, text)
    assert result.of("amazon-vpc-lattice").out
    assert result.pick == "kong-mesh"
