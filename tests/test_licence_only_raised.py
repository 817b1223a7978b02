"""A licence named alone is a concern of theirs (a policy the pick screens by), unless it is
only brought up, asked about or accepted: then no policy is stated, and a happy Consul team
that only heard BUSL raised is not moved off Consul by a rule nobody made."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict


@pytest.mark.parametrize(
    "text",
    [
        "we have Consul on VMs + k8s, 300 services, happy with it, but BUSL came up in legal "
        "review",
        "we run consul on vms, 300 services, BUSL was raised by legal. should we move?",
        "we run consul on 200 VMs, legal is asking about BUSL, stay or switch?",
        "consul mesh on nomad, happy, BUSL questions from procurement. anything better?",
        "we run consul, 150 services on VMs. the BUSL is fine for us. stay?",
    ],
)
def test_a_licence_only_brought_up_states_no_policy(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("licence") in (None, "any")
    assert verdict(engine, text).pick == "consul"


@pytest.mark.parametrize(
    "text",
    [
        "hard rule from legal: no BUSL. which mesh for 50 services on eks",
        "legal says BUSL is a blocker, 50 services on EKS, which mesh",
        "we cannot use BUSL software, eks 50 services",
        "consul is BUSL now, we need something else, 80 services on k8s + VMs",
        "BUSL licence is a dealbreaker for us. 40 services on AKS, which mesh?",
    ],
)
def test_a_licence_refused_is_still_a_policy(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("licence") == "no_source_available"
