"""A mesh someone else wants ("our platform lead wants cilium service mesh"), asked which mesh
to run, stands as the setup's wish but gives way first where nothing meets it and every other
requirement: the answer picks the best of the rest and says whose wish was given up."""

from __future__ import annotations

import pytest

from bot.answers import scoring
from bot.render.plain import render_terminal


def _answer(engine, text):
    intent = engine.parser.parse(text)
    kb = engine.kb
    facts = {k: v for k, v in intent.facts.items() if kb.rules.fact(k)}
    verdict = scoring.outlook(kb, facts, scoring.candidates(kb, intent.meshes)).verdict
    return verdict, render_terminal(engine.answer(intent))


OTHERS_WISH_OUT = [
    "gke standard, 5 clusters, all dataplane v2 (set at creation, not changing). ~500 svcs, "
    "want a managed control plane, gateway api, multi-cluster. our platform lead wants cilium "
    "service mesh because 'dpv2 is literally cilium'. which mesh should we go with?",
    "gke, dataplane v2 everywhere, 4 clusters, 300 services, we want google to run the control "
    "plane and multi-cluster. our platform lead wants cilium service mesh. what should we use?",
    "our infra lead wants cilium mesh. gke standard with dpv2, managed control plane required, "
    "3 clusters, gateway api. which mesh?",
    "the security lead wants linkerd. aks, we need microsoft support. which mesh?",
]


@pytest.mark.parametrize("text", OTHERS_WISH_OUT)
def test_someone_elses_wish_gives_way_to_a_pick(engine, text):
    verdict, shown = _answer(engine, text)
    assert verdict.pick is not None
    assert verdict.pick not in ("cilium", "linkerd")
    assert "the mesh someone else wants" in shown
    assert "which someone else wants" in shown


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the team's own insistence is not given up for them
        (
            "we want cilium service mesh. gke dataplane v2, managed control plane, "
            "multi-cluster. which mesh?",
            "cilium",
        ),
        # someone else's wish that fits stands, and is picked
        (
            "our platform lead wants cilium. eks with cilium as cni, 100 services. which mesh?",
            "cilium",
        ),
    ],
)
def test_a_wish_that_fits_or_is_the_teams_is_kept(engine, text, wanted):
    verdict, _ = _answer(engine, text)
    assert engine.parser.parse(text).facts.get("wanted_mesh") == wanted
    assert verdict.pick in (None, wanted)
    assert "wanted-mesh" not in verdict.relaxed
