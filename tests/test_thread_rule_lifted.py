"""A rule lifted later in a thread brings back what it ruled out: "what if legal approves
BUSL after all?" after "no BUSL" drops the licence policy, and Consul (native to Nomad and
VMs) is weighed again. A denied acceptance ("legal has not approved BUSL") lifts nothing
(rules.yaml `refusals.accepting`, `refusals.unaccepting`)."""

from __future__ import annotations

import pytest

from tests.support.conversation import talk

NO_BUSL = (
    "EKS plus EC2 VMs plus Nomad, about 60 services, we need mTLS across all of them, and no "
    "BUSL licences. which mesh?"
)


@pytest.mark.parametrize(
    "reply",
    [
        "what if legal approves BUSL after all?",
        "legal approved BUSL",
        "BUSL got approved",
        "legal says BUSL is fine after all",
        "legal cleared BUSL",
        "legal lifted the ban on BUSL",
    ],
)
def test_a_licence_rule_lifted_brings_the_ruled_out_mesh_back(kb, reply):
    conversation = talk(kb, NO_BUSL, reply)
    assert conversation.question.facts.get("licence") in (None, "any")
    assert "Consul is out" not in conversation.answer.lead
    assert "Consul" in conversation.answer.title


@pytest.mark.parametrize(
    "reply",
    [
        "legal has not approved BUSL",
        "legal never approved BUSL",
        "legal won't approve BUSL",
        "legal is not ok with BUSL",
        "legal never signed off on BUSL",
    ],
)
def test_a_denied_acceptance_keeps_the_rule(kb, reply):
    conversation = talk(kb, NO_BUSL, reply)
    assert conversation.question.facts.get("licence") == "no_source_available"
