"""Setups leaving a retired mesh that ask to "stay on something that's a first-party add-on":
a recommendation asked for, not a comparison of the two meshes named. Each goes through the
public path."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

STAY_ON_SOMETHING = [
    "AKS with open service mesh since 2023, 40 services. OSM is retired; we want to stay on "
    "something that's a microsoft-supported AKS add-on",
    "we run OSM on AKS, 20 svcs. it's being retired. we'd like something that is a first party "
    "add-on with microsoft support",
    "OSM add-on on AKS, 50 services, retirement coming. stay with something Microsoft supports "
    "as an AKS add-on?",
    "AKS, OSM add-on turned on in 2021, 30 services, saw it's retired. we'd like to stick with "
    "something that's an AKS add-on backed by microsoft",
    "open service mesh on aks, ~45 svcs, retirement notice received. want to stay on something "
    "that's a first-party aks add-on",
]


@pytest.mark.parametrize("text", STAY_ON_SOMETHING)
def test_staying_on_something_first_party_asks_for_a_pick(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.recommend
    assert verdict(engine, text).pick == "aks-istio-addon"
