"""Answers from the knowledge base: recommendations, costs, comparisons, explanations."""

from __future__ import annotations

import pytest

from bot.answers import recommender
from bot.answers.results import Chart, FactList, Matrix
from bot.intents.models import Intent, IntentKind

RECOMMEND_TABLE = [
    ("we have 14 services and only need mTLS, do we need a mesh?", "no-mesh"),
    ("recommend for 80 services, small team", "linkerd"),
    ("recommend: 300 services, 4 platform teams, multi-cluster, need JWT validation", "istio"),
    (
        "recommend for 100 services, we already run Cilium as our CNI, tight memory budget",
        "linkerd",
    ),
]


@pytest.mark.parametrize(("text", "pick"), RECOMMEND_TABLE)
def test_seed_guidance_holds(engine, text, pick):
    answer = engine.ask(text)
    assert answer.kind == IntentKind.recommend
    assert answer.title == f"Recommendation: {engine.kb.meshes[pick].name}"


def test_recommendation_shows_why_runner_up_and_sources(engine):
    answer = engine.ask("we have 14 services and only need mTLS, do we need a mesh?")
    why = next(p for p in answer.parts if isinstance(p, FactList) and p.heading == "Why")
    assert any("cert-manager" in f.text for f in why.items)
    assert any(p.heading == "Runner-up" for p in answer.parts)
    assert "seed-004" in {s.id for s in answer.sources}


def test_follow_up_question_changes_with_what_is_known(engine):
    first = engine.ask("recommend")
    assert first.follow_up is not None
    asked = first.follow_up.question
    # Answer it through the button's own intent; the next question must be another one.
    second = engine.answer(first.follow_up.choices[1].intent)
    assert second.follow_up is None or second.follow_up.question != asked
    known = engine.ask("recommend for 80 services")
    assert known.follow_up is None or "how many services" not in known.follow_up.question.lower()


def test_walking_every_follow_up_ends_with_a_firm_pick(engine):
    answer = engine.ask("recommend")
    for _ in range(10):
        if answer.follow_up is None:
            break
        answer = engine.answer(answer.follow_up.choices[0].intent)
    assert answer.follow_up is None
    assert "(firm)" in answer.summary


def test_rules_fire_only_on_known_facts(kb):
    verdict = recommender.evaluate(kb.rules, {})
    assert verdict.fired == []
    assert next(iter(kb.rules.candidates)) == verdict.pick


def test_seed_000_thousand_pod_example_is_reproducible(engine):
    answer = engine.ask("cost 1000 pods")
    chart = next(p for p in answer.parts if isinstance(p, Chart))
    seed = {(b.low, b.high) for b in chart.bars if "seed-000" in b.sources}
    assert (10_000, 10_000) in seed  # Linkerd: 10 GB, in MB
    assert (50_000, 100_000) in seed  # Istio: 50 GB at the claim's low end


def test_cost_cites_every_figure_and_states_assumptions(engine):
    answer = engine.ask("what does a sidecar cost us at 500 pods with istio")
    chart = next(p for p in answer.parts if isinstance(p, Chart))
    assert chart.bars and all(b.sources for b in chart.bars)
    assert any(abs(b.low - 60 * 500) < 1e-6 for b in chart.bars)  # Istio 1.24: 60 MB a sidecar
    assert "Assumed" in answer.parts[-1].text


def test_cost_shows_ambient_per_node(engine):
    answer = engine.ask("cost 1000 pods on 10 nodes with istio ambient")
    chart = next(p for p in answer.parts if isinstance(p, Chart))
    assert any(b.low == 12 * 10 for b in chart.bars)  # ztunnel: 12 MB a node


def test_compare_puts_differences_first_and_notes_outdated_claims(engine):
    answer = engine.ask("compare istio linkerd")
    matrix = next(p for p in answer.parts if isinstance(p, Matrix))
    assert matrix.columns == [engine.kb.meshes["istio"].name, "Linkerd"]
    assert all(len(set(r.cells)) > 1 for r in matrix.rows)
    outdated = next(
        p for p in answer.parts if isinstance(p, FactList) and "outdated" in p.heading.lower()
    )
    assert any("circuit" in f.label.lower() for f in outdated.items)
    assert answer.sources


def test_compare_with_facts_gives_a_pick(engine):
    answer = engine.ask("linkerd or istio for 40 services?")
    setup = next(p for p in answer.parts if p.heading == "For your setup")
    assert setup.text.startswith("Linkerd")


def test_feature_check_holds_the_current_fact(engine):
    answer = engine.ask("does linkerd support circuit breaking")
    facts = answer.parts[0]
    assert "yes" in facts.items[0].text and "2.13" in facts.items[0].text


def test_retired_mesh_says_so_and_points_elsewhere(engine):
    answer = engine.ask("is open service mesh still maintained")
    status = next(p for p in answer.parts if p.heading == "Status")
    assert status.text.lower().startswith("archived")
    assert "instead" in status.text


def test_every_answer_ends_with_as_of(engine, kb):
    for text in ("compare istio linkerd", "sources", "help", "asdfgh", "recommend"):
        assert engine.ask(text).as_of == kb.as_of


def test_stale_button_value_falls_back_to_help(engine):
    answer = engine.answer(Intent(kind=IntentKind.explain, meshes=["gone-mesh"]))
    assert answer.kind == IntentKind.help


def test_cost_scales_cpu_to_the_request_rate(engine):
    answer = engine.ask("what does istio cost at 1000 pods and 200 rps")
    texts = [f.text for p in answer.parts if isinstance(p, FactList) for f in p.items]
    assert any("At your 200 rps: about 0.04 vCPU" in t for t in texts)  # 0.20 per 1000 rps


def test_cost_for_services_assumes_one_pod_each_and_says_so(engine):
    answer = engine.ask("what would linkerd cost for 40 services")
    assert answer.title == "What a mesh costs at 40 pods"
    assert "one pod a service" in answer.parts[-1].text
