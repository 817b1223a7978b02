"""A team happy on the mesh it runs: what its proxies use on average is a measurement, no
memory cap; "nobody on the team knows envoy" denies Envoy skills; "nothing is broken" says
the mesh named before it is one they run. Staying on it then wins over a newer mode."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.render.plain import render_terminal
from tests.support.verdicts import facts_and_pick


@pytest.mark.parametrize(
    "text",
    [
        "we've run linkerd since 2.9, ~300 svcs across 3 eks clusters w/ linkerd multicluster. "
        "proxies avg ~20mb. new VP wants us to 'modernize off sidecars'. nobody on the team "
        "knows envoy. nothing is broken. what would you recommend we run",
        "linkerd on eks for 3 years, 200 services, proxies avg 18mb. no one on the team knows "
        "envoy. our CTO wants us off sidecars. stay or switch?",
        "running linkerd stable, 3 clusters, multicluster works. nobody in the team knows "
        "envoy. proxies averaged 25MB last quarter. what should we run?",
        "we use linkerd, 150 svcs on eks; none of us know envoy; sidecars avg ~20mb. "
        "recommend a mesh",
    ],
)
def test_a_happy_linkerd_team_stays(engine, text):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("envoy_experience") is False
    assert facts.get("memory_in_use") is True
    assert "memory_budget" not in facts
    assert tied == ["linkerd"]


@pytest.mark.parametrize(
    "text",
    [
        "we run istio sidecars, 400 pods, proxies avg 60mb, we know envoy well. recommend one",
        "eks, 300 services, proxies can use at most 20mb each. which mesh?",
    ],
)
def test_near_misses_keep_their_reading(engine, text):
    facts, _ = facts_and_pick(engine, text)
    if "avg" in text:
        assert facts.get("envoy_experience") is True
    else:
        assert facts.get("pod_memory") == 20
        assert not facts.get("memory_in_use")


def test_memory_in_use_is_no_cap_in_the_answer(engine):
    text = (
        "we run linkerd on eks, 300 services, 3 clusters, multicluster. our proxies use about "
        "20Mi. nothing is broken. should we switch?"
    )
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "your cap is" not in shown
    capped = "eks, 300 services, proxies can use at most 20mb each. which mesh?"
    intent = engine.parser.parse(capped)
    facts = {k: v for k, v in intent.facts.items() if engine.kb.rules.fact(k)}
    verdict = scoring.outlook(engine.kb, facts, scoring.candidates(engine.kb, [])).verdict
    assert any("over your 20 MiB" in r.text for r in verdict.of("istio").reasons)
