"""How a clause's role is read before any weighing: a lack told is a need, a platform named as
a comparison is not theirs, a name never runs across a sentence end, struck text is taken
back, a use told in the past tense is the mesh they run, a phrase's default count yields to a
larger one said. Read through the public path (parser.parse)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


def facts(engine: AnswerEngine, text: str) -> dict:
    return engine.parser.parse(text).facts


# A lack told is a need, not a refusal.
@pytest.mark.parametrize(
    ("text", "feature"),
    [
        (
            "an outage last month: callers kept retrying with no timeouts at all. 30 services, EKS",
            "timeouts",
        ),
        ("we have no mtls today and the auditors noticed. 25 services on GKE", "mtls"),
        (
            "there were no retries so one blip took down the cart service. AKS, 50 services",
            "retries",
        ),
        (
            "checkout went down because the gateway ran without circuit breaking. EKS, 60 svcs",
            "circuit_breaking",
        ),
        (
            "right now we have no traffic splitting, canaries are manual. 40 services on EKS",
            "traffic_splitting",
        ),
    ],
)
def test_a_lack_told_is_no_refusal(engine: AnswerEngine, text: str, feature: str):
    said = facts(engine, text)
    assert feature not in said.get("not_needed", [])


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("no timeouts needed, 30 services on EKS, need mtls", "timeouts"),
        ("we don't need timeouts. EKS, 30 services, need mtls", "timeouts"),
        ("we have no mtls requirement, 30 services on EKS", "mtls"),
        ("we have no VMs, 30 services on EKS, need mtls", "vm_workloads"),
        ("no jwt, no wasm. just mtls on EKS for 20 services", "jwt_validation"),
    ],
)
def test_a_refusal_or_an_absent_workload_stays_unneeded(
    engine: AnswerEngine, text: str, feature: str
):
    assert feature in facts(engine, text).get("not_needed", [])


def test_a_mesh_with_no_sidecars_is_still_refused_sidecars(engine: AnswerEngine):
    assert facts(engine, "EKS, want a mesh with no sidecars, need mtls").get("no_sidecars")


# A platform named as a comparison is not where they run.
@pytest.mark.parametrize(
    "text",
    [
        "we're on EKS and want a managed control plane like GKE has. 40 services",
        "EKS, 60 services. is there something managed, similar to AKS's add-on?",
        "unlike GKE, our EKS clusters get no managed mesh. what are the options",
        "on EKS; we'd like the kind of managed istio just like AKS offers",
        "EKS here. compared to GKE, what managed mesh can we get for 30 services?",
    ],
)
def test_a_platform_named_as_a_comparison_is_not_theirs(engine: AnswerEngine, text: str):
    assert facts(engine, text).get("platform") == ["eks"]


@pytest.mark.parametrize(
    "text",
    [
        "we run managed k8s like EKS, 40 services, need mtls",
        "EKS and GKE, one mesh across both, 80 services",
    ],
)
def test_a_platform_given_as_an_example_or_beside_another_stays(engine: AnswerEngine, text: str):
    assert "eks" in facts(engine, text).get("platform", [])


# A name never runs across a sentence end.
@pytest.mark.parametrize(
    "text",
    [
        "platform team of 2, 12 services on AKS. mesh or no mesh?",
        "20 services on AKS. Mesh worth it?",
        "we run on AKS.\nmesh or not, 10 services",
        "AKS! mesh yes or no? 8 services",
        "only 9 services, all on AKS. mesh needed?",
    ],
)
def test_a_platform_before_a_sentence_end_is_not_an_offerings_name(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("platform") == ["aks"]
    assert "aks-istio-addon" not in intent.meshes


def test_the_offering_named_in_one_sentence_is_still_named(engine: AnswerEngine):
    assert "aks-istio-addon" in engine.parser.parse("does the aks mesh add-on do mtls?").meshes


# Struck text is taken back.
@pytest.mark.parametrize(
    "text",
    [
        "EKS, 40 services, ~no sidecars~ sidecars are fine, need mtls",
        "GKE, need mtls and ~no sidecars~ retries. 30 services",
        "~must be sidecarless~ EKS 50 services, mtls",
        "AKS 30 services. ~zero sidecars~ need retries",
        "~no sidecars please~ on EKS, 60 services, need mtls",
    ],
)
def test_struck_through_words_are_withdrawn(engine: AnswerEngine, text: str):
    assert not facts(engine, text).get("no_sidecars")


def test_a_tilde_rounding_a_number_strikes_nothing(engine: AnswerEngine):
    said = facts(engine, "~40 VMs and ~300 pods on EKS, no sidecars, need mtls")
    assert said.get("no_sidecars") and said.get("vms") == 40


# A use told in the past tense is the mesh they run, unless set in the past.
@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("we used linkerd stable releases and now buoyant wants money. 200 employees", "linkerd"),
        ("we've used istio for two years on EKS; upgrades hurt. what now", "istio"),
        ("we have used kuma since 2022, 40 services on EKS. keep it?", "kuma"),
        ("we were using consul on VMs until legal asked about the licence. options?", "consul"),
        (
            "we used istio for everything so far, 100 services on GKE. still the right call?",
            "istio",
        ),
    ],
)
def test_a_use_in_the_past_tense_is_the_mesh_they_run(engine: AnswerEngine, text: str, mesh: str):
    assert facts(engine, text).get("incumbent") == mesh


@pytest.mark.parametrize(
    "text",
    [
        "we used istio back in 2021, now on EKS with 30 services. which mesh",
        "we used istio at my last job, now on EKS with 30 services, which mesh",
    ],
)
def test_a_use_set_in_the_past_is_not_run_now(engine: AnswerEngine, text: str):
    assert facts(engine, text).get("incumbent") is None


# A phrase's default count yields to a larger one said; spanning platforms is no cluster count.
@pytest.mark.parametrize(
    ("text", "clusters"),
    [
        ("fintech, 3 regions, multi-cluster, need wasm. EKS", 3),
        ("4 regions and cross-cluster failover on GKE, 200 services", 4),
        ("2 clusters across 3 regions, multi-cluster, EKS", 2),
    ],
)
def test_regions_raise_a_phrases_cluster_count(engine: AnswerEngine, text: str, clusters: int):
    assert facts(engine, text).get("clusters") == clusters


@pytest.mark.parametrize(
    "text",
    [
        "legal banned BUSL software. one mesh across k8s and ~40 VMs",
        "we need a single mesh across kubernetes and our EC2 VMs, 60 services",
    ],
)
def test_one_mesh_across_platforms_is_no_cluster_count(engine: AnswerEngine, text: str):
    said = facts(engine, text)
    assert not said.get("spans_clusters") and "clusters" not in said


# Whether some workloads belong in the mesh is a doubt of the mesh for them.
@pytest.mark.parametrize(
    "text",
    [
        "do our nightly etl jobs need to be in the service mesh? they only hit s3",
        "quick one: does the airflow scheduler have to be in the mesh?",
        "should the spark workers be meshed at all? they write to redshift",
        "new here, do batch pods need to join the mesh?",
        "do the cronjobs really need to be part of the service mesh",
    ],
)
def test_whether_workloads_belong_in_the_mesh_is_a_doubt(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend and intent.facts.get("mesh_doubted")


# A choice between names alone, then the setup: which of them, not whether.
@pytest.mark.parametrize(
    "text",
    [
        "istio or linkerd? 60 services on GKE, 2 SREs",
        "linkerd or istio? 40 svcs, small team, AKS.",
        "kuma or linkerd?\nEKS, 35 services, 3 platform engineers",
        "istio ambient or linkerd? 90 services, 4 people on the platform team",
        "cilium or linkerd? 25 services on EKS, team of 2",
    ],
)
def test_a_bare_choice_then_a_setup_asks_which(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend and intent.facts.get("mesh_asked")


@pytest.mark.parametrize(
    "text",
    [
        "istio or linkerd? which has lower latency",
        "istio or linkerd? EKS",
        "cilium or istio ambient if we dont want a proxy in every pod?",
        "istio vs linkerd for ~300 pods. mostly care abt encrypting pod to pod traffic",
        "one-person ops team, 5 services. istio or linkerd?",
    ],
)
def test_a_choice_with_no_setup_after_it_asks_nothing_more(engine: AnswerEngine, text: str):
    assert not engine.parser.parse(text).facts.get("mesh_asked")


# A licence policy they state is applied, not argued away.
@pytest.mark.parametrize(
    "text",
    [
        "consul went BUSL right? can we still use it if legal says no BUSL",
        "can we keep using consul if our policy bans BUSL licences?",
        "legal says no business source licences. can we still run consul internally?",
        "is consul ok to use internally when busl is not allowed here?",
        "we can't use BUSL software per legal. can we still use consul?",
    ],
)
def test_a_licence_policy_stated_is_applied(engine: AnswerEngine, text: str):
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Under that policy, no" in answer
    assert "Internal use is allowed" not in answer


def test_a_licence_described_not_set_as_policy_is_explained(engine: AnswerEngine):
    text = "consul is BSL now, can we still use it internally?"
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "Internal use is allowed" in answer and "Under that policy" not in answer


# A managed mesh wanted where no provider runs a managed build of one: said plainly.
@pytest.mark.parametrize(
    "text",
    [
        "EKS shop, we'd love a managed istio control plane. 80 services",
        "we're on EKS and don't want to run istiod ourselves, need it managed",
        "EKS, 40 services, must be a managed control plane like GKE has",
        "on EKS: is there a managed mesh where AWS runs the control plane?",
        "EKS, want someone else to run the mesh control plane, 60 services",
    ],
)
def test_no_managed_build_on_the_platform_is_said(engine: AnswerEngine, text: str):
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "No provider runs a managed build of an open-source mesh on EKS" in answer


@pytest.mark.parametrize(
    "text",
    [
        "AKS, want a managed mesh, 40 services",
        "GKE, want the control plane managed by google, 30 services",
        "EKS, 40 services, need mtls",
    ],
)
def test_a_platform_with_a_managed_build_or_none_wanted_gets_no_such_note(
    engine: AnswerEngine, text: str
):
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "No provider runs a managed build" not in answer


# Over a stable edition's free tier: stay on edge releases, pay, or move.
@pytest.mark.parametrize(
    "text",
    [
        "we used Linkerd stable releases, now Buoyant wants a licence since we're 300 employees."
        " stay, pay, or move?",
        "we run linkerd on EKS, 120 services, company of 400 employees. buoyant wants money now",
        "linkerd user here, 250 employees, the BEL licence question came up. options?",
        "we've used linkerd for years, 1000 employees, what now that stable releases cost",
        "EKS, 40 services, 500 employees, need mtls and retries",
    ],
)
def test_over_the_free_tier_the_ways_on_are_laid_out(engine: AnswerEngine, text: str):
    answer = render_terminal(engine.answer(engine.parser.parse(text)))
    if "Recommendation: Linkerd" in answer:
        assert "edge releases (free at any size), pay for Buoyant Enterprise" in answer


def test_under_the_free_tier_nothing_more_is_said(engine: AnswerEngine):
    text = "EKS, 40 services, 30 employees, need mtls and retries"
    assert "you are over that" not in render_terminal(engine.answer(engine.parser.parse(text)))


# Certificates as a chore refused: handled for them, not their own CA wanted.
@pytest.mark.parametrize(
    "text",
    [
        "lambda and ECS across accounts, want authz and routing without managing certs",
        "we want mtls between 40 services on EKS without managing certificates ourselves",
        "EKS, 30 services. no cert management on our side please, need mtls",
        "we don't want to manage certs at all. AKS, 20 services, mtls",
        "GKE, 50 services, mtls but we never touch certs",
    ],
)
def test_certificates_refused_as_a_chore_want_no_own_ca(engine: AnswerEngine, text: str):
    assert "external_ca" not in facts(engine, text).get("needs", [])


def test_an_own_ca_said_is_still_needed(engine: AnswerEngine):
    said = facts(engine, "EKS, 40 services, we must use our vault pki as the CA")
    assert "external_ca" in said.get("needs", [])
