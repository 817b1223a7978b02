"""A licence someone signed off on ("legal signed off on BUSL") is accepted, not refused: the
vendor they already pay and its source-available mesh stay in. Each goes through the public
path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

SIGNED_OFF = [
    (
        "nomad shop, 40 jobs, vault everywhere, some legacy VMs. need mTLS and service-to-service "
        "authz. we pay hashicorp already and legal okayed BUSL. no kubernetes",
        "consul",
    ),
    (
        "hashicorp customer: nomad (~30 jobs), vault, bare VMs. need mTLS between all of it. "
        "procurement green lit BUSL, not running kubernetes",
        "consul",
    ),
    (
        "VMs and nomad, 60 services, need mtls and authz. our lawyers signed off on the BUSL "
        "licence, we already pay hashicorp, no k8s",
        "consul",
    ),
    (
        "EKS, 40 services, need mtls. legal signed off on BUSL and we pay kong already",
        "kong-mesh",
    ),
    (
        "nomad and plain VMs, 25 services, need mtls + intentions. legal gave the green light to "
        "business source licences. we already pay hashicorp. no k8s",
        "consul",
    ),
]


@pytest.mark.parametrize(("text", "pick"), SIGNED_OFF)
def test_a_licence_signed_off_on_is_accepted(engine: AnswerEngine, text: str, pick: str):
    assert engine.parser.parse(text).facts.get("licence") != "no_source_available"
    assert verdict(engine, text).pick == pick
