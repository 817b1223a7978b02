"""What a tool of theirs already does ("msk already does tls + iam auth") is covered, not
asked of a mesh; with services that talk through that broker and make a few synchronous calls,
someone's wish for "a mesh for zero trust" leaves no mesh the pick. What a mesh already does
("istio already does mtls") covers nothing of theirs."""

from __future__ import annotations

import pytest

from tests.support.verdicts import facts_and_pick


@pytest.mark.parametrize(
    "text",
    [
        "eks, ~35 services but they basically only talk via kafka (msk), maybe 2 sync http "
        "calls total. msk already does tls + iam auth. mgmt wants 'a mesh for zero trust'. "
        "which mesh do you recommend?",
        "gke, 40 services, almost everything goes through pub/sub, maybe 3 sync calls. pub/sub "
        "already handles tls and iam authz. security wants a mesh for zero trust. which mesh?",
        "aks, 30 microservices talking over event hubs, only 2 http calls between services. "
        "event hubs already provides tls and auth. leadership wants a service mesh for zero "
        "trust. recommend one",
        "eks, 35 services, services talk over kafka mostly, a couple of sync calls. msk already "
        "does tls + iam auth. the cto wants zero trust. what mesh?",
    ],
)
def test_traffic_through_a_secured_broker_needs_no_mesh(engine, text):
    _, tied = facts_and_pick(engine, text)
    assert tied == ["no-mesh"]


@pytest.mark.parametrize(
    ("text", "covered"),
    [
        ("eks, 35 services. msk already does tls + iam auth.", True),
        ("eks, 35 services. our api gateway already enforces jwt auth.", True),
        ("eks 35 services. linkerd already does mtls, right?", False),
        ("eks 40 services, istio already does mtls for us but we want to move. which mesh?", False),
    ],
)
def test_only_a_tool_of_theirs_covers_a_need(engine, text, covered):
    facts, _ = facts_and_pick(engine, text)
    assert bool(facts.get("covered")) is covered


def test_many_sync_calls_still_get_a_mesh(engine):
    _, tied = facts_and_pick(
        engine,
        "eks, 35 services, lots of grpc between services. msk already does tls. we need mtls "
        "and authz between services. which mesh?",
    )
    assert "no-mesh" not in tied
