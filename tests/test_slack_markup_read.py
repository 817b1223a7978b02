"""Slack markup is read through: a count in bold, italics or backticks is a count, and a
currency sign beside a vendor refuses paying one, not lock-in. Each goes through the parser."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine

MARKED_COUNTS = [
    "we have `~50` svcs on EKS, need mTLS",
    "we have *~50* svcs on EKS, need mTLS",
    "we have _50_ services on EKS, need mTLS",
    "we have **50** services on EKS, need mTLS",
    "*Q for the mesh bot*: we have `~50` svcs on EKS, need _mTLS_ + `retries`/`timeouts`",
]


@pytest.mark.parametrize("text", MARKED_COUNTS)
def test_a_marked_up_count_is_read(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("services") == 50


def test_code_that_is_not_a_lone_figure_stays_code(engine: AnswerEngine):
    facts = engine.parser.parse("we run `kubectl get svc | wc -l` = 40 services on EKS").facts
    assert facts.get("services") == 40
    assert (
        engine.parser.parse("set max_connections to 5 on EKS, 30 services").facts.get("services")
        == 30
    )


NO_PAID_VENDOR = [
    "~50 svcs on EKS, need mTLS. no vendor $$$",
    "~50 svcs on EKS, need mTLS. no $$ for vendors",
    "~50 svcs on EKS, need mTLS, zero € for vendors",
    "~50 svcs on EKS, need mTLS. no vendor budget",
    "~50 svcs on EKS, need mTLS. we will not spend money on vendors",
]


@pytest.mark.parametrize("text", NO_PAID_VENDOR)
def test_no_money_for_a_vendor_is_no_paid_vendor_not_lock_in(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("support") == "none"
    assert facts.get("licence") == "open_source"
    assert "no_vendor" not in facts


@pytest.mark.parametrize(
    "text",
    [
        "~50 svcs on EKS, need mTLS. no vendor lock-in",
        "~50 svcs on EKS, need mTLS. no single vendor",
    ],
)
def test_lock_in_refused_is_still_lock_in(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("no_vendor") is True
    assert "licence" not in facts
