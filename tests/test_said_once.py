"""What an answer says, it says once and plainly: a retired mesh's status and successors
are flagged in the lead and not repeated below; the reading echoes no fact that restates
the feature asked; a title says "support gRPC", not "support gRPC support"."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.blocks import build_message
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    "text",
    [
        "does app mesh do mtls",
        "does aws app mesh support retries",
        "what is app mesh",
        "does osm support retries",
        "explain open service mesh",
        "service connect vs app mesh vs lattice for ECS",
        "does nginx service mesh do mtls",
    ],
)
def test_a_retired_mesh_status_is_said_once(engine: AnswerEngine, text: str) -> None:
    answer = engine.ask(text)
    said = render_terminal(answer)
    body = said.split("── ")[0]  # the answer before its details
    for mesh_id in answer.intent.meshes:
        mesh = engine.kb.meshes[mesh_id]
        if mesh.is_current:
            continue
        first = mesh.status_note.strip().split(". ")[0]
        assert body.count(first) == 1, (mesh_id, body)
        if mesh.replaced_by:
            assert body.lower().count("consider ") == 1, body
    card = build_message(answer)
    texts = " ".join(b.get("text", {}).get("text", "") for b in card["blocks"])
    assert texts.lower().count("consider ") <= 1


@pytest.mark.parametrize(
    "text",
    [
        "does cillium do mtls",
        "does linkrd do mtls",
        "does istoi support mutual tls",
        "does kumma do mtls",
        "does cilum encrypt traffic with mtls",
    ],
)
def test_the_reading_echoes_no_restated_feature(engine: AnswerEngine, text: str) -> None:
    said = render_terminal(engine.ask(text))
    assert "as their name says" not in said
    assert "support Mutual TLS (mTLS)." in said


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("does linkerd support grpc", "Does Linkerd support gRPC?"),
        ("which meshes support grpc", "Which meshes support gRPC?"),
        ("grpc support in cilium?", "Does Cilium Service Mesh support gRPC?"),
        ("does istio handle http2", "Does Istio (sidecar mode) support gRPC?"),
        ("does kuma support grpc routing", "Does Kuma support gRPC?"),
    ],
)
def test_a_feature_named_support_is_not_said_twice(
    engine: AnswerEngine, text: str, title: str
) -> None:
    assert engine.ask(text).title == title


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("EKS, 300 pods, we need mtls, no envoy if possible, what mesh?", "no Envoy or C++ proxy"),
        ("AKS, 80 services, we'd prefer no sidecars, need mtls. which mesh", "no sidecars"),
        ("GKE 200 pods, ideally no sidecars, mtls required, recommend one", "no sidecars"),
        ("on-prem k8s, 150 services, rather avoid envoy if we can, need retries", "no Envoy"),
        ("EKS 400 pods mTLS, preferably keep our current CNI, what do you suggest", "current CNI"),
    ],
)
def test_a_preference_is_listed_once_in_words(engine: AnswerEngine, text: str, said: str) -> None:
    known = render_terminal(engine.ask(text)).split("WHAT I KNOW", 1)[1].split("\n\n", 1)[0]
    assert "_" not in known  # no fact id leaks
    assert known.count(said) == 1, known
