"""Store settings from the environment (MESHBOT_DATABASE_URL, MESHBOT_RETENTION_DAYS, …)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

OFF = "off"


def default_database_url() -> str:
    """A SQLite file under the user's state directory ($XDG_STATE_HOME or ~/.local/state)."""
    state = os.environ.get("XDG_STATE_HOME", "").strip() or str(Path.home() / ".local" / "state")
    return f"sqlite:///{Path(state) / 'meshbot' / 'meshbot.db'}"


class StoreSettingsError(Exception):
    """A store variable is malformed; the message names it and says how to fix it."""


class StoreSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MESHBOT_", extra="ignore", frozen=True)

    database_url: str = Field(
        default="",
        description="sqlite:///path, postgresql://user@host:5432/db, or 'off'; empty: default",
    )
    retention_days: int = Field(default=90, gt=0, description="days feedback and gaps are kept")
    store_question_text: bool = Field(
        default=True, description="false keeps only the parsed form of unanswered questions"
    )
    admins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Slack user ids who see the report in App Home"
    )
    migrate_on_start: bool = Field(
        default=True, description="serve and socket apply migrations when they start"
    )

    @field_validator("admins", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _default_url(cls, value: str) -> str:
        return value.strip() or default_database_url()

    @property
    def enabled(self) -> bool:
        return self.database_url.lower() != OFF

    @classmethod
    def from_env(cls) -> StoreSettings:
        """Read the environment; raise StoreSettingsError naming each bad variable."""
        try:
            return cls()
        except ValidationError as exc:
            problems = [
                f"MESHBOT_{str(error['loc'][0]).upper()} is malformed: {error['msg']}"
                for error in exc.errors()
            ]
            raise StoreSettingsError("; ".join(problems)) from None
