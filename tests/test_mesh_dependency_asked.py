"""A question of what a mesh's own control plane needs is about the mesh, even where what it
needs is another topic (blind test s15b Q11 T2): "kuma multi-zone: does the global CP need
postgres now?" is answered from Kuma's entry; a question only of that topic is still not."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal
from tests.support.conversation import talk


@pytest.mark.parametrize(
    "question",
    [
        "kuma multi-zone: does the global CP need postgres now?",
        "kuma multi-zone: does it need postgres?",
        "does the kuma global CP need a postgres database?",
        "is postgres required for the kong mesh global cp?",
        "kuma: does the zone cp need postgres?",
    ],
)
def test_a_mesh_s_own_dependency_is_in_scope(kb: KnowledgeBase, question: str) -> None:
    conversation = talk(kb, question)
    assert conversation.answer.kind != IntentKind.out_of_scope
    assert conversation.question.meshes


def test_the_global_cp_question_answers_from_the_entry(kb: KnowledgeBase) -> None:
    answer = talk(kb, "kuma multi-zone: does the global CP need postgres now?").answer
    assert "PostgreSQL" in render_terminal(answer, full=False)


@pytest.mark.parametrize(
    "question",
    [
        "we run kuma, which postgres operator should we use?",
        "which postgres operator should we use?",
        "we run istio. is postgres 16 any good?",
    ],
)
def test_a_question_only_of_the_other_topic_stays_out(kb: KnowledgeBase, question: str) -> None:
    assert talk(kb, question).answer.kind == IntentKind.out_of_scope
