"""The scale benchmark's knowledge base: a multiplied copy of ours that must pass every check
the shipped one passes, or the benchmark stops before it measures anything."""

from __future__ import annotations

from pathlib import Path

from benchmarks.perf import synthetic_knowledge
from bot.knowledge.loader import load_knowledge


def test_the_multiplied_knowledge_base_validates(tmp_path: Path):
    kb = load_knowledge(synthetic_knowledge(2, 2, tmp_path / "2x"), snapshot=False)
    shipped = load_knowledge(Path(__file__).parent.parent / "knowledge", snapshot=False)
    assert len(kb.meshes) == 2 * len(shipped.meshes)
    assert len(kb.features) == 2 * len(shipped.features)
