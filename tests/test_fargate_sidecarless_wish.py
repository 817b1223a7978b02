"""On EKS with every pod on Fargate, a wish to "go sidecarless" is a must-not that gives way,
not a must-have: the answer picks (no in-cluster data plane runs on Fargate pods) instead of
"nothing fits". A licence budget of zero pays no vendor; "moved workloads onto fargate" asks no
control-plane upgrades."""

from __future__ import annotations

import pytest

from bot.answers import scoring

FARGATE = (
    "eks 1.31, ~60 svcs. we want to go sidecarless (ambient?) bc sidecar mem is what killed our "
    "last istio attempt. team of 4, nobody wants to babysit envoy. needs: mtls, retries/timeouts, "
    "canary for the checkout svc. context: we moved basically all workloads onto fargate "
    "profiles last yr so we stop patching nodes, only ingress-nginx + karpenter sit on a tiny "
    "managed nodegroup. budget for licences is ~0. what mesh should we use?"
)


def _facts_and_verdict(engine, text):
    intent = engine.parser.parse(text)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    return facts, scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes)).verdict


def test_all_fargate_sidecarless_wish_still_gets_a_pick(engine):
    facts, verdict = _facts_and_verdict(engine, FARGATE)
    assert facts.get("no_sidecars") is True
    assert facts.get("support") == "none" and "paid_ok" not in facts
    assert "revision_upgrades" not in facts.get("needs", [])
    assert verdict.pick is not None
    assert verdict.pick not in ("istio-ambient", "cilium", "gloo-mesh", "aws-app-mesh")


@pytest.mark.parametrize(
    "text",
    [
        "eks, 80 services, we want to go sidecarless because sidecar memory hurts. need mtls "
        "and retries. which mesh?",
        "gke standard, 200 services, we'd like to get off sidecars, need mtls and L7 authz. "
        "recommend one",
        "aks, 50 services, we want to ditch the sidecars, need mtls. which mesh?",
    ],
)
def test_off_fargate_the_wish_picks_sidecarless(engine, text):
    facts, verdict = _facts_and_verdict(engine, text)
    assert facts.get("no_sidecars") is True
    assert verdict.pick == "istio-ambient"


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("eks 60 svcs. we have budget for licences", "paid_ok", True),
        ("eks 60 svcs. license budget is zero", "support", "none"),
        (
            "eks 60 svcs, upgrades must be safe, we want to canary the control plane",
            "needs",
            ["revision_upgrades"],
        ),
    ],
)
def test_near_misses_keep_their_reading(engine, text, fact, value):
    facts, _ = _facts_and_verdict(engine, text)
    assert facts.get(fact) == value
