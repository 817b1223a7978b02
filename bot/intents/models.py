"""Typed intents: what a question asks for, independent of where it came from."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import FactValue

MAX_COMPARE = 4


class IntentKind(StrEnum):
    compare = "compare"
    feature_check = "feature_check"
    which_meshes = "which_meshes"
    cost = "cost"
    recommend = "recommend"
    explain = "explain"
    sources = "sources"
    features = "features"
    help = "help"
    unknown = "unknown"
    too_long = "too_long"


class Intent(BaseModel):
    """A parsed question. Serialised into button values, so keep it small."""

    model_config = ConfigDict(extra="forbid")

    kind: IntentKind
    meshes: list[str] = Field(default_factory=list, max_length=12)
    features: list[str] = Field(default_factory=list, max_length=12)
    facts: dict[str, FactValue] = Field(default_factory=dict)
    text: str = Field(default="", max_length=300, description="The user's words, for echoing.")
    suggestions: list[str] = Field(default_factory=list, max_length=6)
    page: int = Field(default=0, ge=0, le=50)

    def to_value(self) -> str:
        """Compact JSON for a Block Kit action value (the user's text is left out)."""
        return self.model_dump_json(exclude_defaults=True, exclude={"text", "suggestions"})

    @classmethod
    def from_value(cls, value: str) -> Intent:
        return cls.model_validate_json(value)
