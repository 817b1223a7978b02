"""Shared fixtures: the shipped knowledge base, and writable copies to break."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.engine import AnswerEngine
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.loader import load_knowledge
from tests.support.databases import database_url, postgres_url, store  # noqa: F401
from tests.support.slack_standin import SlackStandIn

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge(KNOWLEDGE)


@pytest.fixture(scope="session")
def engine(kb: KnowledgeBase) -> AnswerEngine:
    return AnswerEngine(kb)


@pytest.fixture
async def slack() -> AsyncIterator[SlackStandIn]:
    """A Slack Web API stand-in on loopback."""
    standin = await SlackStandIn().start()
    yield standin
    await standin.stop()
    assert standin.rejected == [], "Slack would have refused these messages"


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    """A writable copy of the shipped knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


@pytest.fixture(scope="session", autouse=True)
def _private_state_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The store's default SQLite file (under XDG_STATE_HOME) goes to a temporary
    directory for this session, also for the meshbot processes tests spawn."""
    import os

    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
