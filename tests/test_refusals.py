"""Must-nots read from a refusal and its object in one clause, however it is phrased."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.knowledge_files import problems_of

MUST_NOTS = ("no_sidecars", "no_envoy", "no_new_cni", "no_vendor", "per_pod_proxy", "no_proxies")

SAID = [
    ("on AKS, no sidecars please", {"no_sidecars"}),
    ("AKS, we don't want sidecars", {"no_sidecars"}),
    ("sidecars are not allowed by our security team", {"no_sidecars"}),
    ("we want to get rid of the sidecar proxies, 80 services", {"no_sidecars"}),
    ("avoid anything with a proxy in every pod", {"no_sidecars"}),
    ("we dont want to run envoy", {"no_envoy"}),
    ("envoy is a no-go for us", {"no_envoy"}),
    ("can't have a C++ proxy in the path", {"no_envoy"}),
    ("our security team bans C++ proxies", {"no_envoy"}),
    ("we'd rather not swap out calico", {"no_new_cni"}),
    ("on EKS and we can't change the CNI", {"no_new_cni"}),
    ("avoid lock-in, 100 services on EKS", {"no_vendor"}),
    ("GKE, no envoy and no sidecars", {"no_envoy", "no_sidecars"}),
    # Envoy refused in every pod: the sidecar is refused, not Envoy itself.
    ("AKS, we can't afford an envoy sidecar on 3k pods", {"no_sidecars"}),
    ("no envoy in every pod please, GKE", {"no_sidecars"}),
    # A refusal labelling what a colon gives: a pasted checklist's lines.
    ("platform: gke\nmust not: replace calico\navoid: envoy", {"no_new_cni", "no_envoy"}),
    # The object named without a refusal, or the refusal about something else.
    ("we're fine with sidecars", set()),
    ("envoy experience on the team, 40 services", set()),
    ("no envoy experience on the team, 40 services", set()),
    ("we never used envoy", set()),
    ("no problem with sidecars, 50 services", set()),
    ("no JWT needed and sidecars are fine", set()),
    ("we don't need JWT, but envoy is what we know", set()),
    ("we don't need vendor support, 30 services", set()),
    ("we run envoy at the edge today and want mTLS", set()),
    # A cue governs the first object after it and those listed with it, not one past it.
    ("we liked having no sidecars (a shared per-node proxy instead)", {"no_sidecars"}),
    ("GKE, no sidecars or node-level proxies", {"no_sidecars", "per_pod_proxy"}),
    # Node agents refused: a sidecar data plane needs none; a node proxy or eBPF agent is one.
    ("our hardening policy bans privileged DaemonSets, GKE", {"per_pod_proxy"}),
    ("we can't run node agents on these hosts, 25 services", {"per_pod_proxy"}),
    ("no extra daemonsets on the nodes please, 12 services on aks", {"per_pod_proxy"}),
    # Every proxy refused, not one kind of proxy nor a proxy for some services.
    ("we don't want any proxies, AKS, 15 services", {"no_proxies"}),
    ("GKE, a few grpc services want no proxy at all for those calls", set()),
    ("AKS, our security team bans C++ proxies in the request path", {"no_envoy"}),
    # An object added to a refusal said before it in the sentence, past the comma.
    ("our CISO has banned C++ proxies, sidecars too", {"no_envoy", "no_sidecars"}),
    (
        "we won't adopt envoy in any form, including shared node proxies",
        {"no_envoy", "per_pod_proxy"},
    ),
    ("istio on gke with sidecars included in the install, 30 services", set()),
]


@pytest.mark.parametrize(("text", "expected"), SAID)
def test_a_refusal_governing_the_object_sets_the_must_not(
    engine: AnswerEngine, text: str, expected: set[str]
):
    facts = engine.parser.parse(text).facts
    assert {f for f in MUST_NOTS if facts.get(f) is True} == expected


def test_the_must_not_changes_the_recommendation(engine: AnswerEngine):
    answer = engine.answer(engine.parser.parse("AKS, 60 services, envoy is a no-go for us"))
    screened = {row.cells[0]: row.cells[2] for row in _elimination_rows(answer)}
    assert "runs Envoy" in screened["AKS Istio-based service mesh add-on"]


def test_every_proxy_refused_leaves_only_what_runs_none(engine: AnswerEngine):
    text = "EKS, 20 services, we won't accept proxies of any kind, just want tracing"
    answer = engine.answer(engine.parser.parse(text))
    assert answer.title.startswith("Recommendation: No mesh")
    screened = {row.cells[0]: row.cells[2] for row in _elimination_rows(answer)}
    assert "a proxy in the data path" in screened["Linkerd"]


def test_node_agents_refused_rule_out_node_level_data_planes(engine: AnswerEngine):
    answer = engine.answer(engine.parser.parse("GKE, 40 services, mtls, no node agents allowed"))
    status = {row.cells[0]: row.cells[1] for row in _elimination_rows(answer)}
    assert status["Istio ambient mode"] == status["Cilium Service Mesh"] == "ruled out"
    assert status["Linkerd"] == "kept"


def _elimination_rows(answer):
    section = next(s for s in answer.details if s.key == "ruled_out")
    return section.parts[0].rows


def test_a_refusal_object_must_be_a_flag_fact(kb_dir):
    path = kb_dir / "rules.yaml"
    text = path.read_text()
    added = "  objects:\n    no_k8s: {words: [kubernetes]}\n    services: {words: [services]}\n"
    path.write_text(text.replace("  objects:\n", added, 1))
    found = problems_of(kb_dir)
    assert any("refusals.objects.no_k8s: unknown fact 'no_k8s'" in p for p in found)
    assert any("refusals.objects.services: needs a whole number" in p for p in found)


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("GKE, 20 services, all we need is north-south: ingress + tls at the edge", 0),
        ("our traffic is north-south only, EKS, 40 services", 0),
        ("ingress and tls at the edge, nothing service to service, GKE", 0),
        ("no east-west traffic to speak of, AKS, 30 services", 0),
        ("we have north-south and east-west traffic, 30 services", None),
        ("no service to service mTLS yet, EKS, 30 services", None),
    ],
)
def test_a_setup_without_east_west_traffic_says_so(engine: AnswerEngine, text: str, calls):
    assert engine.parser.parse(text).facts.get("sync_calls") == calls


def test_a_limit_object_must_take_its_facts_values(kb_dir):
    path = kb_dir / "rules.yaml"
    text = path.read_text().replace(
        "        value: 0\n\nplatforms:", "        value: no\n\nplatforms:"
    )
    path.write_text(text)
    assert any("refusals.limits.objects.sync_calls" in p for p in problems_of(kb_dir))


@pytest.mark.parametrize(
    "text",
    [
        "no vendor support needed, 30 services on EKS",
        "we won't pay for support, 40 services",
        "EKS, 60 services, no microsoft support needed",
        "vendor support is not required, AKS",
    ],
)
def test_refused_support_is_support_not_wanted(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts["support"] == "none"


def test_support_asked_for_is_still_support(engine: AnswerEngine):
    facts = engine.parser.parse("we run on AKS, 200 services, want Microsoft support").facts
    assert facts["support"] == "microsoft"
    assert engine.parser.parse("paying a vendor is fine, EKS").facts["support"] == "any"
