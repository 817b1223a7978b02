"""Settings from the environment, read once at start-up, one clear line per problem."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, HttpUrl, SecretStr, ValidationError, ValidationInfo
from pydantic import field_validator as checks
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_API_URL = "https://slack.com/api/"
MAX_BODY_BYTES = 256 * 1024  # the default for MESHBOT_MAX_BODY_BYTES, and only here


class Mode(StrEnum):
    http = "http"
    socket = "socket"


class SettingsError(Exception):
    """Settings are missing or malformed; the message names each variable."""


def _positive_whole_number(value: Any) -> int:
    text = str(value).strip()
    if not text.isdigit() or int(text) <= 0:
        raise PydanticCustomError("malformed", "is malformed: it should be a positive whole number")
    return int(text)


PositiveWholeNumber = Annotated[int, BeforeValidator(_positive_whole_number)]

_TOKENS = {
    "SLACK_BOT_TOKEN": ("xoxb-", "xoxb-… (the Bot User OAuth Token)"),
    "SLACK_APP_TOKEN": ("xapp-", "xapp-… (an app-level token with connections:write)"),
}
_NOT_SET = {
    "SLACK_BOT_TOKEN": "it should look like xoxb-… (the Bot User OAuth Token)",
    "SLACK_APP_TOKEN": "it should look like xapp-… (an app-level token with connections:write)",
    "SLACK_SIGNING_SECRET": ("copy it from your app's Basic Information page (32 hex characters)"),
}


class Settings(BaseSettings):
    """Every setting of a Slack process. `Settings.from_env(mode)` reads them once."""

    model_config = SettingsConfigDict(
        frozen=True, case_sensitive=True, env_ignore_empty=True, extra="ignore"
    )

    mode: Mode = Mode.http
    bot_token: SecretStr = Field(validation_alias="SLACK_BOT_TOKEN")
    # validate_default: whether these are needed depends on the mode, checked when unset too
    app_token: SecretStr | None = Field(
        None, validation_alias="SLACK_APP_TOKEN", validate_default=True
    )
    signing_secret: SecretStr | None = Field(
        None, validation_alias="SLACK_SIGNING_SECRET", validate_default=True
    )
    api_url: str = Field(DEFAULT_API_URL, validation_alias="SLACK_API_URL")
    knowledge_dir: Path | None = Field(None, validation_alias="MESHBOT_KNOWLEDGE_DIR")
    log_format: Literal["text", "json"] = Field("text", validation_alias="MESHBOT_LOG_FORMAT")
    log_level: str = Field("INFO", validation_alias="MESHBOT_LOG_LEVEL")
    rate_limit_per_minute: PositiveWholeNumber = Field(30, validation_alias="MESHBOT_RATE_LIMIT")
    max_body_bytes: PositiveWholeNumber = Field(
        MAX_BODY_BYTES, validation_alias="MESHBOT_MAX_BODY_BYTES"
    )
    slack_timeout: PositiveWholeNumber = Field(10, validation_alias="MESHBOT_SLACK_TIMEOUT")
    max_in_flight: PositiveWholeNumber = Field(200, validation_alias="MESHBOT_MAX_IN_FLIGHT")
    http_idle_timeout: PositiveWholeNumber = Field(75, validation_alias="MESHBOT_HTTP_IDLE_TIMEOUT")
    http_body_timeout: PositiveWholeNumber = Field(10, validation_alias="MESHBOT_HTTP_BODY_TIMEOUT")
    max_connections: PositiveWholeNumber = Field(1000, validation_alias="MESHBOT_MAX_CONNECTIONS")
    public_url: HttpUrl | None = Field(None, validation_alias="MESHBOT_PUBLIC_URL")

    @classmethod
    def from_env(cls, mode: Mode, env: Mapping[str, str] | None = None) -> Settings:
        """Read and check every variable (from `env`, else the process environment);
        raise SettingsError listing all problems, never echoing a value."""
        try:
            if env is None:
                return cls(mode=mode)
            present = {k: v for k, v in env.items() if v.strip()}
            return cls.model_validate({**present, "mode": mode})
        except ValidationError as exc:
            raise SettingsError("; ".join(_describe(e) for e in exc.errors())) from None

    @checks("bot_token", "app_token", mode="before")
    @classmethod
    def _token_shape(cls, value: Any, info: ValidationInfo) -> Any:
        name = cls.model_fields[info.field_name].validation_alias
        prefix, example = _TOKENS[name]
        if value is None:
            return None
        value = str(value).strip()
        if not value.startswith(prefix):
            raise PydanticCustomError(
                "malformed", f"is malformed: it should start with '{prefix}' (like {example})"
            )
        return value

    @checks("signing_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return (str(value).strip() or None) if value is not None else None

    @checks("app_token", "signing_secret", mode="after")
    @classmethod
    def _needed_in_mode(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        needed = {"app_token": Mode.socket, "signing_secret": Mode.http}[info.field_name]
        if value is None and info.data.get("mode") == needed:
            raise PydanticCustomError("missing", "is not set")
        return value

    @checks("api_url", mode="before")
    @classmethod
    def _api_url(cls, value: Any) -> str:
        value = str(value).strip()
        if not value.startswith(("http://", "https://")):
            raise PydanticCustomError(
                "malformed", "is malformed: it should be a URL like https://slack.com/api/"
            )
        return value if value.endswith("/") else value + "/"

    @checks("log_format", "log_level", mode="before")
    @classmethod
    def _case(cls, value: Any, info: ValidationInfo) -> str:
        value = str(value).strip()
        return value.lower() if info.field_name == "log_format" else value.upper()


def _describe(error: Any) -> str:
    """`NAME is not set: hint` or `NAME is malformed: fix`, from one pydantic error."""
    name = str(error["loc"][0]) if error["loc"] else "settings"
    field = Settings.model_fields.get(name)  # a field left unset is named by its field name
    name = str(field.validation_alias) if field and field.validation_alias else name
    if error["type"] == "missing":
        hint = _NOT_SET.get(name)
        return f"{name} is not set: {hint}" if hint else f"{name} is not set"
    if error["type"] == "malformed":
        return f"{name} {error['msg']}"
    return f"{name} is malformed: {error['msg'][:1].lower()}{error['msg'][1:]}"
