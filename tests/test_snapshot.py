"""The compiled snapshot: one source of truth with the YAML, refreshed when the YAML changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.snapshot import SNAPSHOT_NAME, fingerprint, read_snapshot
from bot.knowledge.yaml_files import KnowledgeYamlLoader


def read(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=KnowledgeYamlLoader)


def write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def export(capsys, *args: str) -> dict:
    assert main(["kb", "export", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def compiled(kb_dir: Path, capsys) -> Path:
    (kb_dir / SNAPSHOT_NAME).unlink(missing_ok=True)
    assert main(["kb", "compile", str(kb_dir)]) == 0
    assert "Snapshot of knowledge version" in capsys.readouterr().out
    return kb_dir


def test_snapshot_and_yaml_give_identical_export(compiled, capsys):
    assert read_snapshot(compiled, fingerprint(compiled)) is not None  # export will use it
    from_snapshot = export(capsys, str(compiled))
    (compiled / SNAPSHOT_NAME).unlink()
    from_yaml = load_knowledge(compiled, snapshot=False)
    assert from_snapshot == export(capsys, str(compiled))
    assert from_snapshot["version"] == from_yaml.version


def test_changed_yaml_is_validated_and_refreshes_the_snapshot(compiled):
    before = (compiled / SNAPSHOT_NAME).read_bytes()
    mesh = read(compiled / "meshes/kuma.yaml")
    mesh["summary"] = "Kuma, changed after the snapshot was compiled."
    write(compiled / "meshes/kuma.yaml", mesh)
    kb = load_knowledge(compiled)
    assert kb.meshes["kuma"].summary == "Kuma, changed after the snapshot was compiled."
    assert (compiled / SNAPSHOT_NAME).read_bytes() != before
    assert read_snapshot(compiled, fingerprint(compiled)) is not None


def test_broken_yaml_is_never_hidden_by_an_old_snapshot(compiled):
    mesh = read(compiled / "meshes/kuma.yaml")
    mesh["features"]["mtls"]["level"] = "maybe"
    write(compiled / "meshes/kuma.yaml", mesh)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(compiled)
    assert any("meshes/kuma.yaml: features.mtls.level" in str(p) for p in caught.value.problems)


def test_a_corrupt_snapshot_is_ignored(compiled):
    path = compiled / SNAPSHOT_NAME
    path.write_bytes(path.read_bytes().splitlines(keepends=True)[0] + b"not a pickle")
    assert load_knowledge(compiled).meshes["istio"].id == "istio"


def test_a_snapshot_that_cannot_be_written_still_serves(compiled, capsys):
    (compiled / SNAPSHOT_NAME).unlink()
    (compiled / SNAPSHOT_NAME).mkdir()  # as unwritable as a read-only mount, even for root
    assert load_knowledge(compiled).meshes["linkerd"].id == "linkerd"
    assert list(compiled.glob(SNAPSHOT_NAME + "*.tmp")) == []  # no litter left behind
    assert main(["kb", "compile", str(compiled)]) == 1
    assert "Cannot write the snapshot" in capsys.readouterr().err


def test_compile_refuses_invalid_yaml(kb_dir, capsys):
    (kb_dir / "features.yaml").write_text("features: [\n")
    assert main(["kb", "compile", str(kb_dir)]) == 1
    assert "features.yaml: line 2: YAML syntax error" in capsys.readouterr().err
