"""Recommendation misses of round 1: what each setup asked for, through the public path.

- A small estate whose manager "read about service meshes" asks whether a mesh is worth it,
  not something outside the field: the plural names the field as the singular does.
- Cloud Run services are a platform with no node or pod of theirs: no mesh, unless Google's
  own Cloud Service Mesh (Preview there) is what else runs beside it.
- A sidecar bill "getting silly" on the Istio they run is a complaint: ambient mode keeps the
  control plane and cuts the proxies.
- A retired mesh they say they run by a pronoun ("we still run it"), with the move ahead said
  ("whatever we move to"), asks for a pick among the successors.
- Failover across the clusters counted makes one mesh span them: multi-cluster is asked too.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind
from tests.support.verdicts import verdict

RETIRED_NAMES = {"nginx-service-mesh", "open-service-mesh", "traefik-mesh", "aws-app-mesh"}

# A monolith and a worker or two, a mesh wanted by someone who read of "service meshes".
MONOLITH_DOUBTED = [
    "honest question — we have a django monolith + 2 celery workers on GKE, one ingress, 2 person "
    "team. my manager read a blog post about service meshes and wants one. is there any point?",
    "rails monolith plus 2 sidekiq workers on eks, team of 3. cto keeps sending me articles about "
    "service meshes. is there any point for us?",
    "spring boot monolith and 2 workers on GKE. 2 devs. do service meshes make any sense for us?",
    "our django app and two celery workers run on gke; my manager wants one of these service "
    "meshes. is there any point",
    "django + celery on gke (2 services), manger read about service meshs and wants one, is there "
    "any point?",
    "fastapi monolith + 2 workers on gke, my manager read about service meshes. we dont use "
    "kafka. is there any point?",
]

# Another topic named with no mesh in sight stays outside the field.
OFF_TOPIC = [
    "django or flask for a new internal api?",
    "best way to tune postgres connection pooling for a django app?",
]

CLOUD_RUN_ONLY = [
    "no mesh pls. convince me otherwise: 3 services on cloud run",
    "we run 4 services on cloud run, do we need a service mesh?",
    "3 cloud run services talking to each other. convince us otherwise but i think no mesh",
    "everything is on google cloud run, 5 services. is a service mesh worth it?",
    "Cloud Run, 3 svcs, small team. prove me wrong: we don't need a mesh",
]

ISTIO_SIDECAR_BILL = [
    "we're on istio 1.2x sidecars across ~200 svcs on EKS and the sidecar memroy bill is getting "
    "silly. want to cut it without a big-bang migration. options?",
    "istio sidecars on ~150 services (gke standard), proxy memory is getting out of hand. how do "
    "we cut it gradually, no big bang?",
    "running istio with sidecars, 200 services on AKS. envoy RAM costs are getting ridiculous — "
    "what can we do without migrating everything at once?",
    "Istio 1.22 sidecar mode, ~250 svcs on eks; sidecar memory is getting expensive. options that "
    "don't need a big-bang cutover?",
    "our istio sidecar memory bill (eks, 220 services) is getting silly. options to trim it "
    "namespace by namespace?",
]

RETIRED_BY_PRONOUN = [
    "nginx service mesh is retired right? we still run it on one cluster, ~300 pods. whatever we "
    "move to, memory is the main cost concern",
    "NGINX Service Mesh got EOL'd, yeah? we're still running it, 1 cluster, 300 pods. memory is "
    "our biggest concern for whatever replaces it",
    "we still use nginx service mesh (300 pods, one cluster) and it's archived. what should we "
    "move to? memory is the top priority",
    "osm is archived i think. we still run it on AKS, ~40 services. whatever we migrate to, "
    "memory is the main concern",
    "traefik mesh looks dead. we're still running it on one k3s cluster. whatever we switch to "
    "should be light on memory",
]

# A status asked alone stays a status question, pronoun or not.
STATUS_ONLY = [
    "nginx service mesh is retired right?",
    "is nginx service mesh retired? we still run it",
    "we still run nginx service mesh on one cluster, is it still maintained?",
]

FAILOVER_ACROSS_CLUSTERS = [
    "3 clusters (2x eks, 1x gke), need locality failover + enterprise support, licence cost isnt "
    "an issue",
    "two eks clusters, we need locality failover between them. which mesh?",
    "4 GKE clusters; need zone aware failover + mtls. recommendation?",
    "we run 3 clusters and need locality-aware failover, vendor support required",
    "2 aks clusters, need failover with locality awareness, what mesh?",
]


@pytest.mark.parametrize("text", MONOLITH_DOUBTED)
def test_a_monolith_whose_manager_read_of_meshes_gets_no_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_another_topic_stays_outside(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize("text", CLOUD_RUN_ONLY)
def test_cloud_run_services_get_no_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts["platform"] == ["cloud_run"]
    assert verdict(engine, text).tied == ["no-mesh"]


def test_cloud_run_beside_gke_keeps_googles_mesh(engine: AnswerEngine):
    text = "gke plus a few cloud run services, 30 svcs, need mtls + canary. which mesh?"
    assert verdict(engine, text).tied == ["google-cloud-service-mesh"]


def test_the_cloud_run_answer_says_why(engine: AnswerEngine):
    from bot.render.plain import render_terminal

    text = render_terminal(engine.answer(engine.parser.parse(CLOUD_RUN_ONLY[0])))
    assert "Cloud Run Invoker" in text


@pytest.mark.parametrize("text", ISTIO_SIDECAR_BILL)
def test_an_istio_sidecar_bill_moves_to_ambient(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("incumbent") == "istio" and intent.facts.get("hurts") is True
    assert verdict(engine, text).tied in (["istio-ambient"], ["linkerd"])


def test_a_real_estate_asking_whether_it_needs_a_mesh_still_gets_one(engine: AnswerEngine):
    text = "60 services on EKS, we need mTLS everywhere and canary releases. do we need a mesh?"
    assert verdict(engine, text).tied != ["no-mesh"]


def test_istio_run_happily_stays_istio(engine: AnswerEngine):
    text = "we run istio sidecars on 200 services on eks, works fine. need waypoint-free L7 authz"
    assert engine.parser.parse(text).facts.get("hurts") is None


@pytest.mark.parametrize("text", RETIRED_BY_PRONOUN)
def test_a_retired_mesh_run_by_pronoun_gets_a_successor(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("retired_mesh") in RETIRED_NAMES
    tied = verdict(engine, text).tied
    assert tied and set(tied) <= {"linkerd", "istio-ambient", "cilium"}


@pytest.mark.parametrize("text", STATUS_ONLY)
def test_a_status_asked_alone_stays_a_status(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).kind == IntentKind.lifecycle


@pytest.mark.parametrize("text", FAILOVER_ACROSS_CLUSTERS)
def test_failover_across_clusters_asks_multi_cluster(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert "multi_cluster" in intent.features
    assert intent.facts.get("spans_clusters") is True


def test_one_cluster_with_failover_asks_no_multi_cluster(engine: AnswerEngine):
    intent = engine.parser.parse("one gke cluster, need zone aware failover. which mesh?")
    assert "multi_cluster" not in intent.features
