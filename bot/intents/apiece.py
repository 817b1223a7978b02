"""Pods counted apiece: a count per holder times the holders counted.

"50 services, 3 replicas each" is 150 pods; "3 clusters, ~150 pods each" is 450; "25 pods per
node on 120 nodes" is 3,000 (rules.yaml `apiece:` names the holder a unit counts per, so the
nodes stay the node count). In a thread the holders may have been counted before: "3 replicas
per service" after "70 services" is 210 pods (`before`: the thread's setup).
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.intents.products import Product
from bot.knowledge.models import FactValue, RulesFile

HOLDERS = ("services", "clusters", "nodes")  # what "N pods each" can be counted per
PER = "replicas"  # the fact counted apiece
TOTAL = "pods"  # the fact a count apiece totals


def holders_by_unit(rules: RulesFile) -> dict[str, str]:
    """Each unit counted apiece of a named holder (rules.yaml `apiece:`), by unit as written."""
    return {
        unit: holder for f in rules.facts for holder, units in f.apiece.items() for unit in units
    }


def holder_said_before(at: Mapping[str, int]) -> str | None:
    """The holder counted last before 'N pods each' (`at`: where each count was said)."""
    if PER not in at:
        return None
    before = [(i, f) for f, i in at.items() if f in HOLDERS and i < at[PER]]
    return max(before)[1] if before else None


def totalled(
    facts: dict[str, FactValue],
    holder: str | None,
    before: Mapping[str, FactValue] | None = None,
    limit: int | None = None,
) -> tuple[dict[str, FactValue], Product | None]:
    """`facts` with the pods a count apiece makes: times its holder's count (`holder`; services
    where none is said), said here or in `before`, and that product. A count per service with no
    services counted is the pods of one; one per node or cluster with none counted leaves the
    pods unset."""
    per = facts.get(PER)
    if not isinstance(per, int) or TOTAL in facts:
        return facts, None
    holder = holder or "services"
    if holder != "services":  # pods per cluster or node are no replicas of a service
        del facts[PER]
    of = facts.get(holder, (before or {}).get(holder))
    if isinstance(of, int):
        count = per * of
    elif holder == "services":
        count = per
    else:
        return facts, None
    if limit is not None and count > limit:
        return facts, None
    facts[TOTAL] = count
    if not isinstance(of, int) or of < 2:
        return facts, None
    counted = PER if holder == "services" else TOTAL  # "3 replicas", "200 pods" apiece
    return facts, Product(of, holder, per, counted, TOTAL)


def in_thread(before: Mapping[str, FactValue], said: Mapping[str, FactValue]) -> dict[str, int]:
    """The pods a reply's count per service makes with the thread's services: "3 replicas per
    service" after "70 services" is 210, where the reply counted no services of its own (its
    pods are then those of one service)."""
    per, services = said.get(PER), before.get("services")
    if not (isinstance(per, int) and isinstance(services, int)) or "services" in said:
        return {}
    if said.get(TOTAL) not in (None, per):  # pods of their own said in the reply
        return {}
    return {TOTAL: per * services}
