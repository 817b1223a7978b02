"""The question sentence decides the kind; context before it (a setup, a pasted tool's
output) only informs it (bot/intents/asked_kind.py, bot/answers/sources_asked.py)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import Aspect, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal

PASTE = (
    "$ istioctl version\nclient version: 1.21.2\ncontrol plane version: 1.21.2\n"
    "data plane version: 1.21.2 (230 proxies)\n"
)


@pytest.mark.parametrize(
    "text",
    [
        f"planning the q3 upgrade, here's what we run:\n{PASTE}is this still supported?",
        f"{PASTE}are we out of support here? asking before the change freeze",
        f"mgmt wants the upgrade plan. {PASTE} can we skip minors and go straight to latest?",
        f"fyi our mesh:\n{PASTE}is it EOL yet, and how far can we jump in one go?",
        f"```{PASTE}```\nno longer supported? do we need to go one minor at a time?",
    ],
)
def test_a_pasted_release_asked_about_is_its_status(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle
    assert intent.meshes == ["istio"]
    assert intent.version == "1.21"
    assert "1.21" in render_terminal(engine.answer(intent)).splitlines()[0]


@pytest.mark.parametrize(
    ("text", "version"),
    [
        ("we're on kuma 2.6 with 40 services. are we out of support?", "2.6"),
        ("istio 1.22 on eks, 300 pods. still supported?", "1.22"),
        ("kumactl version prints\nversion: 2.7.1\nis that still supported?", "2.7"),
    ],
)
def test_a_named_or_pasted_release_keeps_its_mesh(
    engine: AnswerEngine, text: str, version: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle
    assert intent.version == version


@pytest.mark.parametrize(
    "text",
    [
        # no mesh or no release to ask the status of: the reading stands
        "we need mTLS and canary upgrades, 200 services. can we skip minors with any mesh?",
        "istio vs linkerd for 80 services",
        "does linkerd support circuit breaking",
    ],
)
def test_without_a_release_the_reading_stands(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).kind != IntentKind.lifecycle


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("how current is your data?", Aspect.freshness),
        ("when was this knowledge base last reviewed", Aspect.freshness),
        ("is your data stale? some of this looks old", Aspect.freshness),
        ("how up to date are your numbers?", Aspect.freshness),
        ("last refreshed when?", Aspect.freshness),
        ("are any of your benchmarks independent?", Aspect.independence),
        ("is this just vendor marketing or do you have third party numbers?", Aspect.independence),
        ("is there anything independent or only vendor benchmarks?", Aspect.independence),
        ("are your figures all vendor run?", Aspect.independence),
        ("any independent tests behind this?", Aspect.independence),
        ("why should we trust you and not the linkerd docs?", Aspect.method),
        ("why would I believe you over the official docs?", Aspect.method),
        ("how do you know any of this?", Aspect.method),
        ("what's your methodology?", Aspect.method),
        ("can we rely on you instead of reading the docs?", Aspect.method),
    ],
)
def test_what_is_asked_of_the_sources_leads(
    engine: AnswerEngine, kb: KnowledgeBase, text: str, aspect: Aspect
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.sources
    assert intent.aspect == aspect
    lead = render_terminal(engine.answer(intent)).split("\n\n")[0]
    if aspect == Aspect.freshness:
        assert str(kb.as_of) in lead
    elif aspect == Aspect.independence:
        assert "independent benchmark" in lead and "LiveWyer" in lead
    else:
        assert "primary" in lead and "Recommendation" not in lead


def test_the_sources_listed_follow_the_question(engine: AnswerEngine) -> None:
    answer = render_terminal(
        engine.ask("any independent benchmarks or is it all vendor marketing?")
    )
    listed = [line for line in answer.splitlines() if line.startswith("- ")]
    assert "independent benchmark" in listed[0]
    trust = render_terminal(engine.ask("why should I trust you over the istio docs?"))
    assert "blog:" not in next(line for line in trust.splitlines() if line.startswith("- "))


@pytest.mark.parametrize(
    "text",
    ["sources", "where do you get your sources", "cite your sources for the linkerd numbers"],
)
def test_a_plain_sources_request_keeps_its_list(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).aspect is None


@pytest.mark.parametrize(
    ("text", "mesh", "feature"),
    [
        (
            "we want to shadow prod requests to v2 before the cutover. we run linkerd — can it "
            "do that or do we need another mesh?",
            "linkerd",
            "traffic_mirroring",
        ),
        (
            "security wants JWTs checked at the mesh. we're on kuma, does it do that or should "
            "we move?",
            "kuma",
            "jwt_validation",
        ),
        (
            "we use linkerd today. can it validate JWTs or is there something better for that?",
            "linkerd",
            "jwt_validation",
        ),
        (
            "our mesh is cilium. does it support traffic mirroring or are we stuck?",
            "cilium",
            "traffic_mirroring",
        ),
        (
            "we already run consul across the estate. can it do fault injection or do we have "
            "to swap it out?",
            "consul",
            "fault_injection",
        ),
    ],
)
def test_a_check_of_their_mesh_is_not_a_migration_pick(
    engine: AnswerEngine, text: str, mesh: str, feature: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [mesh]
    assert feature in intent.features


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("can we run linkerd on openshift or is OSSM the only real option there?", "linkerd"),
        ("does kuma run on openshift or is red hat's mesh the only choice?", "kuma"),
        ("will consul work on openshift or should we just take ossm?", "consul"),
        ("can linkerd run on openshift, or do we have to use OSSM?", "linkerd"),
        ("does cilium service mesh work on openshift or is ossm the only sane pick?", "cilium"),
    ],
)
def test_runs_on_a_platform_is_answered_for_the_mesh_named(
    engine: AnswerEngine, text: str, mesh: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert intent.meshes == [mesh]
    assert intent.facts.get("platform") == ["openshift"]


@pytest.mark.parametrize(
    "text",
    [
        "is istio's sidecar mode being deprecated now that ambient is GA?",
        "is sidecar istio going away now that ambient mode is GA?",
        "are istio sidecars deprecated now that ambient is stable?",
        "is istio sidecar mode end of life because ambient went GA?",
        "will istio's sidecar mode be retired given that ambient is GA?",
    ],
)
def test_the_mode_asked_about_is_the_subject_not_the_one_in_the_reason(
    engine: AnswerEngine, text: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.lifecycle
    assert intent.meshes == ["istio"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("should we go istio or linkerd?", IntentKind.compare),
        ("istio or linkerd, or is there something lighter?", None),
        ("is ambient GA now that 1.24 is out?", IntentKind.explain),
        ("we run EKS, 200 services, need JWT and mTLS. istio or linkerd?", IntentKind.recommend),
    ],
)
def test_an_alternative_between_meshes_keeps_its_reading(
    engine: AnswerEngine, text: str, kind: IntentKind | None
) -> None:
    intent = engine.parser.parse(text)
    if kind is not None:
        assert intent.kind == kind
    assert intent.kind not in (IntentKind.feature_check,)


@pytest.mark.parametrize(
    "text",
    [
        "what is mTLS and do I really need a mesh to get it?",
        "what's mutual tls and do we need a service mesh for it?",
        "whats mtls and should we bother with a mesh just for that?",
        "what is mTLS, and do I need a mesh to get it?",
        "what exactly is mtls and do i actually need istio or linkerd for it?",
    ],
)
def test_a_concept_and_the_need_for_a_mesh_explains_it_and_the_no_mesh_way(
    engine: AnswerEngine, text: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert "mtls" in intent.features
    answer = render_terminal(engine.answer(intent))
    assert "Recommendation" not in answer
    assert "WITHOUT A MESH" in answer and "cert-manager" in answer


@pytest.mark.parametrize(
    "text",
    [
        "we have 14 services and only need mTLS, do we need a mesh?",
        "what mesh should we use for mTLS on EKS with 40 services?",
    ],
)
def test_a_need_with_a_setup_stays_a_pick(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).kind == IntentKind.recommend


def _top(proxy: str, app_mi: int, proxy_mi: int) -> str:
    return (
        "```\nPOD                  NAME       CPU(cores)   MEMORY(bytes)\n"
        f"api-6d9f-x2x         api        10m          {app_mi}Mi\n"
        f"api-6d9f-x2x         {proxy}    7m           {proxy_mi}Mi\n```\n"
    )


@pytest.mark.parametrize(
    ("text", "mesh", "seen"),
    [
        (
            "our istio-proxy containers look fat, ~900 pods on istio 1.22\n"
            f"{_top('istio-proxy', 120, 187)}"
            "we don't use Sidecar resources at all fwiw",
            "istio",
            187,
        ),
        (
            f"istio sidecars seem bloated at 600 pods:\n{_top('istio-proxy', 300, 210)}",
            "istio",
            210,
        ),
        (
            f"why is istio-proxy using this much memory? 400 pods\n{_top('istio-proxy', 90, 150)}",
            "istio",
            150,
        ),
        (
            f"linkerd proxies look fat to me, 500 pods\n{_top('linkerd-proxy', 200, 40)}",
            "linkerd",
            40,
        ),
        (
            f"kubectl top for our istio mesh (1200 pods), sidecars memory hungry?\n"
            f"{_top('istio-proxy', 64, 175)}",
            "istio",
            175,
        ),
    ],
)
def test_a_pasted_proxy_row_is_the_memory_seen(
    engine: AnswerEngine, text: str, mesh: str, seen: int
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    assert intent.meshes == [mesh]
    assert intent.facts.get("pod_memory") == seen
    assert "no_sidecars" not in intent.facts
    assert f"You see {seen} MiB a proxy" in render_terminal(engine.answer(intent))


def test_proxy_memory_past_its_figure_says_what_grows_it(engine: AnswerEngine) -> None:
    text = f"istio-proxy looks fat at 900 pods\n{_top('istio-proxy', 120, 187)}"
    answer = render_terminal(engine.ask(text))
    assert "mesh configuration a sidecar holds" in answer
    assert "At what you see, 900 pods take about 164 GiB" in answer


@pytest.mark.parametrize(
    "text",
    [
        "we don't want sidecars, 300 services on EKS",
        "no sidecar proxies please, what fits for 200 pods?",
    ],
)
def test_sidecars_refused_are_still_refused(engine: AnswerEngine, text: str) -> None:
    assert engine.parser.parse(text).facts.get("no_sidecars") is True


@pytest.mark.parametrize(
    ("text", "base", "feature", "name"),
    [
        (
            "does HyperMesh Pro do FIPS? vendor says it's istio-based",
            "istio",
            "fips_tls",
            "HyperMesh Pro",
        ),
        (
            "does Meshly support JWT validation? it's built on kuma apparently",
            "kuma",
            "jwt_validation",
            "Meshly",
        ),
        (
            "can Zephyr Mesh do traffic mirroring? the vendor says it is built on istio",
            "istio",
            "traffic_mirroring",
            "Zephyr Mesh",
        ),
        (
            "does Quokka Mesh do mTLS? supposedly it's linkerd-based",
            "linkerd",
            "mtls",
            "Quokka Mesh",
        ),
        (
            "is there wasm support in Skyline Mesh? sales says it's based on istio",
            "istio",
            "wasm_extensions",
            "Skyline Mesh",
        ),
    ],
)
def test_a_feature_of_an_unknown_product_on_a_known_base_is_the_base_row(
    engine: AnswerEngine, text: str, base: str, feature: str, name: str
) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert intent.meshes == [base]
    assert feature in intent.features
    answer = render_terminal(engine.answer(intent))
    assert "Recommendation" not in answer
    assert answer.split("\n\n")[0].count("I don't have") == 1


@pytest.mark.parametrize(
    "text",
    [
        "how does Envoy Gateway compare to istio as a mesh?",
        "envoy gateway vs linkerd?",
        "is envoy gateway a service mesh?",
        "could Envoy Gateway replace our mesh?",
        "envoy gateway or istio for east-west traffic?",
    ],
)
def test_envoy_gateway_is_named_as_a_gateway(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert "envoy gateway" in [n.lower() for n in intent.unknown_names]
    answer = render_terminal(engine.answer(intent))
    assert "a gateway, not a service mesh" in answer
    assert "didn't recognise" not in answer


def test_envoy_alone_is_still_the_proxy(engine: AnswerEngine) -> None:
    intent = engine.parser.parse("what is envoy?")
    assert intent.kind == IntentKind.explain and not intent.unknown_names


@pytest.mark.parametrize(
    "text",
    [
        "we run OCP. is OSSM 3 just istio with support, or are there real differences vs "
        "upstream istio?",
        "is gloo mesh only istio with a UI, or how does it compare with plain istio?",
        "kong mesh: is it kuma plus a licence, or what are the differences between kong mesh "
        "and kuma?",
        "is the aks add-on just upstream istio, or is it different from istio in ways that "
        "matter? compare pls",
        "is cloud service mesh plain istio underneath, or does it stack up differently "
        "against istio?",
    ],
)
def test_an_alternative_that_asks_a_comparison_keeps_the_comparison(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).kind == IntentKind.compare
