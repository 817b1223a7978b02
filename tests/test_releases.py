"""Whether one release of a mesh is still supported, and when it reaches end of life."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.intents.models import IntentKind
from tests.support.knowledge_files import problems_of, read, write


@pytest.mark.parametrize(
    ("text", "mesh", "version"),
    [
        ("does istio 1.23 still get patches?", "istio", "1.23"),
        ("istio version 1.28 - end of life yet?", "istio", "1.28"),
        ("kuma v2.9 still supported or not", "kuma", "2.9"),
        ("we are on Istio 1.26.4, has it gone EOL?", "istio", "1.26.4"),
        ("cilium 1.19 - still maintained?", "cilium", "1.19"),
        # the release they run, said apart from the mesh asked about
        ("how long does istio support a minor? we're on 1.24 still", "istio", "1.24"),
        ("is linkerd eol? we're running 2.14 in prod", "linkerd", "2.14"),
        ("is istio (1.23) still supported?", "istio", "1.23"),
    ],
)
def test_a_release_said_after_the_name_is_read(engine, text, mesh, version):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.version) == (IntentKind.lifecycle, [mesh], version)


@pytest.mark.parametrize(
    "text", ["is kuma still being developed?", "istio end of life? we run 3.5 clusters of it"]
)
def test_no_release_is_read_where_none_follows_the_name(engine, text):
    assert engine.parser.parse(text).version is None


def test_an_ended_release_gives_its_date_and_the_lines_supported_now(engine, kb):
    answer = engine.ask("did istio 1.22 reach end of life already?")
    project = kb.meshes["istio"].project
    assert answer.lead.startswith("Istio (sidecar mode) 1.22 reached end of life on 2025-01-21.")
    now = ", ".join(m.version for m in project.supported())
    assert f"Supported as of {project.as_of}: {now}." in answer.lead
    assert "istio-1-22-eol" in answer.lead_sources
    assert any(s.url.endswith("/announcing-1.22-eol/") for s in answer.sources)


def test_a_patch_release_is_answered_for_its_minor_line(engine):
    answer = engine.ask("is istio 1.26.2 still supported?")
    assert "Istio (sidecar mode) 1.26 reached end of life on 2025-12-19." in answer.lead


def test_a_supported_line_without_a_published_date_says_so(engine, kb):
    answer = engine.ask("how long will istio 1.31 be supported, when is it eol")
    assert "1.31 is supported as of" in answer.lead
    assert "no end-of-life date is published" in answer.lead
    assert kb.meshes["istio"].project.releases in answer.lead


def test_a_future_end_of_life_is_given_as_published(engine):
    answer = engine.ask("when does kuma 2.13 stop being supported? end of life date?")
    assert answer.lead.startswith("Kuma 2.13 is supported until 2027-12-22")


@pytest.mark.parametrize(
    ("text", "name"),
    [("is istio 1.4 end of life", "Istio"), ("kuma 1.2 still supported?", "Kuma")],
)
def test_an_unrecorded_release_gives_the_policy_and_no_date(engine, kb, text, name):
    answer = engine.ask(text)
    mesh = kb.meshes[answer.intent.meshes[0]]
    assert answer.lead.startswith(f"I can't confirm the support status of {name}")
    assert mesh.project.releases in answer.lead
    assert "reached end of life" not in answer.lead


def test_the_supported_lines_are_those_without_a_passed_date(kb):
    project = kb.meshes["kuma"].project
    lines = project.supported()
    assert all(m.end_of_life is None or m.end_of_life > project.as_of for m in lines)
    passed = [m for m in project.minors if m.end_of_life and m.end_of_life <= project.as_of]
    assert passed and not set(m.version for m in passed) & {m.version for m in lines}


def test_a_release_line_citing_an_unknown_source_fails_the_check(kb_dir):
    mesh = read(kb_dir / "meshes/istio.yaml")
    mesh["project"]["minors"].append(
        {"version": "1.12", "end_of_life": dt.date(2022, 7, 12), "sources": ["no-such-note"]}
    )
    write(kb_dir / "meshes/istio.yaml", mesh)
    assert any(
        p.startswith("meshes/istio.yaml: project.minors[") and "no-such-note" in p
        for p in problems_of(kb_dir)
    )


def test_a_release_line_must_be_major_dot_minor(kb_dir):
    mesh = read(kb_dir / "meshes/istio.yaml")
    mesh["project"]["minors"][0]["version"] = "1.31.1"
    write(kb_dir / "meshes/istio.yaml", mesh)
    assert any(
        p.startswith("meshes/istio.yaml: project.minors[0].version:") and "major.minor" in p
        for p in problems_of(kb_dir)
    )


def test_a_release_named_with_a_support_word_asks_its_support(engine):
    intent = engine.parser.parse("is istio 1.28 supported")
    assert (intent.kind, intent.version) == (IntentKind.lifecycle, "1.28")


@pytest.mark.parametrize("text", ["what is istio 1.28", "is istio supported on openshift"])
def test_without_both_a_release_and_a_support_word_the_question_is_not_about_a_release(
    engine, text
):
    intent = engine.parser.parse(text)
    assert intent.kind != IntentKind.lifecycle and intent.version is None


def test_a_mode_without_lines_of_its_own_answers_from_its_sibling_mode(engine, kb):
    answer = engine.ask("has istio ambient 1.25 reached eol")
    assert answer.intent.meshes == ["istio-ambient"]
    assert answer.lead.startswith("Istio ambient mode 1.25 reached end of life on 2025-09-22.")
    assert "istio-1-25-eol" in answer.lead_sources


@pytest.mark.parametrize(
    "text",
    [
        "is OpenShift Service Mesh 2 still supported?",
        "ossm 2.x eol?",
        "is ossm 2 still maintained or do we have to move?",
        "openshift service mesh 2 - still supported by red hat?",
        "is OSSM 2.6 still supported?",
    ],
)
def test_another_major_line_of_a_distribution_is_answered_about_that_line(engine, text: str):
    answer = engine.ask(text)
    assert "Red Hat OpenShift Service Mesh 2" in answer.title
    assert "2.6" in answer.lead and "June 30, 2026" in answer.lead
    assert "Service Mesh 3 2" not in answer.title + answer.lead


@pytest.mark.parametrize(
    "text", ["is OSSM 2.6 supported?", "ossm 2.6 eol?", "is openshift service mesh 2.6 end of life"]
)
def test_a_recorded_line_of_another_major_leads_with_its_end_of_life(engine, text: str):
    lead = engine.ask(text).lead
    assert lead.startswith("Red Hat OpenShift Service Mesh 2.6 reached end of life on 2026-06-30")
    assert "no record" not in lead and "Supported as of" in lead and "3.4" in lead


def test_a_current_line_is_named_once_with_its_version(engine):
    lead = engine.ask("is openshift service mesh 3.4 supported").lead
    assert lead.startswith("Red Hat OpenShift Service Mesh 3.4 is supported as of")


def test_a_count_after_a_name_is_no_release(engine):
    assert engine.parser.parse("istio 2 clusters on eks, is it supported there?").version is None


def test_a_hyphenated_count_after_a_name_is_no_release(engine):
    assert engine.parser.parse("is a linkerd 2-cluster setup supported?").version is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("is cilium 1.15 still supported?", "1.15"),
        ("cilium 1.12 eol?", "1.12"),
        ("we are still on cilium 1.16.3, does it get patches?", "1.16"),
        ("has cilium 1.17 reached end of life", "1.17"),
        ("cilium v1.14 - still maintained?", "1.14"),
    ],
)
def test_a_line_older_than_the_supported_ones_is_ended_where_the_policy_says_so(
    engine, kb, text, line
):
    answer = engine.ask(text)
    project = kb.meshes["cilium"].project
    assert answer.lead.startswith(f"Cilium Service Mesh {line} is past its end of life")
    assert project.releases in answer.lead
    now = ", ".join(m.version for m in project.supported())
    assert f"Supported as of {project.as_of}: {now}." in answer.lead
    assert "cilium-readme" in answer.lead_sources


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("is cilium 1.18 still supported?", "Cilium Service Mesh 1.18 is supported as of"),
        ("is cilium 1.21 supported?", "Not by my records"),
        ("kuma 1.2 still supported?", "I can't confirm the support status of Kuma"),
        ("is istio 1.4 end of life", "I can't confirm the support status of Istio"),
    ],
)
def test_a_supported_newer_or_unrecorded_line_is_not_read_as_ended(engine, text, start):
    answer = engine.ask(text)
    assert answer.lead.startswith(start)
    assert "past its end of life" not in answer.lead
