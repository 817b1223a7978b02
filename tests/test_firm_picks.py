"""A pick is "firm" only when nothing it rests on is shaky: a must-have met only in a beta
release or only in a paid edition they have not said they buy (Linkerd's Windows nodes, a
Buoyant Enterprise for Linkerd beta), or a requirement given up to reach it, makes it
tentative at most. Through the public path (parse, verdict, the answer's lead)."""

from __future__ import annotations

import pytest

from bot.answers import firmness
from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

ON_A_PAID_BETA = [
    "We're on AKS with Windows node pools, 40 services, need mTLS, and Microsoft support.",
    "Linux and Windows nodes on AKS, 50 services, need mutual TLS; we are fine running it "
    "ourselves and need no vendor",
    "EKS with Windows worker nodes, 40 services, mTLS required, open to any mesh",
    "Our AKS cluster has Windows Server node pools; 20 services need encrypted "
    "service-to-service traffic with mTLS",
    "AKS + Windows node pools, mTLS, Microsoft support for the mesh. 30 services.",
]


@pytest.mark.parametrize("text", ON_A_PAID_BETA)
def test_a_pick_on_a_paid_beta_is_never_firm(engine: AnswerEngine, text: str):
    found = verdict(engine, text)
    assert found.pick == "linkerd"
    shaky = firmness.shaky(found.of("linkerd"))
    assert any(f.feature == "windows_nodes" and f.paid_only and f.early for f in shaky)
    assert not firmness.is_firm(found, asking=False)
    lead = render_terminal(engine.ask(text))
    assert "Linkerd (tentative)" in lead and "Linkerd (firm)" not in lead


def test_a_pick_reached_by_giving_up_a_requirement_is_never_firm(engine: AnswerEngine):
    found = verdict(engine, ON_A_PAID_BETA[0])
    assert found.relaxed or found.loosened
    assert not firmness.is_firm(found, asking=False)


# Must not change: a pick that meets every must-have on GA rows stays firm.
@pytest.mark.parametrize(
    ("text", "pick"),
    [
        ("AKS, 30 services, we want a Microsoft-managed mesh, need mTLS.", "aks-istio-addon"),
        (
            "OpenShift 4.16 with a Red Hat subscription, 80 services, need mTLS, authorization "
            "and tracing.",
            "openshift-service-mesh",
        ),
    ],
)
def test_a_pick_on_ga_rows_stays_firm(engine: AnswerEngine, text: str, pick: str):
    found = verdict(engine, text)
    assert found.pick == pick
    assert not firmness.shaky(found.of(pick))
    name = engine.kb.meshes[pick].name
    assert f"{name} (firm)" in render_terminal(engine.ask(text))
