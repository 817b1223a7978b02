"""Setups an expert reads one way and a phrase list could read another: a must-not said with
"zero", a proxy memory bill that hurts. Each goes through the public path (parse, then the
verdict)."""

from __future__ import annotations

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


def test_zero_sidecars_insisted_on_refuses_sidecars(engine: AnswerEngine):
    text = (
        "GKE is out, we're on AKS with azure cni. zero sidecars is a must for us, apache "
        "licensed software only, 250 pods. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("no_sidecars") is True and "per_pod_proxy" not in facts
    found = verdict(engine, text)
    assert found.of("istio").out and found.of("linkerd").out
    assert found.tied == ["istio-ambient"]


def test_sidecars_insisted_on_still_want_a_proxy_in_every_pod(engine: AnswerEngine):
    facts = engine.parser.parse("EKS, 90 services, sidecars are mandatory for audit").facts
    assert facts.get("per_pod_proxy") is True and "no_sidecars" not in facts


def test_an_envoy_memory_bill_that_hurts_moves_istio_users_to_ambient(engine: AnswerEngine):
    text = (
        "we've been running istio sidecars on GKE standard, 1200 pods; the envoy memory bill "
        "keeps hurting us and we want to keep our istio resources. where do we go?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("low_overhead") is True and facts.get("incumbent") == "istio"
    assert verdict(engine, text).pick == "istio-ambient"


def test_proxies_named_the_largest_line_item_of_the_memory_bill_hurt(engine: AnswerEngine):
    """Said as where the money goes, not as a pain word: the proxies' memory still hurts."""
    text = (
        "- we run istio in sidecar mode on gke, 400 services\n- the sidecars are the largest line "
        "item of our memory bill\n- our AuthorizationPolicies stay. what should we run?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("hurts") is True and facts.get("low_overhead") is True
    assert verdict(engine, text).pick == "istio-ambient"


def test_the_team_running_the_platform_is_the_fewest_people_counted(engine: AnswerEngine):
    text = (
        "seed stage, 12 engineers in total and 1 sre who also carries the pager. self-managed "
        "k8s, 40 services, we need mtls and canaries. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["engineers"] == 1 and facts["team_size"] == "small"
    assert verdict(engine, text).pick != "istio"


def test_more_needs_beside_only_mtls_mean_mtls_is_not_the_only_driver(engine: AnswerEngine):
    facts = engine.parser.parse("20 services on EKS, we just need mtls plus golden metrics").facts
    assert facts["only_mtls"] is False
    assert engine.parser.parse("20 services on EKS, we only need mtls").facts["only_mtls"] is True


def test_moving_off_a_retired_mesh_leads_to_its_successors(engine: AnswerEngine):
    text = (
        "we still have open service mesh on our AKS cluster and it's archived now. 45 services, "
        "we need mtls and traffic splits. what should replace it?"
    )
    assert engine.parser.parse(text).facts["retired_mesh"] == "open-service-mesh"
    found = verdict(engine, text)
    assert "retired-successor" in {r.id for r in found.fired}
    successors = {"aks-istio-addon", "istio", "istio-ambient", "linkerd", "gloo-mesh"}
    assert set(found.tied) <= successors
    assert found.scores["linkerd"] > found.scores["kuma"]


def test_a_handful_of_services_wanting_only_client_side_features_need_no_mesh(
    engine: AnswerEngine,
):
    text = (
        "4 services on a single-node microk8s, i'm the only dev. after timeouts and a "
        "dashboard of service health. worth adding a service mesh?"
    )
    found = verdict(engine, text)
    assert not found.of("no-mesh").out
    assert "small-app-level-needs" in {r.id for r in found.fired}
    assert found.tied == ["no-mesh"]


def test_retries_without_mtls_are_no_reason_for_the_lightest_full_mesh(engine: AnswerEngine):
    without = verdict(engine, "EKS, 18 services, three devs. we want retries and circuit breakers")
    assert "small-estate-needs-more" not in {r.id for r in without.fired}
    assert without.tied == ["no-mesh"]
    wanted = verdict(engine, "EKS, 18 services, three devs. we want mtls, retries and metrics")
    assert "small-estate-needs-more" in {r.id for r in wanted.fired}
    assert "no-mesh" not in wanted.tied


def test_a_providers_own_offering_runs_only_on_vms_in_its_own_cloud(engine: AnswerEngine):
    text = "about 50 services on ec2 instances, no kubernetes at all. tls between them. mesh?"
    facts = engine.parser.parse(text).facts
    assert facts["cloud"] == "aws" and facts["platform"] == ["vms"]
    found = verdict(engine, text)
    google = found.of("google-cloud-service-mesh")
    assert google.out and "in AWS" in google.reasons[0].text
    assert not found.of("amazon-vpc-lattice").out
    on_gce = verdict(engine, "about 50 services on compute engine vms, no kubernetes. mesh?")
    assert not on_gce.of("google-cloud-service-mesh").out
    assert on_gce.of("amazon-vpc-lattice").out


def test_on_ecs_the_built_in_option_beats_client_libraries(engine: AnswerEngine):
    text = "14 services on ECS fargate, we want retries and request metrics between them. pick one"
    found = verdict(engine, text)
    assert not found.of("no-mesh").out
    assert found.tied == ["amazon-ecs-service-connect"]


def test_a_big_head_count_does_not_outweigh_a_small_team_said_in_words(engine: AnswerEngine):
    facts = engine.parser.parse(
        "about 60 engineers here but the platform side is a part-time job for one dev. "
        "35 services on EKS, which mesh?"
    ).facts
    assert facts["team_size"] == "small"
    counted = engine.parser.parse("8 engineers run our 35 services on EKS, which mesh?").facts
    assert counted["team_size"] == "dedicated"


def test_the_successor_reason_cites_the_retired_meshs_notice_and_names_it(engine: AnswerEngine):
    intent = engine.parser.parse(
        "traefik mesh is basically dead and we still run it: 3 k3s clusters, 25 services, "
        "two of us. we need mtls and golden metrics. replacement?"
    )
    text = render_terminal(engine.answer(intent))
    reason = next(line for line in text.splitlines() if "no longer maintained" in line)
    assert "https://github.com/traefik/mesh/issues/870" in text
    mark = text.split("https://github.com/traefik/mesh/issues/870")[0].rsplit("[", 1)[1]
    assert f"[{mark.split(']')[0]}]" in reason
    assert "retired mesh to move off: Traefik Mesh" in text


def test_support_wanted_from_whoever_rules_out_meshes_no_one_supports(engine: AnswerEngine):
    text = (
        "four AKS clusters in two regions, failover between clusters is non-negotiable and "
        "the add-on can't span clusters. we need support from somebody for the audit. pick?"
    )
    assert engine.parser.parse(text).facts.get("support") == "any"
    found = verdict(engine, text)
    assert found.of("kuma").out and found.of("aks-istio-addon").out
    assert found.pick not in ("istio", "istio-ambient", "kuma")


def test_no_envoy_keeps_a_mesh_whose_envoy_part_the_needs_do_not_use(engine: AnswerEngine):
    l4_only = "our EKS pods need encrypted mutual tls between them; envoy is banned, no sidecars"
    found = verdict(engine, l4_only)
    assert not found.of("istio-ambient").out and found.of("cilium").out
    assert found.pick == "istio-ambient"
    with_l7 = "EKS, envoy is banned and no sidecars, we need encryption and header based routing"
    shown = render_terminal(engine.answer(engine.parser.parse(with_l7)))
    assert "Istio ambient mode: ruled out" in shown


def test_a_note_saying_do_not_upgrade_asks_for_no_upgrade_feature(engine: AnswerEngine):
    text = (
        "took over a linkerd-free cluster running archived open service mesh, on-prem k8s, "
        "30 services, 2 engineers. the runbook just says 'do not upgrade'. what next?"
    )
    facts = engine.parser.parse(text).facts
    assert "revision_upgrades" not in facts.get("needs", [])
    assert facts.get("not_needed") == ["revision_upgrades"]
    assert "mtls" in engine.parser.parse("we dont have mtls yet and need it, EKS").facts["needs"]


def test_a_replacement_asked_for_with_a_need_is_a_recommendation(engine: AnswerEngine):
    text = (
        "we run consul on EKS with some EC2 VMs in the mesh. BUSL is banned now, open source "
        "licences only. any replacement that can still mesh our VMs?"
    )
    intent = engine.parser.parse(text)
    assert intent.kind == "recommend"
    found = verdict(engine, text)
    assert found.of("consul").out and found.pick in ("kuma", "istio", "linkerd")


def test_a_mesh_said_to_work_fine_is_the_one_they_run(engine: AnswerEngine):
    text = (
        "kuma on ~150 VMs plus one EKS cluster, been rock solid, but the cto wants a "
        "support contract this year. where do we land?"
    )
    assert engine.parser.parse(text).facts.get("incumbent") == "kuma"
    assert verdict(engine, text).pick == "kong-mesh"
    trial = "we trialled linkerd last quarter, works fine. 40 services on GKE, what mesh?"
    assert "incumbent" not in engine.parser.parse(trial).facts
