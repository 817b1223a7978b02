"""What the Slack side hands the store: plain models, turned into rows here."""

from __future__ import annotations

import json
import time
import uuid
from enum import StrEnum

from pydantic import BaseModel, Field

from bot.store.privacy import MAX_COMMENT, strip_question


class GapReason(StrEnum):
    unknown = "unknown"
    low_confidence = "low_confidence"
    unknown_mesh = "unknown_mesh"
    out_of_scope = "out_of_scope"


class DownReason(StrEnum):
    wrong_fact = "wrong_fact"
    outdated = "outdated"
    misunderstood = "misunderstood"
    other = "other"


class Vote(BaseModel):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    vote: str = Field(pattern="^(up|down)$")
    intent: str
    meshes: list[str] = Field(default_factory=list)
    features: list[str] = Field(default_factory=list)
    knowledge_version: str | None = None
    reason: DownReason | None = None
    comment: str | None = None
    user: str
    team: str | None = None

    def row(self, user_hash: str, team_hash: str | None) -> dict[str, object]:
        return {
            "id": self.id,
            "vote": self.vote,
            "reason": self.reason.value if self.reason else None,
            "comment": strip_question(self.comment, MAX_COMMENT) if self.comment else None,
            "intent": self.intent[:32],
            "meshes": json.dumps(sorted(self.meshes)),
            "features": json.dumps(sorted(self.features)),
            "knowledge_version": self.knowledge_version,
            "user_hash": user_hash,
            "team_hash": team_hash,
            "created_at": time.time(),
        }


class Gap(BaseModel):
    reason: GapReason
    text: str
    parsed: str = Field(description="the intent's compact value (no user text)")
    names: list[str] = Field(default_factory=list, description="mesh names we did not know")
    knowledge_version: str | None = None
    user: str | None = None
    team: str | None = None

    def row(self, user_hash: str | None, team_hash: str | None, keep_text: bool) -> dict:
        text = strip_question(self.text).lower() if keep_text else ""
        return {
            "reason": self.reason.value,
            "text": text or None,
            "parsed": self.parsed,
            "names": json.dumps(sorted(self.names)),
            "knowledge_version": self.knowledge_version,
            "user_hash": user_hash,
            "team_hash": team_hash,
            "asked_at": time.time(),
        }


class Comparison(BaseModel):
    meshes: list[str]
    user: str | None = None

    def row(self, user_hash: str | None) -> dict[str, object]:
        return {
            "meshes": json.dumps(sorted(self.meshes))[:400],
            "user_hash": user_hash,
            "asked_at": time.time(),
        }
