"""Listeners by surface; `register_listeners` is what every entry point calls."""

from slack_bolt.async_app import AsyncApp

from bot.slack.listeners import actions, assistant, commands, events, views


def register_listeners(app: AsyncApp) -> None:
    assistant.register(app)  # before `message` listeners: the panel's messages are its own
    commands.register(app)
    events.register(app)
    actions.register(app)
    views.register(app)
