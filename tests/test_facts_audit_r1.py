"""Facts the r1 audit (2026-12-07) found outdated or imprecise, re-read in primary sources.

Each is asked in several wordings through the parser and the answer engine; the rendered
answer must carry the corrected, dated fact and not the old wording. Near questions about
other meshes or rows must keep their current answer.
"""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def _text(engine: AnswerEngine, question: str) -> str:
    return render_terminal(engine.answer(engine.parser.parse(question)))


@pytest.mark.parametrize(
    "question",
    [
        "what version of istio does the aks addon run?",
        "aks managed istio - which istio version is it on",
        "whats the newest revision of the azure istio addon",
        "which version of istio ships in the aks add-on",
        "What's the current version of the AKS managed Istio add-on?",
        "what istio version do we get with the azure mesh addon",
    ],
)
def test_aks_revision_is_dated_with_its_expected_end_of_life(engine: AnswerEngine, question):
    text = _text(engine, question)
    assert "asm-1-30" in text and "December 2026" in text
    assert "az aks mesh get-revisions" in text and "2026-08-21" in text


@pytest.mark.parametrize(
    "question",
    [
        "is the aks istio addon up to date with upstream istio?",
        "aks istio addon vs istio",
        "compare the azure istio add-on with openshift service mesh",
    ],
)
def test_aks_upstream_version_says_when_it_was_confirmed(engine: AnswerEngine, kb, question):
    shipped = kb.meshes["aks-istio-addon"].distribution.upstream_version
    assert shipped.startswith("1.30") and "2026-08-21" in shipped
    assert f"Ships Istio {shipped}; upstream Istio is at" in _text(engine, question)


@pytest.mark.parametrize(
    "question",
    [
        "does the aks istio addon use istio cni?",
        "tell me about the aks istio add-on",
        "explain the azure istio addon",
        "what is the aks service mesh add-on",
        "aks istio addon overview pls",
        "describe the microsoft istio addon",
    ],
)
def test_aks_istio_cni_default_is_for_new_meshes_only(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "Istio CNI by default for new meshes from asm-1-30" in text
    assert "an upgraded mesh keeps its current redirection mechanism" in text
    assert "Istio CNI default from asm-1-30." not in text


@pytest.mark.parametrize(
    "question",
    [
        "is the aks istio add-on egress gateway supported?",
        "aks istio addon egress control?",
        "can the azure istio add-on restrict outbound traffic",
        "egress gateway on aks managed istio with pod subnet",
        "does the aks mesh addon do egress lockdown",
        "aks istio add-on egress via gateway api?",
    ],
)
def test_aks_egress_names_its_limits(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "Egress control: yes" in text
    assert "Azure CNI Pod Subnet clusters" in text and "manual deployment model" in text


@pytest.mark.parametrize(
    "question",
    [
        "what's the latest linkerd version?",
        "newest linkerd edge release?",
        "which linkerd version is current",
        "linkerd latest release pls",
        "is linkerd 2.20 the newest?",
        "latest edge of linkerd2",
    ],
)
def test_linkerd_edge_is_dated_not_called_the_newest(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "2.20 (edge-26.6.3; newest edge confirmed: edge-26.8.3, later ones likely)" in text
    assert "newest edge found" not in text


@pytest.mark.parametrize(
    "question",
    [
        "is nginx service mesh still supported?",
        "is nginx service mesh eol?",
        "when did nginx service mesh reach end of life",
        "nsm end of life date?",
        "is f5's nginx mesh dead",
        "nginx service mesh status",
    ],
)
def test_nginx_mesh_was_archived_with_no_end_of_life_date(engine: AnswerEngine, question: str):
    text = _text(engine, question)
    assert "archived on 2024-03-14" in text and "End of sale on 2023-07-01" in text
    assert "end of life on 2024-03-14" not in text and "End of life since" not in text


# ------------------------------------------------------------------ must not change


def test_istio_version_keeps_its_own_line(engine: AnswerEngine):
    text = _text(engine, "what's the latest istio version?")
    assert "Latest Istio (sidecar mode) version: 1.32" in text and "asm-1-30" not in text


def test_upstream_istio_egress_has_no_aks_limits(engine: AnswerEngine):
    text = _text(engine, "does istio support egress control")
    assert "Egress control: yes" in text and "Pod Subnet" not in text


def test_aks_ambient_row_is_unchanged(engine: AnswerEngine):
    text = _text(engine, "does the aks istio addon support ambient mode?")
    assert "Sidecarless data plane: no" in text


def test_open_service_mesh_status_is_its_own(engine: AnswerEngine):
    lead = _text(engine, "is open service mesh eol?").splitlines()[2]
    assert lead.startswith("Open Service Mesh is archived") and "v1.2.4" in lead
    assert "2024-03-14" not in lead


def test_linkerd_old_line_still_answers_its_support(engine: AnswerEngine):
    text = _text(engine, "is linkerd 2.14 still supported?")
    assert "stable-2.14.10" in text and "The project's newest version is 2.20" in text
