"""A reason's sentence about one offering (a rule's `because_of`) is said only while that
offering is left: "Linkerd encrypts TCP traffic … by default" is no reason for Istio ambient
mode where Linkerd is ruled out. Through the public path (the rendered answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write


def _why(engine: AnswerEngine, text: str) -> str:
    out = render_terminal(engine.ask(text))
    return out.split("WHY", 1)[1].split("RULED OUT", 1)[0]


LINKERD_OUT = [
    "We're on AKS with 80 services. No Envoy anywhere and no sidecars. We only need mTLS. "
    "Which mesh?",
    "EKS, 60 services, mTLS is all we need, and no sidecars please. which mesh?",
    "GKE, 100 services, just mtls, sidecars are not allowed. recommend one",
    "on-prem k8s, 45 services, team of 2, no sidecar proxies, only need encryption in transit "
    "with mtls. mesh?",
    "AKS, 3 engineers, 70 services, only mtls, and we can't have sidecars. what should we run?",
]


@pytest.mark.parametrize("text", LINKERD_OUT)
def test_no_linkerd_sentence_where_linkerd_is_out(engine: AnswerEngine, text: str):
    why = _why(engine, text)
    assert "Linkerd encrypts" not in why
    assert "Linkerd's stated design is to need no complex configuration" not in why
    assert "Linkerd turns mTLS on by default" not in why


def test_the_shared_reason_stays_without_the_sentence(engine: AnswerEngine):
    why = _why(engine, LINKERD_OUT[0])
    assert "the mesh that turns it on by default with no configuration needs the least" in why
    assert "Ambient's L4 ztunnel also gives mTLS without sidecars." in why


# Must not change: with Linkerd left, its sentences stay.
@pytest.mark.parametrize(
    "text",
    [
        "We're on EKS with 40 services, team of 3, need mTLS. Which mesh?",
        "GKE, 60 services, small team of 2, we need mtls and retries. which mesh?",
    ],
)
def test_the_linkerd_sentence_stays_while_linkerd_is_left(engine: AnswerEngine, text: str):
    assert "Linkerd's stated design is to need no complex configuration" in _why(engine, text)


def test_a_sentence_about_an_offering_the_rule_does_not_score_is_a_problem(kb_dir):
    rules = read(kb_dir / "rules.yaml")
    rule = next(r for r in rules["rules"] if r["id"] == "mtls-only-at-scale")
    rule["because_of"]["kuma"] = {"text": "Kuma too.", "sources": ["kuma-readme"]}
    write(kb_dir / "rules.yaml", rules)
    problems = problems_of(kb_dir)
    assert any("because_of.kuma: 'kuma' is not an offering the rule scores" in p for p in problems)
