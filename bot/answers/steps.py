"""Next steps: the buttons an answer offers, each carrying what the user told us."""

from __future__ import annotations

from bot.answers.phrasing import mesh_names
from bot.answers.results import Choice
from bot.intents.models import Intent, IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue


def step(label: str, kind: IntentKind, **fields) -> Choice:
    return Choice(label=label, intent=Intent(kind=kind, **fields))


def default_pair(kb: KnowledgeBase) -> list[str]:
    """The two meshes people weigh first: the first two featured in rules.yaml."""
    return [m for m in kb.rules.featured if m in kb.meshes][:2]


def pair_for(kb: KnowledgeBase, asked: list[str]) -> list[str]:
    """Two meshes to compare next: those asked about, filled up from the default pair (a
    question about Consul offers Consul against Linkerd, not Linkerd against Istio)."""
    named = [m for m in asked if m in kb.meshes and kb.meshes[m].is_current][:2]
    fill = [m for m in (*default_pair(kb), *kb.rules.featured) if m in kb.meshes]
    return list(dict.fromkeys([*named, *fill]))[:2]


def _cost_label(facts: dict[str, FactValue]) -> str:
    size = next((f"{facts[k]:,} {k}" for k in ("pods", "services") if k in facts), None)
    return f"Cost at {size}" if size else "Sidecar cost at 1,000 pods"


def standard_steps(
    kb: KnowledgeBase,
    exclude: IntentKind,
    only: tuple[IntentKind, ...] | None = None,
    facts: dict[str, FactValue] | None = None,
    meshes: list[str] | None = None,
) -> list[Choice]:
    """The usual next questions, each carrying what the user told us (`facts`); the
    comparison offered starts from the meshes asked about (`meshes`)."""
    facts = facts or {}
    pair = pair_for(kb, meshes or [])
    cost_facts = facts if {"pods", "services"} & set(facts) else {**facts, "pods": 1000}
    steps = [
        step("Recommend for my setup", IntentKind.recommend, facts=facts),
        step(f"Compare {mesh_names(kb, pair)}", IntentKind.compare, meshes=pair, facts=facts),
        step(_cost_label(facts), IntentKind.cost, facts=cost_facts),
        step("All features", IntentKind.features),
        step("All sources", IntentKind.sources),
    ]
    return [
        s for s in steps if s.intent.kind != exclude and (only is None or s.intent.kind in only)
    ]
