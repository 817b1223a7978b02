"""Handlers: an intent and the knowledge base in, an `Answer` (bot/answers/results.py) out.

One name per concept: an *answer* is the result model; the `AnswerEngine` routes an
intent to its handler; a Slack *reply* is a rendered message (bot/slack/replies.py).
A *statement* is a cited line of an answer; *facts* are what the user told us about
their setup (`Intent.facts`, defined in rules.yaml). `scoring` weighs the rules;
`recommend` turns the scores into an answer.

What handlers share has a home named for it: `citations` (which sources an answer may
cite, how they rank), `figures` (which overhead figure leads), `assembly` (`build_answer`:
an answer's sources are exactly those it cites), `steps` (next-step buttons), `phrasing`
(lists of names, first sentences) and `notices` (what every answer says first, a mesh's
status included).
"""
