"""Requirements put off to a later day, and meshes only tried once, are no must-haves now;
a retired mesh they run, with what they want next, asks for a pick."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind

DEFERRED_SUPPORT = [
    "open source for now, maybe enterprise support later. eks, 30 services, need mtls",
    "eks, 30 services, mtls. vendor support down the road, not now",
    "30 services on gke, we might want commercial support someday, mtls needed",
    "need mtls on aks for 25 services; paid support eventually",
    "maybe some paid support at some point, for now 20 services on eks and mtls",
    "eks with 40 services, mtls; perhaps vendor support in the future",
]

TRIED_ONCE = [
    "We tried Traefik Mesh in dev a while back. 40 services on eks, need mtls and retries",
    "we evaluated osm last year. 40 services on aks, need mtls",
    "played with traefik mesh a while back; now 30 services on k3s need mtls, which mesh?",
    "we experimented with open service mesh in 2022. eks, 50 services, want mtls",
    "kicked the tyres on nginx service mesh once. gke, 20 services, need retries and mtls",
]

STILL_ON_RETIRED = [
    "still on nginx service mesh, 60 services. is it dead? we want mtls and retries",
    "still running nginx service mesh, 60 services. is it dead? we want mtls and retries",
    "still on osm, 40 services. is it archived? we want mtls and retries",
    "we're still on traefik mesh, 25 services. is it dead? we want retries and mtls",
    "still on nginx service mesh with 80 services, abandoned? we want mtls + retries",
]


@pytest.mark.parametrize("text", DEFERRED_SUPPORT)
def test_support_put_off_is_no_must_have(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "support" not in intent.facts


@pytest.mark.parametrize("text", TRIED_ONCE)
def test_retired_mesh_tried_once_is_not_theirs(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "retired_mesh" not in intent.facts


@pytest.mark.parametrize("text", STILL_ON_RETIRED)
def test_still_on_retired_mesh_with_wants_asks_a_pick(engine: AnswerEngine, text: str) -> None:
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("retired_mesh")


def test_tenant_meshes_with_hedged_support_and_a_past_trial_pick_kuma(
    engine: AnswerEngine,
) -> None:
    text = (
        "We host ~40 internal tenant teams. Each needs its own isolated mesh (separate mTLS "
        "trust, separate policies) but we only want to operate ONE control plane. Mix of k8s "
        "and some VMs. Open source for now, maybe enterprise support later. We tried Traefik "
        "Mesh in dev a while back."
    )
    intent = engine.parser.parse(text)
    assert "support" not in intent.facts and "retired_mesh" not in intent.facts
    title = engine.answer(intent).title
    assert "Kuma" in title or "Kong Mesh" in title, title


@pytest.mark.parametrize(
    ("text", "fact", "value"),
    [
        ("we need enterprise support", "support", "any"),
        ("eks, 30 services, mtls, and we need vendor support", "support", "any"),
        ("we run traefik mesh in prod", "retired_mesh", "traefik-mesh"),
        ("still on osm on aks, what now?", "retired_mesh", "open-service-mesh"),
        ("we tried linkerd and hated it", "hurt_before", "linkerd"),
    ],
)
def test_present_requirements_and_runs_stay(
    engine: AnswerEngine, text: str, fact: str, value: str
) -> None:
    assert engine.parser.parse(text).facts.get(fact) == value
