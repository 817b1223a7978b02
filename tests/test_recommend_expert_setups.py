"""Setups an expert reads one way and a phrase list could read another: a must-not said with
"zero", a proxy memory bill that hurts. Each goes through the public path (parse, then the
verdict)."""

from __future__ import annotations

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


def test_zero_sidecars_insisted_on_refuses_sidecars(engine: AnswerEngine):
    text = (
        "GKE is out, we're on AKS with azure cni. zero sidecars is a must for us, apache "
        "licensed software only, 250 pods. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("no_sidecars") is True and "per_pod_proxy" not in facts
    found = verdict(engine, text)
    assert found.of("istio").out and found.of("linkerd").out
    assert found.tied == ["istio-ambient"]


def test_sidecars_insisted_on_still_want_a_proxy_in_every_pod(engine: AnswerEngine):
    facts = engine.parser.parse("EKS, 90 services, sidecars are mandatory for audit").facts
    assert facts.get("per_pod_proxy") is True and "no_sidecars" not in facts


def test_an_envoy_memory_bill_that_hurts_moves_istio_users_to_ambient(engine: AnswerEngine):
    text = (
        "we've been running istio sidecars on GKE standard, 1200 pods; the envoy memory bill "
        "keeps hurting us and we want to keep our istio resources. where do we go?"
    )
    facts = engine.parser.parse(text).facts
    assert facts.get("low_overhead") is True and facts.get("incumbent") == "istio"
    assert verdict(engine, text).pick == "istio-ambient"


def test_the_team_running_the_platform_is_the_fewest_people_counted(engine: AnswerEngine):
    text = (
        "seed stage, 12 engineers in total and 1 sre who also carries the pager. self-managed "
        "k8s, 40 services, we need mtls and canaries. which mesh?"
    )
    facts = engine.parser.parse(text).facts
    assert facts["engineers"] == 1 and facts["team_size"] == "small"
    assert verdict(engine, text).pick != "istio"
