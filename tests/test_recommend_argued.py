"""How the offerings left are weighed and how the pick is argued: a must-have met only partly
loses to a full row close by, a reason argued sets the pick apart from its rival (and is not
as true of the pick), the pain said is what the reasons answer, and a retired mesh that never
encrypted anything can simply be dropped. Each setup read through the public path (parse,
then the answer or the verdict)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.results import Answer, Paragraph, Statement, StatementList
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

MATURITY = "Graduated CNCF projects"
UNASKED_VENDOR = "you haven't said you want a vendor"
UNASKED_LICENCE = "what the licence buys"


def why(answer: Answer) -> list[Statement]:
    found = next((p for p in answer.points if getattr(p, "heading", "") == "Why"), None)
    assert isinstance(found, StatementList)
    return found.items


def for_your_setup(answer: Answer) -> str:
    found = next((p for p in answer.points if getattr(p, "heading", "") == "For your setup"), None)
    assert isinstance(found, Paragraph)
    return found.text


# A must-have the pick meets only partly, while meshes close behind meet it in full: the
# full row wins ("our own Vault PKI as the CA": Linkerd's partial row is no close call).
OWN_CA = [
    "our workload certs have to be issued by our own Vault PKI, that's a must. EKS, 90 "
    "services, 3 engineers",
    "we need to plug in our corporate CA (hashicorp vault) for mesh certificates. eks, ~100 "
    "services, small team",
    "mesh certificates must chain to our own root CA in Vault. 150 services on EKS, 5 SREs",
    "bring-your-own CA is mandatory for us (vault pki). 80 services on GKE, team of 4",
    "we want the mesh to use our own CA from vault instead of its self-signed one. 120 "
    "services on EKS, 4 engineers",
]


@pytest.mark.parametrize("text", OWN_CA)
def test_a_must_have_met_only_partly_loses_to_a_full_row_close_by(engine: AnswerEngine, text: str):
    assert "external_ca" in engine.parser.parse(text).facts["needs"]
    found = verdict(engine, text)
    assert found.pick is not None
    assert not [f for f in found.of(found.pick).caveats if f.feature == "external_ca"]


# Must not change: what they run already keeps its partial row without the extra cost
# (Cilium as their CNI), and a licence unasked is no fuller answer (Istio's documented global
# rate limits stay ahead of Gloo Mesh).
@pytest.mark.parametrize(
    ("text", "pick"),
    [
        (
            "we swapped calico for cilium last quarter. we'd like mtls now, fewest new "
            "components possible. what mesh?",
            "cilium",
        ),
        (
            "we need distributed rate limiting across replicas; eks; which mesh?",
            "istio",
        ),
        (
            "kubeadm, 120 services, a global quota per API key whichever replica serves the "
            "call. which service mesh?",
            "istio",
        ),
    ],
)
def test_a_partial_row_they_run_or_a_licence_unasked_is_not_outdone(
    engine: AnswerEngine, text: str, pick: str
):
    assert verdict(engine, text).tied[0] == pick


# A reason said against the rival is never one that holds as much against the pick: a paid
# edition is not argued for with "you haven't said you want a vendor" against another one.
FIPS = [
    "PCI says pod-to-pod traffic must use FIPS 140 validated crypto. EKS, 120 services",
    "we need FIPS validated TLS between services for FedRAMP. 80 services on EKS",
    "auditors want FIPS 140-2 crypto in the data plane. self-managed kubernetes, 60 services",
    "FIPS-compliant mTLS is required by our compliance team. EKS, 200 services",
    "need a mesh whose proxies use FIPS validated crypto modules, 90 services on eks",
]


@pytest.mark.parametrize("text", FIPS)
def test_a_reason_against_a_paid_edition_is_not_argued_for_another(engine: AnswerEngine, text: str):
    assert "fips_tls" in engine.parser.parse(text).facts["needs"]
    found = verdict(engine, text)
    answer = engine.ask(text)
    pick = engine.kb.meshes[found.pick or ""]
    for said in why(answer):
        if UNASKED_VENDOR in said.text or UNASKED_LICENCE in said.text:
            # said against the pick too, if at all: never against a rival alone
            assert pick.name in said.label


# Two builds of one project compared: the project's maturity sets neither apart, and the
# trade-off each side carries is said.
ADDON_OR_OWN = [
    "aks istio add-on or self-managed istio on aks? 100 services, platform team of 5",
    "aks add-on versus our own istio install on AKS, 150 services, 6 SREs",
    "AKS add-on vs upstream istio on AKS, 150 services",
    "AKS: istio add-on vs upstream istio we install ourselves, 120 services, 5 person platform "
    "team",
    "running istio ourselves vs the aks service mesh add-on, 90 services, platform team of 4",
]


@pytest.mark.parametrize("text", ADDON_OR_OWN)
def test_one_projects_builds_are_not_set_apart_by_its_maturity(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.title.endswith("compared")
    said = for_your_setup(answer)
    assert MATURITY not in said
    assert "AKS Istio-based service mesh add-on" in said


def test_a_level_comparison_says_each_sides_reason(engine: AnswerEngine):
    said = for_your_setup(engine.ask(ADDON_OR_OWN[1]))
    assert "come out level" in said
    assert "For AKS Istio-based service mesh add-on" in said and "For Istio (sidecar mode)" in said


# Upgrades said as the pain: the reasons weigh the upgrades (a managed control plane, a
# vendor's long-support builds), not the memory of sidecars.
UPGRADE_PAIN = [
    "our istio upgrades keep breaking things. EKS, 250 services, team of 3",
    "every istio upgrade we've done caused an outage. 200 services on eks, 4 people",
    "istio upgrades keep biting us in prod. 300 services on EKS, 3 engineers",
    "self-managed istio on eks, 180 services; upgrades are a nightmare for our 4 person team",
    "the last two istio upgrades took down prod. EKS, 220 services, small platform team",
]


@pytest.mark.parametrize("text", UPGRADE_PAIN)
def test_upgrades_said_to_hurt_are_what_the_reasons_answer(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("upgrade_toil") is True
    assert "upgrade-toil" in {r.id for r in verdict(engine, text).fired}
    assert "Keeping up with upgrades is the toil" in render_terminal(engine.ask(text))


# Must not change: an upgrade asked about, not complained of, and a more precise pain.
@pytest.mark.parametrize(
    "text",
    [
        "how do we upgrade istio from 1.22 to 1.24 safely?",
        "we run istio on EKS and plan the 1.24 upgrade next month, 100 services. anything to "
        "watch?",
        "istio sidecars across 300 services. each upgrade means bouncing every pod and it is "
        "killing us. we want to keep istio. what are our options?",
        "we want canary control-plane upgrades. EKS, 200 services, which mesh?",
    ],
)
def test_an_upgrade_asked_about_or_named_precisely_is_no_upgrade_toil(
    engine: AnswerEngine, text: str
):
    assert "upgrade_toil" not in engine.parser.parse(text).facts


# Memory per pod wished small: the overhead figures weigh.
MEMORY_WISH = [
    "which mesh won't add much memory per pod? 800 pods on EKS, just mTLS, open source",
    "looking for a mesh that doesn't add a lot of memory to each pod. 2,000 pods, GKE, mTLS "
    "and metrics",
    "we need mTLS across 1,500 pods without adding much memory per pod. EKS, open source only",
    "finance is watching memory: pick a mesh that won't add much RAM per pod, 1,000 pods on AKS",
    "mTLS for 900 pods, but the mesh must not add a lot of memory per pod. self-managed k8s",
]


@pytest.mark.parametrize("text", MEMORY_WISH)
def test_memory_wished_small_weighs_the_overhead(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("low_overhead") is True
    assert verdict(engine, text).pick not in ("istio", "gloo-mesh", "kong-mesh", "consul")


@pytest.mark.parametrize(
    "text",
    [
        "what's the lightest mesh?",
        "how much memory does a linkerd proxy use per pod?",
        "does istio add memory per pod?",
    ],
)
def test_memory_asked_about_is_no_wish(engine: AnswerEngine, text: str):
    assert "low_overhead" not in engine.parser.parse(text).facts


# A retired mesh that never encrypted traffic, on a small estate: dropping it is the answer,
# and the reason says what dropping it loses.
DROP_IT = [
    "we still run traefik mesh on k3s with 8 services. can we just remove it?",
    "traefik mesh is dead. 15 services on k3s. do we need a replacement at all?",
    "still on traefik mesh, 10 services, kubernetes. replace it or just delete it?",
    "our traefik mesh install (20 services, k8s) is unmaintained; could we simply drop the mesh?",
    "traefik mesh on 6 services in k3s. is dropping it an option?",
]


@pytest.mark.parametrize("text", DROP_IT)
def test_a_retired_mesh_that_never_encrypted_can_be_dropped(engine: AnswerEngine, text: str):
    assert verdict(engine, text).tied == ["no-mesh"]
    said = " ".join(s.text for s in why(engine.ask(text)))
    assert "never encrypted traffic" in said and "what you give up" in said


@pytest.mark.parametrize(
    "text",
    [
        "traefik mesh on k3s, 12 services, we need mTLS between them. what replaces it?",
        "we run open service mesh on AKS, 12 services. what do we move to?",
        "traefik mesh on k3s with 200 services. what now?",
    ],
)
def test_dropping_is_not_weighed_where_something_is_lost(engine: AnswerEngine, text: str):
    assert "retired-never-encrypted" not in {r.id for r in verdict(engine, text).fired}


@pytest.mark.parametrize("text", OWN_CA[:2])
def test_the_must_have_that_decided_is_argued_first(engine: AnswerEngine, text: str):
    first = why(engine.ask(text))[0]
    assert first.label.startswith("For ")
    assert "meets in full what Linkerd meets only partly" in first.text
