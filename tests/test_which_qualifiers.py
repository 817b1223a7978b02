"""A which-question's qualifier answered as asked: on by default, between services (GAMMA),
and what a feature needs installed."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.answers.thread import Conversation
from bot.intents.models import Aspect


@pytest.mark.parametrize(
    "text",
    [
        "which ones do post-quantum TLS by default?",
        "which meshes have post-quantum key exchange on by default?",
        "who does ML-KEM by default",
        "which meshes enable post quantum tls by default",
        "pq tls enabled by default - which meshes?",
    ],
)
def test_by_default_leads_with_the_rows_on_by_default(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.intent.aspect == Aspect.by_default
    on, _, opt_in = answer.lead.partition("Opt-in")
    assert "Linkerd" in on and "Istio (sidecar mode)" not in on
    assert "Istio (sidecar mode)" in opt_in


@pytest.mark.parametrize(
    "text",
    [
        "which meshes support the kubernetes gateway api for east-west (GAMMA)?",
        "which meshes support GAMMA?",
        "gateway api for mesh traffic between services - who supports it?",
        "which meshes do gateway api mesh routing (gamma)?",
        "which service meshes implement GAMMA routes?",
    ],
)
def test_east_west_leads_with_rows_between_services(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    between, _, edge = answer.lead.partition("At the edge only")
    assert "Kuma" in between and "Linkerd" in between
    assert "Consul" in edge and "Consul" not in between


@pytest.mark.parametrize(
    "text", ["which meshes support post-quantum tls?", "which meshes support the gateway api?"]
)
def test_no_qualifier_keeps_the_full_support_count(engine: AnswerEngine, text: str):
    assert "support it fully" in engine.ask(text).lead


@pytest.mark.parametrize(
    "text",
    [
        "does linkerd need the gateway api CRDs installed?",
        "do i have to install the gateway api crds for linkerd?",
        "any prerequisites for linkerd's gateway api support?",
        "does linkerd require gateway api crds to be installed?",
        "does linkerd need gateway api crds installed first?",
    ],
)
def test_install_need_leads_with_what_the_row_requires(engine: AnswerEngine, text: str):
    answer = engine.ask(text)
    assert answer.lead.startswith("Yes: for Kubernetes Gateway API, Linkerd needs the Gateway API")


def test_a_plain_check_says_nothing_of_installing(engine: AnswerEngine):
    answer = engine.ask("does linkerd support the gateway api?")
    assert not answer.lead.startswith("Yes: for") and "needs" not in answer.lead


def test_by_default_asked_in_a_thread_keeps_its_qualifier(engine: AnswerEngine):
    thread = Conversation(engine)
    thread.say("which meshes do fips?")
    thread.say("which ones support spiffe ids?")
    answer = thread.say("which ones do post-quantum TLS by default?")
    assert answer.lead.startswith("Post-quantum key exchange on by default: Linkerd.")


def test_mtls_by_default_separates_on_opt_in_and_unsaid(engine: AnswerEngine):
    answer = engine.ask("which meshes do mtls by default?")
    on, _, rest = answer.lead.partition("Opt-in")
    opt_in, _, unsaid = rest.partition("I hold no statement")
    assert "Linkerd" in on and "Kuma" in opt_in and "Istio (sidecar mode)" in unsaid
