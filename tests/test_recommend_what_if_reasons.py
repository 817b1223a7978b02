"""A "what would change the pick" line says why the answer changes it, and an answer that
rules nothing out ("no licence restrictions") is no wish for a paid product."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict


def _changes(engine: AnswerEngine, text: str) -> list[str]:
    out = render_terminal(engine.ask(text))
    block = out.split("WHAT WOULD CHANGE THE PICK")[1].split("TRY NEXT")[0]
    return [line for line in block.splitlines() if line.startswith("- ")]


@pytest.mark.parametrize(
    "text",
    [
        "we need global rate limiting + OPA ext authz on GKE. which mesh?",
        "GKE, 100 services, need global rate limits and external authorization with OPA. "
        "recommend a mesh",
        "on EKS we want cluster-wide rate limiting plus ext authz via OPA. what mesh?",
        "need a global rate limiter and external authz (opa) for our services on AKS. which "
        "mesh fits?",
        "self-managed kubernetes, 60 services, need global rate limiting and ext_authz. mesh?",
    ],
)
def test_no_licence_restriction_is_no_wish_for_a_paid_edition(engine: AnswerEngine, text: str):
    for line in _changes(engine, text):
        if "licence policy rule anything out? → No:" in line:
            assert "Gloo Mesh" not in line and "Kong Mesh" not in line, line


@pytest.mark.parametrize(
    "text",
    [
        "simplest mesh for mTLS + metrics on GKE, team of 2",
        "we're 2 engineers on GKE and want the easiest mesh for mtls and golden metrics",
        "GKE, two-person platform team, need mutual TLS and per-service metrics with the least "
        "effort. which mesh?",
        "easiest service mesh on gke for mtls plus metrics? tiny team (2 people)",
        "team of two running GKE. want mtls + request metrics, simplest option please",
    ],
)
def test_a_flip_away_from_linkerd_says_why(engine: AnswerEngine, text: str):
    lines = _changes(engine, text)
    no_vendor = next(line for line in lines if "support contract for the mesh? → No:" in line)
    assert "(against Linkerd: its project publishes only edge releases" in no_vendor
    managed = next(line for line in lines if "→ Yes, a managed one:" in line)
    assert "(Linkerd would be out: you would run its control plane yourself)" in managed


def test_a_flip_where_the_pick_is_ruled_out_also_says_what_puts_the_new_one_ahead(
    engine: AnswerEngine,
):
    # (on GKE the managed Cloud Service Mesh meets multi-cluster too, and stands level)
    lines = _changes(engine, "12 services on self-managed kubernetes, team of 2, we only need mTLS")
    spans = next(line for line in lines if "→ Yes, one mesh across clusters:" in line)
    assert "(No mesh would be out: no Multi-cluster" in spans
    assert "; against " in spans or "; for " in spans


@pytest.mark.parametrize(
    "text",
    [
        "self-managed kubernetes, 90 services, need a global rate limit shared by every "
        "replica; happy to pay for a licence. which mesh?",
        "GKE, global rate limiting and OPA ext authz needed, paid products are fine. which mesh?",
        "eks, 120 services, need global rate limits. we don't mind paying for an enterprise "
        "edition. recommend",
        "need cluster-wide rate limiting on self-managed k8s; commercial products are fine. what "
        "mesh?",
        "global rate limiting across all pods on AKS, 80 services, willing to pay. which mesh?",
    ],
)
def test_paid_products_welcome_let_the_paid_edition_fill_a_partial_need(
    engine: AnswerEngine, text: str
):
    assert engine.parser.parse(text).facts["paid_ok"] is True
    assert verdict(engine, text).pick == "gloo-mesh"


def test_no_licence_restriction_alone_keeps_the_open_source_base(engine: AnswerEngine):
    text = "GKE, global rate limiting and OPA ext authz needed, no licence restrictions. mesh?"
    assert "paid_ok" not in engine.parser.parse(text).facts
    assert verdict(engine, text).pick == "istio"
