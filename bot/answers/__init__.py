"""Handlers: an intent and the knowledge base in, an `Answer` (bot/answers/results.py) out.

One name per concept: an *answer* is the result model; the `AnswerEngine` routes an
intent to its handler; a Slack *reply* is a rendered message (bot/slack/replies.py).
A *statement* is a cited line of an answer; *facts* are what the user told us about
their setup (`Intent.facts`, defined in rules.yaml). `scoring` weighs the rules;
`recommend` turns the scores into an answer.
"""
