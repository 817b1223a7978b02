"""A delay ranking from one benchmark says what kind of figures it ranks (worst cases, with
their setup) and shows, labelled, the figures of meshes measured only in another run (Linkerd
beside LiveWyer's June run of both Istio modes), so the most relevant candidate for a latency
budget is never dropped unseen."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    "text",
    [
        "low latency trading platform, on-prem k8s, p99 budget is tight, need mTLS. which mesh "
        "adds least latency?",
        "which service mesh adds the least p99 latency? we need mtls on kubernetes",
        "lowest latency mesh for mTLS on EKS? our tail latency budget is very tight",
        "we care about tail latency above all: which mesh has the smallest latency overhead with "
        "mutual tls?",
        "which mesh is fastest, i.e. adds the least latency per request? kubernetes, mtls required",
    ],
)
def test_a_latency_ranking_labels_its_worst_cases_and_shows_the_unranked(
    engine: AnswerEngine, text: str
):
    answer = engine.ask(text)
    assert "Every figure ranked is a worst case (" in answer.lead
    assert "no keep-alive" in answer.lead
    assert "each request opens a new connection" in answer.lead
    out = render_terminal(answer)
    # the ranking sets like against like (one run); a mesh measured only in another run is
    # shown beside it, labelled, never dropped
    assert "Istio ambient mode" in out and "Istio (sidecar mode)" in out
    # (which run is ranked follows the meshes that qualify: Cilium, whose mTLS is partial,
    # counts since partial rows rank with their caveat, so LiveWyer's three-mesh run is it)
    assert "measured only in other benchmarks (not like for like): Istio ambient mode" in out
