"""A must-have met only in a vendor's paid edition is never counted as full support in the
summary of must-haves: it is counted apart, with the edition named."""

from __future__ import annotations

import re

import pytest

from bot.answers.engine import AnswerEngine

FIPS_SETUPS = [
    "need FIPS 140 validated crypto for fedramp, EKS, ~100 services, vendor support ok. which "
    "mesh?",
    "fedramp moderate on eks, 100 svcs, must have fips 140 crypto, happy to pay a vendor for "
    "support. recommendation?",
    "EKS, about 100 services, FIPS validated encryption is mandatory, any vendor support is "
    "fine. what mesh",
    "we're going for fedramp: eks, ~100 services, fips-140 crypto required, a support contract "
    "from any vendor is ok. pick a mesh",
    "which mesh for FIPS 140-3 compliance on EKS with 100 services? commercial support is fine",
]


@pytest.mark.parametrize("text", FIPS_SETUPS)
def test_paid_edition_rows_are_counted_apart_from_full_support(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    said = next(p for p in answer.points if getattr(p, "heading", "") == "Your must-haves")
    assert re.search(r"\d+ more only in a paid edition \(.*paid edition", said.text)
    counted = re.match(r"(\d+) of the (\d+) options left fully support", said.text)
    assert counted is not None
    assert "Linkerd: FIPS 140 validated crypto in Buoyant's paid edition" in said.text
