"""Services in many VPCs or AWS accounts calling each other ("each team in its own AWS
account", "overlapping CIDRs"): VPC Lattice, which joins VPCs and accounts without peering or
an address plan, leads on AWS (rule lattice-across-networks). Off AWS, or with no such calls,
nothing changes."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick, verdict


@pytest.mark.parametrize(
    "text",
    [
        "20 product teams, each in its own AWS account. Services run on EKS, ECS and plain "
        "EC2, and they need to call each other across accounts/VPCs (overlapping CIDRs in "
        "places) with IAM-based auth. What should we use?",
        "we have 15 teams with separate AWS accounts, workloads on EKS and ECS; services must "
        "call each other cross account with IAM auth. recommend something",
        "EKS and ECS services spread over many AWS accounts, some VPCs have overlapping CIDRs, "
        "and they need to talk to each other with authz. what fits?",
        "our services on ECS and EKS live in multiple AWS accounts and have to reach each other "
        "across VPCs. which option?",
        "each squad runs in its own AWS account (EKS + ECS), the VPCs use overlapping IP ranges, "
        "and we need service-to-service auth between accounts. what should we use?",
    ],
)
def test_calls_across_aws_accounts_lead_to_lattice(engine, text):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("spans_networks") is True
    assert tied == ["amazon-vpc-lattice"]


@pytest.mark.parametrize(
    "text",
    [
        # off AWS: Lattice is ruled out, the rule weighs nothing
        "GKE, 100 services across VPCs in several projects. which mesh?",
        "AKS clusters in separate subscriptions, overlapping CIDRs, 80 services. which mesh?",
    ],
)
def test_off_aws_the_rule_weighs_nothing(engine, text):
    result = verdict(engine, text)
    assert "lattice-across-networks" not in {rule.id for rule in result.fired}


@pytest.mark.parametrize(
    "text",
    [
        "EKS and ECS, 40 services in one account, we want mTLS. what should we use?",
        "three EKS clusters across regions, one mesh, 200 services. which mesh?",
    ],
)
def test_without_calls_across_accounts_nothing_is_read(engine, text):
    facts, _ = facts_and_pick(engine, text)
    assert "spans_networks" not in facts
