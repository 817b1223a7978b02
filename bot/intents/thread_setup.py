"""A thread's setup and a reply's: how what a reply says goes on from what was said before.

One way for every reply in a thread (`meshbot chat`, a Slack thread or DM): the reply is read
beside the thread's setup, as if both were said in one message, then laid over it.

- Read beside it: VMs said after "we run EKS" ("we also need to mesh about 10 EC2 VMs") are
  workloads to bring in beside EKS, not the estate's one platform, so they are no EKS nodes
  either (bot/intents/requirements.py `_counted`, rules.yaml `implied:`).
- Laid over it: what the reply says wins ("actually we're on GKE"), what is needed adds
  up ("we also need mirroring" keeps JWT), less what a reply says is not needed ("we never
  asked for canary upgrades"); what a reply needs is no longer not needed; and a count per
  service counts the thread's services ("3 replicas per service" after "70 services" is 210
  pods; bot/intents/apiece.py).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bot.intents import apiece
from bot.intents.requirements import implied
from bot.knowledge.models import FactValue, RulesFile

# Facts that add up over a conversation ("we also need mirroring" keeps JWT): what is needed.
ADDED_UP = ("needs", "by_name", "in_full")
NOT_NEEDED = "not_needed"  # the features a message says are not needed

Facts = Mapping[str, FactValue]


def merged(before: Facts, said: Facts) -> dict[str, FactValue]:
    """The thread's facts with the reply's over them; what is needed adds up, less what the
    reply says is not needed, and what the reply needs is taken off what was not needed."""
    facts = {**before, **said}
    dropped = _listed(said.get(NOT_NEEDED))
    for fact in ADDED_UP:
        old, new = before.get(fact), said.get(fact)
        if isinstance(old, list) and isinstance(new, list):
            facts[fact] = list(dict.fromkeys([*old, *new]))[:12]
        if dropped and isinstance(kept := facts.get(fact), list) and set(kept) & set(dropped):
            # all taken back leaves none said: an empty list would answer "none of these"
            if left := [f for f in kept if f not in dropped]:
                facts[fact] = left
            else:
                del facts[fact]
    wanted = _listed(said.get("needs"))
    if NOT_NEEDED not in said and wanted and (earlier := _listed(before.get(NOT_NEEDED))):
        if left := [f for f in earlier if f not in wanted]:
            facts[NOT_NEEDED] = left
        else:
            del facts[NOT_NEEDED]
    facts.update(apiece.in_thread(before, said))  # "3 replicas per service" after "70 services"
    return facts


def as_list(value: FactValue | None) -> list[str]:
    """A fact naming one item or several (a platform, meshes), as a list."""
    if isinstance(value, str):
        return [value]
    return _listed(value)


def _listed(value: FactValue | None) -> list[str]:
    """A list fact's items; nothing for any other value."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def implied_beside(
    rules: RulesFile, said: Facts, before: Facts, counted: Collection[str] | None = None
) -> dict[str, FactValue]:
    """What the reply's facts imply read beside the thread's (rules.yaml `implied:`), less
    what the thread said already: "10 EC2 VMs" after "we run EKS" counts no nodes, as VMs
    counted count them only where no other platform is said. What the reply's own facts undo
    of the thread's (rules.yaml `reply_implied`: "what if we go down to 1 cluster?" after "4
    clusters, need multi-cluster": no mesh spans clusters) is said with them."""
    if not before:
        return implied(rules, dict(said), counted)
    said = implied(rules, dict(said), implications=rules.reply_implied)
    whole = implied(rules, merged(before, said), counted)
    return {k: v for k, v in whole.items() if k in said or before.get(k) != v}
