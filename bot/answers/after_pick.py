"""A reply to a recommendation, read against the setup it was made for (a Slack thread's
question, the last turn of `meshbot chat`).

- "does that work with windows node pools too?", "can it do jwt?": the pick is checked for
  those features, on the thread's setup (words that refer back, rules.yaml `refers_back`).
- "what if we also need jwt validation", "we'd rather not run istiod ourselves", "we'll grow
  to ~150 services and need canaries": more of the setup. The pick is made again over all of
  it (the needs said before and those said now together); a mesh the reply names ("why not
  linkerd? we need jwt") is set against it as one named.
- "why not linkerd?", "how come not kuma", with nothing new said: that mesh compared with the
  pick, on the setup (the comparison says which of the setup's needs it misses).
- Anything else (a size for a cost, a question of its own) is read as any reply in a thread:
  bot/answers/thread.py.
"""

from __future__ import annotations

from dataclasses import replace

from bot.answers import choosing, scoring
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import IntentParser
from bot.intents.thread_setup import ADDED_UP, NOT_NEEDED, as_list, merged
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue, Question

# Replies that may say more of a setup: a pick or a list asked, a guess, "why not x?".
GOES_ON = (IntentKind.recommend, IntentKind.which_meshes, IntentKind.unknown)


def pick_of(kb: KnowledgeBase, context: Intent) -> str | None:
    """The mesh the thread's recommendation leads with, on the facts it carries: as the
    recommendation chose it, among the options it was asked to choose between, leaning
    where several are level (bot/answers/recommend.py)."""
    facts = known_facts(kb, context.facts)
    return scoring.verdict_now(kb, facts, choosing.candidates(kb, context.options, facts)).pick


def outlook_of(kb: KnowledgeBase, context: Intent) -> scoring.Outlook:
    """The thread's recommendation as it was made: its verdict, and the questions it left
    open with what each answer would make of it."""
    facts = known_facts(kb, context.facts)
    among = choosing.candidates(kb, context.options, facts)
    return replace(scoring.outlook(kb, facts, among), passed=frozenset(context.passed))


def in_terms_of_asked(asked: Question | None, said: dict[str, FactValue]) -> dict[str, FactValue]:
    """What a reply says of the setup, read as an answer to the question the thread's
    recommendation asked (`asked`): less the facts that question's `scoped` words only
    qualify the answer by ("only mTLS" answering which needs to enforce at the mesh names
    mTLS as a need; it says nothing of drivers)."""
    if asked is None or not asked.scoped:
        return said
    return {k: v for k, v in said.items() if k not in asked.scoped}


def passed_over(asked: Question | None, context: Intent, facts: dict[str, FactValue]) -> list[str]:
    """The questions passed over once a reply has set these facts: the thread's, and the one
    its recommendation asked next (`asked`) where the reply left that question's fact unsaid
    ("from any vendor" while the licence was asked; more of the setup, no answer)."""
    if asked is None or facts.get(asked.fact) != context.facts.get(asked.fact):
        return context.passed
    return list(dict.fromkeys([*context.passed, asked.id]))[:12]


def known_facts(kb: KnowledgeBase, facts: dict[str, FactValue]) -> dict[str, FactValue]:
    """The facts a recommendation weighs (rules.yaml `facts`), of all those said."""
    known = {f.id for f in kb.rules.facts}
    return {k: v for k, v in facts.items() if k in known}


def needed_features(said: Intent) -> list[str]:
    """The features a reading of the setup says are needed: those it names that its `needs`
    holds, not a feature only mentioned ("sidecars are fine" names sidecarless, needs none)."""
    needs = said.facts.get("needs")
    return [f for f in said.features if isinstance(needs, list) and f in needs]


def after_pick(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """The reply's intent where it goes on from the thread's pick; None where it is read as
    any other reply in a thread."""
    fresh = parser.parse(text)
    named = fresh.meshes
    why_not = fresh.aspect == Aspect.drawbacks or (
        fresh.kind == IntentKind.compare and len(named) == 1
    )
    if not (fresh.kind in GOES_ON or why_not) or len(named) > 1:
        return None
    checked = bool(fresh.features) and not named
    if (
        checked
        and _asked_of_pick(parser, text, context)
        and (check := _checked(kb, context, fresh))
    ):
        return check  # the answer says what the pick would be were it needed
    if again := _made_again(kb, parser, text, context, fresh):
        return again
    if checked and (check := _checked(kb, context, fresh)):
        return check  # "we need windows nodes" said again: nothing new, the pick checked for it
    pick = pick_of(kb, context) if why_not else None
    if pick is None or pick in named:
        return None
    return Intent(  # "why not linkerd?", "how come not kuma": set against the pick
        kind=IntentKind.compare,
        meshes=[pick, *named],
        features=context.features,
        facts=context.facts,
        text=fresh.text,
        pick=pick,
        # asked why not: the reasons that set them apart on the setup lead the comparison
        aspect=Aspect.drawbacks if fresh.aspect == Aspect.drawbacks else None,
    )


def _checked(kb: KnowledgeBase, context: Intent, fresh: Intent) -> Intent | None:
    """The thread's pick checked for the features a reply names, on the thread's setup, the
    thread's pick and options kept for the replies after it."""
    pick = pick_of(kb, context)
    if pick is None:
        return None
    return Intent(
        kind=IntentKind.feature_check,
        meshes=[pick],
        features=fresh.features,
        facts=context.facts,
        options=context.options,
        text=fresh.text,
        pick=pick,
        passed=context.passed,
    )


def _asked_of_pick(parser: IntentParser, text: str, context: Intent) -> bool:
    """Whether a reply naming features asks them of the pick: "does that work with windows
    node pools too?" (words referring back), or "and proxyless gRPC?", "what about rate
    limiting" (asked, not said to be needed, and nothing more of the setup said)."""
    if parser.refers_back(text):
        return True
    if not parser.asks_not_needs(text):
        return False
    said = parser.setup_of(text, context.facts).facts
    return all(said.get(k) == context.facts.get(k) for k in said if k not in ADDED_UP)


def after_asked_of_pick(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """After a question asked of the pick ("why not istio?", "what's the catch?"), a reply
    saying more of the setup ("what if we also need jwt validation?") makes the pick again,
    as it would right after the recommendation; None for any other reply."""
    fresh = parser.parse(text)
    if context.pick is None or fresh.kind not in GOES_ON or len(fresh.meshes) > 1:
        return None
    return _made_again(kb, parser, text, context, fresh)


def instead_of_pick(parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """After a question asked of the pick ("can it do ambient?"), a reply swapping one other
    mesh in for it ("what about linkerd on openshift instead?", phrases `swaps_in`) sets that
    mesh against the pick on the thread's setup and needs, as "why not linkerd?" does, not
    the question asked of the pick; None for any other reply."""
    fresh = parser.parse(text)
    pick = context.pick
    if pick is None or context.kind == IntentKind.recommend or not parser.says("swaps_in", text):
        return None
    named = [m for m in fresh.meshes if m != pick]
    if len(named) != 1 or fresh.features:
        return None
    needs = context.facts.get("needs")
    return Intent(
        kind=IntentKind.compare,
        meshes=[pick, *named],
        features=needs[:12] if isinstance(needs, list) else [],
        facts=merged(context.facts, fresh.facts),
        text=fresh.text,
        pick=pick,
    )


def _made_again(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent, fresh: Intent
) -> Intent | None:
    """The pick made again over the thread's setup and what the reply says of it, with the
    pick it made before (the answer says how it changed); None where it says nothing new."""
    # the thread's recommendation, made once: the question it asked and its pick
    made = outlook_of(kb, context) if context.kind == IntentKind.recommend else None
    asked = made.most_telling_question() if made else None
    setup = parser.setup_of(text, context.facts)
    facts = merged(context.facts, in_terms_of_asked(asked, setup.facts))
    if facts == context.facts:
        return None
    # after a check of the pick, the features it checked were asked about, not needed
    kept = context.features if made else as_list(context.facts.get("needs"))
    # less what is now said not to be needed ("what if we go down to 1 cluster?")
    dropped = as_list(facts.get(NOT_NEEDED))
    features = [f for f in dict.fromkeys([*kept, *needed_features(setup)]) if f not in dropped]
    before = made.verdict.pick if made else context.pick
    return Intent(
        kind=IntentKind.recommend,
        meshes=fresh.meshes,
        features=features[:12],
        facts=facts,
        text=fresh.text,
        pick=before,
        passed=passed_over(asked, context, facts),
    )
