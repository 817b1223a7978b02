"""Questions misread by one word's other sense, each read as asked through the public path: a
phrasal verb ("drop down to") refuses nothing, "is it a mesh or not" asks what a named thing
is, a heading names what the question after it asks about, a shell prompt is no money, a
clause pointing back names the feature said before, "who does X" lists meshes (not "who does
the routing"), a plain mode word is its project's mode though the project places the modes,
no mesh set against a mesh is the before of a cost, a list of meshes is no description, VMs
beside another platform are workloads, and a name never runs across a pasted line."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    "text",
    [
        "which meshes let me drop down to raw envoy config if the API can't express something?",
        "any mesh where you can drop into the underlying proxy config when the CRDs fall short?",
        "what meshes allow dropping down to envoy filters for stuff the crds don't cover",
        "which service meshes let us drop straight to envoy config as an escape hatch?",
        "list meshes that let you drop down to raw envoy / proxy patches",
    ],
)
def test_dropping_down_to_envoy_config_refuses_no_envoy(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert "no_envoy" not in intent.facts
    assert intent.kind == IntentKind.which_meshes
    assert "custom_proxy_config" in intent.features


@pytest.mark.parametrize(
    "text",
    ["we want to drop envoy entirely, which mesh?", "drop sidecars, keep l7 authz. options?"],
)
def test_dropping_a_thing_still_refuses_it(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("no_envoy") or facts.get("no_sidecars")


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("so ECS service connect - is it a mesh or not?", "amazon-ecs-service-connect"),
        ("is app mesh actually a mesh or not", "aws-app-mesh"),
        (
            "is it a service mesh at all, this ecs service connect thing?",
            "amazon-ecs-service-connect",
        ),
        ("vpc lattice: is it even a mesh or not?", "amazon-vpc-lattice"),
        ("cilium. is it really a mesh or not, honestly", "cilium"),
    ],
)
def test_is_it_a_mesh_or_not_asks_what_the_thing_is(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert intent.meshes == [mesh]
    assert "mesh_doubted" not in intent.facts


@pytest.mark.parametrize(
    "text",
    ["do we even need a mesh or not? 10 services", "should we run a mesh or not, 6 services"],
)
def test_whether_to_run_a_mesh_is_still_doubted(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("mesh_doubted") is True


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        (
            "OSSM: can workload certs be issued by our own CA (vault via cert-manager)?",
            "openshift-service-mesh",
        ),
        ("kuma — can we bring our own root CA (issued via cert-manager)?", "kuma"),
        ("Linkerd: can the issuer cert come from our CA (we use cert-manager)?", "linkerd"),
        ("istio - can workload certs come from vault (through cert-manager)?", "istio"),
        ("Consul: can connect certs be signed by our vault PKI (cert-manager in front)?", "consul"),
    ],
)
def test_a_heading_names_what_the_question_asks_about(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert "external_ca" in intent.features


@pytest.mark.parametrize(
    "text",
    [
        "how much cpu does the linkerd proxy use? ~3k rps\n"
        "```$ kubectl top pod --containers\napi-1  linkerd-proxy  90m  20Mi```",
        "istio sidecar cpu at 2k rps? ours:\n"
        "$ kubectl top pod -n shop --containers\nshop-1 istio-proxy 150m 80Mi",
        "what cpu should the envoy sidecar take at 5k rps\n```\n"
        "$ kubectl top pods --containers | grep istio-proxy\nweb-2 istio-proxy 300m 110Mi\n```",
        "cpu of kuma's sidecar at 1k rps?\n% kubectl top pod --containers\nx kuma-sidecar 40m 50Mi",
        "how many millicores does the istio sidecar burn at 4k rps?\n"
        "```$ kubectl top pod\nfoo 200m 90Mi```",
    ],
)
def test_a_shell_prompt_is_no_price(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    assert intent.aspect is None
    assert intent.measure == Measure.cpu


@pytest.mark.parametrize(
    "text", ["what does gloo mesh cost, $ per cluster?", "kong mesh pricing in $$?"]
)
def test_a_currency_sign_still_asks_a_price(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.explain


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        (
            "game day soon: we want to inject 503s and delays. can linkerd do that natively"
            " or do we need chaos mesh?",
            "linkerd",
        ),
        ("we need retries on 503s. can linkerd handle that or do we need a library?", "linkerd"),
        (
            "need rate limits per client. could consul cover that, or do we need an api gateway?",
            "consul",
        ),
        (
            "we want to mirror prod traffic to staging. does cilium support that"
            " or do we need goreplay?",
            "cilium",
        ),
        ("we need jwt validation at the edge. can kuma do that or do we need a gateway?", "kuma"),
    ],
)
def test_a_clause_pointing_back_names_the_feature(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert intent.features


@pytest.mark.parametrize(
    "text",
    [
        "who does global rate limiting across replicas?",
        "who does FIPS-validated builds?",
        "who does mtls without sidecars",
        "we run 8 replicas of checkout. who does rate limiting shared across all of them?",
        "who handles traffic mirroring out of the box?",
    ],
)
def test_who_does_x_lists_the_meshes(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.which_meshes
    assert intent.features


@pytest.mark.parametrize(
    "text",
    [
        "what does proxyless mean, if there's no sidecar who does the routing?",
        "in ambient mode who handles the L7 stuff?",
        "who does commercial support for kuma?",
        "who offers commercial support for linkerd",
    ],
)
def test_who_does_the_job_asks_no_list(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind != IntentKind.which_meshes


@pytest.mark.parametrize(
    "text",
    [
        "sidecar mode vs ambient mode in istio - pros/cons?",
        "sidecars or ambient in istio, which for us?",
        "in istio, how does sidecar mode compare to ambient?",
        "sidecar mode vs ambient mode in istio? we're on 1.23 with 800 pods and memory is ugly",
        "istio: sidecar mode versus ambient mode, tradeoffs?",
    ],
)
def test_a_plain_mode_word_is_its_projects_mode(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare
    assert set(intent.meshes) == {"istio", "istio-ambient"}


def test_ambient_placed_in_istio_is_still_ambient_alone(engine: AnswerEngine):
    assert engine.parser.parse("ambient mode in istio - how does it work?").meshes == [
        "istio-ambient"
    ]


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("no mesh vs linkerd: added latency at 500 rps?", "linkerd"),
        ("added latency for istio vs no mesh at all? p50 and p99, a before/after", "istio"),
        ("memory: kuma vs no mesh for 300 pods?", "kuma"),
        ("linkerd versus no mesh, cpu at 2k rps?", "linkerd"),
        ("how much latency does ambient add vs no mesh?", "istio-ambient"),
    ],
)
def test_no_mesh_set_against_a_mesh_is_the_before(engine: AnswerEngine, text: str, mesh: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    assert set(intent.meshes) == {mesh, "no-mesh"}
    shown = render_terminal(engine.answer(intent))
    assert "No mesh is the before" in shown
    assert "figure for No mesh" not in shown


def test_no_mesh_under_a_mesh_is_the_yardstick(engine: AnswerEngine):
    intent = engine.parser.parse("what latency does linkerd add on top of running no mesh?")
    assert intent.meshes == ["linkerd"]


@pytest.mark.parametrize(
    ("text", "features"),
    [
        (
            "can u compare linkerd, kuma, consul and cilium on mtls + multicluster only",
            {"mtls", "multi_cluster"},
        ),
        ("compare istio, kuma, consul on mtls", {"mtls"}),
        ("linkerd, kuma, cilium, consul: how do they do on retries?", {"retries"}),
        ("compare kuma, consul and istio on fips", {"fips_tls"}),
        ("pls compare linkerd, kuma, consul, istio on jwt validation", {"jwt_validation"}),
    ],
)
def test_a_list_of_meshes_is_no_description(engine: AnswerEngine, text: str, features: set[str]):
    intent = engine.parser.parse(text)
    assert features <= set(intent.features)


@pytest.mark.parametrize(
    "text",
    [
        "we're a hashicorp shop, nomad + plain VMs. mesh recommendation?",
        "eks plus plain vms, which mesh?",
        "nomad and plain VMs, no k8s at all. what should we run?",
        "ecs plus a bunch of plain vms. pick a mesh for us",
        "aks and some plain virtual machines, which service mesh?",
    ],
)
def test_vms_beside_a_platform_are_workloads(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "vm_workloads" in intent.features


@pytest.mark.parametrize(
    "text", ["we're all VMs, no kubernetes. mesh?", "everything is vms, which mesh"]
)
def test_vms_alone_are_the_platform(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("platform") == ["vms"]


@pytest.mark.parametrize(
    "text",
    [
        "is osm still maintained? found this:\n"
        "```\nNAME    READY   AGE\nosm-controller-5d9f   1/1   412d\n```",
        "still a thing? linkerd\n"
        "```\nNAME   STATUS   AGE\nlinkerd-destination-1   Running   3d\n```",
        "is this kuma deprecated?\n"
        "```\nNAMESPACE   NAME   AGE\nkuma-system   kuma-control-plane-1   9d\n```",
    ],
)
def test_a_name_never_runs_across_a_pasted_line(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert not any("\n" in name for name in intent.unknown_names)
    assert intent.meshes


@pytest.mark.parametrize(
    "text",
    [
        "GKE shop. Cloud Service Mesh vs running our own istio - figuring out what we lose/gain."
        " a self-managed upgrade burned us last quarter",
        "EKS, 80 services. linkerd vs istio, weighing what we lose/gain. we need mtls and retries",
        "AKS here. the istio add-on vs self-managed istio: trying to see the tradeoffs, upgrades"
        " hurt us before",
        "on openshift. OSSM vs upstream istio - what do we gain, what do we give up. canary"
        " upgrades matter",
        "GKE, 40 services. linkerd versus cilium, need to understand the differences for mtls",
    ],
)
def test_meshes_set_against_each_other_are_compared_without_a_mark(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare
    assert len(intent.meshes) == 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "our CTO wants us to try Istiox (some fork??) instead of regular istio. is it legit?",
            "Istiox",
        ),
        ("is Kumaflare a good replacement for kuma?", "Kumaflare"),
        ("someone says Linkerdo is a fork of linkerd, legit?", "Linkerdo"),
        ("vendor pitched Ciliumix as an istio killer. is it real?", "Ciliumix"),
        ("should we try Consulate Pro instead of consul? is it legit", "Consulate Pro"),
    ],
)
def test_a_product_a_mesh_places_is_named_as_unknown(engine: AnswerEngine, text: str, name: str):
    intent = engine.parser.parse(text)
    assert intent.kind != IntentKind.out_of_scope
    assert [n.lower() for n in intent.unknown_names] == [name.lower()]
