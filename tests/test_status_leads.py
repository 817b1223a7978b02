"""A status or version question about one current mesh: the version first, and no bare
"Yes" that would read as agreeing with "is it being retired?"; a former name says what
became of it."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from bot.knowledge.base import KnowledgeBase
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("what's the latest istio version", "istio"),
        ("which version of istio is current", "istio"),
        ("latest linkerd release?", "linkerd"),
        ("what's the latest linkerd version", "linkerd"),
        ("what version is kuma on", "kuma"),
        ("whats the newest cilium release", "cilium"),
        ("current version of consul?", "consul"),
        ("most recent ossm version", "openshift-service-mesh"),
    ],
)
def test_the_latest_version_asked_leads(
    engine: AnswerEngine, kb: KnowledgeBase, text: str, mesh: str
) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.lifecycle
    assert answer.intent.meshes == [mesh]
    name, version = kb.meshes[mesh].name, kb.meshes[mesh].version.current
    assert answer.lead.startswith(f"Latest {name} version: {version}")


@pytest.mark.parametrize(
    "text",
    [
        "how much memory does the latest istio version use",
        "latest istio version cpu overhead",
        "does the latest istio version support ambient multicluster",
    ],
)
def test_an_overhead_or_feature_of_the_latest_version_is_no_status_question(
    engine: AnswerEngine, text: str
) -> None:
    assert engine.ask(text).kind != IntentKind.lifecycle


@pytest.mark.parametrize(
    "text",
    [
        "is anthos service mesh being retired?",
        "is anthos service mesh dead",
        "anthos service mesh deprecated?",
        "is anthos service mesh going away",
        "is anthos service mesh still supported",
        "has google shut down anthos service mesh",
        "is asm being retired?",
        "is anthos mesh dead?",
        "asm end of life?",
    ],
)
def test_a_former_name_asked_about_says_it_was_renamed_not_retired(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.lifecycle
    assert answer.intent.meshes == ["google-cloud-service-mesh"]
    said = render_terminal(answer)
    assert "into Cloud Service Mesh, announced by Google on 2024-04-10" in said
    assert "Anthos Service Mesh" in said or "anthos service mesh" in said
    assert "It is maintained, not retired." in answer.lead
    assert not answer.lead.startswith("Yes")


@pytest.mark.parametrize(
    "text",
    [
        "what's the latest istio version",
        "is linkerd dead",
        "is kuma still being developed?",
        "current version of consul?",
        "is cilium still maintained",
    ],
)
def test_one_current_mesh_asked_about_gets_its_status_not_every_retired_one(
    engine: AnswerEngine, text: str
) -> None:
    answer = engine.ask(text)
    assert answer.lead_sources
    assert not any(p.heading == "Status, date and successor" for p in answer.points)
    # nothing retired was asked about: no "Other retired meshes", which reads as if it were one
    assert not any(d.key == "retired" for d in answer.details)
    assert answer.title.endswith(": latest version and support")


def test_several_current_meshes_are_listed(engine: AnswerEngine) -> None:
    answer = engine.ask("are istio and kuma still maintained")
    assert answer.title == "Are Istio (sidecar mode) and Kuma maintained?"
    assert answer.lead == "Not retired: Istio (sidecar mode) and Kuma are maintained."
    assert any(p.heading == "What you asked about" for p in answer.points)


@pytest.mark.parametrize(
    "text",
    [
        "how long does Solo support istio versions in gloo mesh?",
        "gloo mesh support window",
        "how long is each gloo mesh version supported",
        "is gloo mesh still maintained",
        "whats the latest gloo mesh version",
    ],
)
def test_a_distributions_status_says_how_long_its_vendor_supports_it(
    engine: AnswerEngine, kb: KnowledgeBase, text: str
) -> None:
    answer = engine.ask(text)
    assert answer.kind == IntentKind.lifecycle
    assert answer.intent.meshes == ["gloo-mesh"]
    assert kb.meshes["gloo-mesh"].distribution.support.rstrip(".") in answer.lead
    assert "n-4" in answer.lead
