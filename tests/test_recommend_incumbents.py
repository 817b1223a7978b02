"""Setups that run a mesh today and ask whether to stay, get support for it or leave it. A
vendor's build of the project they run is where support comes without a migration; each goes
through the public path (parse, then the verdict and the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# The mesh they run said with its major line ("kuma 2.x in prod"), wanting a support contract:
# Kong Mesh, Kong's supported build of Kuma, keeps what they run.
KUMA_WANTING_SUPPORT = [
    "kuma 2.x in production across 3 zones, 200 services. leadership wants a vendor support "
    "contract now. stay or move?",
    "we run kuma 2.9 on eks, 120 services, and the CTO wants a support contract. what should "
    "we do?",
    "kuma in prod on 2 clusters, ~90 services. procurement now requires a support contract. "
    "options?",
    "kuma 2.x in prod, 60 services on aks. do we need a mesh with paid support?",
    "Kuma 2.x live in production, multi-zone, 4 clusters. we need a support contract from a "
    "vendor now. switch or stay?",
]


@pytest.mark.parametrize("text", KUMA_WANTING_SUPPORT)
def test_support_wanted_for_the_mesh_they_run_is_its_vendors_build(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("incumbent") == "kuma"
    assert verdict(engine, text).pick == "kong-mesh"
    shown = render_terminal(engine.answer(intent))
    assert "A vendor's build of the open-source mesh you run" in shown
    assert "For Kong Mesh: You already run it" not in shown


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("linkerd 2.x in prod, 80 services on eks. which mesh?", "linkerd"),
        ("istio 1.24.x in production on gke, 300 svcs. stay or switch?", "istio"),
    ],
)
def test_a_release_line_written_with_x_reads_as_the_mesh_they_run(
    engine: AnswerEngine, text: str, running: str
):
    assert engine.parser.parse(text).facts.get("incumbent") == running


def test_a_compare_of_two_meshes_in_prod_stays_a_compare(engine: AnswerEngine):
    intent = engine.parser.parse("kuma in prod vs istio in prod, which is easier to run?")
    assert intent.kind.value == "compare"
    assert set(intent.meshes) == {"kuma", "istio"}


def test_the_mesh_they_run_keeps_its_own_reason(engine: AnswerEngine):
    text = "we run kuma on eks, 120 services. stay or switch?"
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert verdict(engine, text).pick == "kuma"
    assert "For Kuma: You already run it" in shown


# A way out asked with no mesh after it ("is there an exit", "what would replace it") leaves
# the mesh they run, however far back it is named; VMs they keep rule out what cannot mesh them.
EXITS = [
    "we run consul on ~120 VMs and one EKS cluster. what's our exit strategy? the VMs have to "
    "stay meshed",
    "we're on consul connect across 2 AKS clusters plus 40 azure VMs. hashicorp's renewal quote "
    "doubled. what would replace it?",
    "on-prem: we're on consul for 60 VMs and 3 k8s clusters. looking for an exit plan, VMs stay "
    "in the mesh",
    "we've been running consul on vms and kubeadm clusters for years (~90 VMs). management "
    "wants an off ramp from hashicorp. what should we pick?",
    "we use consul connect on 50 VMs plus a k8s cluster. is there an escape hatch that still "
    "meshes the VMs?",
]


@pytest.mark.parametrize("text", EXITS)
def test_a_way_out_asked_leaves_the_mesh_they_run(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("leaving") == "consul"
    assert "vm_workloads" in intent.facts.get("needs", [])
    found = verdict(engine, text)
    assert found.pick in {"kuma", "kong-mesh", "istio", "linkerd"}, found.pick


def test_a_way_out_denied_keeps_the_mesh_they_run(engine: AnswerEngine):
    text = "we run consul on eks with 90 services. we don't need an exit, which mesh fits?"
    intent = engine.parser.parse(text)
    assert "leaving" not in intent.facts
    assert intent.facts.get("incumbent") == "consul"


def test_an_exit_gateway_is_egress_not_a_way_out(engine: AnswerEngine):
    text = "we run istio on eks with 200 services and route egress via an exit gateway. which mesh?"
    intent = engine.parser.parse(text)
    assert "leaving" not in intent.facts
    assert intent.facts.get("incumbent") == "istio"


def test_the_mesh_they_run_without_a_way_out_stays_the_pick(engine: AnswerEngine):
    text = "we're on consul connect for about 80 VMs plus a couple of k8s clusters. what next?"
    assert "leaving" not in engine.parser.parse(text).facts
    assert verdict(engine, text).pick == "consul"


# A price shock on Consul (source-available, sold with a paid edition) leaves it for an
# open-source mesh, as one on a vendor's build of an open-source project does.
def test_consuls_renewal_priced_out_leaves_it_for_open_source(engine: AnswerEngine):
    text = (
        "we run consul on 3 eks clusters, 200 services. hashicorp renewal came in at 3x. options?"
    )
    intent = engine.parser.parse(text)
    assert intent.facts.get("licence") == "open_source"
    assert intent.facts.get("hurts") is True
    assert verdict(engine, text).pick != "consul"


# Off a vendor's build, they leave that build: its project, with the same resources, stays
# the move ("we're on kong mesh … is there an exit?" lands on Kuma, Gloo Mesh on Istio).
@pytest.mark.parametrize(
    ("text", "landing"),
    [
        (
            "we're on kong mesh in 3 eks clusters, 150 services. the renewal came in at 3x, is "
            "there an exit?",
            {"kuma"},
        ),
        (
            "we're on gloo mesh, 4 eks clusters. solo's renewal is too pricey for us. is there "
            "an off ramp?",
            {"istio", "istio-ambient"},
        ),
    ],
)
def test_off_a_vendors_build_its_project_stays(engine: AnswerEngine, text: str, landing: set):
    found = verdict(engine, text)
    assert found.pick in landing, found.pick


# A negation of a loss keeps what is named after it: "without dropping the VMs" makes meshing
# the VMs a must-have, so Istio ambient mode (no VMs) is out.
KEPT = [
    "we run consul on eks plus 40 ec2 VMs. legal flagged the BUSL change. what replaces it "
    "without losing the VMs?",
    "we want to leave consul but without giving up the VMs: 30 VMs plus eks, 100 services. "
    "options?",
    "getting off consul, 60 VMs plus 2 gke clusters. need something with no loss of VM support",
    "we're ditching consul over the BUSL change. 200 services on eks + 20 VMs. what mesh, "
    "without sacrificing the VMs?",
    "move off consul without dropping VM support. 25 VMs + aks, 80 services",
]


@pytest.mark.parametrize("text", KEPT)
def test_a_loss_negated_keeps_the_workload_a_must_have(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "vm_workloads" in intent.facts.get("needs", [])
    assert "vm_workloads" not in intent.facts.get("not_needed", [])
    found = verdict(engine, text)
    assert found.pick in {"kuma", "kong-mesh", "istio", "linkerd"}, found.pick


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("eks, 100 services, without VMs, which mesh?", "vm_workloads"),
        ("eks, 100 services, no VMs in scope, which mesh?", "vm_workloads"),
    ],
)
def test_a_plain_negation_still_negates(engine: AnswerEngine, text: str, negated: str):
    assert negated in engine.parser.parse(text).facts.get("not_needed", [])


# A check of a named mesh joined to a pick by a comma ("…, and does linkerd do circuit
# breaking?") leaves the pick leading, and the check is answered after it.
JOINED_CHECKS = [
    (
        "is nginx service mesh dead? we have nginx plus ingress and ~100 svcs on a kubeadm "
        "cluster w/ calico. what do we move to, and does linkerd do circuit breaking?",
        ("linkerd", "circuit_breaking"),
    ),
    (
        "we're still on traefik mesh, 40 svcs on k3s. which mesh next, and can linkerd do retries?",
        ("linkerd", "retries"),
    ),
    (
        "eks, 120 services, need mtls and retries. which mesh should we pick, and does istio "
        "ambient support multi-cluster?",
        ("istio-ambient", "multi_cluster"),
    ),
    (
        "we're leaving consul: 80 VMs + aks. what replaces it, and does kuma mesh VMs?",
        ("kuma", "vm_workloads"),
    ),
    (
        "gke, 200 services, small team. what do you recommend, plus does cilium do mtls?",
        ("cilium", "mtls"),
    ),
    (
        "osm is archived and we run it on aks with 60 services. what should we move to, and "
        "does kuma do rate limiting?",
        ("kuma", "rate_limiting"),
    ),
]


@pytest.mark.parametrize(("text", "checked"), JOINED_CHECKS)
def test_a_check_joined_to_a_pick_is_answered_after_it(
    engine: AnswerEngine, text: str, checked: tuple[str, str]
):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.also is not None
    assert (intent.also.meshes, intent.also.features) == ([checked[0]], [checked[1]])
    answer = engine.answer(intent)
    assert answer.title.startswith("Recommendation: ")
    asked = [p for p in answer.points if getattr(p, "heading", "").startswith("You also asked")]
    assert len(asked) == 1 and asked[0].sources


def test_nginx_plus_ingress_they_have_is_covered_not_needed(engine: AnswerEngine):
    text = "we have nginx plus ingress and ~100 svcs on a kubeadm cluster. which mesh?"
    facts = engine.parser.parse(text).facts
    assert "ingress_gateway" in facts.get("covered", [])
    assert "ingress_gateway" not in facts.get("needs", [])
    needed = engine.parser.parse("we have to expose an ingress for 40 services on eks, which mesh?")
    assert "ingress_gateway" in needed.facts.get("needs", [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # must not change: a comparison, a reason asked, and two checks of one mesh
        (
            "istio or linkerd for 40 services on eks, and does linkerd do circuit breaking?",
            "compare",
        ),
        ("eks, 120 services. which mesh should we pick, and why is istio so heavy?", "recommend"),
        ("does linkerd do retries, and can it do timeouts?", "feature_check"),
    ],
)
def test_near_readings_of_a_joined_clause_stay(engine: AnswerEngine, text: str, kind: str):
    intent = engine.parser.parse(text)
    assert intent.kind.value == kind
    assert intent.also is None


# A licence said only to renew is one they hold: the paid offering its sentence names is what
# they run ("consul on 2 AKS clusters + ~40 azure VMs, … enterprise licence renews next
# quarter"), and staying on it weighs for it.
@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "is consul still worth it? consul across 3 eks clusters and 60 VMs, 120 services, "
            "our enterprise license renews in march. other options?",
            "consul",
        ),
        (
            "consul on two aks clusters plus 50 azure vms, ~80 services; the licence is up for "
            "renewal next month. keep it or switch?",
            "consul",
        ),
        (
            "kong mesh on 4 eks clusters with some VMs, 100 services, enterprise license renews "
            "in q3. stay or go?",
            "kong-mesh",
        ),
        (
            "hashicorp got bought by ibm. consul on 30 vms and an aks cluster, licence renews "
            "next quarter. what now?",
            "consul",
        ),
        (
            "gloo mesh on 5 gke clusters, 300 services, subscription renews in june. still the "
            "right call?",
            "gloo-mesh",
        ),
    ],
)
def test_a_licence_renewing_is_one_they_hold(engine: AnswerEngine, text: str, held: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("incumbent") == held
    assert not intent.facts.get("hurts")


# Must not change: a renewal whose price rose still prices them out; one beside an offering
# only weighed names nothing they run.
def test_a_renewal_priced_out_or_beside_a_trial_names_no_holding(engine: AnswerEngine):
    risen = "consul on 3 eks clusters, 200 services, hashicorp renewal came in at 3x. options?"
    assert engine.parser.parse(risen).facts.get("hurts") is True
    weighed = "evaluating kong mesh for 40 services on eks; our openshift subscription renews soon"
    assert "incumbent" not in engine.parser.parse(weighed).facts
    plain = "kong mesh or kuma for 40 services on eks? we need vms in the mesh"
    assert "incumbent" not in engine.parser.parse(plain).facts


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("we have Consul on 200 VMs, happy with it. anything better?", "consul"),
        ("we have a linkerd setup on eks, 30 svcs, keep it?", "linkerd"),
        ("we have istio 1.20 in prod, should we upgrade or switch", "istio"),
        ("we have kuma across 3 zones, 150 services. stay or move?", "kuma"),
        ("We have Linkerd in prod on GKE, 60 services. Should we switch?", "linkerd"),
    ],
)
def test_we_have_a_mesh_is_the_mesh_they_run(engine: AnswerEngine, text: str, mesh: str):
    assert engine.parser.parse(text).facts.get("incumbent") == mesh


@pytest.mark.parametrize(
    "text",
    [
        "we have two options: istio and linkerd, 40 services",
        "we have a choice between linkerd and kuma, 40 services",
        "we have to pick istio or linkerd, 50 services",
        "we have 40 services on eks, istio or linkerd?",
    ],
)
def test_we_have_a_choice_names_no_mesh_they_run(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("incumbent") is None
