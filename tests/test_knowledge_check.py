"""`meshbot kb check`: the shipped knowledge passes, and each check names file and path."""

from __future__ import annotations

import datetime as dt
import json
import re

from bot.cli import main
from tests.support.knowledge_files import problems_of, read, write


def test_shipped_knowledge_passes_with_summary(capsys):
    assert main(["kb", "check"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"\d+ meshes, \d+ features, \d+ overhead figures, \d+ sources", out)
    assert "oldest as-of date" in out


def test_broken_directory_exits_1_and_lists_every_problem(kb_dir, capsys):
    (kb_dir / "features.yaml").write_text("features: [\n")
    linkerd = read(kb_dir / "meshes/linkerd.yaml")
    linkerd["features"]["circuit_breaking"]["sources"] = ["no-such-source"]
    write(kb_dir / "meshes/linkerd.yaml", linkerd)
    assert main(["kb", "check", str(kb_dir)]) == 1
    err = capsys.readouterr().err
    assert "features.yaml: line 2: YAML syntax error" in err
    assert (
        "meshes/linkerd.yaml: features.circuit_breaking.sources[0]: unknown source 'no-such-source'"
    ) in err
    assert "problem(s) in the knowledge base" in err


def test_yaml_syntax_error_names_the_line(kb_dir):
    (kb_dir / "meshes/istio.yaml").write_text("id: istio\nname: [unclosed\nsummary: x\n")
    assert any(
        p.startswith("meshes/istio.yaml: line ") and "YAML syntax error" in p
        for p in problems_of(kb_dir)
    )


def test_unknown_key_is_a_schema_error(kb_dir):
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    mesh["features"]["mtls"]["levle"] = "yes"
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert any(
        p.startswith("meshes/linkerd.yaml: features.mtls.levle: Extra inputs")
        for p in problems_of(kb_dir)
    )


def test_bad_support_level_is_a_schema_error(kb_dir):
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    mesh["features"]["mtls"]["level"] = "maybe"
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert any(
        p.startswith("meshes/linkerd.yaml: features.mtls.level: Input should be")
        for p in problems_of(kb_dir)
    )


def test_duplicate_source_id(kb_dir):
    data = read(kb_dir / "sources.yaml")
    data["sources"].append(dict(data["sources"][0]))
    write(kb_dir / "sources.yaml", data)
    n = len(data["sources"]) - 1
    assert (
        f"sources.yaml: sources[{n}].id: duplicate source id '{data['sources'][0]['id']}'"
        in " ".join(problems_of(kb_dir))
    )


def test_duplicate_feature_id(kb_dir):
    data = read(kb_dir / "features.yaml")
    twin = dict(data["features"][0], aliases=["zzz twin alias"], name="Twin")
    data["features"].append(twin)
    write(kb_dir / "features.yaml", data)
    n = len(data["features"]) - 1
    assert any(
        p.startswith(f"features.yaml: features[{n}].id: duplicate feature id")
        for p in problems_of(kb_dir)
    )


def test_a_feature_narrows_and_covers_only_other_features(kb_dir):
    data = read(kb_dir / "features.yaml")
    data["features"][0]["narrows"] = "no_such_feature"
    data["features"][1]["narrows"] = data["features"][1]["id"]
    data["features"][2]["covers"] = ["no_such_feature"]
    write(kb_dir / "features.yaml", data)
    found = problems_of(kb_dir)
    assert any(p.startswith("features.yaml: features[0].narrows: 'no_such_feature'") for p in found)
    assert any(p.startswith("features.yaml: features[1].narrows:") for p in found)
    assert any(p.startswith("features.yaml: features[2].covers[0]: 'no_such") for p in found)


def test_mesh_id_must_match_file_name(kb_dir):
    (kb_dir / "meshes/linkerd.yaml").rename(kb_dir / "meshes/linkerd2.yaml")
    assert any(
        p.startswith("meshes/linkerd2.yaml: id: id 'linkerd' differs from the file name")
        for p in problems_of(kb_dir)
    )


def test_unknown_feature_in_mesh(kb_dir):
    mesh = read(kb_dir / "meshes/kuma.yaml")
    mesh["features"]["teleportation"] = {"level": "yes", "sources": mesh["sources"][:1]}
    write(kb_dir / "meshes/kuma.yaml", mesh)
    assert any(
        p.startswith("meshes/kuma.yaml: features.teleportation: unknown feature")
        for p in problems_of(kb_dir)
    )


def test_a_mode_named_as_an_unknown_feature_is_reported(kb_dir):
    mesh = read(kb_dir / "meshes/istio-ambient.yaml")
    mesh["as_feature"] = "teleportation"
    write(kb_dir / "meshes/istio-ambient.yaml", mesh)
    assert any(
        p.startswith("meshes/istio-ambient.yaml: as_feature: unknown feature 'teleportation'")
        for p in problems_of(kb_dir)
    )


def test_every_mesh_needs_every_feature(kb_dir):
    mesh = read(kb_dir / "meshes/cilium.yaml")
    del mesh["features"]["retries"]
    write(kb_dir / "meshes/cilium.yaml", mesh)
    assert "meshes/cilium.yaml: features.retries: no entry for this feature." in " ".join(
        problems_of(kb_dir)
    )


def test_known_level_needs_a_source(kb_dir):
    mesh = read(kb_dir / "meshes/consul.yaml")
    mesh["features"]["mtls"] = {"level": "yes"}
    write(kb_dir / "meshes/consul.yaml", mesh)
    assert any(
        p.startswith("meshes/consul.yaml: features.mtls.sources: level 'yes' cites no")
        for p in problems_of(kb_dir)
    )


def test_confusable_aliases_across_entities(kb_dir):
    mesh = read(kb_dir / "meshes/kuma.yaml")
    mesh["aliases"].append("linkerrd")
    write(kb_dir / "meshes/kuma.yaml", mesh)
    n = len(mesh["aliases"]) - 1
    found = next(p for p in problems_of(kb_dir) if "'linkerd' of mesh linkerd" in p)
    assert f"meshes/kuma.yaml: aliases[{n}]" in found  # both places are named
    assert found.startswith("meshes/linkerd.yaml: aliases[0]: alias 'linkerd' of mesh linkerd")
    assert "too similar (93%)" in found


def test_same_alias_on_two_entities(kb_dir):
    data = read(kb_dir / "features.yaml")
    data["features"][0]["aliases"].append("istio")
    write(kb_dir / "features.yaml", data)
    assert any(
        "alias 'istio'" in p and "is also 'istio' of mesh istio" in p for p in problems_of(kb_dir)
    )


def test_future_dates_are_rejected(kb_dir):
    mesh = read(kb_dir / "meshes/istio.yaml")
    mesh["overhead"][0]["as_of"] = dt.date.today() + dt.timedelta(days=30)
    write(kb_dir / "meshes/istio.yaml", mesh)
    assert any(
        p.startswith("meshes/istio.yaml: overhead[0].as_of: date ") and "future" in p
        for p in problems_of(kb_dir)
    )


def test_malformed_url(kb_dir):
    data = read(kb_dir / "sources.yaml")
    data["sources"][2]["url"] = "istio.io/docs"
    write(kb_dir / "sources.yaml", data)
    assert any(p.startswith("sources.yaml: sources[2].url: ") for p in problems_of(kb_dir))


def test_vendor_material_must_name_its_vendor(kb_dir):
    data = read(kb_dir / "sources.yaml")
    n = next(i for i, s in enumerate(data["sources"]) if s["kind"] == "vendor_marketing")
    data["sources"][n]["vendor_of"] = []
    write(kb_dir / "sources.yaml", data)
    assert (
        f"sources.yaml: sources[{n}].vendor_of: vendor_marketing source names no vendor"
        in " ".join(problems_of(kb_dir))
    )


def test_rules_reference_known_facts_features_and_current_meshes(kb_dir):
    data = read(kb_dir / "rules.yaml")
    data["rules"][0]["when"] = {"moon_phase": {"is": "full"}}
    data["rules"][1]["scores"] = {"nginx-service-mesh": 5}
    data["rules"][2]["traits"] = {"shiny": 1}
    data["rules"][3]["rests_on"] = ["glossy"]
    data["questions"][0]["options"][0]["set"]["services"] = "lots"
    data["constraints"][0]["test"] = "runs_on_mars"
    data["constraints"][1]["fact"] = "moon_phase"
    data["featured"][0] = "foomesh"
    write(kb_dir / "rules.yaml", data)
    found = " ".join(problems_of(kb_dir))
    assert "rules.yaml: rules[0].when.moon_phase: unknown fact 'moon_phase'" in found
    assert (
        "rules.yaml: rules[1].scores.nginx-service-mesh: 'nginx-service-mesh' is not a "
        "current offering" in found
    )
    assert "rules.yaml: rules[2].traits.shiny: unknown trait 'shiny'" in found
    assert "rules.yaml: rules[3].rests_on: unknown trait 'glossy'" in found
    assert "rules.yaml: questions[0].options[0].set.services: needs a whole number" in found
    assert "rules.yaml: constraints[0].test: unknown test 'runs_on_mars'" in found
    assert "rules.yaml: constraints[1].fact: unknown fact 'moon_phase'" in found
    assert "rules.yaml: featured[0]: unknown mesh 'foomesh'" in found


def test_missing_file_is_reported(kb_dir):
    (kb_dir / "rules.yaml").unlink()
    assert "rules.yaml: file is missing." in " ".join(problems_of(kb_dir))


def test_export_has_the_documented_shape(kb, capsys):
    assert main(["kb", "export"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == kb.as_of.isoformat()
    linkerd = data["meshes"]["linkerd"]
    assert {"name", "aliases", "status", "support", "overhead"} <= set(linkerd)
    support = linkerd["support"]["circuit_breaking"]
    assert set(support) == {
        "level",
        "since",
        "note",
        "not_applicable",
        "lacks",
        "build_gap",
        "edition_adds",
        "edge_only",
        "sources",
    }
    assert support["level"] in {"yes", "partial", "extension", "enterprise", "no", "unknown"}
    assert all(s in data["sources"] for s in support["sources"])
    assert set(data["features"]["mtls"]) >= {"name", "aliases", "category"}
    parts = data["meshes"]["istio-ambient"]["parts"]
    assert {p["id"] for p in parts} == {p.id for p in kb.meshes["istio-ambient"].parts}
    assert all(s in data["sources"] for p in parts for s in p["sources"])
    assert set(next(iter(data["sources"].values()))) >= {"title", "url", "date", "kind"}


def test_current_offering_needs_a_fit_block(kb_dir):
    mesh = read(kb_dir / "meshes/kuma.yaml")
    del mesh["fit"]
    write(kb_dir / "meshes/kuma.yaml", mesh)
    problems = problems_of(kb_dir)
    assert any(
        p.startswith("meshes/kuma.yaml: fit: current offering 'kuma' has no fit block")
        and "Fix: add `fit:`" in p
        for p in problems
    )
    assert not any("aws-app-mesh.yaml: fit:" in p for p in problems)


def test_a_mode_alias_must_stand_beside_a_known_mesh(kb_dir):
    mesh = read(kb_dir / "meshes/istio.yaml")
    mesh["mode_aliases"]["beside"] = ["istio-ambiant"]
    write(kb_dir / "meshes/istio.yaml", mesh)
    wanted = "meshes/istio.yaml: mode_aliases.beside[0]: unknown mesh 'istio-ambiant'."
    assert any(p.startswith(wanted) for p in problems_of(kb_dir))


def test_memory_sizes_set_number_facts(kb_dir):
    path = kb_dir / "rules.yaml"
    path.write_text(path.read_text().replace("    node_memory: [node,", "    platform: [node,", 1))
    assert any("memory.of.platform" in p for p in problems_of(kb_dir))


def test_a_product_of_no_offering_may_not_name_one_wherever_it_is_listed(kb_dir):
    """The first of the other products naming an offering is caught, not only the last."""
    path = kb_dir / "rules.yaml"
    text = path.read_text()
    path.write_text(
        text.replace(
            "  - names: [Tetrate Service Bridge, tsb, tetrate tsb]",
            "  - names: [Tetrate Service Bridge, tsb, tetrate tsb, Istio]",
            1,
        )
    )
    assert any("other_products[0].names[3]" in p for p in problems_of(kb_dir))
