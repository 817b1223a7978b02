"""How a setup's wording becomes the facts a recommendation screens on: asides, contracts,
chores refused, what the team runs already; each read through the public path (parse, then
the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict


def test_a_parenthesised_aside_belongs_to_the_clause_around_it(engine: AnswerEngine):
    text = (
        "our jobs run on nomad (no kubernetes) and consul is already deployed for discovery; "
        "its licensing (BUSL) is acceptable to our lawyers. need mtls between jobs. "
        "what should we pick?"
    )
    assert engine.parser.parse(text).facts["licence"] == "any"
    assert verdict(engine, text).tied == ["consul"]


def test_no_new_vendor_contracts_keeps_the_vendor_they_have_not_vendor_neutrality(
    engine: AnswerEngine,
):
    text = (
        "we're on AKS with 40 services and need mtls. it must be under our existing microsoft "
        "support plan, no new vendor contracts. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert "no_vendor" not in facts
    assert facts["support"] == "microsoft"
    assert verdict(engine, text).tied == ["aks-istio-addon"]


def test_a_chore_refused_by_hand_is_wanted_done_for_them_not_a_feature_unneeded(
    engine: AnswerEngine,
):
    text = "GKE, 30 services, mtls. we do not want to handle istio upgrades manually any more."
    facts = engine.parser.parse(text).facts
    assert facts["managed_control_plane"] is True
    assert "revision_upgrades" not in facts.get("not_needed", [])
    assert verdict(engine, text).tied == ["google-cloud-service-mesh"]


def test_rolling_out_a_named_mesh_is_adopting_it_not_a_canary_rollout(engine: AnswerEngine):
    text = (
        "my manager wants to roll out linkerd for our two services on GKE. no one asked for "
        "mtls and there's one devops person. worth doing?"
    )
    intent = engine.parser.parse(text)
    assert "traffic_split" not in intent.facts.get("needs", [])
    assert intent.facts["engineers"] == 1
    assert verdict(engine, text).tied == ["no-mesh"]


def test_rolling_out_new_versions_is_still_a_canary_need(engine: AnswerEngine):
    text = "we want to roll out new versions gradually with canaries on eks, 40 services."
    assert "traffic_split" in engine.parser.parse(text).facts["needs"]


def test_what_hurt_with_a_refused_proxy_is_why_it_is_refused_not_a_need(engine: AnswerEngine):
    text = (
        "startup on GKE, 20 services, need mtls and retries. hard rule: no envoy anywhere. "
        "we lost days last year chasing envoy config in prod. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["needs"] == ["mtls", "retries"]
    assert verdict(engine, text).tied == ["linkerd"]


def test_one_vendor_supporting_the_mesh_on_two_providers_platforms_is_a_vendor_product(
    engine: AnswerEngine,
):
    text = (
        "we have 10 openshift clusters on-prem and 6 AKS clusters. we want a single support "
        "contract for the mesh on both, with cross cluster traffic between them. which one?"
    )
    assert engine.parser.parse(text).facts["support"] == "any"
    result = verdict(engine, text)
    assert result.of("openshift-service-mesh").out and result.of("aks-istio-addon").out
    assert result.tied == ["gloo-mesh"]


def test_a_vendor_refused_is_not_the_support_wanted(engine: AnswerEngine):
    text = (
        "we're on OKD, no red hat subscription and no plans to get one. mtls and L7 authz "
        "needed, our runbooks use istio resources. what can we run?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["not_from"] == ["red-hat"] and "support" not in facts
    result = verdict(engine, text)
    assert result.of("openshift-service-mesh").out
    assert set(result.tied) <= {"istio", "istio-ambient"}


def test_asking_for_the_least_painful_path_is_no_complaint_about_the_mesh_they_run(
    engine: AnswerEngine,
):
    text = (
        "we run consul on EKS plus some EC2 VMs, licence is fine by legal, loads of service "
        "intentions. what's the least painful way forward?"
    )
    assert "hurts" not in engine.parser.parse(text).facts
    assert verdict(engine, text).tied == ["consul"]


def test_a_setup_naming_meshes_it_ruled_out_and_asking_nothing_asks_for_a_pick(
    engine: AnswerEngine,
):
    text = (
        "ECS fargate, 30 services. auditors require mutual tls with client certificates. "
        "service connect only encrypts one way and app mesh is gone. we need a vendor we can call"
    )
    answer = engine.answer(engine.parser.parse(text))
    assert answer.kind.value == "recommend"
    result = verdict(engine, text)
    assert result.of("amazon-ecs-service-connect").out
    assert set(result.tied) <= {"consul", "kong-mesh"}


def test_no_budget_for_a_vendor_refuses_paying_not_the_providers_own_offering(
    engine: AnswerEngine,
):
    text = "we're on AKS, 50 services, need mtls. no budget for a vendor, what do we use?"
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "none" and "no_vendor" not in facts
    assert not verdict(engine, text).of("aks-istio-addon").out


def test_a_signals_must_have_said_not_needed_is_no_must_have(engine: AnswerEngine):
    text = "AKS, 3 clusters, 800 pods, no cross cluster traffic, want mtls. what should we do?"
    facts = engine.parser.parse(text).facts
    assert "spans_clusters" not in facts and "multi_cluster" in facts["not_needed"]
    assert not verdict(engine, text).of("aks-istio-addon").out


def test_proxy_memory_that_hurts_in_the_mesh_they_run_favours_a_shared_data_plane(
    engine: AnswerEngine,
):
    text = (
        "we already run the AKS istio add-on, ~2000 pods, and its envoy sidecars eat too much "
        "memory. no budget for a vendor, we can self-manage istio and keep the istio APIs. "
        "what now?"
    )
    result = verdict(engine, text)
    assert "proxy-memory-hurts" in [rule.id for rule in result.fired]
    assert result.tied == ["istio-ambient"]


def test_a_mesh_left_through_a_pronoun_is_left_not_kept(engine: AnswerEngine):
    text = "we've had kuma on our clusters since 2022 and want to get rid of it. 70 svcs on gke"
    facts = engine.parser.parse(text).facts
    assert facts["leaving"] == "kuma"
    assert "incumbent" not in facts
    assert "kuma" not in verdict(engine, text).tied


def test_a_pronoun_left_by_a_mesh_as_subject_or_denied_leaves_nothing(engine: AnswerEngine):
    for text in (
        "we run consul on eks with 30 services, would istio replace it well?",
        "linkerd on eks for two years, 45 services, we're not going to move off it. add-ons?",
    ):
        assert "leaving" not in engine.parser.parse(text).facts, text


def test_a_mesh_kept_whose_proxies_hurt_asks_what_to_do_not_what_it_costs(
    engine: AnswerEngine,
):
    text = (
        "bare metal, around 4000 pods. the istio sidecars eat a quarter of our memory and we "
        "won't give up istio's authorization policies. how can we trim it?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert intent.facts["incumbent"] == "istio"
    assert verdict(engine, text).tied == ["istio-ambient"]


def test_upgrades_that_restart_every_pod_said_to_hurt_favour_a_node_level_data_plane(
    engine: AnswerEngine,
):
    text = (
        "istio sidecars across 300 services. each upgrade means bouncing every pod and it is "
        "killing us. we want to keep istio. what are our options?"
    )
    intent = engine.parser.parse(text)
    assert intent.facts["restart_upgrades"] is True
    assert intent.facts["incumbent"] == "istio"
    assert verdict(engine, text).tied == ["istio-ambient"]


def test_keeping_a_meshs_resources_is_not_running_it(engine: AnswerEngine):
    text = "bare metal k8s, 9000 pods, we want to keep our linkerd policies. which mesh?"
    assert "incumbent" not in engine.parser.parse(text).facts


def test_services_doing_tls_themselves_with_a_tool_have_it_covered(engine: AnswerEngine):
    text = (
        "compliance asks for encrypted service traffic. 12 services on GKE, each one serves "
        "TLS itself with cert-manager issued certs and network policies are in place. "
        "should we add a mesh?"
    )
    assert engine.parser.parse(text).facts["covered"] == ["mtls"]
    assert verdict(engine, text).tied == ["no-mesh"]


def test_refusing_to_run_any_control_plane_wants_a_managed_one_not_a_list(engine: AnswerEngine):
    text = (
        "everything is on aws: EKS and ECS services spread over four accounts. we need "
        "service to service auth with IAM and we don't want to run any control plane."
    )
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert intent.facts["managed_control_plane"] is True
    assert verdict(engine, text).tied == ["amazon-vpc-lattice"]


def test_a_chore_refused_is_no_topic_to_look_features_up_by(engine: AnswerEngine):
    text = (
        "GKE, 120 services run by 18 teams. is a mesh worth it at all? the CISO wants zero "
        "trust: mtls on every hop and per-service authz policies, and teams each write their "
        "own retries. we'd prefer not to operate control planes ourselves"
    )
    intent = engine.parser.parse(text)
    assert intent.facts["managed_control_plane"] is True
    assert "multi_mesh" not in intent.features
    assert verdict(engine, text).tied == ["google-cloud-service-mesh"]


def test_isolated_meshes_are_still_found_when_tenants_are_kept_apart(engine: AnswerEngine):
    text = "can one control plane run a separate mesh for each tenant with its own CA?"
    assert "multi_mesh" in engine.parser.parse(text).features


def test_a_clipped_word_and_what_it_stands_for_are_one_word_not_two(engine: AnswerEngine):
    text = "40 services on AKS. our people know istio well and we keep Gateway-style config."
    assert "custom_proxy_config" not in engine.parser.parse(text).features


def test_what_they_run_is_said_within_one_sentence(engine: AnswerEngine):
    """A sentence that ends on what they run leaves the next sentence's meshes unrun."""
    for text in (
        "we run 40 services. istio or linkerd, which one should we pick?",
        "we use eks and about 300 pods!\nlinkerd or cilium for mtls?",
    ):
        assert "incumbent" not in engine.parser.parse(text).facts, text
    text = "we run linkerd on 40 services. should we move to istio?"
    assert engine.parser.parse(text).facts["incumbent"] == "linkerd"


def test_a_platforms_packaging_after_a_mesh_is_that_meshs_not_the_add_on_it_names_alone(
    engine: AnswerEngine,
):
    text = (
        "we still run the osm aks addon on three clusters, 50 services, and whatever comes "
        "next has to sit under our microsoft support plan"
    )
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert intent.meshes == ["open-service-mesh"]
    assert "incumbent" not in intent.facts
    assert intent.facts["retired_mesh"] == "open-service-mesh"
    assert verdict(engine, text).tied == ["aks-istio-addon"]
    # said alone, or after its own base, the packaging still names the add-on
    assert engine.parser.parse("is the aks add-on any good").meshes == ["aks-istio-addon"]
    assert "aks-istio-addon" in engine.parser.parse("istio aks add-on vs linkerd").meshes
    # a comma between two names lists them: the second is no packaging of the first
    listed = engine.parser.parse("kuma, openshift service mesh and consul side by side")
    assert listed.meshes == ["kuma", "openshift-service-mesh", "consul"]


def test_a_team_without_istio_experience_knows_no_istio(engine: AnswerEngine):
    facts = engine.parser.parse("eks, 60 services, 4 engineers with zero istio experience").facts
    assert "knows_api" not in facts
    assert "envoy_experience" not in facts


def test_still_on_a_mesh_and_asking_where_to_land_asks_for_a_pick(engine: AnswerEngine):
    for text in (
        "still on linkerd edge builds on gke, 50 services. where do we land, buoyant's "
        "enterprise linkerd or istio ambient?",
        "we're still on open service mesh and the team keeps asking whether istio or linkerd "
        "is where we should land",
        "we still run nginx service mesh, 20 services on-prem. kuma or linkerd, what should "
        "we move to?",
    ):
        assert engine.parser.parse(text).kind.value == "recommend", text


def test_a_negated_list_runs_on_across_commas_while_it_names_only_features(
    engine: AnswerEngine,
):
    text = (
        "eks, 3 clusters, 900 pods. we need mtls and failover between clusters, and we "
        "really don't need traffic mirroring, wasm plugins or fault injection."
    )
    facts = engine.parser.parse(text).facts
    assert {"traffic_mirroring", "wasm_extensions", "fault_injection"} <= set(facts["not_needed"])
    assert not {"wasm_extensions", "fault_injection"} & set(facts["needs"])
    # a clause after the comma that says more than features is no part of the list
    said = "we don't need wasm, retries matter most to us"
    assert "retries" not in engine.parser.parse(said).facts.get("not_needed", [])


def test_what_burned_them_with_a_refused_proxy_is_no_need(engine: AnswerEngine):
    text = (
        "gke, 20 services, 2 of us. we need mtls and retries. no envoy anywhere, we got "
        "burned tuning envoy filters at the last place"
    )
    facts = engine.parser.parse(text).facts
    assert facts["no_envoy"] is True
    assert facts["needs"] == ["mtls", "retries"]
    assert verdict(engine, text).tied == ["linkerd"]


def test_a_team_that_values_boring_tech_wants_the_least_to_run(engine: AnswerEngine):
    text = "eks, 6 SREs who prefer boring technology, 2000 pods, need mtls and golden metrics"
    facts = engine.parser.parse(text).facts
    assert facts["team_size"] == "small"
    assert verdict(engine, text).tied != ["istio"]


def test_a_requirement_said_as_a_wish_is_no_hard_requirement(engine: AnswerEngine):
    text = (
        "aks, 30 services, need mtls. vendor support would be nice but it is optional, "
        "and fully managed is nice to have"
    )
    facts = engine.parser.parse(text).facts
    assert "managed_control_plane" not in facts
    assert "support" not in facts
    assert engine.parser.parse("aks, 30 services, fully managed please").facts[
        "managed_control_plane"
    ]


def test_memory_said_to_matter_most_is_a_tight_budget(engine: AnswerEngine):
    facts = engine.parser.parse("gke, 60 services, mtls. memory is our top priority").facts
    assert facts["memory_budget"] == "tight"
    assert facts["low_overhead"] is True


def test_founders_with_no_ops_people_are_a_small_team(engine: AnswerEngine):
    facts = engine.parser.parse("3 cofounders, 12 services on eks, need mtls").facts
    assert facts["engineers"] == 3
    assert facts["team_size"] == "small"
    facts = engine.parser.parse("eks, 40 services, we have no sre team at all").facts
    assert facts["team_size"] == "small"


def test_who_asks_for_a_need_names_no_feature(engine: AnswerEngine):
    text = "eks, 20 services. our biggest client's vendor assessment asks for mtls"
    assert engine.parser.parse(text).facts["needs"] == ["mtls"]


def test_tls_and_tracing_alone_on_a_small_estate_is_mtls_as_the_only_driver(
    engine: AnswerEngine,
):
    text = "aks, 9 services, two devs. all we want is tls between services plus some traces"
    assert engine.parser.parse(text).facts["only_mtls"] is True
    assert verdict(engine, text).tied == ["no-mesh"]
    # a mesh they run today asks which mesh comes next
    moving = "we run linkerd on aks, 9 services. we want tls between services plus traces"
    assert "only_mtls" not in engine.parser.parse(moving).facts


def test_asking_whether_to_set_up_a_mesh_asks_for_a_pick(engine: AnswerEngine):
    text = "four services on two vms under nomad, it all works. should we install consul connect?"
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert verdict(engine, text).tied == ["no-mesh"]
    assert engine.parser.parse("does consul support vms?").kind.value == "feature_check"


def test_a_tool_covers_the_needs_said_with_it(engine: AnswerEngine):
    text = (
        "eks, 15 services, go with grpc middleware for retries and deadlines, cert-manager "
        "with spiffe ids. the only other ask is request metrics, and the middleware emits "
        "those already. do we need a mesh at all?"
    )
    facts = engine.parser.parse(text).facts
    covered = set(facts["covered"])
    assert {"retries", "timeouts", "spiffe_identity", "mtls"} <= covered
    assert verdict(engine, text).tied == ["no-mesh"]
    # named alone, middleware covers nothing
    assert "covered" not in engine.parser.parse("eks, 15 services, middleware, need retries").facts


def test_a_stressed_feature_is_wanted_in_full(engine: AnswerEngine):
    text = "ecs, 40 services, compliance wants **mutual** tls between tasks, vendor support ok"
    facts = engine.parser.parse(text).facts
    assert facts["in_full"] == ["mtls"]
    assert "amazon-ecs-service-connect" not in verdict(engine, text).tied
    # stress on another word leaves the feature as said
    said = "ecs, 40 services, we *really* need mtls between tasks"
    assert "in_full" not in engine.parser.parse(said).facts


def test_already_a_vendors_customer_buys_from_it(engine: AnswerEngine):
    facts = engine.parser.parse(
        "we're already an aws enterprise customer, 40 services on eks"
    ).facts
    assert facts["vendor"] == "aws"


def test_a_feature_said_to_be_a_bonus_is_no_must_have(engine: AnswerEngine):
    facts = engine.parser.parse("eks, 50 services, need mtls; fips would be a bonus").facts
    assert "fips_tls" not in facts["needs"]
    assert "mtls" in facts["needs"]


def test_traffic_that_all_goes_through_a_queue_makes_no_synchronous_calls(
    engine: AnswerEngine,
):
    for text in (
        "12 services on gke, everything flows through pub/sub. do we need a mesh?",
        "we don't have much east-west traffic, 25 services on eks. worth adding a mesh?",
    ):
        assert engine.parser.parse(text).facts["sync_calls"] == 0, text
        assert verdict(engine, text).tied == ["no-mesh"], text


def test_a_hyphenated_count_counts(engine: AnswerEngine):
    facts = engine.parser.parse("a 4-person platform team, 3-node clusters, 90 services").facts
    assert facts["engineers"] == 4
    assert facts["nodes"] == 3
    assert engine.parser.parse("a two-person team on aks").facts["engineers"] == 2
    assert engine.parser.parse("2-3 services on eks").facts["services"] == 3


def test_a_team_new_to_kubernetes_networking_still_runs_kubernetes(engine: AnswerEngine):
    text = "aks, 35 services, 3 of us with no kubernetes networking background. need mtls"
    facts = engine.parser.parse(text).facts
    assert "off_kubernetes" not in facts
    assert facts["platform"] == ["aks"]
    assert engine.parser.parse("no kubernetes here, 30 vms, need mtls").facts["off_kubernetes"]


def test_a_counted_team_without_envoy_experience_is_its_count_not_small(engine: AnswerEngine):
    facts = engine.parser.parse("eks, 400 services, platform team of 8, nobody knows envoy").facts
    assert facts["envoy_experience"] is False
    assert facts["team_size"] == "dedicated"
    assert engine.parser.parse("nobody knows envoy, 40 services").facts["team_size"] == "small"


def test_asking_whether_a_mesh_is_needed_asks_for_a_pick(engine: AnswerEngine):
    text = "just me running 3 services on k3s, want retries and some metrics. do i need istio?"
    assert engine.parser.parse(text).kind.value == "recommend"
    assert verdict(engine, text).tied == ["no-mesh"]
    # a part of the mesh asked about stays a question about the mesh
    part = "do i need linkerd viz for golden metrics?"
    assert engine.parser.parse(part).kind.value == "feature_check"


@pytest.mark.parametrize(
    "text",
    [
        "gke, 9 services, 2 engineers. no audit ask for internal mtls. is a mesh worth it?",
        "eks, 9 services, 2 engineers. our security folks haven't asked for mtls. mesh or not?",
        "aks, 9 services, 2 engineers. nobody in the org has a requirement for mtls. need a mesh?",
    ],
)
def test_a_need_denied_in_the_writers_own_words_is_not_needed(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "mtls" in facts["not_needed"]
    assert "mtls" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "gke, 40 services. not sure we need mtls yet but want canaries. which mesh?",
        "eks, 40 services. no sidecars because we need mtls on tiny nodes. which mesh?",
    ],
)
def test_a_hedge_or_a_reason_between_negator_and_need_denies_nothing(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert "mtls" in facts["needs"]
    assert "mtls" not in facts.get("not_needed", [])


def test_what_a_tool_they_have_does_already_asks_nothing_else_of_a_mesh(engine: AnswerEngine):
    text = (
        "one k3s cluster, 7 services, a single ops engineer. the grpc client library already "
        "does our retries and timeouts. worth running a mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert {"retries", "timeouts"} <= set(facts["covered"])
    assert not {"proxyless_grpc", "retries", "timeouts"} & set(facts.get("needs", []))
    assert verdict(engine, text).tied == ["no-mesh"]


def test_a_topics_words_must_meet_in_one_sentence(engine: AnswerEngine):
    text = (
        "eks, 5 services. tls ends at the load balancer. my manager saw a conference post "
        "about meshes. do we need one?"
    )
    assert "post_quantum_tls" not in engine.parser.parse(text).facts.get("needs", [])
    assert "post_quantum_tls" in engine.parser.parse(
        "eks, 40 services. we need post-quantum tls between services. which mesh?"
    ).facts.get("needs", [])


def test_what_a_provider_supports_is_the_support_wanted(engine: AnswerEngine):
    text = "aks, 70 services, need mtls, and it must be something microsoft supports"
    assert engine.parser.parse(text).facts["support"] == "microsoft"
    assert verdict(engine, text).tied == ["aks-istio-addon"]


def test_a_team_at_home_with_envoy_has_envoy_experience(engine: AnswerEngine):
    said = engine.parser.parse("gke, 90 services, our sres are comfortable with envoy").facts
    assert said["envoy_experience"] is True
    unsaid = engine.parser.parse("gke, 90 services, we're not comfortable with envoy").facts
    assert unsaid["envoy_experience"] is False


def test_dozens_said_in_words_are_counted(engine: AnswerEngine):
    assert engine.parser.parse("a couple dozen services on eks").facts["services"] == 24
    assert engine.parser.parse("half a dozen services on gke").facts["services"] == 6
    assert "services" not in engine.parser.parse("dozens of services on gke").facts


def test_tls_wanted_only_at_the_edge_needs_no_mesh(engine: AnswerEngine):
    text = "all we want is tls at the ingress, 25 services on aks. is a mesh needed?"
    assert engine.parser.parse(text).facts["edge_only"] is True
    assert verdict(engine, text).tied == ["no-mesh"]
    both = "tls at the edge plus mtls between our 60 services on gke"
    assert verdict(engine, both).tied != ["no-mesh"]


def test_a_team_counted_by_label_or_said_in_words_is_read(engine: AnswerEngine):
    assert engine.parser.parse("eks, 80 services. sre team: 3").facts["engineers"] == 3
    assert engine.parser.parse("gke, team size = 2, 40 services").facts["team_size"] == "small"
    facts = engine.parser.parse("aks, 60 services, one lone platform engineer and a part-timer")
    assert facts.facts["team_size"] == "small"
    owned = engine.parser.parse("30 engineers, but no one owns the platform. eks, 50 services")
    assert owned.facts["team_size"] == "small"
    clusters = engine.parser.parse("our platform team runs 4 clusters on eks").facts
    assert "engineers" not in clusters


def test_an_offering_on_one_providers_platform_says_where_they_run(engine: AnswerEngine):
    text = "we're on the openshift service mesh with 120 services, team of 5. what next?"
    intent = engine.parser.parse(text)
    assert intent.facts["platform"] == ["openshift"]
    assert verdict(engine, text).tied == ["openshift-service-mesh"]
    # a question about the offering itself asks nothing of a setup
    asked = engine.parser.parse("we use ecs service connect. can it do mtls?")
    assert asked.kind.value == "feature_check"
    assert "platform" not in asked.facts


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        (
            "eks, 2k pods, ram is really tight and we can't add nodes. which mesh?",
            "memory_budget",
            "tight",
        ),
        (
            "gke, 300 services. we need a vendor we can page when it breaks. which mesh?",
            "support",
            "any",
        ),
        (
            "k3s at the edge, 12 services, our ops team is tiny. need mtls. which mesh?",
            "team_size",
            "small",
        ),
        (
            "k3s, 20 services, want something simple and light with mtls. which mesh?",
            "low_overhead",
            True,
        ),
    ],
)
def test_everyday_wordings_of_budget_support_team_and_weight(
    engine: AnswerEngine, text: str, fact: str, value: object
):
    assert engine.parser.parse(text).facts[fact] == value


@pytest.mark.parametrize(
    "text",
    [
        "i am the entire platform team. gke, 15 services, we need mtls and retries. which mesh?",
        "honestly i'm the whole devops team. aks with 10 services, need mtls. what should i run?",
    ],
)
def test_one_person_who_is_the_platform_team_is_a_small_team(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["team_size"] == "small"


def test_upgrades_said_as_toil_ask_for_little_work_not_canary_upgrades(engine: AnswerEngine):
    text = (
        "eks, 15 services, need mtls and golden metrics. i'd rather not spend my weekends on "
        "upgrades. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert "revision_upgrades" not in facts["needs"]
    assert facts["team_size"] == "small"
    assert "linkerd" in verdict(engine, text).survivors  # in-place upgrades rule nothing out


def test_upgrades_done_by_hand_refused_want_them_done_for_them(engine: AnswerEngine):
    text = "gke, 40 services, mtls. nobody here wants to babysit upgrades. which mesh?"
    facts = engine.parser.parse(text).facts
    assert facts["managed_control_plane"] is True
    assert "revision_upgrades" not in facts.get("needs", [])


def test_no_extra_vendor_contracts_rules_out_a_new_vendors_product_not_open_source(
    engine: AnswerEngine,
):
    text = "on AKS, 50 services, need mtls and retries, and want no additional vendor contracts"
    facts = engine.parser.parse(text).facts
    assert facts["no_new_vendor"] is True
    assert "support" not in facts  # not a contract wanted
    result = verdict(engine, text)
    assert {"gloo-mesh", "kong-mesh"} <= {s.mesh.id for s in result.ruled_out}
    assert {"linkerd", "istio", "aks-istio-addon"} <= set(result.survivors)


def test_no_vendor_contracts_at_all_is_no_support_wanted(engine: AnswerEngine):
    text = "gke, 30 services. we want no vendor contracts for this. which mesh?"
    assert engine.parser.parse(text).facts["support"] == "none"


def test_a_named_chore_alone_speaks_of_no_needs(engine: AnswerEngine):
    text = "aks, 20 services. sidecars are banned here, our batch jobs never finished with them."
    facts = engine.parser.parse(text).facts
    assert facts["no_sidecars"] is True
    assert "needs" not in facts  # native sidecars named only as what the refusal makes moot


def test_keeping_to_the_providers_own_stack_is_buying_from_it(engine: AnswerEngine):
    text = (
        "eks, 40 services, we are an aws-centric org. need l7 authz and header routing, no sidecars"
    )
    assert engine.parser.parse(text).facts["vendor"] == "aws"
    assert verdict(engine, text).tied == ["amazon-vpc-lattice"]


def test_one_limit_shared_by_every_replica_rules_out_limits_each_proxy_counts(
    engine: AnswerEngine,
):
    text = (
        "self-managed kubernetes, 90 services. we need a global rate limit per API key, the "
        "same quota whichever pod serves the call; paid products are fine. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert "global_rate_limiting" in facts["needs"]
    result = verdict(engine, text)
    local = {"linkerd", "kuma", "kong-mesh", "consul"}
    assert local <= {s.mesh.id for s in result.ruled_out}
    assert result.pick == "gloo-mesh"


def test_plain_rate_limiting_asks_for_no_shared_quota(engine: AnswerEngine):
    text = "eks, 30 services, we need mtls and rate limiting per client. which mesh?"
    facts = engine.parser.parse(text).facts
    assert "rate_limiting" in facts["needs"]
    assert "global_rate_limiting" not in facts["needs"]
    assert "linkerd" in verdict(engine, text).survivors


def test_no_sidecar_said_of_proxyless_grpc_is_met_by_the_proxyless_mode(engine: AnswerEngine):
    text = (
        "GKE shop. our gRPC services should take routing config straight from the control plane "
        "via xDS, no sidecar beside them. what should we run?"
    )
    facts = engine.parser.parse(text).facts
    assert "proxyless_grpc" in facts["needs"] and facts["no_sidecars"] is True
    result = verdict(engine, text)
    assert result.tied == ["google-cloud-service-mesh"]
    istio = result.of("istio")
    assert not istio.out  # proxyless gRPC, though experimental, runs those services sidecar-free
    assert any("only through Proxyless gRPC" in c.text for c in istio.caveats)


@pytest.mark.parametrize(
    ("text", "managed"),
    [
        ("eks, 25 services, mtls. aws-managed would be a plus, honestly.", False),
        ("eks, 25 services, mtls. it has to be aws-managed.", True),
    ],
)
def test_a_provider_run_control_plane_wished_for_is_no_requirement(
    engine: AnswerEngine, text: str, managed: bool
):
    facts = engine.parser.parse(text).facts
    assert facts.get("managed_control_plane", False) is managed


@pytest.mark.parametrize(
    "text",
    [
        "kubeadm clusters in our racks; cilium 1.15 is already the cni we run. need L7 "
        "authorization and encryption, no sidecars please. suggestions?",
        "self-hosted k8s, Cilium v1.16.3 is our current cni. we want mtls and http-aware "
        "authorization without sidecars. which mesh?",
    ],
)
def test_a_release_number_after_a_name_still_says_what_the_team_runs(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts.get("cilium_cni") is True
    # sidecarless on the Cilium they run: Cilium's own mesh, or ambient for GA mTLS on top
    assert set(verdict(engine, text).tied) <= {"cilium", "istio-ambient"}


def test_a_size_with_a_decimal_point_is_no_release_number(engine: AnswerEngine):
    text = "each node has 2.5 GB of ram and we run 40 services on k8s. which mesh?"
    assert engine.parser.parse(text).facts["node_memory"] == 2560


@pytest.mark.parametrize(
    "text",
    [
        "we're on OpenShift Service Mesh 2.5 on OCP 4.14 and need a plan for what comes "
        "next. must be red hat supported or the change board rejects it.",
        "OCP on vmware, OSSM 2.6 today. what comes after it? it has to be red hat "
        "supported or the architecture board won't sign off.",
    ],
)
def test_a_vendor_named_for_support_is_no_feature_asked(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "golden_metrics" not in intent.features
    assert verdict(engine, text).tied == ["openshift-service-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "linkerd or istio for us? aks, ~300 pods, mtls and retries are all we need, least "
        "overhead wins",
        "for our gke estate (~150 pods): kuma or linkerd? we need mtls, lowest memory use wins",
    ],
)
def test_a_choice_between_named_meshes_beside_the_estate_asks_for_a_pick(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("low_overhead") is True
    assert verdict(engine, text).tied


def test_the_lightest_of_named_meshes_with_no_estate_stays_a_ranking(engine: AnswerEngine):
    assert engine.parser.parse("istio or linkerd, which has the lowest overhead?").kind == (
        IntentKind.lightest
    )


@pytest.mark.parametrize(
    "text",
    [
        "our clusters are OKD (the community openshift), 30 services, we need mtls and "
        "traffic splitting. which mesh?",
        "okd 4.15 on our own hardware, we'll maybe buy OCP in a year or two. recommend a mesh "
        "for ~60 services",
    ],
)
def test_okd_is_openshift_without_the_subscription_its_service_mesh_needs(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["platform"] == ["okd"]
    result = verdict(engine, text)
    assert "openshift-service-mesh" in [s.mesh.id for s in result.ruled_out]
    assert result.tied and "openshift-service-mesh" not in result.tied


def test_staying_close_to_a_distribution_is_wanting_its_base(engine: AnswerEngine):
    text = "we run okd and want to stay close to openshift service mesh. 40 services, mtls."
    assert engine.parser.parse(text).facts["built_on"] == "istio"
    assert set(verdict(engine, text).tied) <= {"istio", "istio-ambient"}


@pytest.mark.parametrize(
    "text",
    [
        "aks, 80 services. there's a windows node pool for legacy apps that will stay out of "
        "the mesh; the linux services need mtls. microsoft has to support it.",
        "we run aks with windows containers we won't be meshing: those windows pods can remain "
        "outside. linux side needs mtls and retries, must be supported by microsoft",
    ],
)
def test_a_workload_kept_out_of_the_mesh_is_no_must_have(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "windows_nodes" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["aks-istio-addon"]


def test_windows_pods_inside_the_mesh_stay_a_must_have(engine: AnswerEngine):
    text = "aks with windows node pools; mtls must cover the windows pods too. microsoft support"
    assert "windows_nodes" in engine.parser.parse(text).facts["needs"]
