"""Setups in the words teams use for who supports the mesh, who runs it, what they run today
and where its proxies sit; each read through the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

# ------------------------------------------------------------------ who supports it


@pytest.mark.parametrize(
    ("text", "support", "pick"),
    [
        (
            "we're on EKS and everything must sit under our AWS Enterprise Support plan",
            "aws",
            "amazon-vpc-lattice",
        ),
        (
            "GKE; whatever we run has to be covered by our Google premium support contract",
            "google",
            "google-cloud-service-mesh",
        ),
        (
            "openshift, the mesh must come under our existing red hat premium support",
            "red-hat",
            "openshift-service-mesh",
        ),
        (
            "openshift 4.16, everything has to be covered by our Red Hat subscription",
            "red-hat",
            "openshift-service-mesh",
        ),
        (
            "AKS, 5 clusters; it must be supported under our Microsoft Premier agreement",
            "microsoft",
            "aks-istio-addon",
        ),
    ],
)
def test_a_vendors_support_plan_named_between_vendor_and_support_is_that_vendors_support(
    engine: AnswerEngine, text: str, support: str, pick: str
):
    assert engine.parser.parse(text).facts["support"] == support
    assert verdict(engine, text).tied == [pick]


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "AKS, 60 services, no third-party vendors: it has to be a Microsoft thing",
            "aks-istio-addon",
        ),
        ("EKS; third-party vendors are not allowed, 40 services", "amazon-vpc-lattice"),
        (
            "legal won't allow 3rd party vendors in the data path. we run GKE",
            "google-cloud-service-mesh",
        ),
    ],
)
def test_third_parties_refused_want_the_providers_support_not_no_lock_in(
    engine: AnswerEngine, text: str, pick: str
):
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "provider" and "no_vendor" not in facts
    assert verdict(engine, text).tied == [pick]


@pytest.mark.parametrize(
    ("text", "built_on", "pick"),
    [
        ("we need an Istio vendor for support, on EKS, 40 services", "istio", "gloo-mesh"),
        ("looking for a commercial Kuma vendor, VMs and k8s", "kuma", "kong-mesh"),
    ],
)
def test_a_vendor_of_a_named_project_is_support_for_an_offering_built_on_it(
    engine: AnswerEngine, text: str, built_on: str, pick: str
):
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "any" and facts["built_on"] == built_on
    assert verdict(engine, text).tied == [pick]


def test_the_commercial_istio_with_fips_builds_is_solos(engine: AnswerEngine):
    """Solo ships FIPS builds of its Istio images; upstream Istio documents only a TLS
    compliance policy, so its row stays partial."""
    text = "EKS and GKE, one mesh across clusters, FIPS required, from an Istio vendor"
    assert verdict(engine, text).tied == ["gloo-mesh"]
    assert engine.kb.meshes["gloo-mesh"].features["fips_tls"].level == "yes"


def test_refusing_to_pay_any_vendor_is_open_source_without_support(engine: AnswerEngine):
    text = "leadership refuses to pay any vendor for a mesh. EKS, 300 pods, no sidecars, mtls"
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "none" and facts["licence"] == "open_source"
    assert "no_vendor" not in facts
    assert verdict(engine, text).tied == ["istio-ambient"]


# ------------------------------------------------------------------ who runs it


@pytest.mark.parametrize(
    "text",
    [
        "we're on AKS and would like a managed addon rather than running istiod ourselves",
        "AKS, 90 services; the managed add-on model suits us",
        "still on OSM on AKS, it is retired; we'd like to keep it managed. 60 services",
    ],
)
def test_a_managed_add_on_wanted_is_a_managed_control_plane(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True
    assert verdict(engine, text).tied == ["aks-istio-addon"]


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "GKE autopilot, 15 services; we'd rather not operate the control plane, "
            "let google do the heavy lifting",
            "google-cloud-service-mesh",
        ),
        (
            "we're on ECS, 12 services, need retries and service discovery; "
            "not interested in running it ourselves",
            "amazon-ecs-service-connect",
        ),
    ],
)
def test_refusing_to_run_a_control_plane_wants_a_managed_one(
    engine: AnswerEngine, text: str, pick: str
):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True
    assert verdict(engine, text).tied == [pick]


@pytest.mark.parametrize(
    ("text", "engineers"),
    [
        ("a 15-person company and one SRE runs everything. EKS, 40 services, mtls", 1),
        ("our startup is 40 people, GKE, 20 services", None),
        ("EKS, our platform team of 6 people runs it, 100 services", 6),
        ("we are 300 people and the ops team is 2 people, EKS", 2),
    ],
)
def test_people_count_the_team_only_beside_a_teams_word(
    engine: AnswerEngine, text: str, engineers: int | None
):
    """A company's headcount is not the team that runs the mesh."""
    assert engine.parser.parse(text).facts.get("engineers") == engineers


@pytest.mark.parametrize(
    "text",
    [
        "a 25 person company, 2 GKE clusters, 40 services, one platform engineer, mtls",
        "2 EKS clusters, 35 services, mtls and retries; we want the least-ops option",
    ],
)
def test_a_one_person_or_least_ops_platform_gets_the_light_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["team_size"] == "small"
    assert verdict(engine, text).tied == ["linkerd"]


# ------------------------------------------------------------------ what they run today


@pytest.mark.parametrize(
    "text",
    [
        "BUSL is not a problem for us. we have had consul for years on VMs, now adding EKS. "
        "stay on it or move?",
        "we've had Consul Enterprise on our VMs a long time, the BSL doesn't worry us; "
        "EKS joins next quarter",
    ],
)
def test_an_incumbent_that_fits_is_kept(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["incumbent"] == "consul" and facts["licence"] == "any"
    assert verdict(engine, text).tied == ["consul"]


@pytest.mark.parametrize(
    "text",
    [
        "our cni is cilium, hubble too, 4 on-prem clusters. small team, which mesh",
        "cilium is our CNI on three bare metal clusters; a small team wants L7 visibility",
    ],
)
def test_cilium_named_as_the_cni_is_cilium_already_run(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["cilium_cni"] is True
    assert verdict(engine, text).tied == ["cilium"]


# ------------------------------------------------------------------ where it runs


@pytest.mark.parametrize(
    "text",
    [
        "we run ROSA, not vanilla EKS. needs to be vendor supported",
        "OpenShift on Azure (ARO) rather than plain AKS; must be vendor supported",
    ],
)
def test_a_platform_refused_with_a_qualifier_is_not_theirs(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["platform"] == ["openshift"] and facts["support"] == "any"
    assert verdict(engine, text).tied == ["openshift-service-mesh"]


def test_two_platforms_are_clusters_but_not_one_mesh_across_them(engine: AnswerEngine):
    facts = engine.parser.parse("EKS and on-prem rke2, mtls, 50 services").facts
    assert facts["clusters"] == 2 and "spans_clusters" not in facts


# ------------------------------------------------------------------ where the proxies sit


@pytest.mark.parametrize(
    "text",
    [
        "compliance wants no node-shared proxies. mtls + authz on GKE, 50 services",
        "ztunnel is a no-go for us, EKS, 80 services, mtls",
    ],
)
def test_shared_node_proxies_refused_require_a_proxy_in_every_pod(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts["per_pod_proxy"] is True
    assert "sidecarless" not in intent.facts.get("needs", [])
    result = verdict(engine, text)
    for mesh in ("istio-ambient", "cilium", "amazon-vpc-lattice"):
        assert result.of(mesh).out
    assert result.tied == ["linkerd"]


@pytest.mark.parametrize(
    "text",
    [
        "sidecars are mandatory for our auditors. GKE, 40 services",
        "the sidecar model must stay, AKS, 120 services",
    ],
)
def test_a_proxy_in_every_pod_insisted_on_rules_out_shared_node_proxies(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["per_pod_proxy"] is True
    assert verdict(engine, text).of("istio-ambient").out


@pytest.mark.parametrize(
    "text",
    ["no sidecars, ambient is required, EKS", "we require sidecar injection to be automatic"],
)
def test_a_refused_or_other_sidecar_word_insists_on_no_proxy_per_pod(
    engine: AnswerEngine, text: str
):
    assert "per_pod_proxy" not in engine.parser.parse(text).facts


# ------------------------------------------------------------------ release model


@pytest.mark.parametrize(
    "text",
    [
        "GKE, 90 services, apache licensed software only; we must run stable releases only, "
        "with backported fixes. which mesh?",
        "on-prem k8s with 140 microservices. we won't pay any vendor, and edge builds in "
        "production are banned by our change board. need mtls and retries. what should we run?",
    ],
)
def test_stable_releases_with_no_paid_edition_rule_out_an_edge_only_project(
    engine: AnswerEngine, text: str
):
    found = verdict(engine, text)
    linkerd = found.of("linkerd")
    assert linkerd.out and "Buoyant Enterprise for Linkerd" in linkerd.reasons[0].text
    assert found.pick in {"istio", "istio-ambient"}


def test_a_company_under_the_free_tier_keeps_the_vendors_stable_edition(engine: AnswerEngine):
    text = (
        "12 person startup on EKS, 60 services, open source only and we need stable releases "
        "only. 2 engineers run the platform. what do we pick?"
    )
    assert engine.parser.parse(text).facts["employees"] == 12
    found = verdict(engine, text)
    assert not found.of("linkerd").out
    assert found.pick == "linkerd"


def test_edge_only_builds_weigh_against_a_mesh_when_no_paid_edition_is_open(
    engine: AnswerEngine,
):
    text = "EKS, 70 services, licence policy is OSI approved only. need mtls and canaries. which?"
    found = verdict(engine, text)
    rule = next(r for r in found.fired if r.id == "edge-builds-only")
    weighed = {m for m in found.survivors if scoring.weight(rule, found.of(m), found.field)}
    assert weighed == {"linkerd"}


def test_an_aside_right_after_the_platform_is_the_setup(engine: AnswerEngine):
    facts = engine.parser.parse("we're on GKE (2 clusters, ~45 svcs). which mesh?").facts
    assert facts["services"] == 45 and facts["clusters"] == 2


def test_people_running_the_platform_are_its_team(engine: AnswerEngine):
    facts = engine.parser.parse("3 ppl run the platform and we have 50 services. mesh?").facts
    assert facts["engineers"] == 3 and facts["team_size"] == "small"


# ------------------------------------------------------------------ what they run today


def test_sidecar_memory_said_to_hurt_moves_an_istio_shop_to_ambient(engine: AnswerEngine):
    text = (
        "we've run istio in sidecar mode for years, 3000 pods in our own DCs. the proxies are "
        "eating half our node RAM and we'd like to keep istio's CRDs. what now?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["low_overhead"] is True and facts["knows_api"] == "istio"
    assert verdict(engine, text).tied == ["istio-ambient"]


def test_a_mesh_they_are_happy_on_is_the_incumbent(engine: AnswerEngine):
    text = (
        "been happy with kuma on our k8s clusters for two years, but an auditor now wants FIPS "
        "140 crypto and a vendor SLA. which way?"
    )
    assert engine.parser.parse(text).facts["incumbent"] == "kuma"
    assert verdict(engine, text).tied == ["kong-mesh"]


def test_wasm_plugins_named_in_the_plural_are_a_need(engine: AnswerEngine):
    text = "GKE; we already run istio with a dozen wasm plugins. move to a managed mesh or not?"
    assert "wasm_extensions" in engine.parser.parse(text).facts["needs"]
    assert verdict(engine, text).tied == ["istio"]


def test_features_beyond_mtls_on_a_small_estate_favour_the_lightest_full_mesh(
    engine: AnswerEngine,
):
    text = "k3s at 40 sites, 6 services each. we need mtls plus retries and golden metrics. mesh?"
    found = verdict(engine, text)
    assert "small-estate-needs-more" in {r.id for r in found.fired}
    assert found.tied == ["linkerd"]


def test_less_to_manage_on_ecs_leads_to_the_built_in_option(engine: AnswerEngine):
    text = (
        "fargate on ECS, 30 services, we use app mesh for timeouts and retries and it is being "
        "retired. we want fewer moving parts. what should we go to?"
    )
    assert engine.parser.parse(text).facts["team_size"] == "small"
    assert verdict(engine, text).tied == ["amazon-ecs-service-connect"]


# ------------------------------------------------------------------ a memory cap


def test_a_total_memory_cap_rules_out_proxies_that_overrun_it(engine: AnswerEngine):
    text = (
        "AKS, 2400 pods on 80 nodes, azure cni stays. finance allows 4 GB of memory in total "
        "for the mesh. need mtls between services. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["mesh_memory"] == 4096
    found = verdict(engine, text)
    assert found.of("linkerd").out and "over your cap" in found.of("linkerd").reasons[0].text
    assert found.of("istio").out
    assert not found.of("istio-ambient").out


def test_memory_said_of_a_pod_is_no_total_cap(engine: AnswerEngine):
    facts = engine.parser.parse("EKS, 300 pods, sidecars can take 64MB each at most").facts
    assert "mesh_memory" not in facts and facts["pod_memory"] == 64


def test_control_planes_refused_in_the_plural_want_a_managed_one(engine: AnswerEngine):
    text = "AKS, 70 svcs; honestly we'd prefer not to run control planes ourselves. which mesh?"
    assert engine.parser.parse(text).facts["managed_control_plane"] is True


# ------------------------------------------------------------------ constraints said in passing


@pytest.mark.parametrize(
    "text",
    [
        "we run istio ourselves on two eks clusters, 500 services. the cio wants a 24/7 contract "
        "with someone, and we won't redo our virtualservices",
        "self-managed istio on eks and kubeadm on-prem, ~700 services; we need LTS builds "
        "and nobody rewrites our istio resources",
    ],
)
def test_round_the_clock_contracts_and_lts_builds_ask_for_a_vendor(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["support"] == "any"
    assert verdict(engine, text).tied == ["gloo-mesh"]


def test_ubuntu_lts_names_no_support_contract(engine: AnswerEngine):
    text = "40 services on ubuntu 22.04 lts vms, no kubernetes. which mesh?"
    assert "support" not in engine.parser.parse(text).facts


@pytest.mark.parametrize(
    "text",
    [
        "ossm 2.5 on openshift, 90 services. we have to migrate to something red hat still "
        "supports",
        "we run the old openshift mesh (maistra) for 60 services and must switch to something "
        "supported by red hat, close to istio upstream",
    ],
)
def test_moving_to_something_asks_for_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind.value == "recommend"
    assert verdict(engine, text).tied == ["openshift-service-mesh"]


def test_vms_set_beside_a_cluster_with_plus_are_workloads_of_the_mesh(engine: AnswerEngine):
    text = "eks plus 45 ec2 vms running old java; we need mtls between both, open source only"
    facts = engine.parser.parse(text).facts
    assert facts["platform"] == ["eks"] and "vm_workloads" in facts["needs"]
    assert "linkerd" not in verdict(engine, text).tied  # Linkerd's VM support is enterprise-only


def test_a_brutal_proxy_memory_bill_hurts(engine: AnswerEngine):
    text = (
        "we run istio sidecars on gke, 2000 nodes; the sidecar memory bill is brutal and we "
        "want it far lower while keeping our authorizationpolicies"
    )
    assert engine.parser.parse(text).facts.get("hurts") is True
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    ("text", "fact", "value", "pick"),
    [
        (
            "gke, 45 services; google has to manage the control plane",
            "managed_control_plane",
            True,
            "google-cloud-service-mesh",
        ),
        (
            "aks with 70 services, microsoft should run the mesh for us",
            "managed_control_plane",
            True,
            "aks-istio-addon",
        ),
        (
            "openshift 4.17, 90 services, red hat will have to support whatever we pick",
            "support",
            "red-hat",
            "openshift-service-mesh",
        ),
    ],
)
def test_a_vendor_that_has_to_run_or_support_it_is_asked_for(
    engine: AnswerEngine, text: str, fact: str, value: object, pick: str
):
    assert engine.parser.parse(text).facts[fact] == value
    assert verdict(engine, text).tied == [pick]


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("openshift, 50 services, no red hat subscription; we want upstream istio", "istio"),
        ("eks, 70 services, looking for something linkerd based", "linkerd"),
        ("we need a mesh close to upstream istio on rke2, 100 services", "istio"),
    ],
)
def test_a_mesh_built_on_a_named_project_is_asked_for(engine: AnswerEngine, text: str, base: str):
    assert engine.parser.parse(text).facts["built_on"] == base
    assert "built-on" in {r.id for r in verdict(engine, text).fired}


def test_support_from_the_cloud_vendor_itself_is_the_providers(engine: AnswerEngine):
    text = (
        "aks, 2 clusters, 45 services. compliance says the mesh must be supported by the cloud "
        "vendor itself, never a third party"
    )
    assert engine.parser.parse(text).facts["support"] == "provider"
    assert verdict(engine, text).tied == ["aks-istio-addon"]


# ------------------------------------------------------------------ setups read in other words


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 30 services; compliance says it must be supported by the cloud vendor itself",
        "we're on AKS and want something backed by our cloud provider, 12 services",
    ],
)
def test_the_cloud_vendor_itself_is_the_providers_support(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["support"] == "provider"
    assert verdict(engine, text).tied == ["aks-istio-addon"]


@pytest.mark.parametrize(
    "text",
    [
        "GKE, 25 services. mTLS isn't a requirement for us; we want latency metrics",
        "20 services on EKS, no compliance ask for mTLS, only tracing",
    ],
)
def test_a_need_said_not_to_be_required_is_none(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "mtls" in facts["not_needed"] and "mtls" not in facts.get("needs", [])


def test_failover_with_several_clusters_is_one_mesh_spanning_them(engine: AnswerEngine):
    text = "2 gke clusters in different regions, we need locality-aware failover and mtls"
    assert engine.parser.parse(text).facts["spans_clusters"] is True


def test_a_complaint_said_badly_is_no_need(engine: AnswerEngine):
    text = "GKE, 40 services. got badly bitten by envoy filters before, so no envoy. need mtls"
    facts = engine.parser.parse(text).facts
    assert facts["no_envoy"] is True and "custom_proxy_config" not in facts["needs"]
    assert verdict(engine, text).tied == ["linkerd"]


@pytest.mark.parametrize(
    "text",
    [
        "a service mesh that spans our eks cluster and some ec2 vms, 50 services",
        "AKS plus 30 old azure vms that should be in the mesh",
        "kubernetes and plain vms, mtls between them",
    ],
)
def test_vms_beside_a_cluster_are_workloads_not_more_clusters(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "vm_workloads" in facts["needs"] and "spans_clusters" not in facts


def test_a_tool_said_to_do_a_job_is_no_topic(engine: AnswerEngine):
    text = "k3s, 6 services. our grpc clients do retries and deadlines, no need for mtls"
    facts = engine.parser.parse(text).facts
    assert "proxyless_grpc" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["no-mesh"]


def test_a_blog_post_is_not_post_quantum(engine: AnswerEngine):
    text = "EKS, 10 services, tls at the load balancer. my cto read a blog post on meshes"
    assert "post_quantum_tls" not in engine.parser.parse(text).facts.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "we're pretty happy with kuma. do we just upgrade, or switch to linkerd?",
        "we run istio 1.20 today: upgrade or move to cilium?",
    ],
)
def test_upgrading_what_they_run_is_an_act_not_a_feature(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "revision_upgrades" not in intent.features
    assert "incumbent" in intent.facts


def test_canary_upgrades_asked_of_a_mesh_stay_a_feature(engine: AnswerEngine):
    assert "revision_upgrades" in engine.parser.parse("can kuma do canary upgrades?").features


def test_where_the_mesh_they_run_runs_is_their_platform(engine: AnswerEngine):
    text = "we already run kuma on our vms, 30 services, want mtls. what next?"
    assert engine.parser.parse(text).facts["platform"] == ["vms"]
    assert "platform" not in engine.parser.parse("which meshes run on vms?").facts


def test_tls_at_their_load_balancer_asks_no_load_balancing(engine: AnswerEngine):
    text = "https ends at our load balancer; aks, 25 services, want retries"
    assert "load_balancing" not in engine.parser.parse(text).facts.get("needs", [])
    assert "load_balancing" in engine.parser.parse("we want least-request load balancing").features


def test_a_team_heavy_on_a_vendor_buys_from_it(engine: AnswerEngine):
    text = "we're big on hashicorp (vault, nomad), 80 services on linux vms and one eks cluster"
    assert engine.parser.parse(text).facts["vendor"] == "hashicorp"
    assert verdict(engine, text).tied == ["consul"]


def test_what_burned_them_about_a_refused_proxy_is_no_need(engine: AnswerEngine):
    text = (
        "we got burned debugging envoy filters before, so envoy is a no-go. on-prem k8s, "
        "40 services, need mtls and retries"
    )
    facts = engine.parser.parse(text).facts
    assert facts["no_envoy"] is True and "custom_proxy_config" not in facts["needs"]
    assert verdict(engine, text).tied == ["linkerd"]


def test_supporting_the_mesh_themselves_wants_no_vendor(engine: AnswerEngine):
    text = "gke, 3 clusters, 300 services on istio today; we support it in-house, no contracts"
    assert engine.parser.parse(text).facts["support"] == "none"


def test_solos_managed_istio_upgrades_by_canary_revisions(engine: AnswerEngine):
    """Solo's upgrade guide for Gloo-managed meshes recommends the revisioned canary upgrade."""
    row = engine.kb.meshes["gloo-mesh"].features["revision_upgrades"]
    assert row.level == "yes" and "gloo-mesh-managed-upgrade" in row.sources
