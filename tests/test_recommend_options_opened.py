"""Offerings named to choose between, none of which meets a requirement another offering
meets: the pick comes from every offering ("linkerd or istio ambient on AKS? we want Microsoft
to support it" → the AKS add-on), and the answer says why the named ones are out. Where one
of them meets everything, or nothing else does better, the pick stays among those named."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

OPENED = [
    (
        "leaning towards linkerd or istio ambient for our aks cluster (azure cni overlay, ~40 "
        "services). we kinda want microsoft to support it tho. what would u pick?",
        "aks-istio-addon",
    ),
    (
        "we like kuma or linkerd for our openshift clusters but red hat must support it. "
        "90 services. what should we pick?",
        "openshift-service-mesh",
    ),
    (
        "gke, 50 services: linkerd or kuma? google has to support whatever we run",
        "google-cloud-service-mesh",
    ),
    (
        "thinking cilium or linkerd on aks, 70 services, has to be covered by azure "
        "support. what would you pick?",
        "aks-istio-addon",
    ),
    (
        "consul vs kuma on openshift, we need red hat support for it. pick one",
        "openshift-service-mesh",
    ),
]


@pytest.mark.parametrize(("text", "pick"), OPENED)
def test_named_options_none_of_which_meets_a_requirement_open_the_field(
    engine: AnswerEngine, text: str, pick: str
):
    assert verdict(engine, text).pick == pick
    assert "THE ONES YOU NAMED" in render_terminal(engine.answer(engine.parser.parse(text)))


KEPT = [
    (
        "linkerd or istio ambient for our aks cluster, ~40 services. which?",
        {"linkerd", "istio-ambient"},
    ),
    ("kuma or consul for 30 services on eks, which one", {"kuma", "consul"}),
    ("linkerd, kuma or cilium for 60 services on gke?", {"linkerd", "kuma", "cilium"}),
    # one named meets the support asked: it stays the choice
    ("aks add-on or linkerd? 40 services on aks, microsoft support needed", {"aks-istio-addon"}),
]


@pytest.mark.parametrize(("text", "among"), KEPT)
def test_named_options_that_meet_everything_stay_the_choice(
    engine: AnswerEngine, text: str, among: set[str]
):
    assert verdict(engine, text).pick in among
