"""Settings from the environment, checked at start-up with one clear line per problem."""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, SecretStr

DEFAULT_API_URL = "https://slack.com/api/"


class Mode(StrEnum):
    http = "http"
    socket = "socket"


class SettingsError(Exception):
    """Settings are missing or malformed; the message names each variable."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True)

    bot_token: SecretStr
    signing_secret: SecretStr | None = None
    app_token: SecretStr | None = None
    api_url: str = DEFAULT_API_URL
    knowledge_dir: Path | None = None
    rate_limit_per_minute: int = 30
    max_body_bytes: int = 256 * 1024
    web_api_timeout: int = 10

    @classmethod
    def from_env(cls, mode: Mode, env: Mapping[str, str] | None = None) -> Settings:
        """Read and check every variable; raise SettingsError listing all problems."""
        env = os.environ if env is None else env
        problems: list[str] = []

        def token(name: str, prefix: str, example: str, required: bool) -> SecretStr | None:
            value = env.get(name, "").strip()
            if not value:
                if required:
                    problems.append(f"{name} is not set: it should look like {example}")
                return None
            if not value.startswith(prefix):
                problems.append(
                    f"{name} is malformed: it should start with '{prefix}' (like {example})"
                )
            return SecretStr(value)

        bot = token("SLACK_BOT_TOKEN", "xoxb-", "xoxb-… (the Bot User OAuth Token)", True)
        app = token(
            "SLACK_APP_TOKEN",
            "xapp-",
            "xapp-… (an app-level token with connections:write)",
            mode == Mode.socket,
        )
        secret = env.get("SLACK_SIGNING_SECRET", "").strip()
        if mode == Mode.http and not secret:
            problems.append(
                "SLACK_SIGNING_SECRET is not set: copy it from your app's "
                "Basic Information page (32 hex characters)"
            )
        api_url = env.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL
        if not api_url.startswith(("http://", "https://")):
            problems.append(
                "SLACK_API_URL is malformed: it should be a URL like https://slack.com/api/"
            )
        api_url = api_url if api_url.endswith("/") else api_url + "/"
        # Logging is set up from the environment before settings are read (so these
        # problems can be logged); a bad format is still reported here.
        if env.get("MESHBOT_LOG_FORMAT", "text").strip().lower() not in ("text", "json"):
            problems.append("MESHBOT_LOG_FORMAT is malformed: use 'text' or 'json'")
        rate = _int(env, "MESHBOT_RATE_LIMIT", 30, problems)
        body = _int(env, "MESHBOT_MAX_BODY_BYTES", 256 * 1024, problems)
        timeout = _int(env, "MESHBOT_SLACK_TIMEOUT", 10, problems)
        knowledge = env.get("MESHBOT_KNOWLEDGE_DIR", "").strip()
        if problems:
            raise SettingsError("; ".join(problems))
        return cls(
            bot_token=bot,
            app_token=app,
            signing_secret=SecretStr(secret) if secret else None,
            api_url=api_url,
            knowledge_dir=Path(knowledge) if knowledge else None,
            rate_limit_per_minute=rate,
            max_body_bytes=body,
            web_api_timeout=timeout,
        )


def _int(env: Mapping[str, str], name: str, default: int, problems: list[str]) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        problems.append(f"{name} is malformed: it should be a positive whole number")
        return default
    return int(raw)
