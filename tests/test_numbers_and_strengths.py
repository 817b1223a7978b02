"""Numbers and strengths read right in setups and follow-ups (blind user test s14, problems
6 and 7), through the parser, the engine (`meshbot ask`) and a conversation (`meshbot chat`).

- A team's count beside the company's engineers: the team runs the platform, the larger
  count is the engineering (rules.yaml `engineers: narrowest, wider: developers`).
- A count of the apps that need something, on an estate sized otherwise, is a part of it,
  not its services (`phrases: count_scoped`, bot/intents/scoped.py).
- Support said as a wish is weighed, not screened (`support_preferred`).
- ECS and Lambda beside EKS add no Kubernetes cluster to count.
- Money asked of one paid-for offering is answered in money, a total where unit prices are
  held; a cost in a thread answers the mode or the mesh it names.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal
from tests.support.conversation import talk


def _lead(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.ask(text)).split("\n\n")[0]


# ------------------------------------------------------------ the team and the engineering


@pytest.mark.parametrize(
    ("text", "team", "engineering"),
    [
        ("SaaS company, 250 engineers, on EKS, platform team of 10, which mesh?", 10, 250),
        ("we have 250 engineers and a platform team of ten", 10, 250),
        ("250 engineers overall; 10 of us run the platform", 10, 250),
        ("250 engineers, the platform team is 8 people", 8, 250),
        ("team of 3, 12 engineers total, EKS", 3, 12),
        ("~20 engineers and one part-time platform person, EKS", 1, 20),
    ],
)
def test_a_team_beside_the_engineering_runs_the_platform(
    engine: AnswerEngine, text: str, team: int, engineering: int
) -> None:
    facts = engine.parser.parse(text).facts
    assert facts.get("engineers") == team and facts.get("developers") == engineering


@pytest.mark.parametrize(
    ("text", "team"),
    [("platform team of 10 engineers, 200 services", 10), ("3 engineers, 20 services on EKS", 3)],
)
def test_one_count_of_engineers_is_the_team(engine: AnswerEngine, text: str, team: int) -> None:
    facts = engine.parser.parse(text).facts
    assert facts.get("engineers") == team and "developers" not in facts


def test_the_engineering_is_not_said_to_run_the_platform(engine: AnswerEngine) -> None:
    out = render_terminal(engine.ask("SaaS company, 250 engineers, on EKS, platform team of 10"))
    assert "10 people running the platform" in out and "250 people" not in out


# ------------------------------------------------------------------ a part of the estate

GOV = "government agency on RKE2, FIPS mandated, 900 pods across 2 clusters"


@pytest.mark.parametrize(
    "text",
    [
        f"{GOV}, we need Windows nodes too for 20 .NET Framework apps",
        "900 pods on EKS. 20 .NET Framework apps need Windows nodes",
        "900 pods on EKS; Windows nodes are also needed for 20 legacy apps",
        "900 pods on EKS, 20 apps require FIPS",
        "EKS, 900 pods on 40 nodes. 15 services must run on Windows nodes",
    ],
)
def test_a_count_of_what_needs_something_is_a_part(engine: AnswerEngine, text: str) -> None:
    facts = engine.parser.parse(text).facts
    assert "services" not in facts and facts.get("pods") == 900
    assert facts.get("needs")


@pytest.mark.parametrize(
    ("text", "services"),
    [
        ("we only need mTLS for our 14 services", 14),
        ("EKS, 900 pods, need a mesh for 40 services", 40),
        ("20 .NET Framework apps need Windows nodes", 20),
        ("900 pods, 60 nodes, need mTLS for all 120 services", 120),
        ("900 pods, 45 services, 20 of them need windows nodes", 45),
    ],
)
def test_a_count_of_the_whole_estate_still_sizes_it(
    engine: AnswerEngine, text: str, services: int
) -> None:
    assert engine.parser.parse(text).facts.get("services") == services


def test_a_part_said_in_a_thread_leaves_its_size(kb: KnowledgeBase) -> None:
    thread = talk(kb, f"{GOV}, which mesh?", "we need Windows nodes too for 20 .NET Framework apps")
    facts = thread.question.facts
    assert "services" not in facts and facts.get("pods") == 900
    assert "windows_nodes" in (facts.get("needs") or [])


# ------------------------------------------------------------------ support as a wish


@pytest.mark.parametrize(
    "text",
    [
        "on AKS with 300 services, Microsoft support nice to have, not required",
        "AKS, 300 services, would be nice to have Microsoft support",
        "AKS, 300 services, Microsoft support would be a bonus",
        "we're on AKS with 300 services; Microsoft support is not a must",
        "AKS, 300 services. Microsoft support would be great to have",
    ],
)
def test_support_wished_for_is_weighed_not_required(engine: AnswerEngine, text: str) -> None:
    facts = engine.parser.parse(text).facts
    assert "support" not in facts and facts.get("support_preferred") == "microsoft"
    assert _lead(engine, text).startswith("Recommendation: AKS Istio-based service mesh add-on")


@pytest.mark.parametrize(
    "text",
    [
        "AKS, 300 services, need support from Microsoft",
        "AKS, 300 services, must have Microsoft support",
    ],
)
def test_support_required_stays_a_requirement(engine: AnswerEngine, text: str) -> None:
    facts = engine.parser.parse(text).facts
    assert facts.get("support") == "microsoft" and "support_preferred" not in facts


def test_a_wish_is_never_given_up_as_a_rule(engine: AnswerEngine) -> None:
    soft = "AKS, 300 services, Microsoft support nice to have, not required. Windows nodes too"
    hard = "AKS, 300 services, need Microsoft support. Windows nodes too"
    assert "gave up the softest: vendor support" not in _lead(engine, soft)
    assert "gave up the softest: vendor support" in _lead(engine, hard)


# ------------------------------------------------------------------ clusters of platforms


@pytest.mark.parametrize(
    "text",
    [
        "we run ECS + EKS + Lambda, 60 services, which mesh?",
        "we're on ECS and EKS with some Lambdas, 60 services",
        "mix of ECS Fargate, EKS and Lambda; 60 services",
        "EKS plus ECS, 60 services",
        "Lambda, ECS and EKS, 60 services total",
    ],
)
def test_platforms_without_kubernetes_add_no_cluster(engine: AnswerEngine, text: str) -> None:
    assert "clusters" not in engine.parser.parse(text).facts


def test_two_kubernetes_platforms_are_still_two_clusters(engine: AnswerEngine) -> None:
    assert engine.parser.parse("EKS and GKE, 60 services").facts.get("clusters") == 2


# ------------------------------------------------------------------ money asked


@pytest.mark.parametrize(
    "text",
    [
        "what does Kong Mesh cost?",
        "how much is kong mesh?",
        "how much does Kong Mesh cost us?",
        "kong mesh cost?",
        "what would we pay for kong mesh",
    ],
)
def test_a_licensed_mesh_costs_its_licence(engine: AnswerEngine, text: str) -> None:
    lead = _lead(engine, text)
    assert "Pricing of Kong Mesh, as I hold it" in lead and "Prices are not published" in lead
    assert "I hold no price list for it (ask Kong for a quote)" in lead


@pytest.mark.parametrize(
    "text",
    [
        "what does service connect cost?",
        "how much does ECS Service Connect cost?",
        "does service connect cost anything?",
        "service connect cost?",
        "what's the cost of service connect",
    ],
)
def test_service_connect_costs_its_proxy_in_each_task(engine: AnswerEngine, text: str) -> None:
    lead = _lead(engine, text)
    assert "Amazon ECS has no additional charge" in lead
    assert "Service Connect proxy container ECS adds to each task" in lead


@pytest.mark.parametrize(
    "text",
    [
        "what does lattice cost for 80 services and 2 TB a month?",
        "how much would VPC Lattice cost with 80 services and 2TB/month?",
        "lattice cost at 80 services, 2 TB per month",
        "vpc lattice for 80 services pushing 2 TB monthly, what's the bill?",
        "what would amazon vpc lattice cost us for 80 services and 2 tb each month",
    ],
)
def test_lattice_is_totalled_from_its_unit_prices(engine: AnswerEngine, text: str) -> None:
    lead = _lead(engine, text)
    assert "80 services × $0.025 an hour × 730 hours = $1,460.00" in lead
    assert "plus 2,048 GB × $0.025 = $51.20: about $1,511.20 a month" in lead
    assert "per HTTP request or TCP connection, whose rate I don't hold" in lead


@pytest.mark.parametrize(
    "text",
    [
        "what does istio cost?",
        "what would kong mesh cost us in memory?",
        "what does kong mesh cost at 500 pods?",
    ],
)
def test_memory_asked_or_sized_stays_memory(engine: AnswerEngine, text: str) -> None:
    assert "Pricing of" not in _lead(engine, text)


# ------------------------------------------------------------------ a cost in a thread

NO_SIDECARS = "we run AKS, 400 pods on 20 nodes, need mTLS, no sidecars"


@pytest.mark.parametrize(
    "reply",
    [
        "ok, and how much memory would the sidecars use?",
        "what would sidecars take in memory?",
        "how much RAM would the sidecars need?",
        "how much memory do sidecars eat at this size?",
        "what's the sidecar memory footprint?",
    ],
)
def test_sidecars_asked_after_a_sidecarless_pick_are_costed(kb: KnowledgeBase, reply: str):
    thread = talk(kb, NO_SIDECARS, reply)
    assert thread.question.meshes == ["istio", "istio-ambient"]
    assert "Istio (sidecar mode): 24 GB: 60 MB per pod × 400 pods" in render_terminal(thread.answer)


@pytest.mark.parametrize(
    ("reply", "meshes"),
    [
        (
            "what would it cost in memory vs the AKS istio add-on?",
            ["istio-ambient", "aks-istio-addon"],
        ),
        ("memory cost vs the aks add-on?", ["istio-ambient", "aks-istio-addon"]),
        ("how much memory versus the istio add-on for AKS?", ["istio-ambient", "aks-istio-addon"]),
        ("what would it cost in memory against linkerd?", ["istio-ambient", "linkerd"]),
        ("what would it cost vs istio?", ["istio-ambient", "istio"]),
        # near misses: the pick alone, the mesh named alone
        ("how much memory would it use?", ["istio-ambient"]),
        ("what would the AKS istio add-on cost in memory?", ["aks-istio-addon"]),
    ],
)
def test_a_cost_set_against_a_mesh_costs_both(kb: KnowledgeBase, reply: str, meshes: list[str]):
    assert talk(kb, NO_SIDECARS, reply).question.meshes == meshes
