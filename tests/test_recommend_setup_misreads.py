"""Setups whose platform, CNI, encryption or size used to be misread; each read through the
public path (parse, answer, render) or the verdict the answer is built on."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# ---------------------------------------------------------------- VMs a cluster runs on


@pytest.mark.parametrize(
    ("text", "platform", "cloud"),
    [
        ("kubeadm on azure VMs, 40 services, need mtls. which mesh?", "kubernetes", "microsoft"),
        (
            "self-managed k8s on ec2 instances, 60 services, need retries. what should we use?",
            "kubernetes",
            "aws",
        ),
        (
            "we run rke2 clusters on top of vmware vms in our dc, 80 services, mtls please. "
            "which mesh?",
            "kubernetes",
            "own",
        ),
        (
            "our kubernetes runs on hetzner vms, 25 services, need mtls and retries. which mesh?",
            "kubernetes",
            None,
        ),
        (
            "k3s installed on a handful of droplets, 12 services, need mtls. which mesh?",
            "kubernetes",
            None,
        ),
        ("EKS on EC2 nodes, 40 services, need mtls. which mesh?", "eks", "aws"),
    ],
)
def test_vms_a_cluster_runs_on_are_its_machines(
    engine: AnswerEngine, text: str, platform: str, cloud: str | None
):
    facts = engine.parser.parse(text).facts
    assert facts["platform"] == [platform]
    assert facts.get("cloud") == cloud
    assert "vm_workloads" not in facts.get("needs", [])


@pytest.mark.parametrize(
    ("text", "platform", "vm_need"),
    [
        ("EKS plus ~60 EC2 VMs, need mtls across both. which mesh?", ["eks"], True),
        (
            "about 50 services on ec2 instances, no kubernetes at all. tls between them. mesh?",
            ["vms"],
            False,
        ),
        ("k8s and some stuff on vms, 60 services, mtls. which mesh?", ["kubernetes"], True),
    ],
)
def test_vms_beside_a_cluster_or_alone_keep_their_reading(
    engine: AnswerEngine, text: str, platform: list[str], vm_need: bool
):
    facts = engine.parser.parse(text).facts
    assert facts["platform"] == platform
    assert ("vm_workloads" in facts.get("needs", [])) is vm_need


def test_an_aside_counting_the_estate_is_setup_though_the_clause_names_a_vendor(
    engine: AnswerEngine,
):
    text = (
        "we're an aws shop - kubeadm on ec2 for legacy reasons (2 clusters, ~70 services). "
        "need mtls. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert (facts["clusters"], facts["services"]) == (2, 70)


def test_an_aside_describing_a_tool_they_run_is_still_left_out(engine: AnswerEngine):
    facts = engine.parser.parse(
        "we already run SPIRE (VMs + k8s) on eks, 40 services. which mesh?"
    ).facts
    assert facts["platform"] == ["eks"]
    assert "vm_workloads" not in facts.get("needs", [])


# ---------------------------------------------------------------- one party to answer for it


@pytest.mark.parametrize(
    "text",
    [
        "procurement wants one throat to choke. kubeadm, 60 services, need mtls. which mesh?",
        "we need a vendor we can raise a sev1 with. self-managed k8s, 80 services, mtls and "
        "canaries. which mesh?",
        "single throat to choke for the mesh please. rke2 on prem, 100 services. recommend one",
        "legal wants one neck to wring if it breaks. 50 services on kubeadm, need mtls. what "
        "should we use?",
        "the mesh has to come from someone we can open a sev1 with. 70 services on k8s. mtls. "
        "which mesh?",
    ],
)
def test_one_party_answerable_when_it_breaks_wants_vendor_support(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["support"] == "any"
    pick = engine.kb.meshes[verdict(engine, text).tied[0]]
    assert pick.fit is not None and pick.fit.support_from


def test_support_refused_stays_refused(engine: AnswerEngine):
    text = "no vendor support needed. kubeadm, 60 services, mtls. which mesh?"
    assert engine.parser.parse(text).facts["support"] == "none"


@pytest.mark.parametrize(
    "text",
    [
        "we're an azure shop but our clusters are NOT aks - kubeadm on azure VMs (3 clusters, "
        "~90 services). procurement wants one throat to choke. mTLS, canaries, observability.",
        "microsoft shop, but the clusters are self-managed kubernetes on azure vms, not aks. "
        "120 services. need a vendor we can raise a sev1 with; mtls and canary releases.",
        "azure everywhere, yet our k8s is kubeadm on azure virtual machines. 70 services, "
        "single throat to choke for support, need mtls and traffic splitting. which mesh?",
    ],
)
def test_self_built_clusters_in_azure_get_a_vendor_supported_mesh_not_the_aks_add_on(
    engine: AnswerEngine, text: str
):
    facts = engine.parser.parse(text).facts
    assert facts["platform"] == ["kubernetes"]
    tied = verdict(engine, text).tied
    assert "aks-istio-addon" not in tied
    assert all(engine.kb.meshes[m].fit.support_from for m in tied)  # type: ignore[union-attr]


# ---------------------------------------------------------------- the rest let in


@pytest.mark.parametrize(
    "text",
    [
        "policy here is CNCF projects only. bare metal rke2 with canal, ~200 services, small "
        "team so lightweight matters. linkerd vs kuma vs cilium, or something else?",
        "eks, 200 services, small team. linkerd vs kuma, or something else?",
        "kubeadm, 150 services, need mtls and canaries. istio or consul or anything else?",
        "gke, 80 services, 2 sre. cilium vs kuma vs linkerd, or another mesh entirely?",
        "aks, 60 svcs, mtls only. consul or kuma? open to alternatives",
        "on prem k8s, 300 services, dedicated platform team. istio or linkerd, or other options?",
    ],
)
def test_meshes_named_then_the_rest_let_in_weigh_every_offering(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.options == []
    everyone = scoring.outlook(engine.kb, intent.facts, scoring.candidates(engine.kb, [])).verdict
    title = engine.answer(intent).title
    assert all(engine.kb.meshes[m].name in title for m in everyone.tied)


@pytest.mark.parametrize(
    ("text", "options"),
    [
        ("should we go with consul or kuma? 40 services on eks, need mtls", ["consul", "kuma"]),
        ("Kuma vs Kong Mesh for 100 services on eks, need mtls. which one?", ["kuma", "kong-mesh"]),
    ],
)
def test_meshes_named_alone_are_still_the_choice(
    engine: AnswerEngine, text: str, options: list[str]
):
    assert engine.parser.parse(text).options == options


# ---------------------------------------------------------------- another CNI


@pytest.mark.parametrize(
    "text",
    [
        "bare metal rke2 with canal, 200 services, small team. which mesh?",
        "k3s with flannel at the edge, 30 services, need mtls. which mesh?",
        "our cni is antrea. 120 services on kubeadm, need mtls and retries. which mesh?",
        "weave net is the cni on our kubeadm cluster, 90 services. what mesh should we run?",
        "ovn-kubernetes is our network plugin on self-managed k8s, 150 services, need mtls. "
        "which mesh?",
        "kindnet on our kubeadm test cluster, 20 services. which mesh?",
    ],
)
def test_another_cni_weighs_against_cilium_as_calico_does(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["cilium_cni"] is False
    assert verdict(engine, text).tied != ["cilium"]


@pytest.mark.parametrize("cni", ["canal", "flannel", "antrea"])
def test_another_cni_named_costs_cilium_what_replacing_it_costs(engine: AnswerEngine, cni: str):
    unsaid = "bare metal rke2, 200 services, small team. which mesh?"
    said = f"bare metal rke2 with {cni}, 200 services, small team. which mesh?"
    before, after = verdict(engine, unsaid).scores, verdict(engine, said).scores
    assert after["cilium"] < before["cilium"]
    assert after["cilium"] < max(after.values())


@pytest.mark.parametrize(
    "text",
    [
        "we swapped flannel for cilium last quarter. 60 services, need mtls. which mesh?",
        "cilium is our cni. 60 services, need mtls. which mesh?",
        "we swapped calico for cilium last quarter. 60 services, need mtls. which mesh?",
    ],
)
def test_cilium_said_as_the_cni_stays_the_cni(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["cilium_cni"] is True


# ---------------------------------------------------------------- encryption between nodes


@pytest.mark.parametrize(
    "text",
    [
        "talos on hetzner, cilium is the cni already, one person does ops. 30 services. the "
        "only compliance requirement is encryption between nodes. do i need a mesh for that?",
        "cilium is our cni on k3s, 20 services. auditors only want node to node encryption. "
        "do we need a mesh?",
        "we run cilium as the cni on eks, 40 services. compliance says traffic between nodes "
        "must be encrypted. mesh or not?",
        "bare metal kubeadm, cilium is the cni already. 25 services, 2 people. only need "
        "encryption between hosts. do we need istio for that?",
        "talos cluster with cilium for networking, 15 services. need encrypted traffic between "
        "nodes, nothing else. do i need a service mesh?",
    ],
)
def test_encryption_between_nodes_is_ciliums_to_give_where_it_is_the_cni(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.facts["node_encryption"] is True
    assert "mtls" not in intent.facts.get("needs", [])
    assert verdict(engine, text).tied[0] in {"no-mesh", "cilium"}
    assert "transparent encryption" in render_terminal(engine.answer(intent))


def test_encryption_between_nodes_without_cilium_still_needs_mtls(engine: AnswerEngine):
    text = (
        "eks, 30 services, one person does ops. the only compliance requirement is encryption "
        "between nodes. do i need a mesh for that?"
    )
    assert "mtls" in engine.parser.parse(text).facts["needs"]


def test_mtls_said_by_name_beside_encryption_between_nodes_stays_a_need(engine: AnswerEngine):
    text = (
        "cilium is the cni already, 30 services. we need mtls between services and encryption "
        "between nodes. which mesh?"
    )
    assert "mtls" in engine.parser.parse(text).facts["needs"]


# ---------------------------------------------------------------- the size planned


@pytest.mark.parametrize(
    ("text", "fact", "planned", "today"),
    [
        (
            "we're 5 services today but the roadmap says ~300 by next year over 3 EKS clusters. "
            "4 engineers, grafana stack already. which one?",
            "services",
            300,
            5,
        ),
        (
            "10 services now but growing to 250 services next year, eks, 3 engineers. which "
            "mesh should we start with?",
            "services",
            250,
            10,
        ),
        (
            "we have 8 services on gke today; the roadmap says ~400 by Q3. small team. what mesh?",
            "services",
            400,
            8,
        ),
        (
            "currently 6 microservices, we'll have 200 within a year. aks, 5 engineers. which "
            "mesh would you pick?",
            "services",
            200,
            6,
        ),
        (
            "12 svcs on kubeadm today, expected to reach 350 svcs in 18 months. 3 sres. "
            "recommend a mesh",
            "services",
            350,
            12,
        ),
        (
            "we run 20 pods today. growing to 2k pods by next year on eks. which mesh is "
            "lightest for that?",
            "pods",
            2000,
            20,
        ),
    ],
)
def test_the_size_planned_is_the_size_weighed_and_the_answer_says_so(
    engine: AnswerEngine, text: str, fact: str, planned: int, today: int
):
    intent = engine.parser.parse(text)
    assert intent.facts[fact] == planned
    shown = render_terminal(engine.answer(intent))
    assert f"I weighed {planned:,} {fact}, the size you said you are heading for" in shown
    assert f"not the {today:,} of today" in shown


def test_a_small_estate_planned_to_grow_gets_a_mesh_for_that_size(engine: AnswerEngine):
    text = (
        "we're 5 services today but the roadmap says ~300 by next year over 3 EKS clusters. 4 "
        "engineers, grafana stack already. would rather pick the mesh on day one than retrofit "
        "later. which one?"
    )
    assert verdict(engine, text).tied[0] in {"linkerd", "istio-ambient", "istio"}


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("50 services in prod and 200 services in staging", {"services": 50}),
        ("three clusters by Q3. which meshes can span all of them?", {"clusters": 3}),
        (
            "gloo mesh quoted us 3x for next year's renewal. we run istio sidecars under it on "
            "3 clusters. what now?",
            {"clusters": 3},
        ),
        (
            "we have 40 services and plan to migrate 2 clusters by next year. which mesh?",
            {"services": 40, "clusters": 2},
        ),
    ],
)
def test_counts_not_said_as_growth_keep_their_reading(
    engine: AnswerEngine, text: str, facts: dict[str, int]
):
    intent = engine.parser.parse(text)
    assert {k: intent.facts.get(k) for k in facts} == facts
    assert not any("heading for" in note for note in intent.unread)
