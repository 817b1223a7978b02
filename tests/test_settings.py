"""Start-up settings: one clear line per problem, naming the variable and its shape."""

from __future__ import annotations

import pytest

from bot.slack.settings import Mode, Settings, SettingsError

GOOD = {
    "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
    "SLACK_SIGNING_SECRET": "f" * 32,
    "SLACK_APP_TOKEN": "xapp-1-A-2-abc",
}


@pytest.mark.parametrize(
    ("mode", "change", "message"),
    [
        (
            Mode.http,
            {"SLACK_BOT_TOKEN": ""},
            "SLACK_BOT_TOKEN is not set: it should look like xoxb-…",
        ),
        (
            Mode.http,
            {"SLACK_BOT_TOKEN": "xoxp-user"},
            "SLACK_BOT_TOKEN is malformed: it should start with 'xoxb-'",
        ),
        (Mode.http, {"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET is not set"),
        (
            Mode.socket,
            {"SLACK_APP_TOKEN": ""},
            "SLACK_APP_TOKEN is not set: it should look like xapp-…",
        ),
        (
            Mode.socket,
            {"SLACK_APP_TOKEN": "xoxb-wrong"},
            "SLACK_APP_TOKEN is malformed: it should start with 'xapp-'",
        ),
        (Mode.http, {"SLACK_API_URL": "slack.example"}, "SLACK_API_URL is malformed"),
        (Mode.http, {"MESHBOT_RATE_LIMIT": "lots"}, "MESHBOT_RATE_LIMIT is malformed"),
        (Mode.http, {"MESHBOT_LOG_FORMAT": "xml"}, "MESHBOT_LOG_FORMAT is malformed"),
        (
            Mode.http,
            {"MESHBOT_SLACK_TIMEOUT": "0"},
            "MESHBOT_SLACK_TIMEOUT is malformed: it should be a positive whole number",
        ),
    ],
)
def test_each_problem_names_the_variable(mode, change, message):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(mode, {**GOOD, **change})
    assert message in str(caught.value)
    assert "abc" not in str(caught.value)  # no secret echoed back


def test_all_problems_at_once_and_socket_mode_needs_no_signing_secret():
    with pytest.raises(SettingsError) as caught:
        Settings.from_env(Mode.http, {})
    assert "SLACK_BOT_TOKEN" in str(caught.value) and "SLACK_SIGNING_SECRET" in str(caught.value)
    settings = Settings.from_env(Mode.socket, {**GOOD, "SLACK_SIGNING_SECRET": ""})
    assert settings.signing_secret is None
    assert "abc" not in repr(settings)  # tokens are SecretStr


def test_api_url_gets_a_trailing_slash():
    settings = Settings.from_env(Mode.http, {**GOOD, "SLACK_API_URL": "http://127.0.0.1:9/api"})
    assert settings.api_url == "http://127.0.0.1:9/api/"


def test_the_process_environment_is_read_the_same_way(monkeypatch):
    for name, value in {**GOOD, "MESHBOT_MAX_BODY_BYTES": "1024", "SLACK_APP_TOKEN": ""}.items():
        monkeypatch.setenv(name, value)
    settings = Settings.from_env(Mode.http)
    assert settings.max_body_bytes == 1024 and settings.app_token is None
    monkeypatch.setenv("MESHBOT_SLACK_TIMEOUT", "soon")
    with pytest.raises(SettingsError, match="MESHBOT_SLACK_TIMEOUT is malformed"):
        Settings.from_env(Mode.http)
