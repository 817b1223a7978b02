"""A list closed by "or" ("linkerd, kuma or cilium?") sets every mesh in it to choose
between, not only the two beside the "or"."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind


@pytest.mark.parametrize(
    ("text", "options"),
    [
        (
            "50 services on eks, 3 engineers. linkerd, kuma or cilium?",
            {"linkerd", "kuma", "cilium"},
        ),
        ("gke, 80 services, small team: istio, linkerd or kuma?", {"istio", "linkerd", "kuma"}),
        (
            "on-prem k8s, 120 services. consul, kuma, linkerd or istio for us?",
            {"consul", "kuma", "linkerd", "istio"},
        ),
        (
            "aks with 60 services, 2 people. linkerd, cilium or the istio add-on?",
            {"linkerd", "cilium", "aks-istio-addon"},
        ),
        (
            "eks, 200 svcs. kuma, linkerd or istio ambient - which one?",
            {"kuma", "linkerd", "istio-ambient"},
        ),
    ],
)
def test_every_mesh_of_a_list_closed_by_or_is_an_option(engine, text, options):
    intent = engine.parser.parse(text)
    # a pick chooses among them all; a comparison ("… for us?") sets them all side by side
    chosen = intent.options if intent.kind == IntentKind.recommend else intent.meshes
    assert set(chosen) == options


def test_meshes_named_apart_from_the_list_are_not_options(engine):
    intent = engine.parser.parse("we tried istio last year. 50 services on eks: linkerd or kuma?")
    assert set(intent.options) <= {"linkerd", "kuma"}
