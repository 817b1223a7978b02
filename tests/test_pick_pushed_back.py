"""The pick pushed back on in words that, said alone, complain of a mesh one runs (blind
test s16a P4): "I disagree, Istio is too complex for us" after Istio was recommended to a
team that doesn't run it sets Istio aside and makes the pick again on the thread's setup,
as "istio feels too complex, what else?" does. A team that runs the mesh, a mesh other
than the pick, or a question keeps its reading."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk

VAULT = (
    "EKS, 80 services, need external CA (our Vault PKI) for workload certs and SPIFFE ids, "
    "sidecars fine, no vendor"
)


@pytest.mark.parametrize(
    "reply",
    [
        "I disagree, Istio is too complex for us",
        "istio is too complex for us",
        "I don't agree, istio is a headache to run",
        "hmm, istio is too complicated for a team our size",
        "no, istio is far too complex",
    ],
)
def test_the_pick_pushed_back_on_is_set_aside(kb: KnowledgeBase, reply: str) -> None:
    conversation = talk(kb, VAULT, reply)
    intent = conversation.question
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("set_aside_mesh") == "istio"
    assert "incumbent" not in intent.facts and "hurts" not in intent.facts
    assert intent.features == ["external_ca", "spiffe_identity"]
    assert intent.pick == "istio"  # the pick before, which the answer says is out now
    assert not conversation.answer.title.endswith("Istio (sidecar mode)")


def test_the_mesh_they_run_complained_of_stays_theirs(kb: KnowledgeBase) -> None:
    thread = "we run Istio sidecars on EKS, 400 services, it works fine. Should we move to ambient?"
    intent = talk(kb, thread, "istio is too complex for us").question
    assert intent.facts.get("incumbent") == "istio" and "set_aside_mesh" not in intent.facts


@pytest.mark.parametrize(
    "reply", ["is istio too complex for us?", "why not istio?", "would istio be overkill?"]
)
def test_asked_not_said_sets_nothing_aside(kb: KnowledgeBase, reply: str) -> None:
    assert "set_aside_mesh" not in talk(kb, VAULT, reply).question.facts
