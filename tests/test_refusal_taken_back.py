"""A refusal taken back later in the message: what was said last of the same thing stands
("someone says move to Kuma to 'avoid BUSL', but our legal is fine with BUSL": no licence
rule), so a happy incumbent the refusal would have ruled out stays. A refusal of something
else the same fact covers ("no budget for licences … BUSL is fine"), or one said after the
acceptance, still holds."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick


@pytest.mark.parametrize(
    "text",
    [
        "Nomad + Consul on VMs, ~150 services, running Consul mesh for 2 yrs, pretty happy "
        "tbh. someone keeps saying we should move to Kuma to 'avoid BUSL' but our legal is "
        "fine with BUSL for internal use. should we switch or stay?",
        "consul on nomad for 3 years, 90 services on VMs. a colleague wants kuma to avoid "
        "BUSL, but legal has no problem with BUSL here. stay or switch?",
        "we run consul connect on our VMs, 120 services, works fine. the new architect says "
        "no busl, but legal signed off on BUSL last year. should we move?",
        "nomad and consul, 60 services on vms. our CTO said avoid busl; legal reviewed the "
        "busl thing and it's fine for us. keep consul or go kuma?",
        "we run consul mesh on VMs with nomad, about 200 services. someone says kuma would "
        "avoid the business source license, but we're ok with BUSL. switch or stay?",
    ],
)
def test_a_licence_accepted_after_a_refusal_lifts_it(engine, text):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("licence") == "any"
    assert facts.get("incumbent") == "consul"
    assert tied == ["consul"]


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        # refused after it was accepted: the refusal is what was said last
        ("legal was fine with busl, but now says no busl. consul on VMs, 80 services", None),
        # the acceptance lifts source-available only, not paying for a licence
        ("no budget for licences, but BUSL is fine. 40 services on EKS", "open_source"),
        ("legal is fine with BUSL but no budget for licences. 40 services on EKS", "open_source"),
        # a refusal alone still screens
        ("consul on nomad, 100 services on VMs. legal says avoid BUSL. where do we go?", None),
    ],
)
def test_near_misses_keep_the_refusal(engine, text, licence):
    facts, tied = facts_and_pick(engine, text)
    assert facts.get("licence") == (licence or "no_source_available")
    assert "consul" not in tied
