"""Understanding questions: the phrase table from the spec and many more."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.intents.models import Intent, IntentKind, Measure
from bot.intents.parser import IntentParser
from bot.knowledge.aliases import normalise
from bot.knowledge.loader import load_knowledge
from bot.render.button_values import decode, encode
from bot.render.plain import render_terminal

K = IntentKind

PHRASES = [
    # (text, kind, meshes, features, facts that must be present)
    ("compare istio linkerd", K.compare, ["istio", "linkerd"], [], {}),
    ("istio vs linkerd vs cilium", K.compare, ["istio", "linkerd", "cilium"], [], {}),
    ("linkerd or istio for 40 services?", K.compare, ["linkerd", "istio"], [], {"services": 40}),
    (
        "does linkerd support circuit breaking",
        K.feature_check,
        ["linkerd"],
        ["circuit_breaking"],
        {},
    ),
    ("which meshes do JWT validation", K.which_meshes, [], ["jwt_validation"], {}),
    ("cost 1000 pods", K.cost, [], [], {"pods": 1000}),
    ("what does a sidecar cost us at 500 pods with istio", K.cost, ["istio"], [], {"pods": 500}),
    ("recommend", K.recommend, [], [], {}),
    (
        "we have 14 services and only need mTLS, do we need a mesh?",
        K.recommend,
        [],
        [],
        {"services": 14, "only_mtls": True},
    ),
    ("explain ambient mode", K.explain, ["istio-ambient"], [], {}),
    ("what is linkerd", K.explain, ["linkerd"], [], {}),
    ("is open service mesh still maintained", K.lifecycle, ["open-service-mesh"], [], {}),
    (
        "is kuma still maintained? we run it on 3 clusters",
        K.lifecycle,
        ["kuma"],
        [],
        {"clusters": 3},
    ),
    ("sources", K.sources, [], [], {}),
    ("help", K.help, [], [], {}),
    ("asdfgh", K.unknown, [], [], {}),
    # typos and variants
    ("compare linkrd and isito", K.compare, ["linkerd", "istio"], [], {}),
    ("cillium vs istio ambient", K.compare, ["cilium", "istio-ambient"], [], {}),
    ("linkerd or ambient istio", K.compare, ["linkerd", "istio-ambient"], [], {}),
    ("does istio support circut breaker", K.feature_check, ["istio"], ["circuit_breaking"], {}),
    ("does linkerd do mutual tls", K.feature_check, ["linkerd"], ["mtls"], {}),
    ("does kuma support JWT auth", K.feature_check, ["kuma"], ["jwt_validation"], {}),
    ("who supports traffic mirroring", K.which_meshes, [], ["traffic_mirroring"], {}),
    ("canary?", K.which_meshes, [], ["traffic_split"], {}),
    ("kong mesh vs consul connect", K.compare, ["kong-mesh", "consul"], [], {}),
    ("linkerd2 versus istio", K.compare, ["linkerd", "istio"], [], {}),
    ("tell me about ztunnel", K.explain, ["istio-ambient"], [], {}),
    ("what happened to aws app mesh", K.lifecycle, ["aws-app-mesh"], [], {}),
    ("memory overhead of linkerd at 1k pods", K.cost, ["linkerd"], [], {"pods": 1000}),
    ("how much latency does istio add", K.cost, ["istio"], [], {}),
    ("cost of 1,500 pods on 40 nodes", K.cost, [], [], {"pods": 1500, "nodes": 40}),
    (
        "should we use a mesh for 80 services with a small team",
        K.recommend,
        [],
        [],
        {"services": 80, "team_size": "small"},
    ),
    (
        "300 services, 4 platform teams, multi-cluster, need JWT validation",
        K.recommend,
        [],
        ["jwt_validation"],
        {"services": 300, "teams": 4, "clusters": 2},
    ),
    (
        "we already run Cilium as CNI, which mesh should we pick?",
        K.recommend,
        [],
        [],
        {"cilium_cni": True},
    ),
    (
        "3 clusters and 200 rps, what do you recommend",
        K.recommend,
        [],
        [],
        {"clusters": 3, "rps": 200},
    ),
    (
        "tight memory budget, 60 microservices",
        K.recommend,
        [],
        [],
        {"memory_budget": "tight", "services": 60},
    ),
    ("", K.help, [], [], {}),
    ("help me choose a mesh", K.recommend, [], [], {}),
    ("what is a service mesh", K.explain, [], [], {}),
    ("is linkerd better than istio", K.compare, ["linkerd", "istio"], [], {}),
    (
        "mesh for 500 services across 3 clusters",
        K.recommend,
        [],
        [],
        {"services": 500, "clusters": 3},
    ),
    ("what replaced osm", K.lifecycle, ["open-service-mesh"], [], {}),
    ("sidecar istio vs linkerd", K.compare, ["istio", "linkerd"], [], {}),
    ("list features", K.features, [], [], {}),
    ("compare", K.compare, [], [], {}),
]


@pytest.fixture(scope="module")
def parser(kb) -> IntentParser:
    return IntentParser(kb)


@pytest.mark.parametrize(
    ("text", "kind", "meshes", "features", "facts"),
    PHRASES,
    ids=[p[0] or "<empty>" for p in PHRASES],
)
def test_phrase_table(parser, text, kind, meshes, features, facts):
    intent = parser.parse(text)
    assert intent.kind == kind
    assert intent.meshes == meshes
    assert set(features) <= set(intent.features)
    for key, value in facts.items():
        assert intent.facts.get(key) == value, key


def test_unknown_offers_did_you_mean(parser, engine):
    typo = parser.parse("linkkerdd istioo pls")
    assert typo.kind == K.compare and typo.meshes == ["linkerd", "istio"]  # typos still match
    odd = parser.parse("sidecr circut")
    assert odd.kind == K.unknown
    assert "mesh:istio" in odd.suggestions and any(
        s.startswith("feature:") for s in odd.suggestions
    )
    offered = [c.label for c in engine.answer(odd).next_steps]
    assert "Explain Istio (sidecar mode)" in offered  # the suggestions become buttons


def test_a_slip_of_the_measure_asks_for_it(parser):
    assert parser.parse("sidecr memry").measure == Measure.memory  # "memry": memory


def test_needs_come_from_features_in_a_recommend_question(parser):
    intent = parser.parse("recommend a mesh, we need JWT validation and mirroring")
    assert set(intent.facts["needs"]) == {"jwt_validation", "traffic_mirroring"}


@pytest.mark.parametrize(
    ("text", "needs", "dropped"),
    [
        (
            "which mesh: 30 services, we need retries; JWT is optional",
            {"retries"},
            "jwt_validation",
        ),
        (
            "need golden metrics and timeouts, mirroring would be nice",
            {"golden_metrics"},
            "traffic_mirroring",
        ),
    ],
)
def test_a_feature_said_to_be_optional_after_it_is_no_need(parser, text, needs, dropped):
    facts = parser.parse(text).facts
    assert needs <= set(facts["needs"]) and dropped not in facts["needs"]
    assert dropped in facts["not_needed"]


@pytest.mark.parametrize(
    "text",
    [
        "rule from the SRE team: no per-pod proxies. 70 services on GKE",
        "our team shrank to 3. we just want mtls on EKS",
    ],
)
def test_the_team_named_in_a_setup_asks_for_no_isolated_meshes(parser, text):
    assert "multi_mesh" not in parser.parse(text).facts.get("needs", [])


def test_over_long_text_is_not_parsed(parser):
    started = time.perf_counter()
    intent = parser.parse("istio " * 20_000)
    assert intent.kind == K.too_long
    assert len(intent.text) <= 120
    assert time.perf_counter() - started < 1.0  # bounded cost, generous for slow CI


def test_intent_round_trips_through_a_button_value(parser):
    intent = parser.parse("300 services, 4 platform teams, multi-cluster, need JWT validation")
    value = encode(intent)
    assert len(value) < 2000
    back, _ = decode(value)
    assert back.kind == intent.kind and back.facts == intent.facts and back.text == ""


@pytest.mark.parametrize(
    "text",
    [
        "we run 40 services on kubernetes, which mesh should we use?",
        "which meshes use sidecars",
        "tight memory budget, 60 microservices",
        "our memory budget is fine",
    ],
)
def test_ordinary_words_are_not_read_as_their_opposite(parser, text):
    intent = parser.parse(text)
    assert not {"vm_workloads", "sidecarless", "retries"} & set(intent.features)
    assert "istio-ambient" not in intent.meshes


def test_plain_memory_budget_is_not_a_tight_one(parser):
    assert "memory_budget" not in parser.parse("our memory budget is generous").facts


def test_many_features_do_not_break_the_parser(parser):
    text = (
        "does istio support mtls authz jwt opa egress canary header routing mirroring "
        "fault injection ingress gateway gateway api grpc retries timeouts tracing"
    )
    intent = parser.parse(text)
    assert intent.kind == K.feature_check and len(intent.features) == 12


@pytest.mark.parametrize("text", ["hi", "Hello!", "thanks!", "thank you so much", "cheers"])
def test_greetings_and_thanks_get_a_short_reply(parser, text):
    assert parser.parse(text).kind == K.greeting


@pytest.mark.parametrize(
    "text",
    [
        "which message broker should we choose, kafka or rabbitmq?",
        "best database for microservices",
        "argo cd or flux for gitops?",
        "what's the best CNI for EKS",
        "how do we cut ZGC pause times on our JVM workers?",
        "should we move our JVM apps from CMS to G1GC",
        # a memory size is said in every backend question: of itself nothing of mine
        "good gc settings for a 3Gi pod running kotlin?",
        "node.js max-old-space-size for containers with 1GB limits?",
        "what -Xms should a quarkus service get in 3Gi pods",
        "what memory limit should our django workers get",  # sizing another stack's app
        "which gc algorithm suits a low-latency kotlin api",
    ],
)
def test_topics_outside_meshes_are_out_of_scope(parser, text):
    assert parser.parse(text).kind == K.out_of_scope


def test_a_greeting_with_a_question_is_the_question(parser):
    assert parser.parse("hi, compare istio and linkerd").kind == K.compare


def test_unknown_names_and_unsure_round_trip_through_a_value():
    intent = Intent(kind=K.compare, meshes=["linkerd"], unknown_names=["foomesh"], unsure=True)
    back, _ = decode(encode(intent))
    assert back.unknown_names == ["foomesh"] and back.unsure and back.quotes_user


def test_a_comparison_of_too_many_meshes_says_which_it_left_out(kb):
    intent = IntentParser(kb).parse("compare istio linkerd cilium kuma consul")
    assert intent.kind == IntentKind.compare and len(intent.meshes) == 4
    assert any("left out Consul" in note for note in intent.unread)


def test_gcsm_is_google_cloud_service_mesh(kb):
    intent = IntentParser(kb).parse("gcsm vs aks istio addon")
    assert intent.kind == IntentKind.compare and not intent.unknown_names
    assert "google-cloud-service-mesh" in intent.meshes


@pytest.mark.parametrize(
    "text",
    [
        "show me the meshes that work without any sidecars",
        "which meshes avoid sidecars",
        "do any meshes run with no sidecar proxies",
    ],
)
def test_a_list_asked_by_a_must_not_lists_the_meshes_with_its_feature(engine, text):
    """A must-not tied to a feature (no sidecars: a sidecar-free mode) with a list asked
    for and no setup size asks which meshes have that feature."""
    intent = engine.parser.parse(text)
    assert intent.kind == K.which_meshes and intent.features == ["sidecarless"]
    assert "Istio ambient mode: yes" in render_terminal(engine.ask(text))


def test_a_list_asked_beside_a_size_stays_a_recommendation(parser):
    intent = parser.parse("which meshes would work without sidecars for our 300 services")
    assert intent.kind == K.recommend


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("does kuma support an ambient mode?", "kuma"),
        ("can linkerd run ambient", "linkerd"),
        ("does gloo mesh do ambient yet", "gloo-mesh"),
        # an "or" after the mode asks of it, it sets nothing against it
        ("is ambient supported in openshift service mesh yet, or not?", "openshift-service-mesh"),
        ("can kong mesh do ambient or is it sidecars only", "kong-mesh"),
        ("is ambient mode available on the google managed mesh?", "google-cloud-service-mesh"),
        ("ambient mode in gloo mesh - production ready yet?", "gloo-mesh"),
    ],
)
def test_a_mode_asked_of_another_mesh_is_that_meshs_feature(parser, text, mesh):
    intent = parser.parse(text)
    assert intent.kind == K.feature_check
    assert intent.meshes == [mesh] and intent.features == ["sidecarless"]


@pytest.mark.parametrize(
    "text", ["does istio support ambient?", "gcsm vs ambient", "is gcsm or ambient lighter"]
)
def test_a_mode_set_against_a_mesh_or_asked_of_its_sibling_stays_a_mesh(parser, text):
    assert "istio-ambient" in parser.parse(text).meshes


@pytest.mark.parametrize(
    "text",
    [
        "network service mesh",
        "is network service mesh production ready?",
        "compare network service mesh and kuma",
    ],
)
def test_a_product_named_in_everyday_words_is_an_unknown_name(parser, text):
    intent = parser.parse(text)
    assert intent.unknown_names == ["Network service mesh"]
    assert not set(intent.meshes) - {"kuma"}


@pytest.mark.parametrize(
    ("text", "unknown", "meshes"),
    [
        ("evaluating kumaflow because osm got archived", ["Kumaflow"], []),
        ("osm is dead so we are trialling linkerd", [], ["linkerd"]),
        ("aws app mesh was retired, thoughts on consul?", [], ["consul"]),
    ],
)
def test_a_retired_mesh_said_to_be_gone_is_context_beside_a_subject(parser, text, unknown, meshes):
    intent = parser.parse(text)
    assert intent.meshes == meshes and intent.unknown_names == unknown


@pytest.mark.parametrize(
    ("text", "kind", "meshes", "feature"),
    [
        (
            "this is our istio config today:\n```\napiVersion: networking.istio.io/v1\n"
            "kind: VirtualService\nspec:\n  http:\n  - fault:\n      delay: {fixedDelay: 2s,"
            " percentage: {value: 5}}\n```\ncan linkerd do the same?",
            IntentKind.feature_check,
            ["linkerd"],
            "fault_injection",
        ),
        (
            "which meshes can do this?\n```\nrules:\n- filters:\n  - type: RequestMirror\n```",
            IntentKind.which_meshes,
            [],
            "traffic_mirroring",
        ),
    ],
)
def test_a_pasted_snippet_names_its_features_and_its_mesh_is_context(
    parser, text, kind, meshes, feature
):
    """A snippet's camelCase fields are read as words; the mesh it was written for is where
    they come from when the question asks about another."""
    intent = parser.parse(text)
    assert (intent.kind, intent.meshes) == (kind, meshes)
    assert feature in intent.features


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (
            "```\n$ kubectl get pods --all-namespaces -o name | wc -l\n2306\n```\n"
            "that is our pod count. how much memory would linkerd proxies need?",
            {"pods": 2306},
        ),
        (
            "ran a quick count: 740 - that's how many services we have. kuma or consul?",
            {"services": 740},
        ),
        (
            "our node count is about 58 and pod count 1,900. istio ambient overhead?",
            {"nodes": 58, "pods": 1900},
        ),
        ("number of clusters: 4. does cilium span them?", {"clusters": 4}),
        ("our pod count is 1187 and growing. istio sidecar memory?", {"pods": 1187}),
        ("setup: gke, services: ~75, replicas=2. which mesh?", {"services": 75, "pods": 150}),
        # the command pasted says what it counted; its output is the count
        ("```\n$ kubectl get nodes --no-headers | wc -l\n64\n```\nambient cost?", {"nodes": 64}),
        ("`oc get -n shop svc | wc -l` gives 37. kuma overhead?", {"services": 37}),
    ],
)
def test_a_bare_number_the_text_names_as_a_count_is_that_count(parser, text, facts):
    assert parser.parse(text).facts.items() >= facts.items()


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        # a pasted form or ticket says what they have; each count on its own line
        (
            "from the intake form:\n```\nteam: payments\nservices: 45\nnodes: 12\n```\nkuma?",
            {"services": 45, "nodes": 12},
        ),
        ("the ask, pasted:\n```\nclusters: 3\nmust: mtls\n```\nwhich mesh fits?", {"clusters": 3}),
    ],
)
def test_a_count_labelled_in_a_pasted_list_is_theirs(parser, text, facts):
    assert parser.parse(text).facts.items() >= facts.items()


def test_a_kubernetes_object_pasted_counts_nothing_of_theirs(parser):
    text = "```\napiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 6\n```\nlinkerd per pod?"
    assert not {"pods", "replicas"} & set(parser.parse(text).facts)


@pytest.mark.parametrize(
    "text",
    [
        "carrying this over:\n```\napiVersion: security.istio.io/v1\n"
        "kind: PeerAuthentication\n```\ndoes kuma have it?",
        "we'd bring over `apiVersion: networking.istio.io/v1` objects, does linkerd read them?",
    ],
)
def test_a_pasted_snippets_keys_are_no_product_names(parser, text):
    assert parser.parse(text).unknown_names == []


@pytest.mark.parametrize(
    "text",
    [
        "pod count went up by 1.5 gb of memory, why?",  # a measure, no count
        "what's the max pod count per node? 110 is the default",  # no name after the number
        "istio 1.24. that is the version we run",  # a version named, no count
        "```\nspec:\n  replicas: 3\n```\ndoes linkerd inject this?",  # a pasted field
        "pods: 1/3 ready after the upgrade, what gives",  # a ratio, no count
    ],
)
def test_a_number_no_count_names_is_no_count(parser, text):
    facts = parser.parse(text).facts
    assert not {"pods", "services", "nodes", "clusters", "replicas"} & set(facts)


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("linkerd memory at two and a half thousand pods", {"pods": 2500}),
        ("kuma for one and a half k pods", {"pods": 1500}),
        ("ambient overhead with a hundred and twenty nodes", {"nodes": 120}),
        ("istio on one thousand three hundred pods, memory?", {"pods": 1300}),
        ("cilium cpu on a thirty-node cluster", {"nodes": 30}),
        ("a 12-cluster fleet, which mesh spans it?", {"clusters": 12}),
        ("three-thousand pods on kuma, cpu?", {"pods": 3000}),  # no "three" pods of a kind
        ("consul over half a dozen clusters", {"clusters": 6}),  # a dozen is a multiplier
        ("two dozen services on linkerd, memory?", {"services": 24}),
    ],
)
def test_counts_in_words_read_whole(parser, text, facts):
    """An "and" joins a count to the hundred or thousand before it, a half scales the count it
    follows, and a count hyphenated to its unit counts it: no part of a number is read alone."""
    assert parser.parse(text).facts.items() >= facts.items()


def test_two_counts_joined_by_and_make_no_number(parser):
    assert "pods" not in parser.parse("istio memory at five and six pods").facts


def test_a_count_named_after_a_pasted_number_sizes_the_cost(engine):
    text = "```\n$ kubectl get pods -A --no-headers | wc -l\n2306\n```\nthats our pod count. costs?"
    assert render_terminal(engine.ask(text)).startswith("What a mesh costs at 2,306 pods")


@pytest.mark.parametrize(
    "text",
    [
        "what do sidecars cost us at 1,000 pods?",
        "what do the proxies really cost at 800 pods? rough number is fine",
        "what is a sidecar going to cost us in memory?",
    ],
)
def test_a_question_on_what_a_concept_costs_asks_the_cost(parser, text):
    """'what do sidecars cost?' opens like 'what do sidecars do?', but it asks a figure."""
    assert parser.parse(text).kind == IntentKind.cost


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("so what can you really do", IntentKind.help),
        ("<@U0BOT> mornin all", IntentKind.greeting),
        ("do we honestly need a mesh with 9 services", IntentKind.recommend),
    ],
)
def test_a_word_that_only_stresses_leaves_the_question_as_it_was(parser, text, kind):
    """An intensifier ("really", "honestly") inside a cue phrase does not hide the cue."""
    assert parser.parse(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("what is a sidecar in kubernetes speak, just joined", IntentKind.explain),
        ("is open service mesh abandoned or what", IntentKind.lifecycle),
        ("kuma on eks, does it give us access logs", IntentKind.feature_check),
        ("so istio or what? eks, 60 services", IntentKind.recommend),
    ],
)
def test_the_question_asked_wins_over_the_setup_around_it(parser, text, kind):
    """A platform said beside a concept places it; 'or what' after a status word asks the
    status; a question about the mesh it opens on asks that mesh, mark or no mark."""
    assert parser.parse(text).kind == kind


def test_the_lightest_ranking_keeps_to_the_measure_and_the_features_asked(engine):
    """'lowest-latency' ranks by added latency; a feature named filters the ranking."""
    latency = render_terminal(engine.answer(engine.parser.parse("lowest latency mesh?")))
    assert "By added latency at p" in latency
    answer = render_terminal(engine.answer(engine.parser.parse("lightest sidecarless mesh?")))
    assert answer.splitlines()[2].startswith("Among meshes with sidecarless data plane")
    assert "Istio (sidecar mode)" not in answer


def test_the_lightest_ranking_keeps_to_the_platform_said(engine, kb):
    """A platform said beside the lightest asked ranks only the meshes that run there."""
    intent = engine.parser.parse("smallest footprint mesh we could put on ECS? tasks are tiny")
    assert intent.kind == K.lightest
    answer = render_terminal(engine.answer(intent))
    assert answer.splitlines()[2].startswith("Among meshes that run on ECS")
    assert "Linkerd" not in answer and kb.meshes["amazon-ecs-service-connect"].name in answer


def test_the_lightest_asked_of_an_estate_described_is_a_pick_weighing_overhead(engine):
    """Where they run and how big, said beside "least overhead", asks for a pick for that
    estate, with overhead what it weighs; a size alone, or one overhead to rank by, still asks
    for the ranking."""
    intent = engine.parser.parse("eks, roughly 400 pods. which mesh gives us the least overhead?")
    assert intent.kind == K.recommend and intent.facts["low_overhead"] is True
    assert engine.parser.parse("which mesh is leanest at 400 pods?").kind == K.lightest
    intent = engine.parser.parse("eks, roughly 400 pods. which mesh is cheapest on memory?")
    assert intent.kind == K.lightest


def test_fargate_services_are_ecs_unless_eks_is_named(engine):
    """Services and tasks on Fargate are ECS's; EKS named beside Fargate stays EKS."""
    assert engine.parser.parse("12 fargate services, do we want a mesh?").facts["platform"] == [
        "ecs"
    ]
    intent = engine.parser.parse("eks with fargate services, which mesh?")
    assert intent.facts["platform"] == ["eks"]


def test_the_lightest_among_named_meshes_ranks_only_those(engine, kb):
    """'the leanest of X, Y and Z' ranks the meshes named, and the lead says which."""
    intent = engine.parser.parse("leanest of kuma, consul and istio ambient on memory, 400 pods?")
    assert (intent.kind, intent.meshes) == (K.lightest, ["kuma", "consul", "istio-ambient"])
    answer = render_terminal(engine.answer(intent))
    assert answer.splitlines()[2].startswith("Among Kuma, Consul and Istio ambient mode, by")
    assert kb.meshes["linkerd"].name not in answer


def test_a_long_thanks_gets_the_short_reply(engine):
    """A thanks saying at length what helped is answered as a thanks, not as out of scope."""
    intent = engine.parser.parse("thx meshbot!! that table made the design review a breeze")
    assert (intent.kind, intent.unknown_names) == (K.greeting, [])
    assert render_terminal(engine.answer(intent)).startswith("Happy to help")


@pytest.mark.parametrize("text", ["which mesh adds the least latency?", "least cpu hungry mesh"])
def test_a_delay_or_cpu_ranking_sets_like_against_like(engine, text):
    """Figures from different benchmarks are not ranked against each other: every bar of a
    latency or CPU ranking cites one benchmark in common, and meshes measured only elsewhere
    are named as not ranked."""
    answer = engine.answer(engine.parser.parse(text))
    (chart,) = [p for p in answer.points if p.type == "chart"]
    assert len(chart.bars) >= 2
    assert set.intersection(*(set(bar.sources) for bar in chart.bars))
    assert "Not ranked here" in render_terminal(answer)


def test_a_former_name_is_read_as_its_mesh_and_the_answer_says_so(engine):
    """'Conduit' is Linkerd's former name (knowledge: `former_names`): read as Linkerd, and
    the answer says what became of it."""
    intent = engine.parser.parse("is Conduit still maintained?")
    assert (intent.kind, intent.meshes) == (IntentKind.lifecycle, ["linkerd"])
    assert "I read “Conduit” as Linkerd (its former name:" in render_terminal(engine.answer(intent))


@pytest.mark.parametrize(
    "text",
    [
        "the ingress-nginx controller sits in front of 25 services; we want golden metrics",
        "ingress-nginx controller in front of 12 apps, looking for retries and golden metrics",
    ],
)
def test_meshes_notes_bring_a_runner_up_close_but_never_add_it(kb_dir: Path, text: str):
    """An ingress controller already in front of the services is setup, not an ingress
    question: the words barely name the ingress row, and the meshes' notes on it, which
    mention such controllers, must not carry it in. Lengthening an unrelated note (which
    shifts every note's weight) leaves the reading as it was."""
    shipped = IntentParser(load_knowledge(kb_dir)).parse(text)
    assert "golden_metrics" in shipped.features
    assert "ingress_gateway" not in shipped.features
    mesh = kb_dir / "meshes" / "amazon-ecs-service-connect.yaml"
    sentence = "Each task of the service gets its own copy of the container at launch. "
    mesh.write_text(
        mesh.read_text(encoding="utf-8").replace(
            "    note: ECS adds a Service Connect proxy container to every task.\n",
            f"    note: >-\n      ECS adds a Service Connect proxy container to every task. "
            f"{sentence * 6}\n",
        ),
        encoding="utf-8",
    )
    assert IntentParser(load_knowledge(kb_dir)).parse(text).features == shipped.features


def test_a_list_among_the_meshes_named_answers_for_those_alone(engine, kb):
    intent = engine.parser.parse("between kuma, consul and linkerd, which of them mirror traffic?")
    assert (intent.kind, intent.meshes) == (IntentKind.which_meshes, ["kuma", "consul", "linkerd"])
    answer = render_terminal(engine.answer(intent))
    assert answer.startswith("Which of Kuma, Consul and Linkerd support traffic mirroring?")
    named = {"kuma", "consul", "linkerd"}
    others = [m.name for m in kb.current_meshes() if m.id not in named]
    assert not [name for name in others if f"- {name}:" in answer]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("pls recomend a mesh for 80 services", IntentKind.recommend),
        ("can you comapre linkerd with consul", IntentKind.compare),
        ("expalin circuit breaking to me", IntentKind.explain),
    ],
)
def test_a_slip_of_a_word_asking_for_an_answer_is_read_as_that_word(parser, text, kind):
    intent = parser.parse(text)
    assert intent.kind == kind
    assert intent.unknown_names == []


def test_a_name_that_is_no_slip_of_a_cue_word_stays_a_name(parser):
    """A plain typo of "recommend" reads as the verb; a product's name that only starts like
    it does not."""
    intent = parser.parse("is recomtrix mesh any good?")
    assert intent.kind != IntentKind.recommend
    assert [normalise(n).split()[0] for n in intent.unknown_names] == ["recomtrix"]


def test_auth_between_services_is_no_end_user_token_check(engine):
    """Auth between workloads is who may call whom, not JWTs from end users; JWT said
    with it still is."""
    text = "ec2 fleets in two aws accounts, we need service-to-service auth. which mesh?"
    needs = engine.parser.parse(text).facts["needs"]
    assert "l7_authorization" in needs and "jwt_validation" not in needs
    said = engine.parser.parse("EKS, 30 services, jwt auth at the mesh please. what fits?")
    assert said.facts["needs"] == ["jwt_validation"]


def test_a_size_per_machine_names_no_feature_counted_per_something(engine):
    """'1 GB of RAM per node' is a size: 'per' says nothing of isolated meshes per tenant."""
    text = "small k3s clusters at the edge, 1 GB of RAM per node, team of 3, need mTLS. which mesh?"
    assert engine.parser.parse(text).facts["needs"] == ["mtls"]


def test_an_upgrade_of_the_nodes_is_no_canary_control_plane_need(engine):
    """Upgrading node images or the cluster is not upgrading the mesh; a mesh upgrade said
    plainly still is a need."""
    nodes = engine.parser.parse("eks, 40 services, need mtls; a node upgrade lands next week")
    assert nodes.facts["needs"] == ["mtls"]
    mesh = engine.parser.parse("eks, 40 services, need mtls and upgrades without downtime")
    assert "revision_upgrades" in mesh.facts["needs"]
