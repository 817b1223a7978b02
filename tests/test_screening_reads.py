"""Every screening test reads no more of the requirements than READS says: the checks are
remembered by those values, so a field read but not listed would reuse a wrong check."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.answers.requirements import Requirements
from bot.answers.screening import READS, TESTS, Context
from bot.knowledge.base import KnowledgeBase

SETUPS = Path(__file__).parent / "data" / "recommend_scenarios.yaml"
# Setups that call on the tests the scenario set does not
MORE = [
    "we want off linkerd, 40 services on eks, what next?",
    "security insists on a per-pod proxy, 30 services on gke. which mesh?",
    "open source only, we need stable releases with backported cve fixes; 300 employees, eks",
    "the whole mesh must fit in 5GB RAM total, 1500 pods on eks, which one?",
    "eks, every pod on fargate, 20 services: which mesh?",
    "gke, 25 services, we won't have any proxies at all. options?",
    "openshift, 60 services, procurement allows no new vendors. which mesh?",
    "gke, 80 services, we want upstream istio, not the managed one. which mesh?",
    "eks, 90 services, the team refuses istio. which mesh?",
    "eks, 40 services, we don't want per-pod mesh billing. which mesh?",
    "we need a mesh for our 20 services on nomad, which one?",
    "gke, 20 nodes, 600 pods, at most 300 MB per node for mesh proxies. which mesh?",
    "eks, 40 services, istio feels too complex for our team of 4, what else?",
]


class Reading:
    """Requirements that note every field a test reads."""

    def __init__(self, req: Requirements) -> None:
        self._req = req
        self.read: set[str] = set()

    def __getattr__(self, name: str) -> object:
        self.read.add(name)
        return getattr(self._req, name)


def test_each_screening_test_reads_only_what_its_checks_are_remembered_by(
    engine, kb: KnowledgeBase
):
    setups = [s["setup"] for s in yaml.safe_load(SETUPS.read_text(encoding="utf-8"))] + MORE
    read: dict[str, set[str]] = {}
    for text in setups:
        facts = engine.parser.parse(text).facts
        req = Requirements.from_facts(kb.rules, facts)
        for constraint in kb.rules.constraints:
            if (value := facts.get(constraint.fact)) is None:
                continue
            for mesh in kb.meshes.values():
                reading = Reading(req)
                context = Context(kb, reading, constraint)  # type: ignore[arg-type]
                TESTS[constraint.test](mesh, value, context)
                read.setdefault(constraint.test, set()).update(reading.read)
    assert set(read) == set(TESTS)  # every test was called on (a new one needs a setup here)
    beyond = {test: names - set(READS.get(test, ())) for test, names in read.items()}
    assert not {test: names for test, names in beyond.items() if names}
