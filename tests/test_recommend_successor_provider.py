"""Moving off a retired mesh on a provider's platform: the successor the provider names and
runs itself leads over meshes the retired one merely maps onto."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from tests.support.verdicts import verdict

OSM_ON_AKS = [
    "we're migrating off Open Service Mesh (yeah i know). AKS, 70 svcs. least painful"
    " landing spot?",
    "moving off OSM on AKS, ~70 services, easiest target?",
    "we use the OSM add-on on AKS, 70 svcs. what should replace it",
    "open service mesh retired, aks, 70 services, need a new mesh with least effort",
    "osm is dead, we're on aks with 70 services, where do we go?",
    "we're on OSM in azure kubernetes service, 70 svcs, what's the migration target",
]


@pytest.mark.parametrize("text", OSM_ON_AKS)
def test_osm_on_aks_lands_on_the_aks_istio_add_on(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick == "aks-istio-addon"


def test_osm_off_a_provider_platform_lands_on_a_named_successor(engine: AnswerEngine):
    pick = verdict(engine, "osm on plain k8s, 70 services, replacement?").pick
    assert pick in {"istio", "istio-ambient"}
