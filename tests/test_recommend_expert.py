"""Setups an expert settles on one reading of what the team already has and wants: who runs
the control plane, what a contract covers, what they run as the CNI, who is on the team and
what they say they need. Each read through the public path (parse, then the verdict)."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "8 gke clusters in one fleet, mesh across all of them; we'd like google to own the "
        "control plane. suggestions?",
        "GKE, 40 services across clusters. no one wants to run istiod, which mesh?",
    ],
)
def test_the_provider_owning_the_control_plane_picks_its_managed_mesh(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["managed_control_plane"] is True
    assert verdict(engine, text).tied == ["google-cloud-service-mesh"]


def test_no_new_vendors_keeps_to_the_vendor_whose_support_is_asked_for(engine: AnswerEngine):
    text = (
        "moving 60 services to openshift on aws. it has to come under our red hat support, "
        "and finance says no new vendors. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["support"] == "red-hat"
    assert "no_vendor" not in facts  # no refusal of every vendor: Red Hat is wanted
    assert verdict(engine, text).tied == ["openshift-service-mesh"]


def test_features_they_do_not_use_are_not_needed(engine: AnswerEngine):
    text = (
        "one AKS cluster running our own upstream istio, 500 pods. we never use wasm or "
        "envoyfilters and need a vendor support path now. what do we do?"
    )
    facts = engine.parser.parse(text).facts
    assert {"wasm_extensions", "custom_proxy_config"} <= set(facts["not_needed"])
    assert "wasm_extensions" not in facts.get("needs", [])
    assert verdict(engine, text).tied == ["aks-istio-addon"]


# Cilium as the CNI weighs its mesh up (nothing new to run), and mTLS asked of it weighs it
# down: its mTLS is Beta and mutual auth deprecated (cilium-cni-mtls), so where fewest new
# components decide it stays first, and where only mTLS is asked ambient on Cilium leads.
@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "we swapped calico for cilium last quarter. we'd like mtls now, fewest new "
            "components possible. what mesh?",
            "cilium",
        ),
        (
            "on EKS we replaced the vpc cni with cilium a while ago; mtls between pods please, "
            "open source only. pick one",
            "istio-ambient",
        ),
    ],
)
def test_a_cni_replaced_by_cilium_is_cilium_already_run(engine: AnswerEngine, text: str, pick: str):
    facts = engine.parser.parse(text).facts
    assert facts["cilium_cni"] is True
    assert verdict(engine, text).tied == [pick]


@pytest.mark.parametrize(
    ("text", "engineers"),
    [("one EKS cluster, 2 sre folks, need mtls. which mesh?", 2), ("4 platform people", 4)],
)
def test_a_teams_word_between_count_and_unit_counts_the_team(
    engine: AnswerEngine, text: str, engineers: int
):
    facts = engine.parser.parse(text).facts
    assert facts["engineers"] == engineers
    assert facts["team_size"] == "small"


def test_mtls_said_to_be_all_beside_another_need_is_not_the_only_driver(engine: AnswerEngine):
    text = "self-managed k8s, 18 svcs. we just need mtls + request metrics. what mesh"
    facts = engine.parser.parse(text).facts
    assert facts["only_mtls"] is False
    assert verdict(engine, text).tied == ["linkerd"]


def test_needs_their_own_client_library_covers_are_no_need_of_a_mesh(engine: AnswerEngine):
    text = (
        "3 GKE clusters, 20 services. mtls isn't required, tracing comes from the otel sdks "
        "and retries and timeouts live in our shared client library. is a mesh worth it?"
    )
    facts = engine.parser.parse(text).facts
    assert {"retries", "timeouts"} <= set(facts["covered"])
    assert verdict(engine, text).tied == ["no-mesh"]


def test_asking_whether_the_platforms_own_option_is_overkill_asks_for_a_pick(
    engine: AnswerEngine,
):
    text = (
        "6 services on ecs fargate behind an ALB, 2 of us. do we really need service connect "
        "or is it overkill"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert set(verdict(engine, text).tied) <= {"no-mesh", "amazon-ecs-service-connect"}


@pytest.mark.parametrize(
    "text",
    [
        "EKS with fargate profiles only, no node groups at all. 30 services, need mtls-ish "
        "auth between them and canary splits. what mesh?",
        "all our pods run on fargate (EKS). 12 svcs, want service to service authorization. "
        "options?",
    ],
)
def test_every_pod_on_fargate_rules_out_what_needs_a_node(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["fargate_pods"] is True
    found = verdict(engine, text)
    out = {s.mesh.id for s in found.ruled_out}
    # ztunnel and Cilium's agent are DaemonSets; sidecars need NET_ADMIN or a CNI DaemonSet
    assert {"istio-ambient", "cilium", "istio", "linkerd", "kuma"} <= out
    # Consul's dataplane sidecar needs neither once transparent proxy is off (HashiCorp's
    # advice for EKS Fargate), so it stays in beside the AWS service
    assert "consul" not in out
    # the pick the answer leads with (level offerings leaning to the one that holds up best);
    # where mTLS is asked, Consul meets it in full and the AWS service (SigV4) only partly
    facts = engine.parser.parse(text).facts
    leading = scoring.outlook(engine.kb, facts, scoring.candidates(engine.kb, [])).verdict
    assert "amazon-vpc-lattice" not in out
    expected = ["consul"] if "mtls" in facts.get("needs", []) else ["amazon-vpc-lattice"]
    assert set(leading.tied) <= {"amazon-vpc-lattice", "consul"}
    assert leading.tied[:1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "we have a fargate-only EKS cluster and already run consul servers on EC2. can the pods "
        "join the consul mesh, or what else works?",
        "all our pods run on fargate in EKS; which meshes actually run there? consul is fine by "
        "legal",
    ],
)
def test_consul_keeps_eks_pods_on_fargate_in_its_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["fargate_pods"] is True
    found = verdict(engine, text)
    out = {s.mesh.id for s in found.ruled_out}
    assert "consul" in found.survivors
    assert {"istio", "linkerd", "kuma", "kong-mesh"} <= out


def test_ecs_tasks_on_fargate_are_not_eks_pods_on_fargate(engine: AnswerEngine):
    text = "ECS on Fargate, 25 services, need TLS between them. which mesh?"
    assert "fargate_pods" not in engine.parser.parse(text).facts
    assert verdict(engine, text).tied == ["amazon-ecs-service-connect"]


def test_a_must_have_said_to_be_non_negotiable_needs_a_confirmed_full_row(engine: AnswerEngine):
    text = (
        "3 rke2 clusters on prem, 250 pods. FIPS 140 validated encryption between services "
        "is non-negotiable; lightweight preferred, vendors ok. what mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert "fips_tls" in facts["in_full"]
    found = verdict(engine, text)
    out = {s.mesh.id: [f.text for f in s.reasons] for s in found.ruled_out}
    # upstream Istio's compliance policy is no validated build, and ambient's is unconfirmed
    assert "in full" in " ".join(out["istio"])
    assert "confirmed" in " ".join(out["istio-ambient"])
    assert set(found.tied) <= {"linkerd", "kong-mesh", "gloo-mesh", "consul"}


@pytest.mark.parametrize(
    "text",
    [
        "one GKE cluster, 120 pods, mtls everywhere please. we don't want to spend our lives "
        "running a mesh. which one?",
        "self-managed k8s, 70 services, mtls + retries, something set and forget. which mesh?",
    ],
)
def test_operating_effort_said_breaks_the_tie_among_self_run_meshes(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["team_size"] == "small"
    assert verdict(engine, text).tied != ["istio-ambient", "istio", "linkerd"]
    assert "istio" not in verdict(engine, text).tied


def test_a_need_nobody_has_asked_for_is_none_and_the_pick_stays_a_pick(engine: AnswerEngine):
    text = (
        "nomad, 5 jobs behind an nginx proxy on a private network; nobody has asked for mtls. "
        "do we need consul connect at all?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts["services"] == 5
    assert "mtls" in intent.facts["not_needed"]
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "two aks clusters, 50 services, mtls. our support contract with microsoft has to "
            "cover the mesh. which one?",
            "aks-istio-addon",
        ),
        (
            "aks, 80 services. we have premier support w/ microsoft and want the mesh under "
            "it. what should we pick?",
            "aks-istio-addon",
        ),
        (
            "gke, 5 clusters, 90 services, mtls and authz. we'd like google to own the istio "
            "upgrades from now on. what do we run?",
            "google-cloud-service-mesh",
        ),
    ],
)
def test_who_is_to_support_or_run_it_said_in_a_working_way(
    engine: AnswerEngine, text: str, pick: str
):
    assert verdict(engine, text).tied == [pick]


def test_a_setup_closed_by_next_step_asks_for_a_pick(engine: AnswerEngine):
    text = "openshift 4.16, 200 pods, ossm 2.6 is going out of support, red hat only. next step?"
    assert engine.parser.parse(text).kind == IntentKind.recommend
    assert verdict(engine, text).tied == ["openshift-service-mesh"]
