"""Which kind of answer a question asks (blind sets q100-s16fq, rec40-s16fb): a quality the
meshes are weighed on is no requirement, a comparative of a complaint's word complains of
nothing, a count pointing back at its unit, a product judged for a use, and the move asked
for over a setup."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.test_recommend_scenarios import picks

SUPPORT_WEIGHED = [
    "kong mesh vs consul, which has the better enterprise support story",
    "gloo mesh vs plain istio — is the *enterprise* thing worth it or just a support contract",
    "istio vs linkerd, who has better commercial support?",
    "kuma or consul — which one has the better vendor support?",
    "linkerd vs istio: which has the best commercial support",
    "gloo mesh vs istio, is it worth paying or is it only a support contract?",
]
SUPPORT_WANTED = [
    "kong mesh or consul for us? we need enterprise support",
    "we need a support contract, gloo or istio?",
    "istio or linkerd for us? must have commercial support",
    "we need paid support — gloo or istio for us?",
    "kuma or kong mesh for us, we want a vendor support contract",
]
LESS_OF_A_COMPLAINT = [
    "kuma vs istio multi-cluster story, which one is less of a headache",
    "linkerd or cilium, which is less of a pain to upgrade",
    "consul vs kuma for multi-cluster — which one's less of a headache?",
    "istio vs linkerd, which is less of a mess to operate",
    "kong mesh vs kuma, which one is less of a time sink",
]
COMPLAINTS = [
    "we run istio and upgrades are a headache, what now",
    "istio has been a real headache for us, what should we move to",
    "we run cilium and it is a pain to upgrade, what now",
    "we run istio, want something less of a headache",
    "we run istio, want something that's less of a headache",
]
COUNTED_BACK = [
    ("need the least resource hungry one, tiny edge clusters, five of them", 5),
    ("tiny edge clusters, 5 of them, lightest mesh?", 5),
    ("we have edge clusters, five of them, which mesh", 5),
    ("k3s edge clusters - twelve of those. lightest mesh?", 12),
    ("smallest footprint mesh for our retail stores' clusters; 40 of them.", 40),
]
COUNTED_PART = [
    "we run 3 clusters, 2 of them on-prem",
    "3 clusters, 2 of them.",
    "we have 6 clusters, two of them run windows. which mesh",
]
PRODUCTS_JUDGED = [
    "is greymatter any good for fed gov stuff",
    "is greymatter any good",
    "greymatter worth a look for our fed gov stuff?",
    "is kumaflux any good for fed gov stuff",
    "is Meshtastic any good for gov work",
]
OTHER_TOPICS_JUDGED = [
    "is terraform any good for fed gov stuff",
    "is the new pixel any good for photos",
    "is postgres any good for analytics",
]
MOVE_ASKED = [
    "EKS, ~2,000 pods, istio sidecars. sidecars are eating something like 30% of requested "
    "memory :money_with_wings: we only need L7 authz + retries on maybe 10 services, the rest "
    "just need mTLS. what's the right move to cut cost?",
    "istio sidecars on 2000 pods eat 30% of our memory. what's the best move to cut cost?",
    "sidecars are eating our memory on eks, 800 pods of istio. right move to save money?",
    "istio sidecars on 1200 pods eat half our memory, what's the smart move to cut cost?",
    "eks, 1500 pods of istio sidecars eating our memory: best move to cut cost?",
]
OVERHEAD_ASKED = [
    "how much memory do istio sidecars eat at 2000 pods?",
    "what does istio cost at 2000 pods on eks",
    "istio sidecar memory at 2000 pods?",
]


@pytest.mark.parametrize("text", SUPPORT_WEIGHED)
def test_support_the_meshes_are_weighed_on_is_no_requirement(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare
    assert len(intent.meshes) == 2
    assert "support" not in intent.facts


@pytest.mark.parametrize("text", SUPPORT_WANTED)
def test_support_they_need_is_still_a_requirement(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("support") == "any"


@pytest.mark.parametrize("text", LESS_OF_A_COMPLAINT)
def test_less_of_a_headache_compares_and_complains_of_nothing(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.compare
    assert not {"hurts", "incumbent"} & set(intent.facts)


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_headache_said_of_what_they_run_still_asks_what_next(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("incumbent") in ("istio", "cilium")


@pytest.mark.parametrize(("text", "clusters"), COUNTED_BACK)
def test_a_count_pointing_back_at_its_unit_counts_it(engine: AnswerEngine, text, clusters):
    assert engine.parser.parse(text).facts.get("clusters") == clusters


@pytest.mark.parametrize("text", COUNTED_PART)
def test_a_part_of_a_count_said_before_is_no_new_count(engine: AnswerEngine, text):
    assert engine.parser.parse(text).facts.get("clusters") in (3, 6)


@pytest.mark.parametrize("text", PRODUCTS_JUDGED)
def test_a_product_judged_for_a_use_is_a_name_i_lack(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.not_in_kb
    assert len(intent.unknown_names) == 1


@pytest.mark.parametrize("text", OTHER_TOPICS_JUDGED)
def test_another_topics_thing_judged_stays_outside(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize("text", MOVE_ASKED)
def test_the_move_asked_over_a_setup_is_a_pick(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    answer = engine.answer(intent)
    assert answer.kind == IntentKind.recommend
    assert "Istio (sidecar mode)" not in answer.title


@pytest.mark.parametrize("text", OVERHEAD_ASKED)
def test_an_overhead_asked_stays_a_cost(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind == IntentKind.cost


MOVES_OFFERED = [
    "OpenShift 4.14, we're on OSSM 2.6 and Red Hat says 2.x is going away. Do we go to OSSM 3, "
    "or is this the moment to jump to upstream Istio / Gloo? ~300 services, 4 clusters.",
    "openshift, 300 services on OSSM 2.6 which is going away. do we go to OSSM 3, or jump to "
    "upstream istio?",
    "we run linkerd on eks, 200 services. do we go to istio ambient, or is it time to jump to "
    "cilium?",
    "aks, 80 services on OSM. do we jump to the istio add-on or go to linkerd?",
    "eks, 400 pods on app mesh. do we go to service connect, or jump to vpc lattice?",
    "nomad + consul, 150 services. do we stay on consul or jump to kuma?",
]
MOVES_WEIGHED = [
    "what do we lose moving to linkerd or kuma?",
    "does migrating to istio take longer than moving to linkerd?",
    "do we go to istio or jump to linkerd?",
]


@pytest.mark.parametrize("text", MOVES_OFFERED)
def test_moves_a_decision_offers_are_a_pick_among_them(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert len(intent.options) >= 2
    chosen, _ = picks(engine, text)
    assert chosen and set(chosen) <= set(intent.options)


@pytest.mark.parametrize("text", MOVES_WEIGHED)
def test_moves_weighed_with_no_setup_or_decision_still_compare(engine: AnswerEngine, text):
    assert engine.parser.parse(text).kind == IntentKind.compare
