"""A rule the user set stays set (user test s15, c12 T4 and c01 T4).

- A need a reply adds ("what if we later need traffic mirroring?") that nothing keeping a
  must-not said before ("no Envoy anywhere") meets gives way, not the rule: the pick keeps
  the rule and the answer names the clash. Said in one message, the softest still goes.
- "why not linkerd?" where only a rule the user stated keeps it out says that rule, and that
  it would be the pick without it.
"""

from __future__ import annotations

import pytest

from bot.knowledge.base import KnowledgeBase
from tests.support.conversation import talk
from tests.support.knowledge_files import problems_of

NO_ENVOY = (
    "We want mTLS and L7 authorization across 3 on-prem Kubernetes clusters. No Envoy anywhere."
)
MIRRORING = [
    "what if we later need traffic mirroring?",
    "what if we need traffic mirroring down the line?",
    "suppose we also need request mirroring",
    "and if we need to shadow traffic later?",
    "if we end up needing traffic mirroring, what then?",
]
ENVOY_MESHES = ("Istio", "Gloo Mesh", "Kuma", "Kong Mesh", "Consul", "Cilium")


@pytest.mark.parametrize("reply", MIRRORING)
def test_a_need_just_added_gives_way_to_a_rule_said_before(kb: KnowledgeBase, reply: str):
    answer = talk(kb, NO_ENVOY, reply).answer
    assert answer is not None
    assert not any(name in answer.title for name in ENVOY_MESHES)
    assert "Traffic mirroring" in answer.lead and "kept the rules" in answer.lead


def test_a_need_said_with_the_rule_still_lets_the_softest_go(kb: KnowledgeBase):
    answer = talk(kb, f"{NO_ENVOY} We also need traffic mirroring.").answer
    assert answer is not None
    assert "kept the rules" not in answer.lead


def test_a_need_that_clashes_with_nothing_is_simply_added(kb: KnowledgeBase):
    answer = talk(kb, NO_ENVOY, "what if we also need retries?").answer
    assert answer is not None
    assert "kept the rules" not in answer.lead


SIDECARLESS = [
    "EKS, 40 services, 3 platform engineers, we need mTLS and canary releases. recommend?",
    "we do not want sidecars",
]
WHY_NOT = [
    "why not linkerd?",
    "how come not linkerd",
    "what about linkerd instead?",
    "and linkerd?",
]


def _text(answer) -> str:
    """The lead and the points: "why not X?" leads with what sets the pick apart from X."""
    return " ".join([answer.lead, *(getattr(p, "text", "") or "" for p in answer.points)])


@pytest.mark.parametrize("reply", WHY_NOT)
def test_why_not_a_mesh_kept_out_by_a_rule_names_the_rule(kb: KnowledgeBase, reply: str):
    answer = talk(kb, *SIDECARLESS, reply).answer
    assert answer is not None
    assert "Without your rule (no sidecars), Linkerd would be the pick" in _text(answer)


def test_why_not_a_mesh_out_for_more_than_a_rule_claims_no_pick(kb: KnowledgeBase):
    answer = talk(kb, *SIDECARLESS, "why not consul?").answer
    assert answer is not None
    assert "would be the pick" not in _text(answer)


def test_a_rule_kept_over_new_needs_must_be_one_that_is_given_up(kb_dir):
    path = kb_dir / "rules.yaml"
    text = path.read_text()
    assert "kept_over_new_needs: [no_envoy_anywhere," in text
    path.write_text(
        text.replace("kept_over_new_needs: [no_envoy_anywhere,", "kept_over_new_needs: [no-envoi,")
    )
    assert any("kept_over_new_needs[0]" in p for p in problems_of(kb_dir))
