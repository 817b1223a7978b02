"""Explaining what a thing is, naming no mesh: a feature, or the service mesh itself; and the
other readings a question naming several things gets (each mesh checked, how current)."""

from __future__ import annotations

import pytest

from bot.answers.results import Paragraph, StatementList
from bot.answers.thread import compact, follow_up
from bot.intents.models import IntentKind
from bot.knowledge.loader import load_knowledge
from bot.knowledge.models import Category, Level, Status
from bot.render.plain import render_terminal
from tests.support.knowledge_files import problems_of, read, write


@pytest.mark.parametrize(
    "text",
    ["explain what a service mesh is like i'm five", "what do meshes even do? in plain english"],
)
def test_the_service_mesh_itself_is_explained_with_its_sources(engine, kb, text):
    answer = engine.ask(text)
    assert answer.kind == IntentKind.explain
    assert answer.lead == kb.service_mesh.summary
    assert set(kb.service_mesh.sources) <= {s.id for s in answer.sources}
    shown = render_terminal(answer)
    for category in Category:  # what a mesh does, by area
        assert category.value.capitalize() in shown
    baseline = next(m for m in kb.meshes.values() if m.data_plane.model == "none")
    assert any(isinstance(p, Paragraph) and p.text == baseline.summary for p in answer.points)
    assert IntentKind.recommend in {c.intent.kind for c in answer.next_steps}


def test_a_feature_explained_says_what_it_is_and_where_the_meshes_stand(engine, kb):
    answer = engine.ask("ELI5: what is a SPIFFE ID and why would I care")
    feature = kb.features["spiffe_identity"]
    spiffe = kb.concept("spiffe")[1]  # the concept asked is defined first, then the row
    assert answer.kind == IntentKind.explain and answer.lead == spiffe.explanation
    assert any(isinstance(p, Paragraph) and p.text == feature.explanation for p in answer.points)
    # the no-mesh baseline is no mesh: not counted among the current meshes
    meshes = [m for m in kb.current_meshes() if m.status != Status.baseline]
    full = [m for m in meshes if m.features[feature.id].level == Level.yes]
    standing = next(p for p in answer.points if p.heading.startswith("Where"))
    assert f"Full support in {len(full)} of {len(meshes)}" in standing.text
    # the same rows the "which meshes" answer lists, one per current mesh
    rows = [p for s in answer.details for p in s.parts if isinstance(p, StatementList)]
    assert {i.label for i in rows[0].items} == {m.name for m in kb.current_meshes()}


def test_a_feature_asked_of_several_meshes_gives_each_ones_row(engine, kb):
    answer = engine.ask("our auditors want FIPS validated crypto. kuma? istio? does either have it")
    assert answer.kind == IntentKind.feature_check
    labels = [s.label for p in answer.points if isinstance(p, StatementList) for s in p.items]
    fips = kb.features["fips_tls"].name
    assert labels == [f"Kuma: {fips}", f"Istio (sidecar mode): {fips}"]


def test_how_current_the_data_on_a_mesh_is_gives_its_dates(engine, kb):
    answer = engine.ask("how fresh is your cilium data?")
    assert answer.kind == IntentKind.sources
    current = next(p for p in answer.points if p.heading == "How current it is")
    cilium = kb.meshes["cilium"]
    assert current.items[0].label == cilium.name
    assert f"as of {cilium.version.as_of}" in current.items[0].text
    assert str(kb.as_of) in answer.lead


def test_an_unknown_source_for_the_service_mesh_text_is_a_problem(kb_dir):
    data = read(kb_dir / "features.yaml")
    data["service_mesh"]["sources"].append("nowhere")
    write(kb_dir / "features.yaml", data)
    assert any(
        p.startswith("features.yaml: service_mesh.sources[") and "unknown source 'nowhere'" in p
        for p in problems_of(kb_dir)
    )


@pytest.mark.parametrize(
    ("text", "term_id"),
    [
        ("so what is ebpf, and why is it a mesh thing?", "ebpf"),
        ("explain ebpf to a backend dev pls", "ebpf"),
        ("difference between ebpf and sidecar proxies?", "ebpf"),  # set against another idea
        ("wtf is xds", "xds"),
        ("what's a cni plugin and why do meshes ship one?", "cni"),
        ("what even is envoy, and why does every mesh talk about it?", "envoy"),
    ],
)
def test_a_word_of_the_field_is_explained_then_the_two_designs(engine, kb, text, term_id):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.parts) == (IntentKind.explain, [], [term_id])
    answer = engine.answer(intent)
    term = kb.term(term_id)
    assert answer.title == term.name and answer.lead == term.explanation
    assert set(term.sources) <= {s.id for s in answer.sources}
    sidecarless = [m.name for m in kb.current_meshes() if m.data_plane.model == "sidecarless"]
    # how the meshes are built is context, on demand: no list under the term implies its use
    designs = [p for s in answer.details for p in s.parts]
    assert any(all(n in (p.text or "") for n in sidecarless) for p in designs)
    assert not any(all(n in (p.text or "") for n in sidecarless) for p in answer.points)


def test_a_terms_unknown_source_or_borrowed_id_is_a_problem(kb_dir):
    data = read(kb_dir / "features.yaml")
    term = {"id": "ztunnel", "name": "xdp", "explanation": "x", "sources": ["nowhere"]}
    at = len(data["service_mesh"]["terms"])
    data["service_mesh"]["terms"].append(term)
    write(kb_dir / "features.yaml", data)
    problems = problems_of(kb_dir)
    assert any(f"service_mesh.terms[{at}].sources[0]" in p and "'nowhere'" in p for p in problems)
    assert any("duplicate part id 'ztunnel'" in p for p in problems)


def test_a_mesh_named_after_a_feature_explained_asks_that_mesh_about_it(engine):
    first = engine.parser.parse("explain mutual tls like i'm a backend dev")
    then = engine.parser.parse_follow_up("and kuma?", first)
    assert (then.kind, then.meshes, then.features) == (IntentKind.feature_check, ["kuma"], ["mtls"])


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("so what exactly does a waypoint do", "waypoint"),
        ("hbone? never heard of it, explain pls", "hbone"),
        ("ztunnel in two sentences?", "ztunnel"),
        ("what is ztunnel? saw it mentioned in the istio ambient install guide", "ztunnel"),
        ("eli5 hbone, it's all over the ambient mode docs", "hbone"),
        ("waypoint proxies: what are they and where do they run?", "waypoint"),
    ],
)
def test_a_part_asked_about_is_explained_and_names_its_mesh(engine, kb, text, part):
    """The part is explained and the answer names its mesh; the intent holds the offering the
    part belongs to, as a part named in any other question does."""
    intent = engine.parser.parse(text)
    mesh, explained = kb.part(part)
    assert (intent.kind, intent.meshes, intent.parts) == (IntentKind.explain, [mesh.id], [part])
    answer = engine.answer(intent)
    assert answer.lead == explained.explanation
    assert set(explained.sources) <= {s.id for s in answer.sources}
    owner = next(p for p in answer.points if p.heading == f"Part of {mesh.name}")
    assert mesh.summary in owner.text  # what it belongs to is still said
    explain_owner = [c.intent for c in answer.next_steps if c.intent.kind == IntentKind.explain]
    assert [i.meshes for i in explain_owner] == [[mesh.id]]


@pytest.mark.parametrize(
    "text", ["what's a ztunnel?", "wait what is a waypoint proxy? keep seeing it in ambient docs"]
)
def test_a_follow_up_after_a_part_asks_of_the_mesh_it_belongs_to(engine, kb, text):
    first = compact(engine.parser.parse(text))
    then = follow_up(kb, engine.parser, "how much memory does it use at 300 pods?", first)
    assert (then.kind, then.meshes) == (IntentKind.cost, ["istio-ambient"])


def test_a_mesh_named_in_the_sentence_asking_about_a_part_stays(engine):
    intent = engine.parser.parse("what's the ztunnel in istio ambient?")
    assert (intent.meshes, intent.parts) == (["istio-ambient"], ["ztunnel"])


@pytest.mark.parametrize("text", ["do we even need a waypoint?", "should i deploy waypoints"])
def test_a_decision_asked_of_a_part_alone_explains_what_it_is_for(engine, kb, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.parts) == (IntentKind.explain, ["waypoint"])
    assert engine.answer(intent).lead == kb.part("waypoint")[1].explanation


def test_a_part_beside_its_mesh_keeps_the_mesh_and_explains_the_part(engine, kb):
    intent = engine.parser.parse("why would ambient mode need a waypoint at all?")
    assert (intent.meshes, intent.parts) == (["istio-ambient"], ["waypoint"])
    assert engine.answer(intent).lead == kb.part("waypoint")[1].explanation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ztunnel ram per node with 60 nodes?", IntentKind.cost),
        ("can a waypoint proxy do jwt validation", IntentKind.feature_check),
    ],
)
def test_a_part_named_in_any_other_question_names_its_mesh(engine, text, kind):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.parts) == (kind, ["istio-ambient"], [])


def test_a_distribution_does_not_inherit_its_bases_parts(kb_dir):
    path = kb_dir / "meshes" / "istio.yaml"
    data = read(path)
    part = {"id": "istiod", "name": "istiod", "explanation": "x", "sources": data["sources"][:1]}
    data["aliases"] = [a for a in data["aliases"] if a != "istiod"]
    data["parts"] = [part]
    write(path, data)
    meshes = load_knowledge(kb_dir).meshes
    assert [p.id for p in meshes["istio"].parts] == ["istiod"]
    assert not meshes["gloo-mesh"].parts  # based on istio: "istiod" names istio alone


def test_a_part_id_used_twice_is_a_problem(kb_dir):
    path = kb_dir / "meshes" / "linkerd.yaml"
    data = read(path)
    data["parts"] = [
        {"id": "hbone", "name": "linkerd tunnel", "explanation": "x", "sources": data["sources"]}
    ]
    write(path, data)
    assert any("duplicate part id 'hbone'" in p for p in problems_of(kb_dir))


def test_a_thread_about_a_part_goes_on_about_its_mesh(engine, kb):
    first = compact(engine.parser.parse("hbone, what's that?"))
    assert first.parts == ["hbone"] and first.meshes == ["istio-ambient"]  # its offering
    then = follow_up(kb, engine.parser, "what would it cost us in memory at 300 pods?", first)
    assert (then.kind, then.meshes) == (IntentKind.cost, ["istio-ambient"])


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("ebpf... what is it, and why do vendors keep pitching it?", "eBPF"),
        ("SPIFFE - what's that in practice?", "SPIFFE"),  # the concept, defined first
    ],
)
def test_a_topic_named_then_asked_about_as_it_is_explained(engine, text, explained):
    """'X — what is it?': the pronoun stands for what was just named."""
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.explain
    assert engine.answer(intent).title == explained
