"""Reading, editing and checking copies of knowledge files in tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError
from bot.knowledge.yaml_files import KnowledgeYamlLoader


def read(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=KnowledgeYamlLoader)


def write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def problems_of(directory: Path) -> list[str]:
    """Every problem loading `directory` reports (the load must fail)."""
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return [str(p) for p in caught.value.problems]
