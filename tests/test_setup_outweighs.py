"""A setup said before a check of one offering, or a list asked at its end, asks for a pick:
the pick answers the offering asked about among the rest (ruled out, with its row). Less setup
keeps the check or the list asked."""

from __future__ import annotations

import pytest

from bot.intents.models import IntentKind
from bot.render.plain import render_terminal


@pytest.mark.parametrize(
    ("text", "named", "why"),
    [
        (
            "fargate again lol. 60 svcs. security team says (1) real mutual tls between tasks, "
            "not just tls to the lb, and (2) jwt validation at the mesh layer, they dont trust "
            "every team to do it in code. service connect looked nice but idk if it does "
            "either?? licence doesnt matter, we'll pay",
            "Amazon ECS Service Connect",
            "Mutual TLS",
        ),
        (
            "aks, mixed node pools: linux + windows server 2022 (legacy .net 4.8 apps, cant move "
            "them to linux anytime soon). need mtls between the windows pods and linux pods, "
            "thats the whole point. would love the aks addon bc MS support but does it even do "
            "windows?",
            "AKS Istio-based service mesh add-on",
            "Windows nodes",
        ),
        (
            "we run eks, 120 pods, 2 platform engineers. need mtls everywhere plus traffic "
            "mirroring for our shadow tests. heard good things about linkerd but does it even "
            "mirror?",
            "Linkerd",
            "Traffic mirroring",
        ),
    ],
)
def test_the_offering_asked_about_is_answered_within_the_pick(engine, text, named, why):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    answer = render_terminal(engine.answer(intent))
    assert answer.startswith("Recommendation: ")
    ruled = next(line for line in answer.splitlines() if line.startswith(f"{named} is ruled out"))
    assert why in ruled


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("on GKE. we need mTLS plus traffic mirroring. which meshes can do both?", "which_meshes"),
        ("which ones let our old ec2 vms join the mesh alongside k8s", "which_meshes"),
        ("eks, 200 pods. does linkerd do mtls?", "feature_check"),
        (
            "windows node pool on aks, 40 pods. is it possible to put those behind the istio "
            "add-on?",
            "feature_check",
        ),
    ],
)
def test_little_setup_keeps_the_question_asked(engine, text, kind):
    assert engine.parser.parse(text).kind == IntentKind(kind)


def test_the_setup_groups_name_known_facts(kb):
    known = {fact.id for fact in kb.rules.facts}
    grouped = {f for facts in kb.rules.setup_weight.groups.values() for f in facts}
    assert grouped and grouped <= known
