"""Recommendations as an expert makes them: every current offering, hard requirements
first (each exclusion with its reason and sources), then trade-offs, the next question by
information gain, and the answer in every renderer within its budget."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer, Paragraph, StatementList, Table
from bot.answers.screening import Outcome, screen
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Level, Platform
from bot.render import limits
from bot.render.adr import render_adr
from bot.render.blocks import CARD_BLOCKS, CARD_TEXT, build_message, build_view_message
from bot.render.button_values import View
from bot.render.html import render_answer_html
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of
from tests.support.verdicts import verdict

SETUPS = [
    "we run on AKS, 200 services, want Microsoft support",
    "ECS on Fargate, 25 services",
    "hard rule from legal: no BUSL",
    "we need mTLS and golden metrics with minimum ops overhead",
    "we're on app mesh with ECS today",
    "AKS, 120 services, no sidecars",
    "AKS, 3 regions, each its own cluster, ideally an azure-managed mesh, 200 svcs",
    "recommend",
    "recommend a mesh, we need mTLS",
    "which mesh for EKS?",
    "recommend a mesh, no sidecars",
]


def point(answer: Answer, heading: str) -> Paragraph | StatementList | None:
    return next((p for p in answer.points if getattr(p, "heading", "") == heading), None)


# ------------------------------------------------------------------ candidates


def test_every_current_offering_is_a_candidate_and_no_retired_one(kb: KnowledgeBase):
    ids = {m.id for m in scoring.candidates(kb, [])}
    assert ids == {m.id for m in kb.meshes.values() if m.is_current}
    assert {"aks-istio-addon", "amazon-ecs-service-connect", "no-mesh"} <= ids
    assert "aws-app-mesh" not in ids


def test_where_low_overhead_is_wanted_the_lightest_successor_wins(engine: AnswerEngine):
    """Of NGINX Service Mesh's successors, ambient mode's per-node proxy is the lightest."""
    text = "NSM is EOL on our rke2 cluster. we want gateway api, mtls and low overhead"
    found = verdict(engine, text)
    assert "istio-ambient" in found.survivors
    assert found.tied == ["istio-ambient"]
    assert "low-overhead" in {r.id for r in found.fired}


def test_the_retired_mesh_keeps_the_lead_and_the_pick_is_a_successor(engine: AnswerEngine):
    answer = engine.ask("we're on app mesh with ECS today")
    assert answer.kind == IntentKind.recommend
    assert answer.lead.startswith("AWS App Mesh is retired")
    assert answer.title == "Recommendation: Amazon ECS Service Connect"


def test_a_setup_and_a_pick_asked_for_is_a_recommendation_though_meshes_are_named(
    engine: AnswerEngine,
):
    retired = engine.ask(
        "we still run open service mesh on two aks clusters (it came with the aks addon back "
        "in the day). heard its archived?? whats the replacement"
    )
    assert retired.kind == IntentKind.recommend
    assert retired.lead.startswith("Open Service Mesh is archived")
    assert "Open Service Mesh" not in retired.title
    dead = engine.parser.parse(
        "nginx service mesh is dead apparently. tiny team (2 people), ~35 services. "
        "we used it for mtls and a bit of traffic splitting. want the least operational pain"
    )
    assert dead.kind == IntentKind.recommend
    budget = engine.parser.parse(
        "Self-managed k8s, 800 pods. Finance capped mesh overhead at roughly 20 MB of memory "
        "per pod. Which meshes fit that budget?"
    )
    assert budget.kind == IntentKind.recommend


def test_the_current_mesh_they_run_is_the_incumbent_and_stays_when_it_fits(
    engine: AnswerEngine,
):
    text = (
        "We've run Istio with sidecars on EKS for 4 years, lots of EnvoyFilters. Management "
        "read that ambient is cheaper and wants us to switch. What should we run?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts["incumbent"] == "istio"
    assert verdict(engine, text).tied == ["istio"]


def test_two_meshes_and_a_size_without_a_pick_asked_for_stay_a_comparison(
    engine: AnswerEngine,
):
    assert engine.parser.parse("istio vs linkerd for 40 services").kind == IntentKind.compare


@pytest.mark.parametrize(
    "text",
    [
        "we have one django monolith and two celery workers on a single VM behind nginx. "
        "our new CTO keeps saying service mesh. should we set one up?",
        "14 services, one cluster, no compliance requirement for mTLS. we just want traces "
        "and some dashboards; we already have OpenTelemetry SDKs. Do we need a mesh?",
        "we only want request metrics + traces across 12 services. already instrumenting "
        "everything with OpenTelemetry SDKs. do we need a mesh for that?",
    ],
)
def test_a_small_estate_with_nothing_a_mesh_adds_is_told_no_mesh(engine: AnswerEngine, text):
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "services mostly exchange events over a queue, about 4 sync calls in total, GKE. "
        "do we need a mesh?",
        "5 microservices on EKS and we need mTLS between them",
        "GKE, 25 services, north-south only through our ingress. mesh or not?",
    ],
)
def test_little_service_to_service_traffic_is_told_no_mesh(engine: AnswerEngine, text):
    assert verdict(engine, text).tied == ["no-mesh"]


def test_needs_only_at_the_edge_are_told_no_mesh_and_mtls_needs_a_mesh(engine: AnswerEngine):
    edge = verdict(engine, "GKE, 20 services, all we want is an ingress gateway doing TLS")
    assert edge.tied == ["no-mesh"]
    both = verdict(engine, "GKE, 20 services, we want an ingress gateway and mTLS inside")
    assert "edge-only" not in {r.id for r in both.fired}


@pytest.mark.parametrize(
    "text",
    [
        "8 services on AKS. all we want is traces and latency dashboards, and every service "
        "already uses the otel sdk. no one is asking for mtls. worth adding a mesh?",
        "one EKS cluster, 15 services. we need TLS termination and path based routing for the "
        "public endpoints; traffic between services is fine. mesh or not?",
        "compliance asked for namespace isolation: deny by default and a port allow list, "
        "nothing at L7 and no encryption needed. GKE. do we need a mesh?",
        "about 30 services that only communicate through kafka, on eks. do we need a mesh?",
    ],
)
def test_needs_met_without_a_mesh_are_told_no_mesh_and_why(engine: AnswerEngine, text):
    assert verdict(engine, text).tied == ["no-mesh"]
    said = render_terminal(engine.ask(text))
    assert "without a mesh" in said or "little east-west traffic" in said


def test_a_need_no_mesh_lacks_or_a_tool_named_alone_keeps_the_meshes_in(engine: AnswerEngine):
    found = verdict(
        engine,
        "one EKS cluster, 80 services, traffic between services is fine. we need "
        "canaries at the edge and mtls between pods",
    )
    assert "needs-met-without-mesh" not in {r.id for r in found.fired}
    assert "no-mesh" not in found.tied
    named = verdict(engine, "GKE, 250 services, we already run the otel sdks. which mesh?")
    assert "needs-met-without-mesh" not in {r.id for r in named.fired}


def test_with_vendor_support_wanted_the_platform_vendors_own_build_leads(
    engine: AnswerEngine,
):
    found = verdict(engine, "OpenShift 4.16, we need commercial support for the mesh")
    assert found.tied == ["openshift-service-mesh"]


def test_a_version_number_before_a_unit_is_not_a_count(engine: AnswerEngine):
    intent = engine.parser.parse("AKS with windows pools running .NET 4.8 apps, which mesh?")
    assert "services" not in intent.facts


def test_the_resources_a_team_knows_favour_the_meshes_configured_with_them(
    engine: AnswerEngine, kb: KnowledgeBase
):
    text = "EKS, 300 services, our devs write DestinationRules and EnvoyFilters daily"
    found = verdict(engine, text)
    rule = next(r for r in found.fired if r.id == "familiar-api")
    weighed = {m for m in found.survivors if scoring.weight(rule, found.of(m), found.field)}
    assert weighed == {m for m in found.survivors if kb.meshes[m].api_family == "istio"}
    assert kb.meshes[found.pick].api_family == "istio"


def test_a_mesh_built_on_the_project_asked_for_leads(engine: AnswerEngine, kb: KnowledgeBase):
    text = "EKS and AKS clusters, one Istio-based mesh over both, with a vendor we can call"
    found = verdict(engine, text)
    rule = next(r for r in found.fired if r.id == "built-on")
    weighed = {m for m in found.survivors if scoring.weight(rule, found.of(m), found.field)}
    assert weighed == {m for m in found.survivors if kb.meshes[m].api_family == "istio"}
    assert found.tied == ["gloo-mesh"]
    kuma = verdict(engine, "40 services on GKE, we'd like something built on Kuma")
    assert kb.meshes[kuma.pick].api_family == "kuma"


def test_low_overhead_is_resources_and_low_ops_overhead_is_the_team(engine: AnswerEngine):
    lean = engine.parser.parse("which mesh has low overhead for 60 services on GKE?")
    assert lean.facts.get("low_overhead") is True
    ops = engine.parser.parse("which mesh has low ops overhead for 60 services on GKE?")
    assert "low_overhead" not in ops.facts
    assert ops.facts.get("team_size") == "small"


def test_a_vendor_the_team_works_with_favours_what_it_makes(engine: AnswerEngine):
    assert verdict(engine, "we're a Kong shop, 60 services on EKS, which mesh?").pick == (
        "kong-mesh"
    )
    found = verdict(engine, "we're a Kong shop, 60 services on EKS, open source only")
    rule = next(r for r in found.fired if r.id == "vendor-family")
    assert found.of("kong-mesh").out
    assert [m for m in found.survivors if scoring.weight(rule, found.of(m), found.field)] == [
        "kuma"
    ]


def test_a_cloud_the_team_buys_from_counts_once_as_their_provider(engine: AnswerEngine):
    """Every team on EKS buys from AWS: its offerings weigh as the provider's own, not again
    as the vendor the team works with."""
    on_eks = verdict(engine, "EKS, 60 services, we're an AWS shop, which mesh?")
    fired = {r.id for r in on_eks.fired}
    assert "provider-customer" in fired
    assert not fired & {"vendor-family", "current-vendor"}
    text = "we're an AWS shop. 800 pods, 20MiB per pod for a mesh tops, need mtls"
    budget = verdict(engine, text)
    assert budget.field.req.provider == "aws"
    assert budget.tied == ["istio-ambient"]


def test_a_data_plane_outside_the_cluster_is_no_yardstick_for_the_lightest(kb: KnowledgeBase):
    """VPC Lattice holds no memory in the cluster; ambient's per-node proxy is still the
    lightest in-cluster data plane at 3,000 pods, far below any sidecar."""
    facts = {"pods": 3000, "memory_budget": "tight", "knows_api": "istio"}
    found = scoring.evaluate(kb, facts, scoring.candidates(kb, []))
    rule = next(r for r in found.fired if r.id == "tight-memory")
    lightest = {m for m in found.survivors if scoring.weight(rule, found.of(m), found.field)}
    assert {"istio-ambient", "amazon-vpc-lattice"} <= lightest
    assert "istio" not in lightest
    assert found.tied == ["istio-ambient"]


def test_without_support_wanted_the_open_source_base_beats_its_paid_edition(
    kb: KnowledgeBase,
):
    facts = {"platform": ["kubernetes"], "needs": ["vm_workloads"], "support": "none"}
    found = scoring.evaluate(kb, facts, scoring.candidates(kb, []))
    assert found.scores["kuma"] > found.scores["kong-mesh"]
    assert found.scores["istio"] > found.scores["gloo-mesh"]


def test_at_tens_of_thousands_of_pods_the_sidecarless_mode_of_the_known_api_wins(
    engine: AnswerEngine,
):
    text = "bare metal k8s, 30,000 pods, we keep our istio crds, which mesh now?"
    assert verdict(engine, text).tied == ["istio-ambient"]


@pytest.mark.parametrize(
    "text",
    [
        "40 services, we already have OpenTelemetry, want tracing",
        "40 services, everything already emits otel traces, want tracing",
    ],
)
def test_a_need_a_tool_they_already_run_covers_is_not_asked_of_the_mesh(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert "distributed_tracing" in intent.facts["covered"]
    assert "distributed_tracing" not in intent.facts.get("needs", [])


@pytest.mark.parametrize(
    "text",
    [
        "30 services on aks, we want grafana dashboards of error rates. which mesh?",
        "we already use grafana cloud. 30 services on aks, need mtls, which mesh",
    ],
)
def test_dashboards_a_tool_they_name_draws_are_not_asked_of_the_mesh(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert "dashboard" in facts["covered"]
    assert "dashboard" not in facts.get("needs", [])


def test_the_meshs_own_dashboard_asked_for_is_a_need(engine: AnswerEngine):
    text = "30 services on aks, we want a service graph ui. which mesh?"
    facts = engine.parser.parse(text).facts
    assert "dashboard" in facts["needs"] and "covered" not in facts


def test_an_ingress_controller_they_run_beside_a_retired_mesh_covers_ingress(
    engine: AnswerEngine,
):
    text = "rke2, we run nginx service mesh + nginx ingress, want gateway api, mtls, low overhead"
    facts = engine.parser.parse(text).facts
    assert facts["covered"] == ["ingress_gateway"] and "incumbent" not in facts
    assert "ingress_gateway" not in facts["needs"] and facts["low_overhead"] is True
    assert verdict(engine, text).pick in ("linkerd", "istio-ambient")


def test_a_vendors_product_they_run_is_no_vendor_they_buy_from(engine: AnswerEngine):
    text = "800 pods, we can spare 20MiB per pod, need mtls. we're on the aws vpc cni"
    assert "vendor" not in engine.parser.parse(text).facts
    assert verdict(engine, text).pick in ("linkerd", "istio-ambient")
    assert engine.parser.parse("we already pay for aws, eks").facts["vendor"] == "aws"


def test_with_no_platform_said_an_offering_bound_to_one_providers_platform_waits(
    engine: AnswerEngine, kb: KnowledgeBase
):
    text = "no sidecars, we are not swapping Calico, ~1,500 pods, need mTLS and L7 authz"
    unsaid = verdict(engine, text)
    bound = {"openshift-service-mesh", "aks-istio-addon", "amazon-ecs-service-connect"}
    assert unsaid.tied and not bound & set(unsaid.tied)
    assert "platform-unknown" in {rule.id for rule in unsaid.fired}
    on_openshift = verdict(engine, f"OpenShift, {text}")
    assert "platform-unknown" not in {rule.id for rule in on_openshift.fired}


def test_a_commercial_vendor_with_support_slas_asks_for_any_vendors_support(
    engine: AnswerEngine,
):
    intent = engine.parser.parse(
        "EKS, ~400 services. Leadership insists on a commercial vendor with 24x7 support SLAs "
        "for whatever mesh we run."
    )
    assert intent.kind == IntentKind.recommend
    assert intent.facts["support"] == "any"


def test_a_refusal_makes_the_features_it_moots_no_must_have(engine: AnswerEngine):
    text = (
        "no sidecars (we got burned by injection + job pods never finishing), not swapping "
        "Calico, ~1,500 pods, need mTLS everywhere and L7 authz on a handful of services"
    )
    intent = engine.parser.parse(text)
    assert intent.facts["no_sidecars"] is True
    assert "native_sidecars" not in intent.facts["needs"]
    assert verdict(engine, text).tied == ["istio-ambient"]


# ------------------------------------------------------------------ screening


def test_a_licence_policy_rules_consul_out_with_its_sources(engine: AnswerEngine):
    result = verdict(engine, "hard rule from legal: no BUSL")
    [consul] = result.ruled_out
    assert consul.mesh.id == "consul"
    [reason] = consul.reasons
    assert "source-available licence" in reason.text and "BUSL" in reason.text
    assert set(reason.sources) <= set(consul.mesh.fit.sources) and reason.sources


def test_a_missing_must_have_rules_out_and_cites_its_row(engine: AnswerEngine, kb):
    result = verdict(engine, "recommend a mesh, we need JWT validation")
    linkerd = result.of("linkerd")
    assert linkerd.out
    row = kb.meshes["linkerd"].features["jwt_validation"]
    assert row.level == Level.no
    assert linkerd.reasons[0].text == "no JWT validation"
    assert linkerd.reasons[0].sources == row.sources


def test_partial_and_unknown_must_haves_keep_the_offering_with_a_caveat(kb: KnowledgeBase):
    partial = next(
        (m, f)
        for m in kb.current_meshes()
        for f, row in m.features.items()
        if row.level == Level.partial
    )
    unknown = next(
        (m, f)
        for m in kb.current_meshes()
        for f, row in m.features.items()
        if row.level == Level.unknown
    )
    for (mesh, feature), word in ((partial, "partial"), (unknown, "unconfirmed")):
        [screened] = screen(kb, [mesh], {"needs": [feature]})
        assert not screened.out
        [caveat] = screened.caveats
        assert caveat.outcome == Outcome.caveat and word in caveat.text


def test_no_sidecars_rules_out_the_aks_add_on_and_says_so(engine: AnswerEngine):
    answer = engine.ask("AKS, 120 services, no sidecars")
    assert "AKS Istio-based service mesh add-on is out: no sidecar-free" in answer.lead
    assert not answer.lead.startswith("AKS")  # the pick leads; why the add-on is out follows
    result = verdict(engine, "AKS, 120 services, no sidecars")
    assert result.pick in {"istio-ambient", "cilium"}
    assert result.of("aks-istio-addon").out


def test_kubernetes_covers_the_provider_platforms_unless_not_on_names_one(kb: KnowledgeBase):
    linkerd = kb.meshes["linkerd"]
    assert Platform.kubernetes in linkerd.fit.platforms
    [runs] = screen(kb, [linkerd], {"platform": ["aks"]})
    assert not runs.out
    barred = linkerd.model_copy(
        update={"fit": linkerd.fit.model_copy(update={"not_on": [Platform.aks]})}
    )
    [out] = screen(kb, [barred], {"platform": ["aks"]})
    assert out.out and out.reasons[0].text == "doesn't run on AKS"


def test_an_offering_must_run_on_every_platform_named(engine: AnswerEngine):
    result = verdict(engine, "AKS + EKS + GKE, 300 services, one mesh across all three")
    assert result.of("aks-istio-addon").out and result.of("google-cloud-service-mesh").out
    assert not result.of("istio").out


def test_when_nothing_fits_the_softest_requirement_is_given_up_and_said(engine: AnswerEngine):
    text = (
        "AKS, 3 regions, each its own cluster, failover between regions, we want an "
        "azure-managed mesh, 200 svcs"
    )
    result = verdict(engine, text)
    assert result.relaxed == ["managed"] and result.pick
    assert result.of("aks-istio-addon").out  # multi-cluster is never given up
    answer = engine.ask(text)
    assert "gave up the softest: someone else runs the control plane" in answer.lead


def test_a_managed_mesh_wanted_if_possible_is_weighed_not_screened(engine: AnswerEngine):
    """ "Ideally an azure-managed mesh" is a preference (managed_preferred): nothing is screened
    out for running its own control plane, and the managed one out for multi-cluster is said
    first among what is ruled out."""
    text = (
        "AKS, 3 regions, each its own cluster, failover between regions, ideally an "
        "azure-managed mesh, 200 svcs"
    )
    result = verdict(engine, text)
    assert result.relaxed == [] and result.pick
    assert result.of("aks-istio-addon").out  # multi-cluster is never given up
    shown = render_terminal(engine.ask(text))
    assert "RULED OUT (6)\nAKS Istio-based service mesh add-on" in shown


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 150 services across 4 clusters, want microsoft support",
        "AKS, 3 regions, 200 services, microsoft support",
        "we run several clusters on AKS and want a mesh microsoft supports",
    ],
)
def test_several_clusters_alone_do_not_require_one_mesh_across_them(
    engine: AnswerEngine, text: str
):
    """Many estates run a mesh per cluster: a count of clusters or regions is not a need
    for multi-cluster (one mesh spanning them is); the pick still says what it lacks."""
    assert verdict(engine, text).tied == ["aks-istio-addon"]
    assert "no multi-cluster" in engine.ask(text).lead


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 4 clusters, one mesh across clusters, microsoft support",
        "AKS, 3 regions with cross-region failover, microsoft support",
    ],
)
def test_one_mesh_across_clusters_needs_multi_cluster(engine: AnswerEngine, text: str):
    assert verdict(engine, text).of("aks-istio-addon").out


# ------------------------------------------------------------------ the provider's offering


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("we run on AKS, 200 services, want Microsoft support", "aks-istio-addon"),
        ("we're on AKS and want a managed control plane", "aks-istio-addon"),
        ("GKE shop, we want google to run the mesh control plane", "google-cloud-service-mesh"),
        ("openshift clusters, we need red hat support", "openshift-service-mesh"),
        ("ECS on Fargate, 25 services", "amazon-ecs-service-connect"),
        ("EKS, we need support from our cloud provider", "amazon-vpc-lattice"),
    ],
)
def test_the_providers_own_offering_is_picked_for_provider_support_or_management(
    engine: AnswerEngine, text: str, pick: str
):
    result = verdict(engine, text)
    assert result.tied == [pick]
    assert engine.ask(text).title == f"Recommendation: {engine.kb.meshes[pick].name}"


def test_the_aks_pick_names_what_it_lacks(engine: AnswerEngine):
    answer = engine.ask("we run on AKS, 200 services, want Microsoft support")
    assert answer.lead.startswith("AKS Istio-based service mesh add-on (firm)")
    assert "Main caveat: no ambient mode" in answer.lead


# ------------------------------------------------------------------ trade-offs


def test_a_must_have_every_option_supports_is_stated_never_ignored(engine: AnswerEngine):
    answer = engine.ask("we need mTLS and golden metrics with minimum ops overhead")
    said = point(answer, "Your must-haves")
    left = verdict(engine, "we need mTLS and golden metrics with minimum ops overhead").survivors
    assert said is not None and f" of the {len(left)} options left fully " in said.text
    assert "support Mutual TLS (mTLS) and Golden metrics" in said.text
    assert "ignores" not in render_terminal(answer)


def test_all_n_support_is_said_only_when_every_option_fully_does(engine: AnswerEngine):
    text = "recommend a mesh, we need mTLS"
    result = verdict(engine, text)
    partly = [m for m in result.survivors if result.of(m).caveats]
    assert partly  # some offerings have mTLS only partly
    said = point(engine.ask(text), "Your must-haves")
    assert isinstance(said, Paragraph)
    assert not said.text.startswith("All ")
    assert said.text.startswith(f"{len(result.survivors) - len(partly)} of the ")
    assert f"{len(partly)} only partly or unconfirmed" in said.text


def test_with_nothing_known_the_card_says_so_and_asks_the_splitting_question(
    engine: AnswerEngine,
):
    answer = engine.ask("recommend")
    assert answer.lead.startswith("I know nothing about your setup yet, so no pick")
    ahead = scoring.outlook(engine.kb, {}, scoring.candidates(engine.kb, []))
    asked = ahead.most_telling_question()
    assert asked is not None and answer.follow_up is not None
    assert answer.follow_up.question == asked.ask


def test_the_reasons_that_move_the_pick_come_first(engine: AnswerEngine):
    text = "which mesh for EKS?"
    pick = engine.kb.meshes[verdict(engine, text).pick]
    why = point(engine.ask(text), "Why")
    assert isinstance(why, StatementList)
    assert pick.name in why.items[0].label


def test_a_rule_on_an_upstream_mesh_weighs_its_distributions(engine: AnswerEngine):
    result = verdict(engine, "recommend for 300 services")
    large = next(r for r in engine.kb.rules.rules if r.id == "large-estate")
    assert large in result.fired
    weights = {m: scoring.weight(large, result.of(m), result.field) for m in result.survivors}
    assert weights["openshift-service-mesh"] == weights["istio"] > 0


def reasons_of(answer: Answer) -> list:
    section = answer.section("reasons")
    lists = [*answer.points, *(section.parts if section else [])]
    return [s for p in lists if isinstance(p, StatementList) for s in p.items]


def test_a_reason_is_shown_only_for_offerings_it_is_true_of(engine: AnswerEngine, kb):
    """Every rule's `applies_if` holds for every offering its reason is shown for: the
    ambient reason never for the AKS add-on (no ambient mode), owning Istio's control plane
    never for a managed one."""
    text = "we run on AKS, 250 services, dedicated platform team"
    result = verdict(engine, text)
    conditional = [r for r in kb.rules.rules if r.applies_if]
    assert {"large-estate-sidecarless", "dedicated-team"} <= {r.id for r in conditional}
    addon = result.of("aks-istio-addon")
    fired = [r for r in conditional if r in result.fired]
    assert {"large-estate-sidecarless", "dedicated-team"} <= {r.id for r in fired}
    for rule in fired:
        if rule.id in {"large-estate-sidecarless", "dedicated-team"}:
            assert scoring.weight(rule, addon, result.field) == 0
    ambient = next(s for s in reasons_of(engine.ask(text)) if "ambient mode cuts" in s.text)
    assert "AKS" not in ambient.label and "Istio ambient mode" in ambient.label


def test_applies_if_names_a_known_feature_or_trait(kb_dir):
    path = kb_dir / "rules.yaml"
    text = path.read_text()
    bad = "applies_if: {feature: teleport, at_least: partial}"
    path.write_text(text.replace("applies_if: {feature: sidecarless, at_least: partial}", bad))
    assert any(
        "rules[" in p and "applies_if.feature: unknown feature 'teleport'" in p
        for p in problems_of(kb_dir)
    )
    path.write_text(text.replace("applies_if: {trait: managed, is: false}", "applies_if: {}"))
    assert any(
        "applies_if needs exactly one of feature: or trait:" in p for p in problems_of(kb_dir)
    )


def test_the_provider_reason_cites_only_the_favoured_offerings_sources(engine: AnswerEngine):
    answer = engine.ask("we run on AKS, 250 services, dedicated platform team, want vendor support")
    provider = next(s for s in reasons_of(answer) if "provider's platform" in s.text)
    addon = engine.kb.meshes["aks-istio-addon"]
    assert provider.label == f"For {addon.name}"
    assert provider.sources and set(provider.sources) <= set(addon.offering_sources)


def test_the_ruled_out_line_says_every_elimination_grouped_by_its_reason(engine: AnswerEngine):
    text = "hard rule from legal: no BUSL, 60 services on EKS, envoy is a no-go"
    result = verdict(engine, text)
    line = point(engine.ask(text), f"Ruled out ({len(result.ruled_out)})")
    assert isinstance(line, Paragraph)
    reasons = list(dict.fromkeys(s.reasons[0].text for s in result.ruled_out))
    assert len(reasons) >= 3 and all(reason in line.text for reason in reasons)
    assert "more (see Ruled out)" not in line.text
    # One mark a reason: its first elimination's first source.
    firsts = {r: next(s for s in result.ruled_out if s.reasons[0].text == r) for r in reasons}
    assert line.sources == [firsts[r].reasons[0].sources[0] for r in _biggest_first(result)]


def test_a_reason_shared_by_many_names_a_few_and_counts_the_rest(engine: AnswerEngine):
    text = "we run on AKS, 200 services, want Microsoft support"
    result = verdict(engine, text)
    line = point(engine.ask(text), f"Ruled out ({len(result.ruled_out)})")
    assert isinstance(line, Paragraph)
    support = [s for s in result.ruled_out if s.reasons[0].text.startswith("no support contract")]
    assert len(support) > 4
    assert f"and {len(support) - 3} more: no support contract from Microsoft" in line.text


def _biggest_first(result) -> list[str]:
    counts: dict[str, int] = {}
    for s in result.ruled_out:
        counts[s.reasons[0].text] = counts.get(s.reasons[0].text, 0) + 1
    return sorted(counts, key=lambda r: -counts[r])


def test_a_screened_row_carries_one_mark_a_finding(engine: AnswerEngine):
    text = "we run on AKS, 200 services, want Microsoft support"
    result = verdict(engine, text)
    section = next(s for s in engine.ask(text).details if s.key == "ruled_out")
    rows = {row.cells[0]: row for row in section.parts[0].rows}
    for screened in result.screened:
        findings = screened.reasons if screened.out else screened.caveats
        marks = rows[screened.mesh.name].sources
        assert marks == list(dict.fromkeys(f.sources[0] for f in findings if f.sources))
    assert any(len(screened.reasons) > 1 for screened in result.ruled_out)


def test_tight_memory_weighs_proxy_memory_at_their_size(engine: AnswerEngine):
    answer = engine.ask("1,500 pods on kubernetes, tight memory budget")
    reasons = [s for p in answer.points if isinstance(p, StatementList) for s in p.items]
    memory = next(s for s in reasons if "At 1,500 pods" in s.text)
    assert "Istio ambient mode about" in memory.text and memory.sources
    assert verdict(engine, "1,500 pods on kubernetes, tight memory budget").pick == (
        "istio-ambient"
    )


@pytest.mark.parametrize(
    ("text", "fact", "mib", "budget"),
    [
        ("512MB RAM nodes running k3s, which mesh", "node_memory", 512, "tight"),
        ("edge boxes with 0.5 GB of memory each, which mesh", "node_memory", 512, "tight"),
        ("sidecars can't take more than 50Mi, eks, 40 services", "pod_memory", 50, "tight"),
        ("we can spare maybe 20MiB per pod for a mesh, 800 pods", "pod_memory", 20, "tight"),
        ("our nodes have 64GB RAM, 100 services on gke", "node_memory", 65536, None),
        ("istio sidecars are eating like 30% of node memory", "memory_share", 30, "tight"),
        ("the mesh takes 5 percent of ram, eks", "memory_share", 5, None),
    ],
)
def test_memory_said_per_node_or_pod_is_the_memory_budget(
    engine: AnswerEngine, text: str, fact: str, mib: int, budget: str | None
):
    facts = engine.parser.parse(text).facts
    assert facts[fact] == mib and facts.get("memory_budget") == budget


# ------------------------------------------------------------------ ties and the next question


def test_an_honest_tie_names_every_tied_offering(engine: AnswerEngine):
    answer = engine.ask("recommend")
    result = verdict(engine, "recommend")
    assert len(result.tied) > 1
    assert answer.title.endswith(" tie")
    assert all(engine.kb.meshes[m].name in answer.lead for m in result.tied)


def test_a_close_call_no_stated_count_separates_is_a_tie_that_says_what_would_split_them(
    engine: AnswerEngine, kb: KnowledgeBase
):
    """Offerings level on what is known, where no count of the answers to the open questions
    keeps one ahead of the others more often, are said as a tie (no pick "listed first" on an
    unstated sum), and the lead names the answer that would make each the only pick."""
    intent = engine.parser.parse("on-prem k8s, we must have post-quantum key exchange. which?")
    ahead = scoring.outlook(kb, intent.facts, scoring.candidates(kb, intent.meshes))
    level = ahead.verdict.level
    assert len(level) > 1 and ahead.verdict.lean is None and ahead.verdict.tied == level
    answer = engine.answer(intent)
    assert answer.title.endswith(" tie")
    assert "listed first" not in answer.lead
    split = answer.lead.split("What would split them: ")[1]
    for mesh_id in level:
        name = kb.meshes[mesh_id].name
        said = [
            after.tied
            for question, option, after in ahead.options
            if f"{name} if the answer to “{question.ask}” is {option.label}" in split
        ]
        assert said == [[mesh_id]] or f"{name} is best for" in split


def test_the_next_question_is_the_one_that_splits_the_outcome_most(engine: AnswerEngine, kb):
    ahead = scoring.outlook(kb, {}, scoring.candidates(kb, []))
    asked = ahead.most_telling_question()
    assert asked is not None

    def told(question_id: str) -> float:
        """What its answers tell about the pick, in bits (the measure the engine asks by)."""
        outcomes = [tuple(v.tied) for q, _, v in ahead.options if q.id == question_id]
        return scoring.information(outcomes)[0]

    for question in kb.rules.questions:
        assert told(question.id) <= told(asked.id) + 1e-9


def test_no_question_once_one_offering_is_left(engine: AnswerEngine):
    text = "we run on AKS, 200 services, want Microsoft support"
    assert verdict(engine, text).survivors == ["aks-istio-addon"]
    answer = engine.ask(text)
    assert answer.follow_up is None and "(firm)" in answer.lead


def test_a_follow_up_button_carries_every_fact_forward(engine: AnswerEngine):
    answer = engine.ask("ECS on Fargate, 25 services")
    assert answer.follow_up is not None
    choice = answer.follow_up.choices[-1]
    assert choice.intent.facts["platform"] == ["ecs"] and choice.intent.facts["services"] == 25
    assert engine.answer(choice.intent).kind == IntentKind.recommend


# ------------------------------------------------------------------ every renderer


@pytest.mark.parametrize("text", SETUPS)
def test_the_first_slack_card_stays_within_budget(engine: AnswerEngine, text: str):
    message = build_message(engine.ask(text))
    assert limits.problems(message) == []
    assert len(message["blocks"]) <= CARD_BLOCKS - 1  # room for the feedback block
    assert limits.visible_text(message) <= CARD_TEXT
    assert message["text"]


def test_the_ruled_out_list_is_behind_a_button_on_the_card(engine: AnswerEngine):
    answer = engine.ask("we run on AKS, 200 services, want Microsoft support")
    message = build_message(answer)
    labels = [
        e["text"]["text"]
        for b in message["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
    ]
    assert "Ruled out" in labels
    [table] = answer.section("ruled_out").parts
    assert isinstance(table, Table) and len(table.rows) == len(engine.kb.current_meshes())
    opened = build_view_message(answer, View(section="ruled_out"))
    assert limits.problems(opened) == []
    shown = " ".join(b["text"]["text"] for b in opened["blocks"] if b["type"] == "section")
    assert "*Consul*: ruled out — no support contract from Microsoft" in shown


def test_the_decision_record_has_the_elimination_table(engine: AnswerEngine):
    answer = engine.ask("hard rule from legal: no BUSL")
    record = render_adr(answer)
    assert "| Offering | Outcome | Reason | Sources |" in record
    consul = next(line for line in record.splitlines() if line.startswith("| Consul |"))
    assert "ruled out" in consul and "BUSL" in consul and "[" in consul


def test_terminal_and_html_show_the_ruled_out_table(engine: AnswerEngine):
    answer = engine.ask("hard rule from legal: no BUSL")
    assert "- Consul: ruled out — source-available licence" in render_terminal(answer)
    html = render_answer_html(answer, lambda intent: "#")
    assert '<th scope="col">Outcome</th>' in html and '<th scope="row">Consul</th>' in html


def test_a_stale_platform_button_value_is_still_answered(engine: AnswerEngine):
    intent = Intent(kind=IntentKind.recommend, facts={"platform": ["aks"], "services": 40})
    assert engine.answer(intent).kind == IntentKind.recommend


def test_a_team_count_implies_its_size_over_a_phrase(engine: AnswerEngine):
    intent = engine.parser.parse("EKS, 30 services, our platform team is 3 people")
    assert intent.kind == IntentKind.recommend
    assert intent.facts["engineers"] == 3 and intent.facts["team_size"] == "small"


def test_a_provider_managed_control_plane_in_the_providers_words(engine: AnswerEngine):
    intent = engine.parser.parse("GKE, google-managed control plane please, 80 services")
    assert intent.facts["managed_control_plane"] is True
    assert verdict(engine, intent.text).pick == "google-cloud-service-mesh"


def test_not_on_kubernetes_beside_a_platform_says_nothing_more(engine: AnswerEngine):
    intent = engine.parser.parse("ECS on Fargate, no kubernetes, 25 services")
    assert intent.facts["platform"] == ["ecs"] and "needs" not in intent.facts
    assert engine.answer(intent).title == "Recommendation: Amazon ECS Service Connect"
    alone = engine.parser.parse("not on kubernetes, 40 services, which mesh")
    assert alone.facts["off_kubernetes"] is True and "needs" not in alone.facts
    assert "platform" not in alone.facts


def test_not_on_kubernetes_the_platform_question_offers_the_rest(engine: AnswerEngine):
    text = "we are not on kubernetes, 20 services, which mesh?"
    assert engine.ask(text).follow_up is not None
    platform = next(q for q in engine.kb.rules.questions if q.fact == "platform")
    facts = engine.parser.parse(text).facts
    assert [o.label for o in platform.offered(facts)] == ["ECS", "Nomad", "VMs only"]
    out = {s.mesh.id for s in verdict(engine, "not on kubernetes, 20 services").ruled_out}
    assert {"istio", "linkerd", "cilium"} <= out
    assert "AKS" in [o.label for o in platform.offered({})]


def test_bare_metal_is_a_place_kubernetes_may_run_on(engine: AnswerEngine):
    facts = engine.parser.parse("we run kubernetes with hundreds of pods on bare metal").facts
    assert facts["platform"] == ["kubernetes"] and "needs" not in facts
    assert engine.parser.parse("40 services on bare metal servers").facts["platform"] == ["vms"]


def test_a_refused_vendor_rules_out_what_it_makes(engine: AnswerEngine):
    text = "we must not use anything from hashicorp, 60 services on EKS"
    assert engine.parser.parse(text).facts["not_from"] == ["hashicorp"]
    out = {s.mesh.id: s.reasons[0].text for s in verdict(engine, text).ruled_out}
    assert out["consul"] == "made by HashiCorp"
    assert "istio" not in out  # several vendors support it: nobody's own product
    facts = engine.parser.parse("EKS, 60 services, no microsoft support needed").facts
    assert "not_from" not in facts


def test_a_refused_vendor_is_the_one_the_data_names_not_its_parent(engine: AnswerEngine):
    text = "nothing from cisco, 60 services on GKE"
    assert engine.parser.parse(text).facts["not_from"] == ["cisco"]
    result = verdict(engine, text)
    assert "cilium" in result.survivors and not result.of("cilium").caveats


def test_refusing_the_only_vendor_of_an_open_source_project_leaves_it_in_with_a_caveat(
    engine: AnswerEngine,
):
    result = verdict(engine, "nothing from isovalent, 60 services on GKE")
    caveats = [f.text for f in result.of("cilium").caveats]
    assert caveats == ["support contracts only from Isovalent"]


def test_an_enterprise_only_must_have_comes_with_the_support_wanted(engine: AnswerEngine):
    setup = "AKS with windows pods, need mtls, {}"
    paying = verdict(engine, setup.format("we will pay a vendor for support"))
    assert [f.text for f in paying.of("linkerd").caveats] == [
        "Windows nodes in Buoyant's paid edition (beta)"
    ]
    assert all(f.bought and f.early == "beta" for f in paying.of("linkerd").caveats)
    unsaid = verdict(engine, "AKS with windows pods, need mtls")
    assert [f.text for f in unsaid.of("linkerd").caveats] == [
        "Windows nodes enterprise only (beta)"
    ]
    alone = verdict(engine, setup.format("no vendor support needed"))
    assert [f.text for f in alone.of("linkerd").reasons] == [
        "no Windows nodes outside a paid edition"
    ]


def test_windows_pods_asked_for_rule_out_a_mesh_with_windows_vms_alone(engine: AnswerEngine):
    """Consul meshes Windows VMs (a beta) but no Windows pods: said as pods, it is out; a
    setup of Windows VMs keeps it with the caveat."""
    pods = verdict(engine, "GKE cluster with a Windows pool; the windows pods need mTLS too")
    assert [f.text for f in pods.of("consul").reasons] == [
        "no Windows nodes (no Windows pods on Kubernetes)"
    ]
    vms = verdict(engine, "no kubernetes here: linux and windows server vms, need mtls between")
    assert not vms.of("consul").out and vms.of("consul").caveats


@pytest.mark.parametrize(
    "policy", ["open source only", "no budget for licences", "we don't want vendor support"]
)
def test_a_must_have_only_in_a_paid_edition_is_missing_where_none_is_bought(
    engine: AnswerEngine, policy: str
):
    result = verdict(engine, f"need FIPS on EKS, {policy}")
    assert "linkerd" in {s.mesh.id for s in result.ruled_out}
    assert [f.text for f in result.of("linkerd").reasons] == [
        "no FIPS 140 validated crypto outside a paid edition"
    ]
    assert result.pick not in (None, "linkerd")


def test_a_must_have_reachable_only_through_raw_proxy_config_keeps_the_mesh(
    engine: AnswerEngine,
):
    result = verdict(engine, "EKS, 100 services, we need JWT validation and rate limiting")
    assert "istio" in result.survivors
    assert "Rate limiting partial" in [f.text for f in result.of("istio").caveats]


@pytest.mark.parametrize(
    "text",
    [
        "apache licence only",
        "apache-2.0 only",
        "we only allow apache-2.0 software",
        "OSI-approved licences only",
    ],
)
def test_licence_words_set_an_open_source_policy(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts["licence"] == "open_source"


def test_an_apache_only_policy_rules_out_the_proprietary_offerings(engine: AnswerEngine):
    result = verdict(engine, "EKS, 40 services, apache licence only, no sidecars")
    assert result.pick != "amazon-vpc-lattice"
    assert "amazon-vpc-lattice" in {s.mesh.id for s in result.ruled_out}


def test_several_platform_teams_are_several_teams(engine: AnswerEngine):
    facts = engine.parser.parse("several platform teams, 100 services on EKS").facts
    assert facts["teams"] >= 2 and facts["team_size"] == "dedicated"


def test_what_the_pick_lacks_reads_on_after_the_colon(engine: AnswerEngine):
    lead = engine.ask("we run on AKS, 200 services, want Microsoft support").lead
    assert "Main caveat: no ambient mode" in lead


def test_a_retired_mesh_is_flagged_but_its_successors_are_left_to_the_pick(
    engine: AnswerEngine,
):
    """A list of where to go ahead of a pick that may not be in it reads as two answers."""
    answer = engine.ask("we're on app mesh with ECS today")
    assert answer.lead.startswith("AWS App Mesh is retired")
    assert "Consider" not in render_terminal(answer)
    assert "Consider" in engine.ask("what is app mesh").lead


def test_a_caveat_two_requirements_find_is_said_once(engine: AnswerEngine):
    answer = engine.ask("we need multi-cluster, 3 clusters, no sidecars, 100 services")
    must = point(answer, "Your must-haves")
    assert must is not None and "Multi-cluster partial" in must.text
    assert "Multi-cluster partial; Multi-cluster partial" not in render_terminal(answer)


def test_what_would_change_it_never_offers_what_the_answer_ruled_out(engine: AnswerEngine):
    text = (
        "GKE autopilot. want google to run the mesh control plane and to be able to open a "
        "google support ticket if it breaks"
    )
    intent = engine.parser.parse(text)
    ahead = scoring.outlook(engine.kb, intent.facts, scoring.candidates(engine.kb, []))
    out = {s.mesh.id for s in ahead.verdict.ruled_out}
    # What-ifs that only relax into them:
    assert {m for c in ahead.changes() for m in c.new_picks} & out
    changes = [s for s in engine.answer(intent).details if s.key == "changes"]
    offered = [i.text for s in changes for p in s.parts for i in p.items]
    names = {engine.kb.meshes[m].name for m in out}
    assert not [line for line in offered for name in names if name in line]


def test_the_multi_cluster_reason_speaks_of_every_offering_it_favours(engine: AnswerEngine):
    rule = next(r for r in engine.kb.rules.rules if r.id == "multi-cluster")
    assert all(engine.kb.meshes[m].name.split()[0] in rule.because for m in rule.scores)


def test_with_no_platform_only_the_platform_question_leads_to_a_providers_offering(
    engine: AnswerEngine,
):
    answer = engine.ask("recommend")
    changes = [s for s in answer.details if s.key == "changes"]
    lines = [(i.label, i.text) for s in changes for p in s.parts for i in p.items]
    bound = {m.name for m in engine.kb.current_meshes() if m.fit and m.fit.provider}
    assert any(label.startswith("Where do the services run?") for label, _ in lines)
    for label, text in lines:
        if any(text.endswith(f"becomes {name}") for name in bound):
            assert label.startswith("Where do the services run?"), label


def test_a_reason_for_an_offering_speaks_of_it(engine: AnswerEngine):
    answer = engine.ask("we need VM workloads, 60 services on kubernetes, which mesh")
    why = point(answer, "Why")
    assert why is not None
    for item in why.items:
        if "first-class in Consul and Kuma" in item.text:
            assert "Linkerd" not in item.label and "Istio (" not in item.label


@pytest.mark.parametrize(
    ("text", "platforms"),
    [
        ("all-in on azure, but the clusters are aro, not aks. which mesh?", ["openshift"]),
        ("we ran osm on plain on-prem k8s (not aks), what now?", ["kubernetes"]),
        ("clusters are eks plus a few rke2 on-prem, which mesh?", ["eks", "kubernetes"]),
        ("gke in prod and a bare-metal cluster in the lab, which mesh?", ["gke", "kubernetes"]),
        ("ocp 4.16, on-prem cluster, air gapped. which mesh?", ["openshift"]),
        ("self-hosted openshift on bare metal clusters, 90 services", ["openshift"]),
        ("kubernetes on eks, 40 services", ["eks"]),
        ("we're on azure, 50 services, which mesh", ["aks"]),
        ("ECS on Fargate, zero kubernetes, 25 services", ["ecs"]),
        ("we moved off eks, now everything is on gke, 80 services", ["gke"]),
        ("we run eks and aks, 80 services", ["eks", "aks"]),
    ],
)
def test_the_platforms_are_the_ones_they_run(engine: AnswerEngine, text: str, platforms):
    assert engine.parser.parse(text).facts["platform"] == platforms


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        ("EKS, 40 services, no budget for a paid mesh", "open_source"),
        ("EKS, 40 services, zero budget for licences", "open_source"),
        ("no BUSL, and there's no budget for a paid replacement", "open_source"),
        ("CNCF only, no budget for licences, EKS", "cncf"),
        ("legal is fine with the BUSL stuff, 40 services on EKS", "any"),
        ("gke, 70 svcs. we may only ship MIT or Apache licensed deps", "open_source"),
        ("requirements: mTLS; Apache 2.0 only. which mesh on eks?", "open_source"),
        ("our OSPO allows permissive licences only, 40 services on aks", "open_source"),
    ],
)
def test_a_licence_policy_read_in_its_clause(engine: AnswerEngine, text: str, licence: str):
    assert engine.parser.parse(text).facts["licence"] == licence


def test_a_permissive_licence_named_rules_out_the_commercial_editions(engine: AnswerEngine):
    result = verdict(engine, "eks, 500 services, jwt + ext authz at every hop. Apache-2.0 only")
    assert {"gloo-mesh", "kong-mesh", "consul"} <= {s.mesh.id for s in result.ruled_out}


def test_a_busy_apache_project_sets_no_licence_policy(engine: AnswerEngine):
    assert "licence" not in engine.parser.parse("we run apache kafka on eks, which mesh").facts


def test_accepting_busl_keeps_consul_in(engine: AnswerEngine):
    result = verdict(engine, "we run consul on vms and k8s, legal is fine with the busl stuff")
    assert "consul" in result.survivors


def test_what_is_already_theirs_said_after_its_name(engine: AnswerEngine):
    facts = engine.parser.parse("self-managed k8s, consul is already our service mesh").facts
    assert facts["incumbent"] == "consul"
    # Cilium said as the CNI is the CNI they run, not its mesh: no incumbent, still weighed up
    facts = engine.parser.parse("self-managed k8s, cilium is already our cni, no sidecars").facts
    assert facts["cilium_cni"] is True and "incumbent" not in facts
    assert verdict(engine, "self-managed k8s, cilium is already our cni, no sidecars").pick == (
        "cilium"
    )


def test_a_team_counted_in_people_is_its_size(engine: AnswerEngine):
    facts = engine.parser.parse("on-prem k8s, 3 person team, which mesh").facts
    assert facts["engineers"] == 3 and facts["team_size"] == "small"


@pytest.mark.parametrize(
    "text",
    ["6 services on EKS, we need encryption between services", "AKS, want everything encrypted"],
)
def test_encryption_asked_for_is_mtls(engine: AnswerEngine, text: str):
    assert "mtls" in engine.parser.parse(text).facts.get("needs", [])


def test_a_provider_running_it_said_plainly_is_a_managed_control_plane(engine: AnswerEngine):
    text = "gke clusters plus compute engine vms in one mesh, we'd like google managing it"
    assert engine.parser.parse(text).facts["managed_control_plane"] is True
    assert verdict(engine, text).pick == "google-cloud-service-mesh"


@pytest.mark.parametrize(
    "text",
    [
        "EKS, 60 services, leadership wants something AWS operates",
        "EKS and EC2, no sidecars, want AWS to run it",
        "EKS, 60 services, not another thing we self-host",
        "GKE, we don't want to run it ourselves",
    ],
)
def test_not_running_it_themselves_is_a_managed_control_plane(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True


def test_self_managed_clusters_are_no_managed_mesh(engine: AnswerEngine):
    facts = engine.parser.parse("we self-host kubernetes, 40 services, which mesh").facts
    assert "managed_control_plane" not in facts


def test_an_aside_about_a_tool_they_run_is_not_a_need_of_the_mesh(engine: AnswerEngine):
    text = "we already run spire for identity (vms + k8s). mesh on k8s must use its svids"
    assert "vm_workloads" not in engine.parser.parse(text).facts["needs"]
    kept = engine.parser.parse("we already run consul (on VMs and k8s), 40 services, what next")
    assert "vm_workloads" in kept.facts["needs"]  # an aside about the mesh they run stays


def test_isolated_meshes_on_one_control_plane_is_a_must_have(engine: AnswerEngine):
    text = "on EKS each product team wants its own isolated mesh with its own CA, which mesh?"
    assert "multi_mesh" in engine.parser.parse(text).facts["needs"]
    result = verdict(engine, text)
    assert result.pick == "kuma"
    assert "istio" in {s.mesh.id for s in result.ruled_out}


@pytest.mark.parametrize(
    ("text", "need"),
    [
        (
            "we run spire. the mesh on k8s has to use spire-issued svids, not its own ca",
            "spiffe_identity",
        ),
        (
            "each team wants its own isolated mesh (own CA, own policies), one control plane",
            "multi_mesh",
        ),
    ],
)
def test_a_ca_that_details_another_need_is_no_ca_rotation(
    engine: AnswerEngine, text: str, need: str
):
    needs = engine.parser.parse(text).features
    assert need in needs and "ca_rotation" not in needs
    assert "ca_rotation" in engine.parser.parse("we need to rotate our root ca, on eks").features


@pytest.mark.parametrize(
    "text",
    [
        "we want off istio entirely, 40 services on eks, staying on the aws vpc cni",
        "we run istio and want to get rid of istio, 40 services on eks",
    ],
)
def test_a_mesh_they_want_off_is_never_the_pick_nor_anything_configured_like_it(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts["leaving"] == "istio" and "incumbent" not in facts
    result = verdict(engine, text)
    out = {s.mesh.id: [f.text for f in s.reasons] for s in result.ruled_out}
    assert out["istio"] == ["the mesh you want to move off"]
    assert out["gloo-mesh"] == ["configured like Istio (sidecar mode), which you want to move off"]
    assert "istio-ambient" in out and result.pick == "linkerd"


def test_a_must_have_asked_for_in_full_is_not_met_by_a_partial_row(engine: AnswerEngine):
    text = "ECS fargate, compliance wants real mutual TLS (both sides present certs) between tasks"
    assert engine.parser.parse(text).facts["in_full"] == ["mtls"]
    result = verdict(engine, text)
    out = {s.mesh.id: [f.text for f in s.reasons] for s in result.ruled_out}
    assert out["amazon-ecs-service-connect"] == ["no Mutual TLS (mTLS) in full"]
    assert result.pick in ("consul", "kong-mesh")
    plain = engine.parser.parse("ECS fargate, we need mutual TLS between tasks").facts
    assert "in_full" not in plain
    # Said by its name, mTLS asks for the mutual part, which Service Connect's row lacks;
    # "TLS between tasks" asks only for encryption, which its partial row gives.
    assert plain["by_name"] == ["mtls"]
    assert "amazon-ecs-service-connect" not in verdict(engine, "ECS fargate, need mTLS").survivors
    encrypted = verdict(engine, "ECS fargate, we need TLS between tasks")
    assert "amazon-ecs-service-connect" in encrypted.survivors


@pytest.mark.parametrize(
    ("text", "out"),
    [
        (
            "ecs on ec2 and an eks cluster calling each other, one mesh over both with mtls, a "
            "vendor contract is fine",
            "amazon-vpc-lattice",
        ),
        (
            "fargate tasks on ECS, 40 services, two-way TLS between them",
            "amazon-ecs-service-connect",
        ),
    ],
)
def test_a_row_short_of_what_mtls_promises_is_out_when_mtls_is_asked_by_name(
    engine: AnswerEngine, text: str, out: str
):
    result = verdict(engine, text)
    reasons = {s.mesh.id: [f.text for f in s.reasons] for s in result.ruled_out}
    assert any(r.startswith("no Mutual TLS (mTLS) (") for r in reasons[out])
    assert result.pick in ("consul", "kong-mesh", "kuma")


def test_a_partial_row_with_the_mutual_part_stays_a_caveat_for_mtls(engine: AnswerEngine):
    text = "bare metal k8s, 8 services, we only need mtls"
    assert engine.parser.parse(text).facts["by_name"] == ["mtls"]
    assert "no-mesh" in verdict(engine, text).survivors  # apps do mutual TLS themselves


def test_the_authz_policies_a_team_likes_are_the_meshs_own_authorization(engine: AnswerEngine):
    text = "3k pods on eks, we like the istio apis + authz policies, what do we do?"
    assert engine.parser.parse(text).facts["needs"] == ["l7_authorization"]


def test_what_hurts_with_the_mesh_they_leave_is_no_must_have(engine: AnswerEngine):
    text = "40 services on eks, upgrades keep biting us. we want off istio entirely"
    assert "needs" not in engine.parser.parse(text).facts
    assert verdict(engine, text).pick == "linkerd"
    kept = "we got burned by an in-place upgrade, next mesh must do canary upgrades, eks"
    assert "revision_upgrades" in engine.parser.parse(kept).facts["needs"]


def test_a_windows_server_version_is_not_a_count(engine: AnswerEngine):
    facts = engine.parser.parse("some pods run on windows server 2022 nodes, gke, what mesh").facts
    assert "nodes" not in facts and facts["needs"] == ["windows_nodes"]
    assert engine.parser.parse("we have 300 nodes, eks, which mesh").facts["nodes"] == 300


def test_a_requirement_at_the_end_of_a_long_setup_is_read(engine: AnswerEngine):
    """Setups are long; what decides often comes last (the text limit, not a word count,
    bounds the work)."""
    text = (
        "ok long one, sorry. we are a mid size retailer and everything runs in azure: AKS "
        "for about 150 services, a couple of app services on the side, postgres flexible "
        "server, service bus for the async stuff and front door at the edge. the platform "
        "team is five people, two of them know envoy a bit. security wants encryption "
        "between services and request level authz. one more thing that matters: whatever "
        "we pick has to be covered by our microsoft support contract"
    )
    assert len(text.split()) > 80
    intent = engine.parser.parse(text)
    assert intent.facts["support"] == "microsoft"
    assert verdict(engine, text).tied == ["aks-istio-addon"]


@pytest.mark.parametrize(
    "text",
    [
        "GKE, 40 services, we do not want to babysit istiod upgrades ourselves",
        "AKS, nobody here wants to babysit control plane upgrades on weekends",
    ],
)
def test_not_wanting_to_babysit_upgrades_asks_for_a_managed_control_plane(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True


def test_a_tie_on_known_facts_does_not_claim_nothing_is_known(engine: AnswerEngine):
    """With the platform and size known, an answer no rule weighed says so, not that it
    knows nothing."""
    told = render_terminal(engine.ask("40 services on plain VMs, we want a managed control plane"))
    assert "Nothing is known about your setup" not in told
    assert "Nothing you told me weighs" in told


def test_a_vendor_named_before_shop_or_customers_is_one_they_work_with(engine: AnswerEngine):
    for text in ("hashicorp shop, 40 services on eks", "kong customers, 40 services on gke"):
        assert engine.parser.parse(text).facts["vendor"] in ("hashicorp", "kong")
    assert verdict(engine, "hashicorp shop (vault, consul), 40 services on eks").tied == ["consul"]


def test_cncf_graduated_only_rules_out_younger_cncf_projects(engine: AnswerEngine):
    """'Graduated' is stricter than 'CNCF': Kuma (sandbox) fits the one, not the other."""
    text = "policy: cncf graduated projects only. on-prem k8s, 80 services, some on VMs"
    assert engine.parser.parse(text).facts["licence"] == "cncf_graduated"
    result = verdict(engine, text)
    assert result.of("kuma").out
    assert set(result.tied) <= {"istio", "istio-ambient", "linkerd", "cilium"}
    assert not verdict(engine, "cncf projects only, on-prem k8s, 80 services").of("kuma").out


@pytest.mark.parametrize(
    ("text", "vendor"),
    [
        ("we're paying kong for konnect already; 90 services on aks, which mesh?", "kong"),
        ("we buy our gateway licences from kong. 50 svcs on gke, recommendation?", "kong"),
        (
            "finance already pays hashicorp for vault, which mesh for 40 services on eks?",
            "hashicorp",
        ),
    ],
)
def test_a_vendor_paid_for_another_product_is_one_they_buy_from(
    engine: AnswerEngine, text: str, vendor: str
):
    assert engine.parser.parse(text).facts["vendor"] == vendor
    assert verdict(engine, text).tied == ["kong-mesh" if vendor == "kong" else "consul"]


def test_a_vendor_they_refuse_to_pay_is_none_they_buy_from(engine: AnswerEngine):
    facts = engine.parser.parse("we will not pay kong a cent, 40 services on gke").facts
    assert "vendor" not in facts and facts["not_from"] == ["kong"]


@pytest.mark.parametrize(
    ("text", "offering"),
    [
        (
            "big red hat customer here, our clusters are OCP 4.18, ~70 services. which mesh",
            "openshift-service-mesh",
        ),
        (
            "we have an enterprise agreement with microsoft; AKS, 90 services, what mesh?",
            "aks-istio-addon",
        ),
    ],
)
def test_a_team_that_buys_from_its_platforms_provider_gets_its_offering(
    engine: AnswerEngine, text: str, offering: str
):
    """The provider counts once, as `provider-customer`, never again through the vendor
    rules; it then outweighs the mid-size preference for Linkerd."""
    result = verdict(engine, text)
    fired = {r.id for r in result.fired}
    assert "provider-customer" in fired
    assert not fired & {"vendor-family", "current-vendor"}
    assert result.tied == [offering]


@pytest.mark.parametrize(
    "text",
    [
        "all our services run on vmware VMs in 2 DCs, we don't run kubernetes. mTLS, which mesh?",
        "zero k8s here, only linux vms in two datacenters; need service to service mtls. recommend",
        "nothing containerised, 45 services on VMs. which service mesh for mtls?",
    ],
)
def test_vms_without_kubernetes_rule_out_what_needs_kubernetes(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["off_kubernetes"] is True and "kubernetes" not in facts.get("platform", [])
    result = verdict(engine, text)
    assert {"istio", "istio-ambient", "linkerd", "cilium"} <= {s.mesh.id for s in result.ruled_out}
    assert set(result.tied) <= {"consul", "kuma", "kong-mesh"}


@pytest.mark.parametrize(
    "text",
    [
        "auditors now require FIPS 140-3 and kuma is our service mesh. which mesh should we use?",
        "we've been running kuma on eks for a year; new FIPS requirement. recommend",
    ],
)
def test_the_incumbents_paid_edition_leads_when_a_must_have_needs_it(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["incumbent"] == "kuma"
    assert verdict(engine, text).tied == ["kong-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "we'd like to ditch istio's sidecars, 250 services on gke. what should we run?",
        "move off istio sidecar mode please, the memory bill is huge. 90 services on eks, options?",
    ],
)
def test_leaving_a_meshs_sidecars_keeps_its_other_mode(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["no_sidecars"] is True and facts["incumbent"] == "istio"
    assert "leaving" not in facts
    assert verdict(engine, text).tied == ["istio-ambient"]


def test_leaving_the_mesh_itself_still_rules_out_its_modes(engine: AnswerEngine):
    facts = engine.parser.parse("get rid of istio altogether, 90 services on eks").facts
    assert facts["leaving"] == "istio" and "no_sidecars" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "18 services; mutual TLS is already handled by cert-manager's csi driver. need a mesh?",
        "we already use cert-manager for service to service tls, 10 services. is a mesh worth it?",
    ],
)
def test_a_small_estate_whose_mtls_is_covered_needs_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["covered"] == ["mtls"] and "leaving" not in facts and "incumbent" not in facts
    assert verdict(engine, text).tied == ["no-mesh"]


def test_cert_manager_on_a_large_estate_is_no_incumbent_no_mesh(engine: AnswerEngine):
    text = "cert-manager is already running for our ingress certs. 300 services on eks, which mesh"
    assert "incumbent" not in engine.parser.parse(text).facts
    assert "no-mesh" not in verdict(engine, text).tied


def test_on_nomad_consul_leads(engine: AnswerEngine):
    text = "our jobs are scheduled by nomad, no kubernetes anywhere. which mesh?"
    assert verdict(engine, text).tied == ["consul"]


@pytest.mark.parametrize(
    "text",
    [
        "ecs fargate, 25 services, we want mtls-ish protection between tasks",
        "ecs fargate, 25 services, something like mTLS between tasks would be nice",
    ],
)
def test_mtls_said_loosely_asks_for_something_of_the_kind(engine: AnswerEngine, text: str):
    assert "by_name" not in engine.parser.parse(text).facts
    assert "amazon-ecs-service-connect" in verdict(engine, text).survivors


@pytest.mark.parametrize(
    "text",
    [
        "need grpc services to talk without any proxy at all, no envoy anywhere, on aks with "
        "microsoft support. recs",
        "ecs fargate, must be open source only, need jwt validation and no sidecars. which mesh",
    ],
)
def test_nothing_left_asks_no_question_it_does_not_show(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    told = render_terminal(answer)
    assert answer.title == "Recommendation: nothing fits every requirement", answer.title
    assert "Answer the question above" not in told
    assert "Nothing you told me weighs" not in told
