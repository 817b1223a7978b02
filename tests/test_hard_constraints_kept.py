"""Hard constraints read and kept (user test s13b, problems 1, 2, 3 and 9, and C5.2).

- "No Envoy anywhere / at all / in any form" refuses Envoy in optional parts too: ambient's
  waypoints rule it out, and Linkerd (no Envoy at all) leads; plain "no Envoy sidecars" or
  "we don't want Envoy" keeps today's reading.
- A constraint the latest reply in a thread adds is never the one given up: an older, softer
  one is, or the answer says nothing meets them all and what rules each option out.
- Stray words make no must-have: "policy is open source only and no vendor contracts" asks
  no policy dry-run, "service discovery across 60 services" no multi-cluster.
- "Encryption in transit" required is met by TLS between services: a row that lacks only the
  mutual part (Service Connect's TLS with no client certificates) meets it; "mTLS" required
  still asks for the mutual part.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk
from tests.support.verdicts import verdict

# ---------------------------------------------------------------- no Envoy anywhere (#2)

ANYWHERE = [
    "We must not use Envoy anywhere. 200 services on GKE Standard. Options?",
    "No Envoy at all, 200 services on GKE.",
    "Envoy in any form is banned here. 150 services on EKS.",
    "We can't run Envoy anywhere in the cluster; 80 services on AKS.",
    "Security won't allow Envoy whatsoever. 100 services, EKS.",
    "no envoy anywhere please, 60 services on GKE, need mtls",
]


@pytest.mark.parametrize("text", ANYWHERE)
def test_envoy_refused_anywhere_rules_out_envoy_in_optional_parts(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("no_envoy") is True and facts.get("no_envoy_anywhere") is True
    result = verdict(engine, text)
    assert result.pick == "linkerd"
    assert result.of("istio-ambient").out


PLAIN_NO_ENVOY = [
    ("No Envoy sidecars. 200 services on GKE.", "istio-ambient"),
    ("We don't want envoy. 200 services on GKE.", "istio-ambient"),
    ("No envoy sidecars, but envoy at the gateway is fine; 200 services on GKE", "istio-ambient"),
]


@pytest.mark.parametrize(("text", "pick"), PLAIN_NO_ENVOY)
def test_plain_no_envoy_keeps_its_reading(engine: AnswerEngine, text: str, pick: str):
    assert "no_envoy_anywhere" not in engine.parser.parse(text).facts
    result = verdict(engine, text)
    assert result.pick == pick
    assert not result.of("istio-ambient").out


# ---------------------------------------------------------------- the newest constraint kept (#3)

RKE2 = [
    "RKE2 cluster, 500 services, 4 teams. We need mTLS, JWT validation and multi-cluster failover.",
    "No sidecars.",
]
NEWEST = [
    "Add a constraint: no Envoy anywhere.",
    "One more constraint: no Envoy at all.",
    "Also, we can't run Envoy anywhere.",
    "Security just told us: no Envoy whatsoever.",
    "and we must not use envoy, in any form",
]


@pytest.mark.parametrize("reply", NEWEST)
def test_a_constraint_just_added_is_not_the_one_given_up(kb: KnowledgeBase, reply: str):
    answer = talk(kb, *RKE2, reply).answer
    assert answer is not None
    assert "gave up" not in answer.lead
    assert "nothing fits every requirement" in answer.title
    assert "Gloo Mesh" not in answer.title


def test_a_constraint_said_in_the_first_message_can_still_be_given_up(engine: AnswerEngine):
    text = " ".join([*RKE2, "No Envoy."])
    assert verdict(engine, text).relaxed  # nothing meets all: the softest goes, as before


def test_a_reply_adding_no_constraint_marks_none(kb: KnowledgeBase):
    conversation = talk(kb, *RKE2, "Add a constraint: no Envoy anywhere.", "We have 3 clusters.")
    assert conversation.question is not None
    assert "told_last" not in conversation.question.facts


# ---------------------------------------------------------------- stray words (#9)

STRAY = [
    (
        "We're on OpenShift. Our policy is open source only and no vendor contracts.",
        "policy_dry_run",
    ),
    (
        "OpenShift 4.16, Red Hat subscription; policy is open source only, no vendor contracts. "
        "We need mTLS and tracing.",
        "policy_dry_run",
    ),
    ("Our policy: open source only, no vendor contracts. EKS, 40 services.", "policy_dry_run"),
    (
        "Nomad with Consul service discovery, across 60 services. Do we even need a mesh?",
        "multi_cluster",
    ),
    (
        "We're on Nomad with Consul for service discovery across 60 services. Should we adopt "
        "a mesh at all?",
        "multi_cluster",
    ),
    (
        "Nomad and Consul, service discovery working across 60 services. Worth a mesh?",
        "multi_cluster",
    ),
]


@pytest.mark.parametrize(("text", "unasked"), STRAY)
def test_stray_words_make_no_must_have(engine: AnswerEngine, text: str, unasked: str):
    intent = engine.parser.parse(text)
    assert unasked not in intent.features
    assert unasked not in (intent.facts.get("needs") or [])


STILL_ASKED = [
    ("which meshes have a policy dry run mode?", "policy_dry_run"),
    ("can I test an authorization policy without blocking traffic?", "policy_dry_run"),
    ("we need failover across clusters", "multi_cluster"),
    ("service discovery across datacenters", "multi_cluster"),
    ("how do I restrict which services can call which with a policy?", "l7_authorization"),
    ("grpc with no proxy between services", "proxyless_grpc"),
]


@pytest.mark.parametrize(("text", "asked"), STILL_ASKED)
def test_the_features_these_words_name_are_still_asked(engine: AnswerEngine, text: str, asked: str):
    assert asked in engine.parser.parse(text).features


# ---------------------------------------------------------------- encryption in transit (#1)

ECS = "Do we need a mesh? 10 services on ECS Fargate, 2 engineers."
ENCRYPTION = [
    "PCI auditors now require encryption in transit between services.",
    "Compliance requires encryption in transit between our services.",
    "Auditors demand traffic encryption between services now.",
    "We now require encrypted traffic between services.",
    "PCI mandates encryption in transit between services.",
]


@pytest.mark.parametrize("reply", ENCRYPTION)
def test_encryption_in_transit_is_met_by_tls(kb: KnowledgeBase, reply: str):
    answer = talk(kb, ECS, reply).answer
    assert answer is not None
    assert answer.title == "Recommendation: Amazon ECS Service Connect"


@pytest.mark.parametrize(
    "text",
    [
        "10 services on ECS Fargate, 2 engineers. Auditors require mTLS between services.",
        "10 services on ECS Fargate, 2 engineers. We need real mutual TLS between services.",
        "10 services on ECS Fargate, 2 engineers. Auditors require mutual TLS.",
    ],
)
def test_mutual_tls_required_still_rules_out_tls_alone(engine: AnswerEngine, text: str):
    assert verdict(engine, text).of("amazon-ecs-service-connect").out
