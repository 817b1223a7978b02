"""Doubt about a mesh, and a problem told instead of a feature, read as an expert reads them.

Someone else's wish for a mesh ("someone read a blog and now wants istio", "our VP wants
linkerd") beside the question whether to have one at all is the mesh doubted, no requirement
of the team's; batch jobs that call nobody carry no traffic for a mesh; mTLS asked for with
the least effort is a mesh's job, not every application's; what the provider is to run
("google run whatever we add") is a managed control plane. Each goes through the public path.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal
from tests.support.verdicts import verdict

# A third party's wish for a mesh, the team asking whether it needs one at all.
THEIR_WISH_DOUBTED = [
    "tiny team on gke: 4 services and 3 developers. our new hire saw a kubecon talk and wants "
    "linkerd. do we even need a mesh?",
    "eks, 5 services (frontend, api, two workers, a scheduler), 2 devs. the cto wants istio "
    "after a conference. do we really need a service mesh?",
    "aks with 6 services and 2 engineers. a colleague read a blog post and now wants istio. is "
    "a mesh worth it?",
    "k8s on eks, 4 apps, team of 2. my boss really wants consul because a vendor pitched it. "
    "do we actually need a mesh at all?",
    "we run 3 services on gke and there are 2 of us. our vp wants kuma. mesh or no mesh?",
    "small shop, eks, 5 services, 2 devs. management wants istio for the resume lol. convince "
    "me either way",
    "someone on the team wants cilium. eks, 6 services, 2 devs. do we need a mesh at all?",
]


@pytest.mark.parametrize("text", THEIR_WISH_DOUBTED)
def test_someone_elses_wish_under_doubt_is_the_mesh_doubted(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert "wanted_mesh" not in facts
    assert facts.get("doubted_mesh")
    assert verdict(engine, text).tied == ["no-mesh"]


def test_their_wish_in_the_answer_is_not_called_yours(engine: AnswerEngine):
    text = THEIR_WISH_DOUBTED[1]
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "which you want" not in shown
    assert "the mesh you want" not in shown


@pytest.mark.parametrize(
    "text",
    [
        # asked nothing of the kind, their wish stands as the setup's
        "the cto wants istio. eks, 200 services, platform team of 8. which build should we run?",
        # the team's own wish, after the third party is said
        "our vp asked around and we want istio. eks, 300 services. do we need a mesh at all?",
    ],
)
def test_a_wish_not_under_doubt_or_the_teams_own_stands(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("wanted_mesh") == "istio"


# Batch work only, nothing long-running calling anything else, a mesh asked about by someone.
BATCH_ONLY = [
    "eks cluster that is batch only: spark on k8s plus airflow workers, nothing calling each "
    "other. our cto asked whether we need linkerd. thoughts?",
    "gke, all batch - dataproc-style spark jobs and cronjobs, no long running services. "
    "someone asked if we need istio. do we?",
    "aks, purely batch: airflow workers and spark jobs that don't call each other. manager "
    "asks if we need a service mesh",
    "on eks we run batch jobs only (spark, airflow), nothing long running. the vp asked if we "
    "even need istio. do we?",
    "our k8s platform is only batch jobs - spark and airflow tasks that never call each other. "
    "do we need a mesh?",
]


@pytest.mark.parametrize("text", BATCH_ONLY)
def test_batch_work_only_needs_no_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["sync_calls"] == 0
    assert "wanted_mesh" not in facts
    assert verdict(engine, text).tied == ["no-mesh"]


@pytest.mark.parametrize(
    "text",
    [
        "the vp asked if we need istio",
        "my manager wonders whether we even need linkerd",
        "leadership asked whether we really need consul",
    ],
)
def test_whether_we_need_a_named_mesh_doubts_it(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("doubted_mesh") and facts.get("mesh_doubted") is True


# mTLS asked for with the least effort on a small estate: a light mesh does it for every
# application, where without one each application does it itself.
MTLS_LEAST_EFFORT = [
    "aks, 7 services, team of 2. security needs mtls between pods for pci. easiest way to get it?",
    "eks, 9 services and 2 engineers. our auditors want pod to pod traffic encrypted. what is "
    "the lowest effort way to get mtls?",
    "gke, 6 services, 3 devs. compliance asks for mutual tls between services, least effort "
    "option please",
    "k8s on aks, 8 microservices, 2 people. iso 27001 audit wants encryption in transit "
    "between services. quickest way to get mtls with minimal effort?",
    "small eks setup, 5 services, 2 engineers. we need mtls between services and that's the "
    "only reason. least effort way to get it?",
]


@pytest.mark.parametrize("text", MTLS_LEAST_EFFORT)
def test_mtls_with_the_least_effort_is_a_light_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts["least_effort"] is True
    assert "mtls" in facts["needs"]
    found = verdict(engine, text)
    assert found.pick in {"linkerd", "aks-istio-addon", "istio-ambient"}
    assert "least-effort-mtls" in {r.id for r in found.fired}


def test_the_least_effort_reason_says_where_the_work_is(engine: AnswerEngine):
    text = MTLS_LEAST_EFFORT[1]
    shown = render_terminal(engine.answer(engine.parser.parse(text)))
    assert "each application must serve and verify mutual TLS itself" in shown


def test_mtls_without_effort_asked_keeps_the_small_estate_rule(engine: AnswerEngine):
    text = "eks, 5 services, team of 2. we only need mtls. do we need a mesh?"
    found = verdict(engine, text)
    assert "least-effort-mtls" not in {r.id for r in found.fired}
    assert found.pick == "no-mesh"


# The provider asked to run whatever they add, beside a problem told in its own words.
PROVIDER_RUNS_WHATEVER = [
    "gke, 90 services. when one backend slows down every caller piles up and the whole "
    "checkout falls over. we'd rather google run whatever we add",
    "cascading failures every time inventory gets slow, threads exhaust upstream. gke standard, "
    "~70 services. prefer google to run whatever we pick",
    "gke, ~100 services. slow dependencies take everything down with them. want google to "
    "manage whatever mesh we add",
    "gke autopilot, 60 services, one slow service drags down everything upstream. google "
    "should run whatever we adopt, not us",
    "on gke with ~80 services, one bad pod keeps getting traffic and drags the callers down. "
    "ideally google runs the mesh",
]


@pytest.mark.parametrize("text", PROVIDER_RUNS_WHATEVER)
def test_the_provider_running_whatever_they_add_is_a_managed_mesh(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts  # wanted outright, or as a preference ("ideally")
    assert True in (facts.get("managed_control_plane"), facts.get("managed_preferred"))
    assert set(facts["needs"]) & {"circuit_breaking", "timeouts"}
    assert verdict(engine, text).pick == "google-cloud-service-mesh"


# The failure told, the feature that prevents it read.
PROBLEMS_TOLD = [
    (
        "we want to see what happens when payments returns 503s before black friday",
        "fault_injection",
    ),
    (
        "we need to know what happens when a dependency fails before it happens in prod",
        "fault_injection",
    ),
    (
        "a bad deploy went to 100% and there was no way to shift traffic back partially",
        "traffic_split",
    ),
    ("whenever one service gets slow we get cascading failures upstream", "circuit_breaking"),
    ("retry storms keep taking down our backends", "retries"),
]


@pytest.mark.parametrize(("text", "feature"), PROBLEMS_TOLD)
def test_a_problem_told_names_the_feature_that_prevents_it(
    engine: AnswerEngine, text: str, feature: str
):
    assert feature in engine.parser.parse(f"eks, 60 services. {text}. which mesh?").features


# An outage told and what they want to try next, with the setup and nothing asked: the
# problems are the needs of a pick, no failure to diagnose, no list.
OUTAGES_TOLD = [
    "last month a bad checkout deploy went to 100% and we had no way to shift traffic back "
    "partially. we also want to see what happens when payments returns 503s before peak. "
    "EKS, ~50 services, team knows envoy well",
    "we got burned when a broken release of search went out to everyone at once, no way to "
    "shift traffic back partially. want to see what happens when a dependency fails before it "
    "happens in prod. eks, 70 svcs, our team knows envoy",
    "outage last week: a bad deploy hit 100% of traffic and we couldn't roll back partially. "
    "also want to rehearse an outage of inventory before black friday. ~60 services on eks, "
    "envoy experience on the team",
    "there was no way to shift traffic back partially when the pricing deploy broke. we want "
    "to make a service return 503s on purpose to practice failures before peak. EKS, 80 "
    "services, we know envoy well",
    "a bad deploy of cart went 100% and nothing let us shift traffic back partially. want to "
    "see how callers cope when a dependency is down. eks with ~60 services, the team knows envoy",
]


@pytest.mark.parametrize("text", OUTAGES_TOLD)
def test_outages_told_with_a_setup_ask_for_a_pick(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind.value == "recommend"
    assert {"traffic_split", "fault_injection"} <= set(intent.facts["needs"])
    shown = render_terminal(engine.answer(intent))
    assert "Diagnosing a failure is outside" not in shown
    assert verdict(engine, text).pick in {"istio", "istio-ambient", "kuma", "gloo-mesh"}
