"""The running answer engine, swappable when the knowledge base is reloaded.

A broken edit never replaces a good knowledge base: the last good one keeps
serving and the error is kept for /readyz and the logs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from bot.answers.engine import AnswerEngine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError

log = logging.getLogger(__name__)


class Advisor:
    def __init__(self, knowledge_dir: Path | None = None) -> None:
        self.knowledge_dir = knowledge_dir
        self.engine: AnswerEngine | None = None
        self.last_error: str | None = None

    @property
    def ready(self) -> bool:
        return self.engine is not None

    @property
    def version(self) -> str | None:
        return self.engine.kb.version if self.engine else None

    def reload(self) -> bool:
        """Load the knowledge directory; keep the current engine if it is invalid."""
        try:
            kb = load_knowledge(self.knowledge_dir)
        except (KnowledgeError, OSError) as exc:
            problems = exc.problems if isinstance(exc, KnowledgeError) else [exc]
            self.last_error = exc.report() if isinstance(exc, KnowledgeError) else str(exc)
            for problem in problems:
                log.error("knowledge base: %s", problem)
            if self.engine:
                log.error("knowledge reload failed; still serving version %s", self.version)
            return False
        if self.engine and kb.version == self.engine.kb.version:
            self.last_error = None  # a broken file restored exactly: the error is gone
            return True
        self.engine = AnswerEngine(kb)
        self.last_error = None
        log.info("knowledge base loaded: version %s (%s)", kb.version, kb.summary())
        return True
